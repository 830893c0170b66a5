/**
 * The review log: one entry per grade given (card or term, time, rating, the interval it got, and
 * the state the card was in before). Statistics and the daily limits read it; it is saved and
 * exported with the progress. Practice sessions never write to it.
 */
import type { QuizGrade, ReviewState } from './scheduler';

export interface ReviewEntry {
  /** Card key (cards) or term key (terms). */
  key: string;
  kind: 'card' | 'term';
  /** ISO time of the review. */
  at: string;
  rating: QuizGrade;
  /** Days until the card is due again after this review (fractional for learning steps). */
  interval: number;
  /** The card's state before the review: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: ReviewState['state'];
}

/** The newest entries kept (about 2 MB of JSON): years of daily study, and the file stays quick to save. */
export const MAX_LOG_ENTRIES = 20_000;

export interface DayCounts {
  /** New cards first graded since the day started. */
  newCards: number;
  /** Review-state cards graded since the day started. */
  reviews: number;
}

export class ReviewLog {
  private list: ReviewEntry[] = [];
  version = 0;

  constructor(
    entries?: readonly ReviewEntry[],
    private readonly max = MAX_LOG_ENTRIES,
  ) {
    if (entries) this.replace(entries);
  }

  get entries(): readonly ReviewEntry[] {
    return this.list;
  }
  get size(): number {
    return this.list.length;
  }

  add(entry: ReviewEntry): void {
    this.list.push(entry);
    if (this.list.length > this.max) this.list.splice(0, this.list.length - this.max);
    this.version++;
  }

  /** Entry for a grade: the interval is measured from the review to the new due date. */
  static entry(
    key: string,
    kind: ReviewEntry['kind'],
    at: Date,
    rating: QuizGrade,
    before: ReviewState | undefined,
    after: ReviewState,
  ): ReviewEntry {
    const interval = Math.max(0, Math.round(((Date.parse(after.due) - at.getTime()) / 86_400_000) * 1000) / 1000);
    return { key, kind, at: at.toISOString(), rating, interval, state: before?.state ?? 0 };
  }

  /** Card grades since `dayStart` (of the cards `counts` keeps): reads back from the newest entry only as far as the day goes. */
  countSince(dayStart: Date, counts?: (key: string) => boolean): DayCounts {
    const from = dayStart.getTime();
    const seenNew = new Set<string>();
    let reviews = 0;
    for (let i = this.list.length - 1; i >= 0; i--) {
      const e = this.list[i];
      if (Date.parse(e.at) < from) break;
      if (e.kind !== 'card' || (counts && !counts(e.key))) continue;
      if (e.state === 0) seenNew.add(e.key);
      else if (e.state === 2) reviews++;
    }
    return { newCards: seenNew.size, reviews };
  }

  /** Adds the entries of another log that this one lacks (same key, time and rating), in time order. */
  merge(entries: readonly ReviewEntry[]): number {
    const id = (e: ReviewEntry) => `${e.kind}\u0000${e.key}\u0000${e.at}\u0000${e.rating}`;
    const mine = new Set(this.list.map(id));
    const added = entries.filter((e) => !mine.has(id(e)));
    if (!added.length) return 0;
    this.replace([...this.list, ...added]);
    return added.length;
  }

  replace(entries: readonly ReviewEntry[]): void {
    const sorted = [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    this.list = sorted.length > this.max ? sorted.slice(sorted.length - this.max) : sorted;
    this.version++;
  }

  toJSON(): ReviewEntry[] {
    return [...this.list];
  }
}

/** Checks the `log` of a progress file; bad entries are reported through `fail`. */
export function validateLog(json: unknown, fail: (msg: string) => void): ReviewEntry[] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) {
    fail('"log" is not a list');
    return [];
  }
  const out: ReviewEntry[] = [];
  json.forEach((value: unknown, i) => {
    const where = `log[${i}]`;
    if (typeof value !== 'object' || value === null) return fail(`${where} is not an object`);
    const v = value as Record<string, unknown>;
    if (typeof v.key !== 'string' || !v.key) return fail(`${where}.key is not a card key`);
    if (v.kind !== 'card' && v.kind !== 'term') return fail(`${where}.kind is not "card" or "term"`);
    if (typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at))) return fail(`${where}.at is not a date`);
    if (v.rating !== 1 && v.rating !== 2 && v.rating !== 3 && v.rating !== 4) return fail(`${where}.rating is not 1, 2, 3 or 4`);
    if (typeof v.interval !== 'number' || !Number.isFinite(v.interval) || v.interval < 0)
      return fail(`${where}.interval is not a number ≥ 0`);
    if (v.state !== 0 && v.state !== 1 && v.state !== 2 && v.state !== 3) return fail(`${where}.state is not 0, 1, 2 or 3`);
    out.push({ key: v.key, kind: v.kind, at: new Date(v.at).toISOString(), rating: v.rating, interval: v.interval, state: v.state });
  });
  return out;
}
