// The order new cards come in, which decides what a day's allowance asks first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CardGroup } from '../../src/core/index/noteIndex';
import type { Card } from '../../src/core/model';
import { ProgressBook } from '../../src/core/quiz/progress';
import { orderCards } from '../../src/core/quiz/queue';

function card(file: string, line: number, kind?: CardGroup['kind'], dayId?: string): CardGroup {
  const key = `${kind ?? 'q'}:${file}:${line}`;
  const place = { file, line, endLine: line, key, question: key, answer: '', style: 'quote', topic: 'os', dayId } as unknown as Card;
  return { key, question: key, answer: '', topic: 'os', places: [place], ...(kind ? { kind } : {}) };
}

test("new cards: the notes' own questions first, turn about between notes in each note's order, generated and built-in cards after", () => {
  const builtin: CardGroup = { key: 'diagram:states', question: 'd', answer: '', topic: 'os', places: [], kind: 'diagram' };
  const groups = [
    builtin,
    card('/n/a.md', 5, 'cloze'),
    card('/n/a.md', 3),
    card('/n/a.md', 9),
    card('/n/a.md', 12),
    card('/n/b.md', 2),
    card('/n/b.md', 4, 'cloze'),
    card('/n/c.md', 7),
  ];
  const order = orderCards(groups, new ProgressBook(), new Date(2025, 0, 1), { onlyDue: true }).map((g) => g.key);
  assert.deepEqual(order, [
    'q:/n/a.md:3',
    'q:/n/b.md:2',
    'q:/n/c.md:7',
    'q:/n/a.md:9',
    'q:/n/a.md:12',
    'cloze:/n/a.md:5',
    'cloze:/n/b.md:4',
    'diagram:states',
  ]);
  // A day's allowance of three takes one question of each note, not three of the first.
  const limited = orderCards(groups, new ProgressBook(), new Date(2025, 0, 1), {
    onlyDue: true,
    limits: { newLeft: 3, reviewsLeft: 9 },
  });
  assert.deepEqual(
    limited.map((g) => g.places[0].file),
    ['/n/a.md', '/n/b.md', '/n/c.md'],
  );

  // One note alone keeps its own order: a definition's cloze card where the definition is.
  const oneNote = groups.filter((g) => g.places[0]?.file === '/n/a.md');
  assert.deepEqual(
    orderCards(oneNote, new ProgressBook(), new Date(2025, 0, 1), { onlyDue: true }).map((g) => g.key),
    ['q:/n/a.md:3', 'cloze:/n/a.md:5', 'q:/n/a.md:9', 'q:/n/a.md:12'],
  );
});

test('one journal file with many days: its own questions first, turn about between its days, a long list of blanks does not fill the day', () => {
  const journal = '/n/til.md';
  const groups = [
    card(journal, 3, undefined, 'd1'),
    // a list of system calls early in the journal: one blank per line
    ...[5, 6, 7, 8, 9, 10].map((line) => card(journal, line, 'cloze', 'd1')),
    card(journal, 20, undefined, 'd2'),
    card(journal, 24, 'cloze', 'd2'),
    card(journal, 30, undefined, 'd2'),
    card(journal, 40, undefined, 'd3'),
  ];
  const order = orderCards(groups, new ProgressBook(), new Date(2025, 0, 1), { onlyDue: true }).map((g) => g.key);
  assert.deepEqual(order, [
    `q:${journal}:3`,
    `q:${journal}:20`,
    `q:${journal}:40`,
    `q:${journal}:30`,
    `cloze:${journal}:5`,
    `cloze:${journal}:24`,
    `cloze:${journal}:6`,
    `cloze:${journal}:7`,
    `cloze:${journal}:8`,
    `cloze:${journal}:9`,
    `cloze:${journal}:10`,
  ]);
  // A day's allowance of five: every question of the journal and one blank, not one question and four blanks.
  const limited = orderCards(groups, new ProgressBook(), new Date(2025, 0, 1), { onlyDue: true, limits: { newLeft: 5, reviewsLeft: 9 } });
  assert.equal(limited.filter((g) => g.kind === 'cloze').length, 1);

  // One day alone keeps its own order.
  const oneDay = groups.filter((g) => g.places[0].dayId === 'd2');
  assert.deepEqual(
    orderCards(oneDay, new ProgressBook(), new Date(2025, 0, 1), { onlyDue: true }).map((g) => g.key),
    [`q:${journal}:20`, `cloze:${journal}:24`, `q:${journal}:30`],
  );
});
