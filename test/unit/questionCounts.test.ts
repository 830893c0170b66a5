// The day and topic rows count questions by one rule (each question once per row, and how many of a row's
// questions are written in more than one place): the days add up to more than the topics by exactly the
// questions written again, and the rows say so. Our own notes; the user's real notes when they sit beside the clone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { countQuestions, placeCounts, type QuestionCount } from '../../src/core/index/questionCounts';
import { parseNote } from '../../src/core/notes/parseNote';
import { fixtures, repoRoot } from './helpers';

const seed = path.join(repoRoot, '..', 'shared', 'seeds', 'til-notes.md');
const skip = fs.existsSync(seed) ? false : `${seed} is absent (a plain clone); question-shapes.md has a question written on two days too`;

/** The rows as the trees build them: each day's cards, each topic's questions. */
function rows(index: NoteIndex): { days: QuestionCount[]; topics: QuestionCount[] } {
  const groups = index.cardGroups();
  const placesOf = placeCounts(groups);
  const days = index.days().map((d) =>
    countQuestions(
      d.entries.flatMap((e) => e.cards),
      placesOf,
    ),
  );
  const topicsSeen = [...new Set(groups.map((g) => g.topic))];
  const topics = topicsSeen.map((t) =>
    countQuestions(
      groups.filter((g) => g.topic === t),
      placesOf,
    ),
  );
  return { days, topics };
}

const sum = (counts: QuestionCount[], field: keyof QuestionCount) => counts.reduce((n, c) => n + c[field], 0);

function indexOf(file: string, text: string | Buffer): NoteIndex {
  const index = new NoteIndex();
  index.upsert(parseNote(file, text));
  return index;
}

test('a question written on two days: in both days, once in its topic, and each of the three rows says it is written again', () => {
  const file = path.join(fixtures, 'user-notes', 'question-shapes.md');
  const { days, topics } = rows(indexOf(file, fs.readFileSync(file)));
  assert.equal(sum(days, 'questions'), sum(topics, 'questions') + 1, 'the days count it twice, its topic once');
  assert.equal(sum(days, 'writtenAgain'), 2, 'both days say one of theirs is written again');
  assert.equal(sum(topics, 'writtenAgain'), 1, 'its topic says so once');
});

test('a question written twice on one day counts once in that day, and the day says it is written again', () => {
  const index = indexOf(
    '/n/repeat.md',
    '# 2025-07-01 TIL\n\n## Paging\n\n> What does a TLB miss cost?\n\nA walk of the page table.\n\n' +
      '## Review\n\n> What does a TLB miss cost?\n\nA page-table walk, again.\n\n> Why are huge pages faster?\n\nFewer TLB entries.\n',
  );
  const { days, topics } = rows(index);
  assert.deepEqual(days, [{ questions: 2, writtenAgain: 1 }]);
  assert.deepEqual(topics, [{ questions: 2, writtenAgain: 1 }]);
});

test('the real notes: days 93 and topics 90, reconciled by the 3 questions written on two days', { skip }, () => {
  const { days, topics } = rows(indexOf(seed, fs.readFileSync(seed)));
  assert.equal(sum(days, 'questions'), 93);
  assert.equal(sum(topics, 'questions'), 90);
  assert.equal(sum(topics, 'writtenAgain'), 3);
  assert.equal(sum(days, 'writtenAgain'), 6, 'each of the 3 is said on both its days');
});
