// The quiz tests' hand-moved clock and scheduler dependencies.
import { ProgressBook } from '../../src/core/quiz/progress';
import { Scheduler } from '../../src/core/quiz/scheduler';
import { seededRng } from '../../src/core/random';

export const T0 = new Date('2025-03-10T09:00:00.000Z');
export const MIN = 60_000;
export const DAY = 24 * 60 * MIN;

/** A clock the test moves by hand. */
export function clock(start = T0) {
  let t = start.getTime();
  const now = () => new Date(t);
  return { now, advance: (ms: number) => (t += ms), set: (d: Date) => (t = d.getTime()) };
}

export function deps(now: () => Date, book = new ProgressBook()) {
  return { book, scheduler: new Scheduler(), now, rng: seededRng(42) };
}
