/**
 * The term mode: an explanation is shown with the term blanked out, and the user picks the term
 * among four names drawn from related terms (same topic first). Only names shaped like terms are asked or
 * offered, and only explanations that still say something once blanked and name no other option (termShape.ts).
 */
import type { TermInfo } from '../index/noteIndex';
import { escapeRegExp } from './scope';
import { shuffle, type Rng } from '../random';
import { BLANK, comparable, explanationProblem, isQuizTerm, visibleText } from './termShape';

export { BLANK };
export const CHOICES = 4;

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

/** Distractor pools: terms by topic plus all terms, only names shaped like terms. Build once per session. */
export class TermPool {
  readonly byTopic = new Map<string, TermInfo[]>();
  readonly all: readonly TermInfo[];
  constructor(terms: readonly TermInfo[]) {
    this.all = terms.filter((t) => isQuizTerm(t.term));
    for (const t of this.all) {
      const list = this.byTopic.get(t.topic);
      if (list) list.push(t);
      else this.byTopic.set(t.topic, [t]);
    }
  }
}

/** The names a term is blanked under: its own and every alias. */
function namesOf(target: TermInfo): string[] {
  return [target.term, ...target.allAliases, ...target.aliases];
}

/**
 * Can this term be asked at all (whatever the other options turn out to be)? Its name is shaped like a term and its
 * explanation, blanked, still says enough. Topic counts use it, so they count what a quiz asks.
 */
export function isAskableTerm(target: TermInfo): boolean {
  return (
    isQuizTerm(target.term) &&
    target.summary.trim().length > 0 &&
    !explanationProblem(tidyPrompt(blankOut(target.summary, namesOf(target))))
  );
}

/**
 * Builds the question for one term, or undefined when the term cannot be asked or fewer than three distinct
 * distractors fit: a distractor is shaped like a term, is not named in the prompt, does not overlap the term's names
 * (`Pod` beside `Pod spec`), and is not another name for it or for another option (its explanation opens with
 * the other's name).
 */
export function termQuestion(target: TermInfo, pool: TermPool, rng: Rng): TermQuestion | undefined {
  if (!isQuizTerm(target.term)) return undefined;
  const targetNames = namesOf(target);
  const prompt = tidyPrompt(blankOut(target.summary, targetNames));
  if (explanationProblem(prompt)) return undefined;
  const names = new Set(targetNames.map(comparable).filter((n) => n.length > 0));
  const summary = comparable(target.summary);
  const seen = comparable(visibleText(prompt));
  const picked: TermInfo[] = [];
  const pickedNames = new Set<string>();
  const pickedOpenings: string[] = [];
  // Cheap checks first: most candidates a draw rejects fail on their name.
  const ok = (t: TermInfo) => {
    const name = comparable(t.term);
    if (!name || t.key === target.key || overlaps(names, name) || overlaps(pickedNames, name) || seen.includes(name)) return false;
    if (comparable(t.summary) === summary) return false;
    const opening = openingOf(t.summary);
    return !startsWithAny(opening, names) && !startsWithAny(opening, pickedNames) && !pickedOpenings.some((o) => o.startsWith(name));
  };
  const take = (t: TermInfo) => {
    picked.push(t);
    pickedNames.add(comparable(t.term));
    pickedOpenings.push(openingOf(t.summary));
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
    prompt,
    summary: target.summary,
    choices,
    answer: choices.indexOf(target.term),
    topic: target.topic,
    file: target.file,
    line: target.line,
  };
}

/** A one-line explanation taken from a list item reads as a sentence, not as a list of one. */
function tidyPrompt(prompt: string): string {
  const trimmed = prompt.trim();
  return trimmed.includes('\n') ? prompt : trimmed.replace(/^(?:[-*+]|\d{1,3}[.)])[ \t]+/, '');
}

/** One name inside another (`커널` and `커널 모드`): offered together, one gives the other away. */
function overlaps(names: ReadonlySet<string>, candidate: string): boolean {
  for (const n of names) if (n.includes(candidate) || candidate.includes(n)) return true;
  return false;
}

/** How an explanation opens, as read (list marks and emphasis aside): one that opens with a name explains that name. */
function openingOf(summary: string): string {
  return comparable(visibleText(summary.slice(0, 200)));
}

function startsWithAny(opening: string, names: ReadonlySet<string>): boolean {
  for (const n of names) if (n && opening.startsWith(n)) return true;
  return false;
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

/**
 * Replaces every mention of the names (longest first, case-insensitive) with a blank. A Latin name inside a longer
 * word stays (`PC` in `PCB` would leave `___B`); a plural ending does not make it longer (`Pods`).
 */
export function blankOut(markdown: string, names: string[]): string {
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))].sort((a, b) => b.length - a.length);
  if (!unique.length) return markdown;
  const re = new RegExp(unique.map(escapeRegExp).join('|'), 'giu');
  return markdown.normalize('NFC').replace(re, (match: string, offset: number, whole: string) => {
    const end = offset + match.length;
    const gluedBefore = WORD_CHAR.test(match.charAt(0)) && WORD_CHAR.test(whole.charAt(offset - 1));
    const gluedAfter =
      WORD_CHAR.test(match.charAt(match.length - 1)) && WORD_CHAR.test(whole.charAt(end)) && !PLURAL.test(whole.slice(end, end + 3));
    return gluedBefore || gluedAfter ? match : BLANK;
  });
}

const WORD_CHAR = /[A-Za-z0-9_]/;
const PLURAL = /^e?s(?![A-Za-z0-9_])/;
