// The judged hover set as a test: fixture code in the style of real projects, every identifier labelled. Thresholds on
// precision and coverage (speed is in `npm run bench:hovers`). Also over the user's real notes when they are present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseGlossary } from '../../src/core/index/glossary';
import { parseNote } from '../../src/core/notes/parseNote';
import { hoveredShare, judge, loadJudgedSet, precision, recall, type Judgement } from '../../bench/hoverJudge';
import { repoRoot } from './helpers';

const notesDir = path.join(repoRoot, 'notes');
const realNotes = path.join(repoRoot, '..', 'shared', 'seeds', 'til-notes.md');
const judgedSet = loadJudgedSet(path.join(repoRoot, 'test', 'fixtures', 'hovers'));

function judgeWith(extra: string[]): Judgement {
  const index = new NoteIndex();
  for (const f of fs.readdirSync(notesDir).filter((n) => n.endsWith('.md')))
    index.upsert(parseNote(path.join(notesDir, f), fs.readFileSync(path.join(notesDir, f))), false);
  for (const file of extra) index.upsert(parseNote(file, fs.readFileSync(file)), false);
  index.setGlossary([parseGlossary('glossary.yaml', fs.readFileSync(path.join(notesDir, 'glossary.yaml'), 'utf8'))]);
  return judge(index, judgedSet);
}

function summary(j: Judgement): string {
  return j.groups
    .map(
      (g) =>
        `${g.group.name}: hovered ${(100 * hoveredShare(g.withContext)).toFixed(1)}%, right ${(100 * precision(g.withContext)).toFixed(1)}%\n  ${g.wrong.slice(0, 5).join('\n  ')}`,
    )
    .join('\n');
}

test('judged set: every group of fixtures is labelled and has code in it', () => {
  assert.ok(judgedSet.groups.length >= 7);
  for (const g of judgedSet.groups) for (const f of g.files) assert.ok(fs.existsSync(path.join(judgedSet.dir, f)), f);
  assert.ok(
    judgedSet.groups.some((g) => g.ordinary),
    'ordinary application code is part of the set',
  );
});

test('judged set with the starter notes: >= 95 % of hovers right everywhere, ordinary code <= 1 % hovered, concepts explained', () => {
  const j = judgeWith([]);
  for (const g of j.groups) {
    assert.ok(precision(g.withContext) >= 0.95, `${g.group.name}: right ${precision(g.withContext)}\n${summary(j)}`);
    if (g.group.ordinary) assert.ok(hoveredShare(g.withContext) <= 0.01, `${g.group.name}: hovered ${hoveredShare(g.withContext)}`);
    else
      assert.ok(
        recall(g.withContext) >= 0.75,
        `${g.group.name}: labelled concepts found ${recall(g.withContext)}\n${g.missed.slice(0, 10).join('\n')}`,
      );
  }
  assert.deepEqual(
    j.concepts.filter((c) => !c.explained).map((c) => c.name),
    [],
  );
});

test('judged set: the context rules do better than the baseline without them', () => {
  const j = judgeWith([]);
  for (const g of j.groups) {
    assert.ok(precision(g.withContext) >= precision(g.baseline), g.group.name);
    assert.ok(hoveredShare(g.withContext) <= hoveredShare(g.baseline), g.group.name);
  }
});

test("judged set with the user's real notes added: still >= 90 % right, ordinary code <= 1 % hovered", (t) => {
  if (!fs.existsSync(realNotes)) {
    t.skip(`real notes not found at ${realNotes}`);
    return;
  }
  const j = judgeWith([realNotes]);
  for (const g of j.groups) {
    assert.ok(precision(g.withContext) >= 0.9, `${g.group.name}: right ${precision(g.withContext)}\n${summary(j)}`);
    if (g.group.ordinary) assert.ok(hoveredShare(g.withContext) <= 0.01, `${g.group.name}: hovered ${hoveredShare(g.withContext)}`);
  }
});
