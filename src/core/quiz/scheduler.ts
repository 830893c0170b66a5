/** FSRS scheduling (ts-fsrs) over the JSON-safe review state the progress file stores. */
import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  StrategyMode,
  type AbstractScheduler,
  type Card as FsrsCard,
  type FSRSParameters,
  type Grade,
} from 'ts-fsrs';

/** 1 Again, 2 Hard, 3 Good, 4 Easy (the ts-fsrs Rating values). */
export type QuizGrade = 1 | 2 | 3 | 4;
export const GRADES: readonly QuizGrade[] = [1, 2, 3, 4];

export function isGrade(value: unknown): value is QuizGrade {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** FSRS card state as stored: ts-fsrs field names, dates as ISO strings. */
export interface ReviewState {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** 0 New, 1 Learning, 2 Review, 3 Relearning */
  state: 0 | 1 | 2 | 3;
  last_review?: string;
}

export type Clock = () => Date;

/** The scheduling settings a user can change. */
export interface SchedulerOptions {
  /** Probability of recall FSRS aims for when a card comes due (0.7–0.99). Default 0.9. */
  desiredRetention?: number;
  /**
   * Spread intervals a little so cards learned together do not all come due together. On by
   * default; ts-fsrs seeds the fuzz from the review time and the card, so one review of one card
   * always gives the same interval.
   */
  fuzz?: boolean;
}

export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.99;

/** A retention in range, or the default for anything else (settings are user input). */
export function clampRetention(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_RETENTION;
  return Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, value));
}

export class Scheduler {
  private readonly f;
  readonly desiredRetention: number;
  readonly fuzz: boolean;

  constructor(options: SchedulerOptions = {}, params: Partial<FSRSParameters> = {}) {
    this.desiredRetention = clampRetention(options.desiredRetention ?? DEFAULT_RETENTION);
    this.fuzz = options.fuzz ?? true;
    this.f = fsrs(generatorParameters({ ...params, enable_fuzz: this.fuzz, request_retention: this.desiredRetention })).useStrategy(
      StrategyMode.SEED,
      fuzzSeed,
    );
  }

  /** A card never reviewed: due now. */
  initial(now: Date): ReviewState {
    return toState(createEmptyCard(now));
  }

  /** `key` (the card's identity) seeds the fuzz, so cards graded alike at the same time still spread. */
  review(prev: ReviewState | undefined, grade: QuizGrade, now: Date, key = ''): ReviewState {
    const card = withKey(prev ? toCard(prev) : createEmptyCard(now), key);
    return toState(this.f.next(card, now, grade as Grade).card);
  }

  /** When the card would next be due for each grade (for the grade buttons). */
  preview(prev: ReviewState | undefined, now: Date, key = ''): Record<QuizGrade, Date> {
    const card = withKey(prev ? toCard(prev) : createEmptyCard(now), key);
    const log = this.f.repeat(card, now);
    return { 1: log[1].card.due, 2: log[2].card.due, 3: log[3].card.due, 4: log[4].card.due };
  }
}

const KEY_FIELD = 'tilKey';

function withKey(card: FsrsCard, key: string): FsrsCard {
  return key ? Object.assign(card, { [KEY_FIELD]: key }) : card;
}

/** ts-fsrs's default seed (review time, reps, difficulty × stability) plus the card key. */
function fuzzSeed(this: AbstractScheduler): string {
  const c = this.current as FsrsCard & { [KEY_FIELD]?: string };
  return `${this.review_time.getTime()}_${c.reps}_${c.difficulty * c.stability}_${c[KEY_FIELD] ?? ''}`;
}

/** New cards (no progress) are due; otherwise due when the due date has come. */
export function isDue(state: ReviewState | undefined, now: Date): boolean {
  return !state || dueTime(state) <= now.getTime();
}

const dueCache = new WeakMap<ReviewState, number>();
/** Due time in ms (cached per state object; states are replaced, never mutated). */
export function dueTime(state: ReviewState): number {
  let t = dueCache.get(state);
  if (t === undefined) {
    t = Date.parse(state.due);
    dueCache.set(state, t);
  }
  return t;
}

function toCard(s: ReviewState): FsrsCard {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsed_days,
    scheduled_days: s.scheduled_days,
    learning_steps: s.learning_steps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    last_review: s.last_review ? new Date(s.last_review) : undefined,
  };
}

function toState(c: FsrsCard): ReviewState {
  const out: ReviewState = {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as ReviewState['state'],
  };
  if (c.last_review) out.last_review = new Date(c.last_review).toISOString();
  return out;
}

/** "<1m", "10m", "5h", "3d", "2mo", "1.2y": the time until `due`, short. */
export function formatInterval(from: Date, due: Date): string {
  const minutes = Math.max(0, (due.getTime() - from.getTime()) / 60_000);
  if (minutes < 1) return '<1m';
  if (minutes < 60) return `${Math.round(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.round(days / 30)}mo`;
  return `${(days / 365).toFixed(1)}y`;
}
