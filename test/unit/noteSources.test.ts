// Which notes count: the user's as soon as there are any (due, a topic, a day, terms), the starter notes on their
// own root only when asked for, and the "auto" rule for loading the starter notes at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { mainSources, useStarterNotes, USER_SOURCES } from '../../src/core/index/sources';
import { isQuizScope, selectCardGroups, selectTerms } from '../../src/core/quiz/scope';
import { parseNote } from '../../src/core/notes/parseNote';
import { CardDeck } from '../../src/core/quiz/cardKinds';
import type { NoteSource } from '../../src/core/model';

const note = (file: string, markdown: string, source: NoteSource) => ({ ...parseNote(file, markdown), source });

// The same day title in both: the starter notes reuse day titles the user writes too.
const STARTER = note(
  '/ext/notes/os.md',
  '# 1월 13일 TIL\n\n> 시작 노트의 질문인가요?\n\n우리가 쓴 답.\n\n**세마포어**는 세는 잠금이다.\n',
  'starter',
);
const MINE = note(
  '/ws/til.md',
  '# 1월 13일 TIL\n\n> 내 노트의 질문인가요?\n\n내가 쓴 답.\n\n**뮤텍스**는 열쇠 하나짜리 잠금이다.\n',
  'workspace',
);
const questions = (groups: { question: string }[]) => groups.map((g) => g.question).sort();

test("with notes of the user's, due, a day and a topic read only theirs; the starter root's own scope reads ours", () => {
  const index = new NoteIndex();
  index.upsertMany([STARTER, MINE]);
  assert.deepEqual(mainSources(index), USER_SOURCES);
  assert.deepEqual(questions(selectCardGroups(index, { scope: 'due' })), ['내 노트의 질문인가요?']);
  assert.deepEqual(
    questions(selectCardGroups(index, { scope: 'day', value: '01-13' })),
    ['내 노트의 질문인가요?'],
    'the same date of the starter notes is not merged in',
  );
  assert.deepEqual(questions(selectCardGroups(index, { scope: 'day', value: '01-13', starter: true })), ['시작 노트의 질문인가요?']);
  assert.deepEqual(questions(selectCardGroups(index, { scope: 'topic', value: 'other', starter: true })), ['시작 노트의 질문인가요?']);
  assert.deepEqual(
    questions(selectCardGroups(index, { scope: 'note', value: '/ext/notes/os.md' })),
    ['시작 노트의 질문인가요?'],
    'a note names its own file',
  );
  assert.deepEqual(
    selectTerms(index, { scope: 'due' }).map((t) => t.term),
    ['뮤텍스'],
  );
  assert.deepEqual(
    index.days(USER_SOURCES).map((d) => d.entries.length),
    [1],
  );
  assert.equal(index.days().length, 1, 'merged only when every source is asked for at once');
});

test('with only the starter notes, everything counts them', () => {
  const index = new NoteIndex();
  index.upsert(STARTER);
  assert.equal(mainSources(index), undefined);
  assert.deepEqual(questions(selectCardGroups(index, { scope: 'due' })), ['시작 노트의 질문인가요?']);
  assert.deepEqual(questions(selectCardGroups(index, { scope: 'day', value: '01-13' })), ['시작 노트의 질문인가요?']);
});

test('"auto" uses the starter notes only while none of the user\'s are found; true and false keep their meaning', () => {
  assert.equal(useStarterNotes('auto', 0), true);
  assert.equal(useStarterNotes('auto', 1), false);
  assert.equal(useStarterNotes(true, 5), true);
  assert.equal(useStarterNotes(false, 0), false);
});

test('a quiz scope from a command link may carry starter only as a boolean', () => {
  assert.ok(isQuizScope({ scope: 'day', value: '01-13', starter: true }));
  assert.ok(!isQuizScope({ scope: 'day', value: '01-13', starter: 'yes' }));
});

test("the quiz deck's generated cards (cloze, reverse) follow the same sources; built-in diagrams belong to no one's notes", () => {
  const index = new NoteIndex();
  index.upsertMany([STARTER, MINE]);
  const deck = new CardDeck(index, () => ({ cloze: true, reverse: true, diagram: true }));
  const all = deck.cardGroups();
  const mine = deck.cardGroups(USER_SOURCES);
  assert.ok(
    all.some((g) => g.places.some((p) => p.file === STARTER.file)),
    'the starter notes give generated cards too',
  );
  for (const g of mine)
    assert.ok(!g.places.length || g.places.some((p) => p.file === MINE.file), `${g.question} is the user's or a built-in diagram's`);
  assert.ok(
    mine.some((g) => !g.places.length),
    'built-in diagram cards stay',
  );
  deck.dispose();
});
