/**
 * How well the learner knows a term, from the quiz states that ask about it (the term mode, its
 * cloze and reverse cards). The hover adapts to it: a known term gets one line and when its review
 * is due, a due or failed one the whole explanation with "Quiz me" first. No progress: undefined,
 * and the hover stays as it always was (the CLI has none).
 */
import { generatedKey } from './cardKinds/types';
import { dueTime, type ReviewState } from './scheduler';

export type MasteryLevel = 'known' | 'due' | 'failed';

export interface TermMastery {
  level: MasteryLevel;
  /** Known: whole days until the earliest review (at least 1). */
  dueInDays?: number;
}

const DAY = 86_400_000;

/** The quiz states about a term: its term-mode state and its cloze and reverse cards. */
export function termStates(
  book: { term(key: string): ReviewState | undefined; card(key: string): ReviewState | undefined },
  termKey: string,
): ReviewState[] {
  return [book.term(termKey), book.card(generatedKey('cloze', termKey)), book.card(generatedKey('reverse', termKey))].filter(
    (s): s is ReviewState => !!s,
  );
}

/**
 * Failed: forgotten and being relearned, or still in its first learning steps after a miss.
 * Due: any state due now. Known: every state in review and none due. Otherwise (only just started): undefined.
 */
export function termMastery(states: readonly ReviewState[], now: Date): TermMastery | undefined {
  if (!states.length) return undefined;
  const t = now.getTime();
  if (states.some((s) => s.state === 3 || (s.state === 1 && s.lapses > 0))) return { level: 'failed' };
  if (states.some((s) => dueTime(s) <= t)) return { level: 'due' };
  if (!states.every((s) => s.state === 2)) return undefined;
  const next = Math.min(...states.map(dueTime));
  return { level: 'known', dueInDays: Math.max(1, Math.ceil((next - t) / DAY)) };
}
