// The user's real notes (../shared/seeds/til-notes.md, present beside the repo in CI): every question found, no decoys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { repoRoot } from './helpers';

const seed = path.join(repoRoot, '..', 'shared', 'seeds', 'til-notes.md');
const present = fs.existsSync(seed);

test('the real notes: 8 days, every question style, duplicates merged, no quoted explanation taken for a question', { skip: !present && 'seed notes not beside the repo' }, () => {
  const note = parseNote(seed, fs.readFileSync(seed));
  const index = new NoteIndex();
  index.upsert(note);
  assert.equal(note.days.length, 8);
  assert.equal(note.cards.length, 79);
  assert.equal(index.cardGroups().length, 77, 'the two context-switching questions written on two days are one card each');
  const styles = note.cards.reduce<Record<string, number>>((n, c) => ((n[c.style] = (n[c.style] ?? 0) + 1), n), {});
  assert.deepEqual(styles, { blockquote: 60, aside: 7, heading: 12 });
  const questions = note.cards.map((c) => c.question).join('\n');
  for (const decoy of ['CPU 하나의 작업만을', 'Swapper 라고도', '정리', '뭐라는거냐면', 'Race Condition 상황에서', '메모리는 한정되어']) {
    assert.ok(!questions.includes(decoy), decoy);
  }
  assert.ok(note.cards.every((c) => c.answer.length > 0), 'every question in the real notes has an answer');
  assert.deepEqual(note.problems, []);
});
