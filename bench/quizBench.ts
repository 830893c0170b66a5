// 8. Opening a quiz over the 10,000-note corpus (the session the webview then shows; webview start-up excluded).
import type { NoteIndex } from '../src/core/index/noteIndex';
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
    book.setCard(groups[i].key, { ...scheduler.review(undefined, (((i / 2) % 4) + 1) as 1 | 2 | 3 | 4, at), question: groups[i].question });
  }
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
  return {
    cards: groups.length,
    withProgress: Math.ceil(groups.length / 2),
    dueOpenMs: time(() => createSession(index, { scope: 'due' }, deps)),
    topicOpenMs: time(() => createSession(index, { scope: 'topic', value: 'os' }, deps)),
    reconcileMs: time(() => book.reconcile(index.cardGroups())),
  };
}
