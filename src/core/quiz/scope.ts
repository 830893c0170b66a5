/** Which cards and terms a quiz covers: everything, a topic, a day, a section, a note, or a term. */
import type { CardGroup, NoteIndex, TermInfo } from '../index/noteIndex';
import type { Card, NoteSource, Topic } from '../model';
import { TOPICS } from '../model';
import { mainSources, STARTER_SOURCES } from '../index/sources';

export type ScopeKind = 'due' | 'topic' | 'day' | 'section' | 'note' | 'term';
export const SCOPE_KINDS: readonly ScopeKind[] = ['due', 'topic', 'day', 'section', 'note', 'term'];
export type QuizMode = 'cards' | 'terms';

/** The `til.startQuiz` argument. `value`: topic id, day key or date, section id, note file, term name. */
export interface QuizScope {
  scope: ScopeKind;
  value?: string;
  mode?: QuizMode;
  /** Practice: ask every card of the scope, due or not, without changing its schedule. */
  practice?: boolean;
  /** At most this many questions (a short first quiz); whole numbers from 1 to MAX_QUIZ_SIZE. */
  size?: number;
  /** Over the starter notes (their own tree root); otherwise the user's notes when there are any. */
  starter?: boolean;
}

export const MAX_QUIZ_SIZE = 100;

export type ScopeIndex = Pick<NoteIndex, 'cardGroups' | 'days' | 'sections' | 'terms' | 'term' | 'hasUserNotes'>;

export function isQuizScope(value: unknown): value is QuizScope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    SCOPE_KINDS.includes(v.scope as ScopeKind) &&
    (v.value === undefined || typeof v.value === 'string') &&
    (v.mode === undefined || v.mode === 'cards' || v.mode === 'terms') &&
    (v.practice === undefined || typeof v.practice === 'boolean') &&
    (v.size === undefined || (Number.isInteger(v.size) && (v.size as number) >= 1 && (v.size as number) <= MAX_QUIZ_SIZE)) &&
    (v.starter === undefined || typeof v.starter === 'boolean')
  );
}

/**
 * The notes a scope reads. A note or a section names its own file; every other scope reads the starter notes when
 * asked for them, else the user's notes as soon as there are any (the starter notes never join the user's days).
 */
export function scopeSources(index: Pick<NoteIndex, 'hasUserNotes'>, scope: QuizScope): readonly NoteSource[] | undefined {
  if (scope.scope === 'note' || scope.scope === 'section') return undefined;
  return scope.starter ? STARTER_SOURCES : mainSources(index);
}

export function isTopic(value: string | undefined): value is Topic {
  return !!value && (TOPICS as readonly string[]).includes(value);
}

/** Places a scope covers, as a predicate on a card place (undefined: every place). */
function placeFilter(index: ScopeIndex, scope: QuizScope): ((c: Card) => boolean) | undefined | 'none' {
  const value = scope.value;
  switch (scope.scope) {
    case 'due':
      return undefined;
    case 'topic':
      return value ? (c) => c.topic === value : 'none';
    case 'note': {
      if (!value) return 'none';
      const file = normaliseFile(value);
      return (c) => normaliseFile(c.file) === file;
    }
    case 'day': {
      const days = findDays(index, value, scopeSources(index, scope));
      if (!days.length) return 'none';
      const set = new Set(days.map((d) => `${d.file}\u0000${d.id}`));
      return (c) => !!c.dayId && set.has(`${c.file}\u0000${c.dayId}`);
    }
    case 'section': {
      const ids = sectionAndDescendants(index, value);
      if (!ids.size) return 'none';
      return (c) => !!c.sectionId && ids.has(c.sectionId);
    }
    case 'term':
      return undefined; // handled by text match
  }
}

/** The card groups a scope covers, in index order (not yet filtered by due date). */
export function selectCardGroups(index: ScopeIndex, scope: QuizScope): CardGroup[] {
  const groups = index.cardGroups(scopeSources(index, scope));
  if (scope.scope === 'term') {
    const matcher = termMatcher(index, scope.value);
    return matcher ? groups.filter((g) => matcher(g.question) || matcher(g.answer)) : [];
  }
  const filter = placeFilter(index, scope);
  if (filter === 'none') return [];
  if (!filter) return groups;
  // A card with no place in the notes (a built-in diagram's question) belongs to its topic.
  const topic = scope.scope === 'topic' ? scope.value : undefined;
  return groups.filter((g) => g.places.some(filter) || (topic !== undefined && !g.places.length && g.topic === topic));
}

/** The terms a scope covers (for the term mode). Only terms with an explanation qualify. */
export function selectTerms(index: ScopeIndex, scope: QuizScope): TermInfo[] {
  const sources = scopeSources(index, scope);
  const explained = index.terms().filter((t) => t.summary.trim().length > 0);
  const own = explained.filter((t) => !sources || sources.includes(t.noteSource));
  // Notes of the user's that explain no term yet: a term quiz asks the terms there are rather than nothing.
  const terms = own.length || scope.starter ? own : explained;
  const value = scope.value;
  switch (scope.scope) {
    case 'due':
      return terms;
    case 'topic':
      return value ? terms.filter((t) => t.topic === value) : [];
    case 'note': {
      if (!value) return [];
      const file = normaliseFile(value);
      return terms.filter((t) => normaliseFile(t.file) === file);
    }
    case 'day': {
      const days = findDays(index, value, sources);
      return terms.filter((t) => days.some((d) => d.file === t.file && t.line >= d.line && t.line <= d.endLine));
    }
    case 'section': {
      const ids = sectionAndDescendants(index, value);
      const sections = index.sections().filter((s) => ids.has(s.id));
      return terms.filter((t) => sections.some((s) => s.file === t.file && t.line >= s.line && t.line <= s.endLine));
    }
    case 'term': {
      const info = value ? index.term(value) : undefined;
      return info ? terms.filter((t) => t.key === info.key) : [];
    }
  }
}

/** Days matching a day key (`DayGroup.key`), an ISO or MM-DD date, or a title. */
function findDays(index: ScopeIndex, value: string | undefined, sources: readonly NoteSource[] | undefined) {
  if (!value) return [];
  for (const group of index.days(sources)) {
    if (group.key === value || group.date === value) return group.entries.map((e) => e.day);
  }
  for (const group of index.days(sources)) {
    if (group.title === value) return group.entries.map((e) => e.day);
    const hit = group.entries.find((e) => `${e.day.file}#${e.day.id}` === value);
    if (hit) return [hit.day];
  }
  return [];
}

function sectionAndDescendants(index: ScopeIndex, id: string | undefined): Set<string> {
  const out = new Set<string>();
  if (!id) return out;
  const sections = index.sections();
  if (!sections.some((s) => s.id === id)) return out;
  out.add(id);
  // Sections of a file come in order with parents first, so one pass per depth level suffices;
  // loop until stable for safety.
  for (let grew = true; grew;) {
    grew = false;
    for (const s of sections) {
      if (s.parentId && out.has(s.parentId) && !out.has(s.id)) {
        out.add(s.id);
        grew = true;
      }
    }
  }
  return out;
}

function normaliseFile(file: string): string {
  return file.replace(/\\/g, '/');
}

/**
 * A test "does this text mention the term or one of its aliases": case-insensitive; Latin names
 * must stand as words (`pid` is not in `rapid`), Korean names may carry particles (`프로세스는`).
 */
export function termMatcher(index: Pick<NoteIndex, 'term'>, name: string | undefined): ((text: string) => boolean) | undefined {
  if (!name) return undefined;
  const info = index.term(name);
  const names = new Set<string>();
  for (const n of info ? [info.term, ...info.allAliases] : [name]) {
    const clean = n.normalize('NFC').toLowerCase().trim();
    if (clean.length >= 2) names.add(clean);
  }
  if (!names.size) return undefined;
  const tests: Array<(text: string) => boolean> = [];
  for (const n of names) {
    if (/^[\x20-\x7e]+$/.test(n)) {
      const test = latinNameTest(n);
      if (test) tests.push(test);
    } else {
      const compact = n.replace(/\s+/g, '');
      tests.push((t) => t.includes(n) || t.replace(/\s+/g, '').includes(compact));
    }
  }
  return (text) => {
    const t = text.normalize('NFC').toLowerCase();
    return tests.some((test) => test(t));
  };
}

const SEPARATOR = /[\s_-]/;
const WORD = /[a-z0-9_]/;

/**
 * A Latin name as a word of lower-cased text: its parts (split at spaces, `-`, `_`) in order, joined
 * by any run of spaces, `-` or `_` (`round robin` = `round-robin` = `roundrobin`), not inside a
 * longer word (`pid` is not in `rapid`). No regex is built from the name: the text is compacted
 * once (separators dropped, positions kept) and each occurrence checked in O(name), so the cost is
 * O(text × name) whatever the name holds.
 */
export function latinNameTest(name: string): ((text: string) => boolean) | undefined {
  const parts = name
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
  const needle = parts.join('');
  if (!needle) return undefined;
  // Compact offsets where a part ends (a separator run may follow) — elsewhere the text must be contiguous.
  const joints = new Set<number>();
  let at = 0;
  for (const p of parts) joints.add((at += p.length) - 1);
  return (text) => {
    let compact = '';
    const origin: number[] = [];
    for (let i = 0; i < text.length; i++) {
      if (SEPARATOR.test(text[i])) continue;
      compact += text[i];
      origin.push(i);
    }
    for (let k = compact.indexOf(needle); k >= 0; k = compact.indexOf(needle, k + 1)) {
      const first = origin[k];
      const last = origin[k + needle.length - 1];
      if (first > 0 && WORD.test(text[first - 1])) continue;
      if (last + 1 < text.length && WORD.test(text[last + 1])) continue;
      let contiguous = true;
      for (let j = 0; j < needle.length - 1 && contiguous; j++) {
        if (!joints.has(j) && origin[k + j + 1] !== origin[k + j] + 1) contiguous = false;
      }
      if (contiguous) return true;
    }
    return false;
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
