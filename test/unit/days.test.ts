import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromFileName, parseDayHeading, parseDayLine, yearFromPath } from '../../src/core/notes/dates';
import { parseNote } from '../../src/core/notes/parseNote';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { dayGroups } from '../../src/core/index/dayGroups';
import { readFixture } from './helpers';

test('English day lines and headings', () => {
  assert.equal(parseDayLine('TIL on May 15th, 2022')?.date, '2022-05-15');
  assert.equal(parseDayHeading('May 15, 2022')?.date, '2022-05-15');
  assert.equal(parseDayHeading('15 May 2022')?.date, '2022-05-15');
  assert.equal(parseDayHeading('2022.05.15')?.date, '2022-05-15');
  assert.equal(parseDayHeading('September 3rd 2023 - Docker')?.date, '2023-09-03');
  assert.equal(parseDayHeading('05/15/2022')?.date, '2022-05-15');
  assert.equal(parseDayHeading('2019.08.22.(목)')?.date, '2019-08-22');
  assert.equal(parseDayLine('Date: 2024-03-01')?.date, '2024-03-01');
});

test('dates are checked against the calendar', () => {
  for (const notDay of ['2월 31일 TIL', '2025-02-30', '2023-02-29', '13월 1일', '0230 TIL', 'April 31, 2022']) {
    assert.equal(parseDayHeading(notDay), undefined, notDay);
  }
  assert.equal(parseDayHeading('2024-02-29')?.date, '2024-02-29', 'a leap day');
  assert.equal(parseDayHeading('2월 29일 TIL')?.date, '02-29', 'without a year, 29 February may exist');
});

test('problem ids and counts are never read as years or dates', () => {
  for (const notDay of [
    '1167번: 트리의 지름',
    '1167-11-09',
    '10 Decisions about caching',
    '3000 requests per second',
    '1000개의 테스트',
    'Chapter 12',
  ]) {
    assert.equal(parseDayHeading(notDay), undefined, notDay);
  }
  for (const name of ['boj/1167-11-09.md', 'algorithms/11055.md', 'leetcode-1167.md', 'notes/1234_5678.md']) {
    assert.equal(dateFromFileName(name), undefined, name);
  }
});

test('days from file names and date folders', () => {
  const cases: Array<[string, string]> = [
    ['TIL/2022/05-15-2022.md', '2022-05-15'],
    ['notes/2025-01-13.md', '2025-01-13'],
    ['notes/20250113-os.md', '2025-01-13'],
    ['notes/250113.md', '2025-01-13'],
    ['0. TIL/19.07.24.md', '2019-07-24'],
    ['til-2025.01.13.md', '2025-01-13'],
    ['blog/2022/05/15/index.md', '2022-05-15'],
    ['blog/2022/05/15.md', '2022-05-15'],
    ['blog/2022/05-15.md', '2022-05-15'],
    ['boj-1167-2022-05-15.md', '2022-05-15'],
    ['15-05-2022.md', '2022-05-15'],
  ];
  for (const [name, date] of cases) assert.equal(dateFromFileName(name)?.date, date, name);
  assert.equal(dateFromFileName('notes/2025-02-30.md'), undefined, 'not a calendar date');
  assert.equal(yearFromPath('TIL/2022/notes.md'), 2022);
});

test('a dated file whose first line repeats the date is one day; a first line dates an undated file', () => {
  const named = parseNote('/til/05-15-2022.md', '[TIL on May 15th, 2022](../05-15-2022.md)\n\n# Static in classes\n\ntext\n');
  assert.deepEqual(
    named.days.map((d) => d.date),
    ['2022-05-15'],
  );
  const undated = parseNote('/til/static.md', 'TIL on May 15th, 2022\n\n# Static in classes\n\ntext\n');
  assert.deepEqual(
    undated.days.map((d) => d.date),
    ['2022-05-15'],
  );
  const heading = parseNote('/til/2022-05-15.md', '# 2022-05-15 TIL\n\n## Static\n\ntext\n');
  assert.deepEqual(
    heading.days.map((d) => [d.date, d.title]),
    [['2022-05-15', '2022-05-15 TIL']],
  );
});

test('mixed formats sort by real date: MM-DD days take their year from the notes, not the year 0', () => {
  const index = new NoteIndex();
  index.upsert(parseNote('/til/2025-01-10.md', '# 2025-01-10\n\ntext\n'));
  index.upsert(parseNote('/til/notes.md', '# 1월 13일 TIL\n\ntext\n\n# 1월 9일 TIL\n\ntext\n'));
  index.upsert(parseNote('/til/2024/log.md', '# 2024-12-30\n\ntext\n\n# 0102 TIL\n\ntext\n'));
  assert.deepEqual(
    index.days().map((d) => d.date),
    ['2024-12-30', '01-02', '01-09', '2025-01-10', '01-13'],
  );
});

test('file names spaced or marked TIL inside year/month folders give the day', () => {
  const cases: Array<[string, string]> = [
    ['log/2023 03 08 Gradle basics.md', '2023-03-08'],
    ['log/2023 03 08 2 Gradle tasks.md', '2023-03-08'],
    ['log/2023/03/TIL0308 Gradle.md', '2023-03-08'],
    ['log/2023/03/TIL0308_Gradle.md', '2023-03-08'],
    ['log/2023/03/TIL08 Gradle.md', '2023-03-08'],
    ['log/2023/03/TIL08_Gradle.md', '2023-03-08'],
    ['log/2023/03/TIL20230308_Gradle.md', '2023-03-08'],
  ];
  for (const [name, date] of cases) assert.equal(dateFromFileName(name)?.date, date, name);
  for (const name of [
    'log/2023/03/TIL0231 Gradle.md',
    'log/2023/02/TIL30 Gradle.md',
    'log/1167 11 09 tree.md',
    'log/2023/03/Gradle 0308.md',
  ]) {
    assert.equal(dateFromFileName(name), undefined, name);
  }
});

test('headings: a spaced date after TIL may carry a title, a bracketed label may follow a date', () => {
  assert.equal(parseDayHeading('TIL 2023 03 08 Gradle basics')?.date, '2023-03-08');
  assert.equal(parseDayHeading('TIL 2023 03 08')?.date, '2023-03-08');
  assert.equal(parseDayHeading('2023-03-08 [Day 4]')?.date, '2023-03-08');
  assert.equal(parseDayHeading('2023 03 08 Gradle basics'), undefined, 'without the TIL marker a titled date is a heading');
  assert.equal(parseDayHeading('TIL 2023 02 30 Gradle'), undefined, 'not a calendar date');
  assert.equal(parseDayHeading('1000 12 10 ways'), undefined);
});

test("the days are the same whether each note's part was worked out as it came into the index or at the first ask", () => {
  const notes = [
    parseNote('/n/days-and-questions.md', readFixture('notes/days-and-questions.md')),
    parseNote('/n/terms-and-diagrams.md', readFixture('notes/terms-and-diagrams.md')),
    parseNote('/n/2024/05-02.md', '# 05-02 TIL\n\n> 연도 없는 날짜인가요?\n\n파일 경로의 연도를 쓴다.\n'),
    parseNote('/n/other.md', '# 2024-05-02\n\n같은 날, 다른 파일.\n\n# 메모\n\n날짜 없는 제목.\n'),
  ];
  const index = new NoteIndex();
  for (const note of notes) index.upsertMany([note]); // each note's part worked out as it comes in
  // Fresh copies of the same parses: nothing worked out ahead, everything at this ask.
  const atFirstAsk = dayGroups(structuredClone(index.allNotes()));
  assert.ok(atFirstAsk.length >= 4);
  assert.deepEqual(index.days(), atFirstAsk);
});
