import { parse as parseYaml } from 'yaml';
import type { Problem, Topic } from '../model';
import { topicFromName } from '../notes/topics';
import { termKey } from '../text';
import { readGlossaryValue, type GlossaryScope } from './glossaryScope';

/** Ours (shipped with the extension) or theirs (a `til-glossary.yaml` beside their notes, or a file in the settings). */
export type GlossaryOrigin = 'bundled' | 'user';

/** One line of the glossary: a code identifier (or a `key: value` manifest pattern) → a concept in the notes. */
export interface GlossaryEntry {
  code: string;
  term: string;
  topic: Topic;
  line: number;
  /** Where the entry applies (language, file kind, form); absent: wherever its topic fits the document. */
  scope?: GlossaryScope;
  origin?: GlossaryOrigin;
}

/** Names of one concept (`세마포어`, `Semaphore`): a note explaining any of them explains the concept. */
export interface GlossaryConcept {
  names: string[];
  line: number;
}

export interface Glossary {
  file: string;
  /** Absent: ours. */
  origin?: GlossaryOrigin;
  entries: GlossaryEntry[];
  concepts?: GlossaryConcept[];
  problems: Problem[];
}

/** The reserved top-level key for concept names; every other top-level key is a topic. */
export const CONCEPTS_KEY = 'concepts';

/**
 * ```yaml
 * os:
 *   fork: fork
 *   pthread_mutex_lock: 뮤텍스
 * kubernetes:
 *   "kind: Deployment": Deployment
 * concepts:
 *   뮤텍스: [Mutex]
 *   세마포어: Semaphore
 * ```
 * A value may also be scoped, or a list of senses: `sleep: [{ term: sleep과 wakeup, files: [kernel] }, 정보 유지]`.
 */
export function parseGlossary(file: string, text: string, origin: GlossaryOrigin = 'bundled'): Glossary {
  const problems: Problem[] = [];
  const entries: GlossaryEntry[] = [];
  const concepts: GlossaryConcept[] = [];
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 50 });
  } catch (error) {
    problems.push({ file, severity: 'error', code: 'invalid-frontmatter', message: `The glossary is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : error}` });
    return { file, origin, entries, concepts, problems };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    if (data != null) problems.push({ file, severity: 'error', code: 'parse-failed', message: 'The glossary should map topics to { code identifier: term } maps.' });
    return { file, origin, entries, concepts, problems };
  }
  const lines = text.split('\n');
  const lineOf = (code: string) => {
    const i = lines.findIndex((l) => l.includes(code));
    return i === -1 ? 1 : i + 1;
  };
  for (const [topicName, map] of Object.entries(data as Record<string, unknown>)) {
    const topic = topicFromName(topicName) ?? 'other';
    if (!map || typeof map !== 'object' || Array.isArray(map)) {
      problems.push({ file, line: lineOf(topicName), severity: 'warning', code: 'parse-failed', message: `Glossary section "${topicName}" should be a map of code identifier → term.` });
      continue;
    }
    if (topicName === CONCEPTS_KEY) {
      readConcepts(file, map as Record<string, unknown>, lineOf, concepts, problems);
      continue;
    }
    for (const [code, value] of Object.entries(map as Record<string, unknown>)) {
      const line = lineOf(code);
      const read = readGlossaryValue(code, value, (message) => problems.push({ file, line, severity: 'warning', code: 'parse-failed', message }));
      for (const sense of read.terms) entries.push(sense.scope ? { code: read.code, term: sense.term, topic, line, scope: sense.scope, origin } : { code: read.code, term: sense.term, topic, line, origin });
    }
  }
  return { file, origin, entries, concepts, problems };
}

function readConcepts(file: string, map: Record<string, unknown>, lineOf: (s: string) => number, out: GlossaryConcept[], problems: Problem[]): void {
  for (const [name, others] of Object.entries(map)) {
    const list = typeof others === 'string' ? [others] : Array.isArray(others) ? others : undefined;
    if (!list || !list.every((o) => typeof o === 'string' && o.trim())) {
      problems.push({ file, line: lineOf(name), severity: 'warning', code: 'parse-failed', message: `Concept "${name}" should list its other names (text or a list of text).` });
      continue;
    }
    out.push({ names: [name.trim(), ...list.map((o: string) => o.trim())], line: lineOf(name) });
  }
}

/**
 * The glossaries to look up, ours first, with every identifier the user's glossaries define taken out of ours (their
 * senses replace ours), and the concept names joined into groups (a user's `Mutex: [상호 배제 잠금]` extends our
 * `뮤텍스: [Mutex]`): each name's key → the other names' keys.
 */
export function mergeGlossaries(glossaries: Glossary[], keyOf: (code: string) => string): { glossaries: Glossary[]; conceptKeys: Map<string, string[]> } {
  const theirs = glossaries.filter((g) => g.origin === 'user');
  const ours = glossaries.filter((g) => g.origin !== 'user');
  const overridden = new Set(theirs.flatMap((g) => g.entries.map((e) => keyOf(e.code))));
  const merged = [...ours.map((g) => ({ ...g, entries: g.entries.filter((e) => !overridden.has(keyOf(e.code))) })), ...theirs];
  const groups = new Map<string, Set<string>>();
  for (const g of merged) {
    for (const concept of g.concepts ?? []) {
      const keys = concept.names.map(termKey).filter(Boolean);
      const group = new Set<string>(keys);
      for (const k of keys) for (const member of groups.get(k) ?? []) group.add(member);
      for (const k of group) groups.set(k, group);
    }
  }
  const conceptKeys = new Map<string, string[]>();
  for (const [k, group] of groups) conceptKeys.set(k, [...group].filter((m) => m !== k));
  return { glossaries: merged, conceptKeys };
}
