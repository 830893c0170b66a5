// Bold that CommonMark's flanking rules miss in Korean (`**프로브(Probe)**는`) becomes <strong> before the quiz renders it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strongForCjk } from '../../src/core/quiz/cjkStrong';
import { assertLinear } from './growth';

test('cjk bold: a pair closing after a bracket before a particle, and its mirror, become <strong>', () => {
  assert.equal(strongForCjk('**프로브(Probe)**는 컨테이너를 살핀다'), '<strong>프로브(Probe)</strong>는 컨테이너를 살핀다');
  assert.equal(strongForCjk('이것은**(중요)**하다'), '이것은<strong>(중요)</strong>하다');
  assert.equal(strongForCjk('- **Semaphore**는 세는 잠금'), '- **Semaphore**는 세는 잠금', 'CommonMark already reads this one');
  assert.equal(strongForCjk('**bold** and **fine.** text'), '**bold** and **fine.** text');
});

test('cjk bold: code spans and fenced code are left as written', () => {
  assert.equal(strongForCjk('`**a(b)**c` 와 **d(e)**f'), '`**a(b)**c` 와 <strong>d(e)</strong>f');
  const fenced = '```\n**a(b)**c\n```\n**a(b)**c';
  assert.equal(strongForCjk(fenced), '```\n**a(b)**c\n```\n<strong>a(b)</strong>c');
});

test('cjk bold: linear in the size of hostile text', () => {
  assertLinear('strongForCjk', (n) => '**('.repeat(n) + 'x'.repeat(n) + ')**가 '.repeat(n), strongForCjk, 2_000);
  assertLinear('strongForCjk, unclosed', (n) => '**a(b'.repeat(n), strongForCjk, 2_000);
});
