import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverExcerpt } from '../../src/core/index/excerpt';

test('hover excerpts drop raw HTML and images', () => {
  const md = hoverExcerpt('<aside>콜아웃</aside> 본문 ![그림](img/a.png){width=600} <img src=x onerror=alert(1)> 끝.', 400);
  assert.equal(md, '콜아웃 본문   끝.');
});

test('bold that CommonMark leaves open in Korean text is shown as plain text', () => {
  assert.equal(hoverExcerpt('**세마포어(Semaphore)**는 카운터이다.', 400), '세마포어(Semaphore)는 카운터이다.');
  assert.equal(hoverExcerpt('**fork**는 복제한다.', 400), '**fork**는 복제한다.');
});

test('long passages are cut at a sentence end, and an open code fence is closed', () => {
  const long = '첫 문장이다. '.repeat(20) + '\n```c\nint x = fork();\n' + 'x++;\n'.repeat(50);
  const cut = hoverExcerpt(long, 200);
  assert.ok(cut.length <= 210, String(cut.length));
  assert.ok(cut.endsWith('…') || cut.endsWith('```'));
  const fenced = hoverExcerpt('설명.\n```c\n' + 'int x = fork();\n'.repeat(40), 120);
  assert.equal((fenced.match(/```/g) ?? []).length % 2, 0);
});

test('a section of many short paragraphs shows its first three blocks, not a wall of text (a new user saw six)', () => {
  const section = [
    '**점진적 배포**',
    '파드를 하나씩 새 버전으로 바꾼다.',
    '**되돌리기는?**',
    '이전 리비전으로 돌아간다.',
    '일시 중지도 된다.',
  ].join('\n\n');
  const excerpt = hoverExcerpt(section, 400);
  assert.match(excerpt, /되돌리기는/);
  assert.doesNotMatch(excerpt, /이전 리비전|일시 중지/);
  assert.ok(excerpt.endsWith('…'), excerpt);
});
