/**
 * Quiz statistics from the review log and the progress: reviews per day, true retention against
 * the desired retention, the due forecast, the hardest cards, and coverage per topic and per day of
 * notes. Every item the quiz asks counts: the cards (questions and generated kinds) and the terms of
 * "Name the term", whose progress is kept apart by term key. Pure; linear in the log plus the cards,
 * plus a sort of the terms.
 */
import type { CardGroup, DayGroup } from '../index/noteIndex';
import { TOPICS, type Place, type Topic } from '../model';
import { hides } from './cardFlags';
import { DAY_MS, studyDayKey, studyDayKeys, studyDayStart } from './days';
import type { ProgressBook } from './progress';
import { dueTime, type ReviewState } from './scheduler';

export interface CoverageRow {
  label: string;
  total: number;
  /** Cards with at least one review. */
  studied: number;
  /** Cards with an interval of three weeks or more. */
  mature: number;
}

export interface QuizStats {
  /** The last `days` study days, oldest first ("2025-03-10"). */
  days: string[];
  reviewsPerDay: number[];
  againPerDay: number[];
  /** Weeks (their first day) that had reviews of cards in the Review state, and the share passed. */
  retention: { weeks: string[]; rate: number[]; counted: number[]; target: number; overall?: number };
  /** Cards due on each of the next days; the first day includes everything overdue. */
  forecast: { days: string[]; due: number[] };
  hardest: Array<{ key: string; question: string; lapses: number; reps: number; difficulty: number }>;
  topics: Array<CoverageRow & { topic: Topic }>;
  noteDays: CoverageRow[];
  /** `hiddenStudied`: hidden cards that had been studied (the overall chart counts each card once). */
  /** `questions`: cards that are the notes' own questions (the rest are generated from terms and diagrams). */
  /** `terms`: the terms of "Name the term", counted among the `cards`. */
  totals: { cards: number; questions: number; terms: number; studied: number; hidden: number; hiddenStudied: number; reviews: number };
}

export interface StatsOptions {
  days?: number;
  forecastDays?: number;
  weeks?: number;
  hardest?: number;
  noteDays?: number;
  /** The desired retention (the line true retention is compared with). */
  target: number;
}

/** A term the "Name the term" quiz asks (a `TermInfo` is one). */
export interface StatsTerm extends Pick<Place, 'file' | 'line'> {
  key: string;
  term: string;
  topic: Topic;
}

const MATURE_DAYS = 21;

export function quizStats(
  groups: readonly CardGroup[],
  noteDays: readonly DayGroup[],
  book: ProgressBook,
  now: Date,
  options: StatsOptions,
  terms: readonly StatsTerm[] = [],
): QuizStats {
  const dayCount = options.days ?? 30;
  const days = studyDayKeys(now, dayCount, 'past');
  const dayIndex = new Map(days.map((d, i) => [d, i]));
  const reviewsPerDay = days.map(() => 0);
  const againPerDay = days.map(() => 0);
  const weeks = options.weeks ?? 8;
  const weekStart = studyDayStart(now).getTime() - (weeks - 1) * 7 * DAY_MS - ((studyDayStart(now).getDay() + 6) % 7) * DAY_MS;
  const passed = new Array<number>(weeks).fill(0);
  const counted = new Array<number>(weeks).fill(0);
  let reviewsAll = 0;
  let passedAll = 0;
  let countedAll = 0;
  // Every grade the quiz logged, a card's or a term's: both are reviews the learner did.
  for (const e of book.log.entries) {
    reviewsAll++;
    const at = Date.parse(e.at);
    const i = dayIndex.get(studyDayKey(new Date(at)));
    if (i !== undefined) {
      reviewsPerDay[i]++;
      if (e.rating === 1) againPerDay[i]++;
    }
    // True retention: of cards that were in review (not learning), how many were remembered.
    if (e.state === 2) {
      countedAll++;
      if (e.rating > 1) passedAll++;
      const w = Math.floor((at - weekStart) / (7 * DAY_MS));
      if (w >= 0 && w < weeks) {
        counted[w]++;
        if (e.rating > 1) passed[w]++;
      }
    }
  }
  const retention: QuizStats['retention'] = { weeks: [], rate: [], counted: [], target: options.target };
  for (let w = 0; w < weeks; w++) {
    if (!counted[w]) continue;
    retention.weeks.push(studyDayKey(new Date(weekStart + w * 7 * DAY_MS + 12 * 3_600_000)));
    retention.rate.push(passed[w] / counted[w]);
    retention.counted.push(counted[w]);
  }
  if (countedAll) retention.overall = passedAll / countedAll;

  const forecastDays = studyDayKeys(now, options.forecastDays ?? 30, 'future');
  const forecastIndex = new Map(forecastDays.map((d, i) => [d, i]));
  const due = forecastDays.map(() => 0);
  const byTopic = new Map<Topic, CoverageRow & { topic: Topic }>(
    TOPICS.map((t) => [t, { topic: t, label: t, total: 0, studied: 0, mature: 0 }]),
  );
  const hardest: QuizStats['hardest'] = [];
  const todayStart = studyDayStart(now).getTime();
  let studied = 0;
  let hidden = 0;
  let hiddenStudied = 0;
  const cardStatus = new Map<string, { studied: boolean; mature: boolean }>();
  const count = (row: CoverageRow, p: ReviewState | undefined, isHidden: boolean) => {
    row.total++;
    if (!p) return;
    studied++;
    row.studied++;
    if (p.scheduled_days >= MATURE_DAYS) row.mature++;
    if (!isHidden) {
      const d = dueTime(p);
      const i = d < todayStart ? 0 : forecastIndex.get(studyDayKey(new Date(d)));
      if (i !== undefined) due[i]++;
    }
  };
  for (const g of groups) {
    const p = book.card(g.key);
    const isHidden = hides(book.flags.get(g.key), now);
    if (isHidden) {
      hidden++;
      if (p) hiddenStudied++;
    }
    cardStatus.set(g.key, { studied: !!p, mature: !!p && p.scheduled_days >= MATURE_DAYS });
    count(byTopic.get(g.topic)!, p, isHidden);
    if (p && p.lapses > 0) hardest.push({ key: g.key, question: g.question, lapses: p.lapses, reps: p.reps, difficulty: p.difficulty });
  }
  // Terms are never hidden (the quiz hides cards only).
  const termStatus = new Map<string, { studied: boolean; mature: boolean }>();
  for (const t of terms) {
    const p = book.term(t.key);
    termStatus.set(t.key, { studied: !!p, mature: !!p && p.scheduled_days >= MATURE_DAYS });
    count(byTopic.get(t.topic)!, p, false);
    if (p && p.lapses > 0)
      hardest.push({ key: `term:${t.key}`, question: t.term, lapses: p.lapses, reps: p.reps, difficulty: p.difficulty });
  }
  hardest.sort((a, b) => b.lapses - a.lapses || b.difficulty - a.difficulty || (a.key < b.key ? -1 : 1));

  const termsOf = termsByFile(terms);
  const dayRows: CoverageRow[] = [];
  for (const group of noteDays) {
    const keys = new Set(group.entries.flatMap((e) => e.cards.map((c) => c.key)));
    const termKeys = new Set(group.entries.flatMap((e) => termsWithin(termsOf.get(e.day.file), e.day)));
    if (!keys.size && !termKeys.size) continue;
    const row: CoverageRow = { label: group.date ?? group.title, total: keys.size + termKeys.size, studied: 0, mature: 0 };
    const tally = (s: { studied: boolean; mature: boolean } | undefined) => {
      if (s?.studied) row.studied++;
      if (s?.mature) row.mature++;
    };
    for (const k of keys) tally(cardStatus.get(k));
    for (const k of termKeys) tally(termStatus.get(k));
    dayRows.push(row);
  }

  return {
    days,
    reviewsPerDay,
    againPerDay,
    retention,
    forecast: { days: forecastDays, due },
    hardest: hardest.slice(0, options.hardest ?? 10),
    topics: [...byTopic.values()].filter((r) => r.total > 0),
    noteDays: dayRows.slice(-(options.noteDays ?? 14)),
    totals: {
      cards: groups.length + terms.length,
      questions: groups.filter((g) => !g.kind).length,
      terms: terms.length,
      studied,
      hidden,
      hiddenStudied,
      reviews: reviewsAll,
    },
  };
}

/** The terms of each file, sorted by line, so a day's terms are found by two binary searches. */
function termsByFile(terms: readonly StatsTerm[]): Map<string, StatsTerm[]> {
  const out = new Map<string, StatsTerm[]>();
  for (const t of terms) {
    const list = out.get(t.file);
    if (list) list.push(t);
    else out.set(t.file, [t]);
  }
  for (const list of out.values()) list.sort((a, b) => a.line - b.line);
  return out;
}

/** Keys of the terms (sorted by line) that a day's lines hold. */
function termsWithin(sorted: readonly StatsTerm[] | undefined, day: Place): string[] {
  if (!sorted) return [];
  const keys: string[] = [];
  for (let i = firstAtOrAfter(sorted, day.line); i < sorted.length && sorted[i].line <= day.endLine; i++) keys.push(sorted[i].key);
  return keys;
}

function firstAtOrAfter(sorted: readonly StatsTerm[], line: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
