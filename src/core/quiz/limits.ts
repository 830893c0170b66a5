/**
 * Daily limits: how many new cards and how many reviews a day's quizzes bring, as Anki has them.
 * Counted from the review log since the study day began, so closing and reopening the quiz does not
 * start the count again. Learning and relearning steps are never held back (a card failed today is
 * asked again today whatever the limit).
 */
import { studyDayStart } from './days';
import type { ReviewLog } from './reviewLog';

export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
  /** Whose grades count against the limits (absent: every card's). */
  counts?: (key: string) => boolean;
}

export const DEFAULT_LIMITS: DailyLimits = { newPerDay: 20, reviewsPerDay: 200 };
/** Above this a limit means "no limit" in practice; settings are clamped to it. */
export const MAX_LIMIT = 9999;

/** Limits from settings (user input): whole numbers 0..MAX_LIMIT, defaults for anything else. */
export function normaliseLimits(value: { newPerDay?: unknown; reviewsPerDay?: unknown } | undefined): DailyLimits {
  const one = (v: unknown, fallback: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.min(MAX_LIMIT, Math.max(0, Math.floor(v))) : fallback;
  return {
    newPerDay: one(value?.newPerDay, DEFAULT_LIMITS.newPerDay),
    reviewsPerDay: one(value?.reviewsPerDay, DEFAULT_LIMITS.reviewsPerDay),
  };
}

/** Where today stands against the limits (the session header shows it). */
export interface LimitStatus extends Omit<DailyLimits, 'counts'> {
  newToday: number;
  reviewsToday: number;
  newLeft: number;
  reviewsLeft: number;
}

export function limitStatus(log: ReviewLog, limits: DailyLimits, now: Date): LimitStatus {
  const today = log.countSince(studyDayStart(now), limits.counts);
  return {
    newPerDay: limits.newPerDay,
    reviewsPerDay: limits.reviewsPerDay,
    newToday: today.newCards,
    reviewsToday: today.reviews,
    newLeft: Math.max(0, limits.newPerDay - today.newCards),
    reviewsLeft: Math.max(0, limits.reviewsPerDay - today.reviews),
  };
}
