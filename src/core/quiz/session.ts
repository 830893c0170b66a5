/**
 * A quiz session: the queue of cards (or term questions) for a scope, in review order, the grades
 * given so far and the summary at the end, and the per-card actions (skip, suspend, not a question,
 * bury siblings). Pure: progress goes to a ProgressBook, time comes from an injected clock,
 * randomness from an injected RNG. A practice session grades without touching the schedule.
 */
import type { CardGroup } from '../index/noteIndex';
import type { Card } from '../model';
import type { HideKind } from './cardFlags';
import { nextStudyDayStart } from './days';
import { limitStatus, type DailyLimits, type LimitStatus } from './limits';
import { filesOf, ProgressBook, type CardProgress } from './progress';
import { orderCards, siblingKeys } from './queue';
import { ReviewLog } from './reviewLog';
import { dueTime, Scheduler, type Clock, type QuizGrade, type ReviewState } from './scheduler';
import { selectCardGroups, selectTerms, type QuizMode, type QuizScope, type ScopeIndex } from './scope';
import { isAskableTerm, TermPool, termQuestion, type TermQuestion } from './termChoices';
import type { Rng } from '../random';

export { countDue, dueGroups, orderCards, siblingKeys } from './queue';

export interface CardItem {
  kind: 'card';
  key: string;
  question: string;
  answer: string;
  topic: CardGroup['topic'];
  places: Card[];
  /** A generated card's kind (absent: a question from the notes). */
  cardKind?: CardGroup['kind'];
  diagramId?: string;
}

export interface TermItem extends TermQuestion {
  kind: 'term';
}

export type QuizItem = CardItem | TermItem;

export interface GradeCounts {
  1: number;
  2: number;
  3: number;
  4: number;
}

export interface SessionProgress {
  /** 1-based position of the current item (total + 1 when done). */
  position: number;
  total: number;
  remaining: number;
  reviewed: number;
  counts: GradeCounts;
}

export interface SessionSummary {
  mode: QuizMode;
  reviewed: number;
  counts: GradeCounts;
  /** Term mode: right picks; card mode: grades Hard or better. */
  correct: number;
  /** Items answered Again / picked wrong, first time each (question or term text). */
  missed: Array<{ key: string; text: string }>;
  durationMs: number;
  /** Earliest next due date among the reviewed items (ISO). */
  nextDue?: string;
}

export interface QueueOptions {
  /** Only cards due now (new cards count as due). Default: true for the `due` scope, else false. */
  onlyDue?: boolean;
  /** At most this many items. */
  limit?: number;
  /** New cards and reviews a day (card mode, not practice). None: no daily cap. */
  daily?: DailyLimits;
}

export interface SessionDeps {
  book: ProgressBook;
  scheduler: Scheduler;
  now: Clock;
  rng?: Rng;
}

/** What a per-card action did, for the message the panel shows. */
export interface ActionResult {
  action: 'skip' | HideKind | 'burySiblings';
  key: string;
  /** Cards the action took out of this session (the card itself, or its siblings). */
  removed: number;
}

const MAX_REQUEUE = 3;

export class QuizSession {
  private readonly queue: QuizItem[];
  private pos = 0;
  private readonly counts: GradeCounts = { 1: 0, 2: 0, 3: 0, 4: 0 };
  private reviewed = 0;
  private correct = 0;
  private readonly missed = new Map<string, string>();
  private readonly requeued = new Map<string, number>();
  private nextDue: number | undefined;
  private readonly startedAt: number;
  /** Cards this session took out (hidden), so an undo can put them back. */
  private readonly removed = new Map<string, QuizItem>();
  /** Practice: grades are counted here but never reach the progress or the review log. */
  readonly practice: boolean;

  constructor(
    readonly scope: QuizScope,
    readonly mode: QuizMode,
    items: QuizItem[],
    private readonly deps: SessionDeps,
    private readonly context: { daily?: DailyLimits; siblingsOf?: (item: CardItem) => string[] } = {},
  ) {
    this.queue = items;
    this.startedAt = deps.now().getTime();
    this.practice = !!scope.practice;
  }

  /** Today against the daily limits (undefined: the session has none, e.g. practice). */
  limits(): LimitStatus | undefined {
    return this.context.daily && limitStatus(this.deps.book.log, this.context.daily, this.deps.now());
  }

  get items(): readonly QuizItem[] {
    return this.queue;
  }
  current(): QuizItem | undefined {
    return this.queue[this.pos];
  }
  get done(): boolean {
    return this.pos >= this.queue.length;
  }
  get isEmpty(): boolean {
    return this.queue.length === 0;
  }

  progress(): SessionProgress {
    return {
      position: Math.min(this.pos + 1, this.queue.length + 1),
      total: this.queue.length,
      remaining: this.queue.length - this.pos,
      reviewed: this.reviewed,
      counts: { ...this.counts },
    };
  }

  /** When the current card would be due after each grade (practice: nothing is scheduled). */
  preview(): Record<QuizGrade, Date> | undefined {
    const item = this.current();
    if (!item || item.kind !== 'card' || this.practice) return undefined;
    return this.deps.scheduler.preview(this.deps.book.card(item.key), this.deps.now(), item.key);
  }

  /** Grades the current card (card mode) and moves on. */
  grade(grade: QuizGrade): { item: CardItem; state: CardProgress } {
    const item = this.current();
    if (!item) throw new Error('the quiz is over');
    if (item.kind !== 'card') throw new Error('term questions are answered with choose()');
    const now = this.deps.now();
    const before = this.deps.book.card(item.key);
    const state: CardProgress = {
      ...this.deps.scheduler.review(before, grade, now, item.key),
      question: item.question,
      files: filesOf(item),
    };
    if (!this.practice) {
      this.deps.book.logReview(ReviewLog.entry(item.key, 'card', now, grade, before, state));
      this.deps.book.setCard(item.key, state);
    }
    this.record(item, grade, grade >= 2, item.question, state, now);
    return { item, state };
  }

  /** Moves the current item to the end of the queue: asked later in this session, nothing recorded. */
  skip(): ActionResult {
    const item = this.current();
    if (!item) throw new Error('the quiz is over');
    this.queue.splice(this.pos, 1);
    this.queue.push(item);
    return { action: 'skip', key: item.key, removed: 0 };
  }

  /** Suspends the current card, or marks it "not a question": hidden from every quiz until undone. */
  hideCurrent(kind: Exclude<HideKind, 'buried'>): ActionResult {
    const item = this.currentCard();
    this.deps.book.hide(item.key, kind, item.question, this.deps.now(), { files: filesOf(item) });
    return { action: kind, key: item.key, removed: this.dropFromQueue(new Set([item.key]), true) };
  }

  /** Buries the other cards of the current card's sections until the next study day. */
  burySiblings(): ActionResult {
    const item = this.currentCard();
    const keys = this.context.siblingsOf?.(item) ?? [];
    const now = this.deps.now();
    const until = nextStudyDayStart(now);
    const byKey = new Map(this.queue.filter((q): q is CardItem => q.kind === 'card').map((q) => [q.key, q]));
    const book = this.deps.book;
    for (const key of keys) {
      const flag = book.flags.get(key);
      if (flag && flag.kind !== 'cleared' && flag.kind !== 'buried') continue; // suspended stays suspended
      const sibling = byKey.get(key);
      book.hide(key, 'buried', sibling?.question ?? book.card(key)?.question ?? key, now, {
        until,
        files: sibling ? filesOf(sibling) : book.card(key)?.files,
      });
    }
    return { action: 'burySiblings', key: item.key, removed: this.dropFromQueue(new Set(keys), false) };
  }

  /**
   * Undoes suspend / not a question / bury of a card: it is shown in quizzes again, and when this
   * session took it out, it comes back as the current card. Returns false when it was not hidden.
   */
  unhide(key: string): boolean {
    const changed = this.deps.book.unhide(key, this.deps.now());
    const item = this.removed.get(key);
    if (item) {
      this.removed.delete(key);
      this.queue.splice(this.pos, 0, item);
    }
    return changed;
  }

  private currentCard(): CardItem {
    const item = this.current();
    if (!item) throw new Error('the quiz is over');
    if (item.kind !== 'card') throw new Error('only cards can be hidden');
    return item;
  }

  /** Takes cards out of the rest of the queue (and the current one when `includeCurrent`). */
  private dropFromQueue(keys: ReadonlySet<string>, includeCurrent: boolean): number {
    let removed = 0;
    for (let i = this.queue.length - 1; i >= this.pos + (includeCurrent ? 0 : 1); i--) {
      if (keys.has(this.queue[i].key)) {
        this.removed.set(this.queue[i].key, this.queue[i]);
        this.queue.splice(i, 1);
        removed++;
      }
    }
    return removed;
  }

  /** Answers the current term question with a choice index; right = Good, wrong = Again. */
  choose(choice: number): { item: TermItem; correct: boolean; grade: QuizGrade } {
    const item = this.current();
    if (!item) throw new Error('the quiz is over');
    if (item.kind !== 'term') throw new Error('cards are answered with grade()');
    const correct = choice === item.answer;
    const grade: QuizGrade = correct ? 3 : 1;
    const now = this.deps.now();
    const before = this.deps.book.term(item.key);
    const state = { ...this.deps.scheduler.review(before, grade, now, item.key), term: item.term };
    if (!this.practice) {
      this.deps.book.logReview(ReviewLog.entry(item.key, 'term', now, grade, before, state));
      this.deps.book.setTerm(item.key, state);
    }
    this.record(item, grade, correct, item.term, state, now);
    return { item, correct, grade };
  }

  private record(item: QuizItem, grade: QuizGrade, correct: boolean, text: string, state: ReviewState, now: Date): void {
    this.counts[grade]++;
    this.reviewed++;
    if (correct) this.correct++;
    if (grade === 1 && !this.missed.has(item.key)) this.missed.set(item.key, text);
    const d = dueTime(state);
    this.pos++;
    // A card forgotten now comes back at the end of this session (a few times at most).
    const n = this.requeued.get(item.key) ?? 0;
    if (grade === 1 && n < MAX_REQUEUE && d - now.getTime() < 60 * 60_000) {
      this.requeued.set(item.key, n + 1);
      this.queue.push(item);
    } else if (!this.practice && (this.nextDue === undefined || d < this.nextDue)) {
      this.nextDue = d;
    }
  }

  summary(): SessionSummary {
    const out: SessionSummary = {
      mode: this.mode,
      reviewed: this.reviewed,
      counts: { ...this.counts },
      correct: this.correct,
      missed: [...this.missed].map(([key, text]) => ({ key, text })),
      durationMs: this.deps.now().getTime() - this.startedAt,
    };
    if (this.nextDue !== undefined) out.nextDue = new Date(this.nextDue).toISOString();
    return out;
  }
}

/** Builds a session for a scope. Fast: one pass over the index plus a sort. */
export function createSession(index: ScopeIndex, scope: QuizScope, deps: SessionDeps, options: QueueOptions = {}): QuizSession {
  const mode: QuizMode = scope.mode ?? 'cards';
  const practice = !!scope.practice;
  // Practice reviews the whole scope; a scheduled quiz of the `due` scope only what is due.
  const onlyDue = !practice && (options.onlyDue ?? scope.scope === 'due');
  const now = deps.now();
  const daily = mode === 'cards' && !practice ? options.daily : undefined;
  let items: QuizItem[];
  if (mode === 'cards') {
    const limits = daily && limitStatus(deps.book.log, daily, now);
    items = orderCards(selectCardGroups(index, scope), deps.book, now, { onlyDue, limits, includeBuried: practice }).map((g): CardItem => ({
      kind: 'card',
      key: g.key,
      question: g.question,
      answer: g.answer,
      topic: g.topic,
      places: g.places,
      cardKind: g.kind,
      diagramId: g.diagramId,
    }));
  } else {
    items = termItems(index, scope, deps, now, onlyDue);
  }
  if (options.limit !== undefined && items.length > options.limit) items = items.slice(0, Math.max(0, options.limit));
  const siblingsOf = (item: CardItem) => siblingKeys(index.cardGroups(), item);
  return new QuizSession(scope, mode, items, deps, { daily, siblingsOf });
}

function termItems(index: ScopeIndex, scope: QuizScope, deps: SessionDeps, now: Date, onlyDue: boolean): TermItem[] {
  const rng = deps.rng ?? Math.random;
  const all = index.terms().filter((t) => t.summary.trim().length > 0);
  const pool = new TermPool(all);
  const t = now.getTime();
  const targets = selectTerms(index, scope)
    .filter(isAskableTerm)
    .map((info) => ({ info, p: deps.book.term(info.key) }))
    .filter(({ p }) => !onlyDue || !p || dueTime(p) <= t)
    .sort((a, b) => rank(a.p) - rank(b.p) || cmp(a.info.file, b.info.file) || a.info.line - b.info.line);
  const out: TermItem[] = [];
  for (const { info } of targets) {
    const q = termQuestion(info, pool, rng);
    if (q) out.push({ kind: 'term', ...q });
  }
  return out;

  function rank(p: ReviewState | undefined): number {
    // due reviews first (most overdue first), new next, not yet due last
    if (!p) return 0;
    const d = dueTime(p);
    return d <= t ? d - t - 1e15 : d;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
