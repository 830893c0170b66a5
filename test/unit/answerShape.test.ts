// Empty cards: an answer that is only a picture or only links shows nothing on a card. A sub-question answered that
// way is folded into the question it was asked under; any other such card says where its answer is (answerShape).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerShape } from '../../src/core/notes/answerShape';
import { parseNote } from '../../src/core/notes/parseNote';

test('answerShape tells words from a picture, from links, and from nothing', () => {
  assert.equal(answerShape('![그림](./a.png){width=516 height=297}'), 'picture');
  assert.equal(answerShape('![a](x.png)\n\n![b](<y z.png>)'), 'picture');
  assert.equal(answerShape('[[OS] 교착 상태 정리](https://example.com/a_(b))\n\n- [둘째 글](https://example.com/2)'), 'links');
  assert.equal(answerShape('1. <https://example.com/one>\n2. https://example.com/two'), 'links');
  assert.equal(answerShape('![a](x.png) [b](y)'), 'picture');
  assert.equal(answerShape('<br><b>\n</b>'), 'empty');
  // Any word makes it an answer, however many links surround it.
  assert.equal(answerShape('[글](https://example.com)\n\n스핀락은 돌면서 기다린다.'), 'text');
  assert.equal(answerShape('![a](x.png) 위 그림처럼 두 번 잠근다'), 'text');
  assert.equal(answerShape('`{app: web}`'), 'text');
  assert.equal(answerShape('{app: web}'), 'text');
  assert.equal(answerShape('3개'), 'text');
  assert.equal(answerShape('[글자만 대괄호]'), 'text');
});

test('answerShape reads hostile input once: unclosed brackets and parentheses are words', () => {
  const n = 200_000;
  assert.equal(answerShape('!['.repeat(n)), 'text');
  assert.equal(answerShape('[a]('.repeat(n)), 'text');
  assert.equal(answerShape('<'.repeat(n)), 'text');
  assert.equal(answerShape(`${'[x](y) '.repeat(n)}`), 'links');
  assert.equal(answerShape(`[${'['.repeat(n)}`), 'text');
});

const NESTED = `## 동기화

> **이진 세마포어와 뮤텍스는 어떻게 다른가요?**

이진 세마포어는 0과 1만 갖는 세마포어이고, 뮤텍스는 잠근 쪽만 풀 수 있는 락이다.

**그럼 둘은 어떻게 달라?**

![표](./pictures/compare.png){width=500}

**언제 무엇을 쓰나요?**

소유권이 필요하면 뮤텍스, 신호만 필요하면 세마포어를 쓴다.
`;

test('a sub-question answered only by a picture is folded into its parent, whose answer keeps the picture', () => {
  const note = parseNote('/notes/nested.md', NESTED);
  const questions = note.cards.map((c) => c.question);
  assert.ok(!questions.some((q) => q.includes('둘은 어떻게 달라')), questions.join('\n'));
  const parent = note.cards.find((c) => c.question === '이진 세마포어와 뮤텍스는 어떻게 다른가요?');
  assert.ok(parent);
  assert.match(parent.answer, /\*\*그럼 둘은 어떻게 달라\?\*\*\n\n!\[표\]/);
  // A sub-question with an answer in words stays a card of its own.
  assert.ok(
    questions.some((q) => q.includes('언제 무엇을 쓰나요?')),
    questions.join('\n'),
  );
});

test('a question of its own answered only by a picture or links stays a card, and its answer says so', () => {
  const note = parseNote(
    '/notes/elsewhere.md',
    '## 운영 체제\n\n> **페이지 교체는 어떻게 일어나나요?**\n\n![흐름](./pictures/paging.png)\n\n> **읽을거리는?**\n\n- [가상 메모리 글](https://example.com/vm)\n- [페이지 폴트 글](https://example.com/pf)\n',
  );
  const shapes = note.cards.map((c) => [c.question, answerShape(c.answer)]);
  assert.deepEqual(shapes, [
    ['페이지 교체는 어떻게 일어나나요?', 'picture'],
    ['읽을거리는?', 'links'],
  ]);
});
