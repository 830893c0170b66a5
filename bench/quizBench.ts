// 8. Opening a quiz over the 10,000-note corpus (the session the webview then shows; webview start-up excluded):
// the notes' questions alone, and the deck the extension opens (the card kinds on by default, daily limits
// applied against a review log of today's and earlier reviews).
import type { NoteIndex } from '../src/core/index/noteIndex';
import { CardDeck } from '../src/core/quiz/cardKinds';
import { DEFAULT_LIMITS } from '../src/core/quiz/limits';
import { ReviewLog } from '../src/core/quiz/reviewLog';
import { ProgressBook } from '../src/core/quiz/progress';
import { Scheduler } from '../src/core/quiz/scheduler';
import { createSession } from '../src/core/quiz/session';
import { seededRng } from '../src/core/random';

export interface QuizBenchResult {
  cards: number;
  withProgress: number;
  dueOpenMs: number;
  topicOpenMs: number;
  reconcileMs: number;
  /** Cards in the deck: questions plus cloze and diagram cards (the default kinds). */
  deckCards: number;
  /** Generating the card kinds after an index change (cold). */
  deckBuildMs: number;
  /** Due quiz over the deck with the default daily limits applied: what "Start Quiz" does. */
  limitedOpenMs: number;
  limitedItems: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export function benchQuiz(index: NoteIndex): QuizBenchResult {
  const now = new Date('2026-11-26T09:00:00Z');
  const scheduler = new Scheduler();
  const book = new ProgressBook();
  const groups = index.cardGroups();
  // Half of the cards reviewed once, on days spread over the last two months.
  for (let i = 0; i < groups.length; i += 2) {
    const at = new Date(now.getTime() - ((i * 7919) % 60) * 86_400_000);
    const rating = (((i / 2) % 4) + 1) as 1 | 2 | 3 | 4;
    const state = { ...scheduler.review(undefined, rating, at), question: groups[i].question };
    book.setCard(groups[i].key, state);
    // The review log the daily limits count (some of it today: `at` is up to 60 days back, 0 included).
    book.logReview(ReviewLog.entry(groups[i].key, 'card', at, rating, undefined, state));
  }
  const deck = new CardDeck(index, () => ({ cloze: true, reverse: false, diagram: true }));
  const deps = { book, scheduler, now: () => now, rng: seededRng(1) };
  const time = (fn: () => void) => {
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = process.hrtime.bigint();
      fn();
      runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return median(runs);
  };
  const deckBuildMs = time(() => {
    deck.invalidate();
    deck.generated();
  });
  let limitedItems = 0;
  const limitedOpenMs = time(() => {
    limitedItems = createSession(deck, { scope: 'due' }, deps, { daily: DEFAULT_LIMITS }).items.length;
  });
  const deckCards = deck.cardGroups().length;
  deck.dispose();
  return {
    deckCards,
    deckBuildMs,
    limitedOpenMs,
    limitedItems,
    cards: groups.length,
    withProgress: Math.ceil(groups.length / 2),
    dueOpenMs: time(() => createSession(index, { scope: 'due' }, deps)),
    topicOpenMs: time(() => createSession(index, { scope: 'topic', value: 'os' }, deps)),
    reconcileMs: time(() => book.reconcile(index.cardGroups())),
  };
}
