// The user's real notes (../shared/seeds/til-notes.md, present beside the repo in CI): every question found, no decoys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { questionKey } from '../../src/core/text';
import { readFixture, repoRoot } from './helpers';

const seed = path.join(repoRoot, '..', 'shared', 'seeds', 'til-notes.md');
const present = fs.existsSync(seed);
if (!present) console.log(`# skipped the real-notes tests: ${seed} is not beside the repo`);

const hashKey = (question: string) => createHash('sha1').update(questionKey(question)).digest('hex').slice(0, 16);

test('the real notes: 8 days, every question style, duplicates merged, no quoted explanation taken for a question', { skip: !present && 'seed notes not beside the repo' }, () => {
  const note = parseNote(seed, fs.readFileSync(seed));
  const index = new NoteIndex();
  index.upsert(note);
  assert.equal(note.days.length, 8);
  assert.equal(note.cards.length, 94);
  assert.equal(index.cardGroups().length, 91, 'the questions written on two days are one card each');
  const styles = note.cards.reduce<Record<string, number>>((n, c) => ((n[c.style] = (n[c.style] ?? 0) + 1), n), {});
  assert.deepEqual(styles, { blockquote: 60, aside: 7, heading: 12, emphasis: 15 });
  const questions = note.cards.map((c) => c.question).join('\n');
  for (const decoy of ['CPU 하나의 작업만을', 'Swapper 라고도', '정리', '뭐라는거냐면', 'Race Condition 상황에서', '메모리는 한정되어', '너 누구야', '우선순위를 부여하고']) {
    assert.ok(!questions.includes(decoy), decoy);
  }
  assert.ok(note.cards.every((c) => c.answer.length > 0), 'every question in the real notes has an answer');
  assert.deepEqual(note.problems, []);
});

test('the real notes: every card found before the question styles table is still found, at the same line', { skip: !present && 'seed notes not beside the repo' }, () => {
  const note = parseNote(seed, fs.readFileSync(seed));
  const baseline = JSON.parse(readFixture('seed-baseline-cards.json')) as { cards: Array<{ line: number; style: string; key: string }> };
  const byLine = new Map(note.cards.map((c) => [c.line, c]));
  for (const before of baseline.cards) {
    const card = byLine.get(before.line);
    assert.ok(card, `a card at line ${before.line}`);
    // A fragment now carries its heading (`Heading — fragment`): the written question is the part after the dash.
    const written = card.question.includes(' — ') ? card.question.slice(card.question.lastIndexOf(' — ') + 3) : card.question;
    assert.equal(hashKey(written), before.key, `the question at line ${before.line}`);
    assert.equal(card.style, before.style);
  }
});

test('the real notes: answers stop at the next question or heading (no answer runs over 80 lines)', { skip: !present && 'seed notes not beside the repo' }, () => {
  const note = parseNote(seed, fs.readFileSync(seed));
  const longest = Math.max(...note.cards.map((c) => c.endLine - c.line));
  assert.ok(longest <= 80, `longest answer spans ${longest} lines`);
});
