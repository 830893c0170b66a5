// The hover adapts to how well the quiz says a term is known: a known term gets one line and when its
// review is due; a due or failed one the whole explanation with "Quiz me" first. Without progress (the
// CLI, a fresh install) the hover is exactly what it always was. States come from the real scheduler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { buildHoverMarkdown, translator } from '../../src/core/hover/buildHover';
import { termMastery, termStates } from '../../src/core/quiz/mastery';
import { ProgressBook } from '../../src/core/quiz/progress';
import { Scheduler } from '../../src/core/quiz/scheduler';
import { generatedKey } from '../../src/core/quiz/cardKinds';

const DAY = 86_400_000;
const T0 = new Date(2025, 4, 1, 12);
const NOTE = `# 2025-05-01 TIL

**세마포어**는 공유 자원에 들어갈 수 있는 스레드 수를 세는 동기화 도구이다. 값이 0이면 다음 스레드는 기다린다.
누군가 빠져나가며 값을 올리면 기다리던 스레드 하나가 깨어난다.
`;

function setup() {
  const index = new NoteIndex();
  index.upsert(parseNote('/n/sync.md', NOTE));
  const match = index.matchAt('sem_t 세마포어;', 8);
  assert.ok(match, 'the term is found');
  return { index, match };
}

const hover = (ctx: ReturnType<typeof setup>, mastery?: ReturnType<typeof termMastery>) =>
  buildHoverMarkdown({ match: ctx.match, index: ctx.index, excerptLength: 400, diagrams: [], t: translator(), mastery });

test('mastery from the real FSRS states: none → undefined; reviewed well → known with days until due; due → due; forgotten → failed', () => {
  const scheduler = new Scheduler();
  assert.equal(termMastery([], T0), undefined);
  let s = scheduler.review(undefined, 3, T0, 'k');
  assert.equal(termMastery([s], T0), undefined, 'only just started learning: no change to the hover');
  for (let t = T0.getTime(); s.state !== 2; t += DAY) s = scheduler.review(s, 3, new Date(t), 'k');
  s = scheduler.review(s, 4, new Date(Date.parse(s.due)), 'k');
  const reviewed = new Date(Date.parse(s.last_review!));
  const known = termMastery([s], reviewed);
  assert.equal(known?.level, 'known');
  assert.equal(known?.dueInDays, Math.ceil((Date.parse(s.due) - reviewed.getTime()) / DAY));
  assert.equal(termMastery([s], new Date(Date.parse(s.due) + 1000))?.level, 'due');
  const lapsed = scheduler.review(s, 1, new Date(Date.parse(s.due)), 'k');
  assert.equal(termMastery([lapsed], new Date(Date.parse(s.due)))?.level, 'failed');
  assert.equal(termMastery([s, lapsed], reviewed)?.level, 'failed', 'one forgotten card is enough');
});

test('the term mode, its cloze card and its reverse card all count for the term', () => {
  const book = new ProgressBook();
  const scheduler = new Scheduler();
  book.setTerm('세마포어', { ...scheduler.review(undefined, 3, T0), term: '세마포어' });
  book.setCard(generatedKey('cloze', '세마포어'), { ...scheduler.review(undefined, 1, T0), question: 'q' });
  assert.equal(termStates(book, '세마포어').length, 2);
  assert.equal(termStates(book, '뮤텍스').length, 0);
});

test('hover: no progress is the hover as always; known is one line and "review is due in 12 days"; due or failed lead with "Quiz me" and show everything', () => {
  const ctx = setup();
  const plain = hover(ctx);
  assert.equal(hover(ctx, undefined), plain);
  assert.match(plain, /Quiz me on this/);
  assert.match(plain, /기다린다/, 'the full explanation');

  const known = hover(ctx, { level: 'known', dueInDays: 12 });
  assert.match(known, /Review is due in 12 days\\?\./);
  assert.match(known, /동기화 도구이다\./);
  assert.doesNotMatch(known, /기다린다/, 'one line only');
  assert.ok(known.indexOf('Review is due') < known.indexOf('---'), 'above the links');
  assert.match(hover(ctx, { level: 'known', dueInDays: 1 }), /Review is due tomorrow\\?\./);

  for (const level of ['due', 'failed'] as const) {
    const md = hover(ctx, { level });
    const quizAt = md.indexOf('**Quiz me**');
    assert.ok(quizAt > 0 && quizAt < md.indexOf('공유 자원'), `${level}: "Quiz me" before the explanation`);
    assert.match(md, /기다린다/, `${level}: the full explanation`);
    assert.doesNotMatch(md, /Quiz me on this/, `${level}: not twice`);
    assert.match(md, /\(command:til\.startQuiz\?/, 'the link is our command');
  }
  assert.match(hover(ctx, { level: 'failed' }), /You missed this/);
});
