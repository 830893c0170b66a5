/**
 * Quiz statistics from the review log and the progress: reviews per day, true retention against
 * the desired retention, the due forecast, the hardest cards, and coverage per topic and per day of
 * notes. Pure and linear in the log plus the cards.
 */
import type { CardGroup, DayGroup } from '../index/noteIndex';
import { TOPICS, type Topic } from '../model';
import { hides } from './cardFlags';
import { DAY_MS, studyDayKey, studyDayKeys, studyDayStart } from './days';
import type { ProgressBook } from './progress';
import { dueTime } from './scheduler';

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
  totals: { cards: number; questions: number; studied: number; hidden: number; hiddenStudied: number; reviews: number };
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

const MATURE_DAYS = 21;

export function quizStats(
  groups: readonly CardGroup[],
  noteDays: readonly DayGroup[],
  book: ProgressBook,
  now: Date,
  options: StatsOptions,
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
  for (const e of book.log.entries) {
    if (e.kind !== 'card') continue;
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
  for (const g of groups) {
    const p = book.card(g.key);
    const isHidden = hides(book.flags.get(g.key), now);
    if (isHidden) {
      hidden++;
      if (p) hiddenStudied++;
    }
    const mature = !!p && p.scheduled_days >= MATURE_DAYS;
    cardStatus.set(g.key, { studied: !!p, mature });
    const row = byTopic.get(g.topic)!;
    row.total++;
    if (p) {
      studied++;
      row.studied++;
      if (mature) row.mature++;
      if (!isHidden) {
        const d = dueTime(p);
        const i = d < todayStart ? 0 : forecastIndex.get(studyDayKey(new Date(d)));
        if (i !== undefined) due[i]++;
      }
      if (p.lapses > 0) hardest.push({ key: g.key, question: g.question, lapses: p.lapses, reps: p.reps, difficulty: p.difficulty });
    }
  }
  hardest.sort((a, b) => b.lapses - a.lapses || b.difficulty - a.difficulty || (a.key < b.key ? -1 : 1));

  const dayRows: CoverageRow[] = [];
  for (const group of noteDays) {
    const keys = new Set(group.entries.flatMap((e) => e.cards.map((c) => c.key)));
    if (!keys.size) continue;
    const row: CoverageRow = { label: group.date ?? group.title, total: keys.size, studied: 0, mature: 0 };
    for (const k of keys) {
      const s = cardStatus.get(k);
      if (s?.studied) row.studied++;
      if (s?.mature) row.mature++;
    }
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
    totals: { cards: groups.length, questions: groups.filter((g) => !g.kind).length, studied, hidden, hiddenStudied, reviews: reviewsAll },
  };
}
