// The status bar's "N due" and the statistics count the same things (core/quiz/dueNow.ts): the cards, and the terms
// of "Name the term". Before, the status bar counted the cards only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import type { Term } from '../../src/core/model';
import { parseNote } from '../../src/core/notes/parseNote';
import { countedCards, countedTerms, dueNow } from '../../src/core/quiz/dueNow';
import { ProgressBook } from '../../src/core/quiz/progress';
import { Scheduler, type QuizGrade } from '../../src/core/quiz/scheduler';
import { quizStats } from '../../src/core/quiz/stats';

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = new Date(2025, 4, 20, 12, 0, 0);
const FILE = '/n/2025-05-20.md';

const NOTE = `# 2025-05-20 TIL

## 메모리

> 페이지 폴트가 나면 운영체제는 무엇을 하나요?

디스크에서 그 페이지를 읽어 와 프레임에 올린다.

> Why is a TLB miss cheaper than a page fault?

The page table is still in memory.
`;

function indexWithTerms(): NoteIndex {
  const term = (name: string, summary: string, line: number): Term => ({
    term: name,
    aliases: [],
    file: FILE,
    line,
    summary,
    topic: 'os',
    source: 'definition',
    weight: 5,
  });
  const index = new NoteIndex();
  index.upsert({
    ...parseNote(FILE, NOTE),
    terms: [
      term('Page fault', 'A trap raised when a program touches a page that is not in a frame yet.', 5),
      term('Frame', 'A fixed-size slice of physical memory that holds one page.', 7),
      term('Page table', 'The map the kernel keeps from virtual pages to frames.', 11),
    ],
  });
  return index;
}

function named(book: ProgressBook, index: NoteIndex, name: string, grade: QuizGrade, at: Date): void {
  const info = index.term(name)!;
  book.setTerm(info.key, { ...new Scheduler().review(undefined, grade, at, info.key), term: info.term });
}

test('a term named before and due again counts in the due count, as in the statistics; a term never named does not', () => {
  const index = indexWithTerms();
  const book = new ProgressBook();
  assert.equal(countedTerms(index).length, 3, 'every term can be asked');
  // Named ten days ago: due again now. Named a minute ago, easily: due in days. "Page table": never named.
  named(book, index, 'Page fault', 3, new Date(T0.getTime() - 10 * DAY));
  named(book, index, 'Frame', 4, new Date(T0.getTime() - MINUTE));

  const due = dueNow(index, book, T0);
  assert.deepEqual(
    due.terms.map((t) => t.term),
    ['Page fault'],
  );
  assert.equal(due.cards.length, 2, "the note's two questions are new, so due");
  assert.equal(due.newCards, 2);

  // The statistics over the same cards and terms: today's forecast has that one term (new items are not in a forecast).
  const stats = quizStats(countedCards(index), index.days(), book, T0, { target: 0.9 }, countedTerms(index));
  assert.equal(stats.totals.terms, 3);
  assert.equal(stats.totals.cards, 2 + 3, 'the questions and the terms');
  assert.equal(stats.forecast.due[0], due.terms.length, 'due today in the statistics = terms due in the status bar');
});

test('the daily limits hold back new cards, never a term due for review', () => {
  const index = indexWithTerms();
  const book = new ProgressBook();
  named(book, index, 'Page table', 3, new Date(T0.getTime() - 3 * DAY));
  const due = dueNow(index, book, T0, { newLeft: 1, reviewsLeft: 0 });
  assert.equal(due.cards.length, 1, 'one new card left today');
  assert.equal(due.newCards, 1);
  assert.deepEqual(
    due.terms.map((t) => t.term),
    ['Page table'],
  );
});
