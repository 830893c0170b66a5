/**
 * The term mode: an explanation is shown with the term blanked out, and the user picks the term
 * among four names drawn from related terms (same topic first).
 */
import type { TermInfo } from '../index/noteIndex';
import { escapeRegExp } from './scope';
import { shuffle, type Rng } from '../random';

export const CHOICES = 4;
/**
 * Where the term was, in the prompt's Markdown: a private-use character, which Markdown treats like
 * a letter (so `**term**은` stays bold when blanked); the host shows it as a visible blank.
 */
export const BLANK = '\uE000';

export interface TermQuestion {
  key: string;
  term: string;
  /** The explanation with the term and its aliases blanked out (Markdown, blanks are BLANK). */
  prompt: string;
  /** The explanation as written (Markdown), shown after the pick. */
  summary: string;
  choices: string[];
  /** Index of the right choice in `choices`. */
  answer: number;
  topic: TermInfo['topic'];
  file: string;
  line: number;
}

/** Distractor pools: terms by topic plus all terms. Build once per session. */
export class TermPool {
  readonly byTopic = new Map<string, TermInfo[]>();
  constructor(readonly all: readonly TermInfo[]) {
    for (const t of all) {
      const list = this.byTopic.get(t.topic);
      if (list) list.push(t);
      else this.byTopic.set(t.topic, [t]);
    }
  }
}

/** Builds the question for one term, or undefined when fewer than three distinct distractors exist. */
export function termQuestion(target: TermInfo, pool: TermPool, rng: Rng): TermQuestion | undefined {
  const names = new Set([norm(target.term), ...target.allAliases.map(norm), ...target.aliases.map(norm)]);
  const summary = norm(target.summary);
  const picked: TermInfo[] = [];
  const pickedNames = new Set<string>();
  const ok = (t: TermInfo) =>
    t.key !== target.key &&
    !names.has(norm(t.term)) &&
    !pickedNames.has(norm(t.term)) &&
    norm(t.summary) !== summary &&
    t.term.trim().length > 0;
  const take = (t: TermInfo) => {
    picked.push(t);
    pickedNames.add(norm(t.term));
  };
  for (const list of [pool.byTopic.get(target.topic) ?? [], pool.all]) {
    if (picked.length >= CHOICES - 1) break;
    drawFrom(list, CHOICES - 1 - picked.length, rng, ok, take);
  }
  if (picked.length < CHOICES - 1) return undefined;
  const choices = shuffle([target.term, ...picked.map((t) => t.term)], rng);
  return {
    key: target.key,
    term: target.term,
    prompt: blankOut(target.summary, [target.term, ...target.allAliases, ...target.aliases]),
    summary: target.summary,
    choices,
    answer: choices.indexOf(target.term),
    topic: target.topic,
    file: target.file,
    line: target.line,
  };
}

/** Random draws without building a shuffled copy (pools can be large); a linear sweep finishes. */
function drawFrom(list: readonly TermInfo[], want: number, rng: Rng, ok: (t: TermInfo) => boolean, take: (t: TermInfo) => void): void {
  if (!list.length || want <= 0) return;
  let got = 0;
  for (let attempt = 0; attempt < want * 8 && got < want; attempt++) {
    const t = list[Math.floor(rng() * list.length)];
    if (ok(t)) {
      take(t);
      got++;
    }
  }
  if (got >= want) return;
  const start = Math.floor(rng() * list.length);
  for (let i = 0; i < list.length && got < want; i++) {
    const t = list[(start + i) % list.length];
    if (ok(t)) {
      take(t);
      got++;
    }
  }
}

/** Replaces every mention of the names (longest first, case-insensitive) with a blank. */
export function blankOut(markdown: string, names: string[]): string {
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  if (!unique.length) return markdown;
  const re = new RegExp(unique.map(escapeRegExp).join('|'), 'giu');
  return markdown.normalize('NFC').replace(re, BLANK);
}

function norm(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
