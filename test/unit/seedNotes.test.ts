// The user's real notes (../shared/seeds/til-notes.md, beside the repo in CI): every question found, no decoys.
// A plain clone has no ../shared: those tests say in the output that they were skipped and why, and the same
// question shapes are tested over test/fixtures/user-notes/question-shapes.md, written in our own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParsedNote } from '../../src/core/model';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { questionKey } from '../../src/core/text';
import { fixtures, readFixture, repoRoot } from './helpers';

const seed = path.join(repoRoot, '..', 'shared', 'seeds', 'til-notes.md');
const shapes = path.join(fixtures, 'user-notes', 'question-shapes.md');
/** node:test prints this after `# SKIP` for each real-notes test in a plain clone. */
const skip = fs.existsSync(seed) ? false : `${seed} is absent (a plain clone); question-shapes.md covers the same shapes`;

const hashKey = (question: string) => createHash('sha1').update(questionKey(question)).digest('hex').slice(0, 16);

test('the real notes: 8 days, every question style, duplicates merged, no quoted explanation taken for a question', { skip }, () => {
  const note = parseNote(seed, fs.readFileSync(seed));
  const index = new NoteIndex();
  index.upsert(note);
  assert.equal(note.days.length, 8);
  assert.equal(note.cards.length, 93, 'the sub-question answered only by a picture is part of its parent');
  assert.equal(index.cardGroups().length, 90, 'the questions written on two days are one card each');
  const styles = note.cards.reduce<Record<string, number>>((n, c) => ((n[c.style] = (n[c.style] ?? 0) + 1), n), {});
  assert.deepEqual(styles, { blockquote: 60, aside: 7, heading: 12, emphasis: 14 });
  const questions = note.cards.map((c) => c.question).join('\n');
  for (const decoy of [
    'CPU 하나의 작업만을',
    'Swapper 라고도',
    '정리',
    '뭐라는거냐면',
    'Race Condition 상황에서',
    '메모리는 한정되어',
    '너 누구야',
    '우선순위를 부여하고',
  ]) {
    assert.ok(!questions.includes(decoy), decoy);
  }
  assert.ok(
    note.cards.every((c) => c.answer.length > 0),
    'every question in the real notes has an answer',
  );
  assert.deepEqual(note.problems, []);
});

test('the real notes: every card found before the question styles table is still found, at the same line', { skip }, () => {
  const note = parseNote(seed, fs.readFileSync(seed));
  const baseline = JSON.parse(readFixture('seed-baseline-cards.json')) as { cards: Array<{ line: number; style: string; key: string }> };
  const byLine = new Map(note.cards.map((c) => [c.line, c]));
  for (const before of baseline.cards) {
    const card = byLine.get(before.line);
    // A bold sub-question answered only by a picture is folded into the question it was asked under, whose answer holds it.
    const folded = before.style === 'emphasis' && note.cards.some((c) => c.line < before.line && c.endLine >= before.line);
    if (!card && folded) continue;
    assert.ok(card, `a card at line ${before.line}`);
    // A fragment now carries its heading (`Heading — fragment`): the written question is the part after the dash.
    const written = card.question.includes(' — ') ? card.question.slice(card.question.lastIndexOf(' — ') + 3) : card.question;
    assert.equal(hashKey(written), before.key, `the question at line ${before.line}`);
    assert.equal(card.style, before.style);
  }
});

test('the real notes: answers stop at the next question or heading (no answer runs over 80 lines)', { skip }, () => {
  const note = parseNote(seed, fs.readFileSync(seed));
  const longest = Math.max(...note.cards.map((c) => c.endLine - c.line));
  assert.ok(longest <= 80, `longest answer spans ${longest} lines`);
});

function parse(file: string): { note: ParsedNote; index: NoteIndex } {
  const note = parseNote(file, fs.readFileSync(file));
  const index = new NoteIndex();
  index.upsert(note);
  return { note, index };
}

/** The shapes a question takes, beyond its style: a fragment under a question, a question as a day's first heading. */
function shapesOf(note: ParsedNote): Set<string> {
  const kinds = new Set(note.cards.map((c) => c.style as string));
  for (const c of note.cards) if (c.question.includes(' — ')) kinds.add(`${c.style} fragment`);
  const dayLines = new Set(note.days.map((d) => d.line));
  for (const c of note.cards) if (c.style === 'heading' && dayLines.has(c.line - 1)) kinds.add('heading right under the day');
  return kinds;
}

test('the shapes fixture (our words): 4 days, each question style of the real notes, duplicates merged, no quoted explanation taken for a question', () => {
  const { note, index } = parse(shapes);
  assert.deepEqual(
    note.days.map((d) => d.date),
    ['03-02', '03-03', '03-04', '03-05'],
    'day headings only, not "# 복습 - …" or a question',
  );
  const styles = note.cards.reduce<Record<string, number>>((n, c) => ((n[c.style] = (n[c.style] ?? 0) + 1), n), {});
  assert.deepEqual(styles, { blockquote: 4, emphasis: 4, aside: 2, heading: 3 });
  assert.equal(index.cardGroups().length, note.cards.length - 1, 'the question written on two days is one card');
  const questions = note.cards.map((c) => c.question);
  for (const expected of [
    '스래싱과 워킹 셋의 관계를 설명해 주세요.', // ❗ and an unclosed ** inside the quote
    '스래싱과 워킹 셋의 관계를 설명해 주세요. — 둘은 어떻게 이어지나 ?', // a bold line under a quoted question
    '라벨로 파드 골라 보기', // <aside> ❗**title**
    'TCP와 UDP의 차이점은 무엇인가요?', // a heading right under the day heading
    '3-way handshake는 왜 필요한가요? — 성능 차이는?', // a sub-heading under a question heading
    '중기 스케줄러 : 누구를 잠시 디스크로 내보낼 것인가?', // a bold line, its explanation quoted below it
  ]) {
    assert.ok(questions.includes(expected), `${expected} in ${JSON.stringify(questions)}`);
  }
  const all = questions.join('\n');
  for (const decoy of ['얼마나 보내', '정리', '한마디로', '준비 큐에 선', '스와핑을 맡는다고도', '복습'])
    assert.ok(!all.includes(decoy), decoy);
  assert.ok(
    note.cards.every((c) => c.answer.length > 0),
    'every question has an answer',
  );
  assert.deepEqual(note.problems, []);
});

test('the shapes fixture has every question shape the real notes use', { skip }, () => {
  const real = shapesOf(parse(seed).note);
  const ours = shapesOf(parse(shapes).note);
  assert.deepEqual(
    [...real].filter((kind) => !ours.has(kind)),
    [],
    `the real notes use ${[...real].join(', ')}`,
  );
});
