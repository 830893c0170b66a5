import type { CardGroup } from './noteIndex';

/**
 * How the trees count questions, one rule for a day row and a topic row alike: each question a row holds counts
 * once (by its key), and the row says how many of them are written in more than one place of the notes. A question
 * written on two days is in both days' rows and once in its topic's row, so the days add up to more than the
 * topics by exactly the questions written again, and the rows say so.
 */
export interface QuestionCount {
  questions: number;
  /** Of those, the questions written in more than one place. */
  writtenAgain: number;
}

/** The number of places each question is written in, among the given groups (a key they lack: one place). */
export function placeCounts(groups: readonly CardGroup[]): (key: string) => number {
  const places = new Map(groups.map((g) => [g.key, g.places.length]));
  return (key) => places.get(key) ?? 1;
}

export function countQuestions(cards: Iterable<{ key: string }>, placesOf: (key: string) => number): QuestionCount {
  const keys = new Set<string>();
  for (const card of cards) keys.add(card.key);
  let writtenAgain = 0;
  for (const key of keys) if (placesOf(key) > 1) writtenAgain++;
  return { questions: keys.size, writtenAgain };
}
