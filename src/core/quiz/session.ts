/**
 * A quiz session: the queue of cards (or term questions) for a scope, in review order, the grades
 * given so far and the summary at the end. Pure: progress goes to a ProgressBook, time comes from
 * an injected clock, randomness from an injected RNG.
 */
import type { CardGroup } from '../index/noteIndex';
import type { Card } from '../model';
import { filesOf, ProgressBook, type CardProgress } from './progress';
import { dueTime, isDue, Scheduler, type Clock, type QuizGrade, type ReviewState } from './scheduler';
import { selectCardGroups, selectTerms, type QuizMode, type QuizScope, type ScopeIndex } from './scope';
import { TermPool, termQuestion, type TermQuestion } from './termChoices';
import type { Rng } from '../random';

export interface CardItem {
  kind: 'card';
  key: string;
  question: string;
  answer: string;
  topic: CardGroup['topic'];
  places: Card[];
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
}

export interface SessionDeps {
  book: ProgressBook;
  scheduler: Scheduler;
  now: Clock;
  rng?: Rng;
}

/** Review order: due reviews (most overdue first), then new cards (note order), then the rest by due date. O(n log n). */
export function orderCards(groups: readonly CardGroup[], book: ProgressBook, now: Date, onlyDue: boolean): CardGroup[] {
  const t = now.getTime();
  const due: Array<[number, CardGroup]> = [];
  const fresh: Array<[string, number, CardGroup]> = [];
  const later: Array<[number, CardGroup]> = [];
  for (const g of groups) {
    const p = book.card(g.key);
    if (!p) {
      const first = firstPlace(g);
      fresh.push([first.file, first.line, g]);
      continue;
    }
    const d = dueTime(p);
    if (d <= t) due.push([d, g]);
    else if (!onlyDue) later.push([d, g]);
  }
  due.sort((a, b) => a[0] - b[0] || cmp(a[1].key, b[1].key));
  fresh.sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1] || cmp(a[2].key, b[2].key));
  later.sort((a, b) => a[0] - b[0] || cmp(a[1].key, b[1].key));
  return [...due.map((x) => x[1]), ...fresh.map((x) => x[2]), ...later.map((x) => x[1])];
}

/** Cards due now among `groups` (new cards are due), in review order. */
export function dueGroups(groups: readonly CardGroup[], book: ProgressBook, now: Date): CardGroup[] {
  return orderCards(groups, book, now, true);
}

export function countDue(groups: readonly CardGroup[], book: ProgressBook, now: Date): number {
  let n = 0;
  for (const g of groups) if (isDue(book.card(g.key), now)) n++;
  return n;
}

function firstPlace(g: CardGroup): Card {
  let best = g.places[0];
  for (const p of g.places) if (p.file < best.file || (p.file === best.file && p.line < best.line)) best = p;
  return best;
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

  constructor(
    readonly scope: QuizScope,
    readonly mode: QuizMode,
    items: QuizItem[],
    private readonly deps: SessionDeps,
  ) {
    this.queue = items;
    this.startedAt = deps.now().getTime();
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

  /** When the current card would be due after each grade. */
  preview(): Record<QuizGrade, Date> | undefined {
    const item = this.current();
    if (!item || item.kind !== 'card') return undefined;
    return this.deps.scheduler.preview(this.deps.book.card(item.key), this.deps.now());
  }

  /** Grades the current card (card mode) and moves on. */
  grade(grade: QuizGrade): { item: CardItem; state: CardProgress } {
    const item = this.current();
    if (!item) throw new Error('the quiz is over');
    if (item.kind !== 'card') throw new Error('term questions are answered with choose()');
    const now = this.deps.now();
    const state: CardProgress = { ...this.deps.scheduler.review(this.deps.book.card(item.key), grade, now), question: item.question, files: filesOf(item) };
    this.deps.book.setCard(item.key, state);
    this.record(item, grade, grade >= 2, item.question, state, now);
    return { item, state };
  }

  /** Answers the current term question with a choice index; right = Good, wrong = Again. */
  choose(choice: number): { item: TermItem; correct: boolean; grade: QuizGrade } {
    const item = this.current();
    if (!item) throw new Error('the quiz is over');
    if (item.kind !== 'term') throw new Error('cards are answered with grade()');
    const correct = choice === item.answer;
    const grade: QuizGrade = correct ? 3 : 1;
    const now = this.deps.now();
    const state = { ...this.deps.scheduler.review(this.deps.book.term(item.key), grade, now), term: item.term };
    this.deps.book.setTerm(item.key, state);
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
    } else if (this.nextDue === undefined || d < this.nextDue) {
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
  const onlyDue = options.onlyDue ?? scope.scope === 'due';
  const now = deps.now();
  let items: QuizItem[];
  if (mode === 'cards') {
    items = orderCards(selectCardGroups(index, scope), deps.book, now, onlyDue).map(
      (g): CardItem => ({ kind: 'card', key: g.key, question: g.question, answer: g.answer, topic: g.topic, places: g.places }),
    );
  } else {
    items = termItems(index, scope, deps, now, onlyDue);
  }
  if (options.limit !== undefined && items.length > options.limit) items = items.slice(0, Math.max(0, options.limit));
  return new QuizSession(scope, mode, items, deps);
}

function termItems(index: ScopeIndex, scope: QuizScope, deps: SessionDeps, now: Date, onlyDue: boolean): TermItem[] {
  const rng = deps.rng ?? Math.random;
  const all = index.terms().filter((t) => t.summary.trim().length > 0);
  const pool = new TermPool(all);
  const t = now.getTime();
  const targets = selectTerms(index, scope)
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
