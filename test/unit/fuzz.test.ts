import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../../src/core/notes/parseNote';
import { seeded } from './helpers';

const PIECES = [
  '# 1월 3일 TIL',
  '# 0104 TIL',
  '## OS',
  '### 세부',
  '> 질문인가요?',
  '> ❗**중요한 질문은?**',
  '> 💡',
  '> **정리**',
  '<aside>',
  '</aside>',
  '❗**콜아웃**',
  '```',
  '```mermaid',
  'graph TD; A-->B',
  '~~~',
  '---',
  '<hr>',
  '- 항목',
  '    - 중첩',
  '1. 첫째',
  '**굵게**는 정의이다.',
  '교착 상태(Deadlock)',
  '| a | b |',
  '| --- | --- |',
  '![img](x.png){width=1}',
  '',
  '<div>',
  '</div>',
  '[link](http://x)',
  '\t코드',
  '***',
  'ㄱ'.normalize('NFD'),
  '\uFEFF',
  '\r',
  '>>>>',
  '* * *',
  '<!--',
  '-->',
];

test('generated Markdown never makes the parser throw, and results stay in range', () => {
  const random = seeded(20261126);
  for (let round = 0; round < 300; round++) {
    const lines: string[] = [];
    const count = 1 + Math.floor(random() * 60);
    for (let i = 0; i < count; i++) lines.push(PIECES[Math.floor(random() * PIECES.length)]);
    const text = lines.join(random() < 0.2 ? '\r\n' : '\n');
    const lineCount = text.split(/\r\n|\n|\r/).length;
    const note = parseNote(`/fuzz/${round}.md`, text);
    assert.ok(!note.problems.some((p) => p.code === 'parse-failed'), `round ${round}: ${JSON.stringify(text)}`);
    for (const item of [...note.cards, ...note.sections, ...note.days, ...note.diagrams]) {
      assert.ok(
        item.line >= 1 && item.endLine >= item.line && item.endLine <= lineCount + 1,
        `round ${round}: lines ${item.line}-${item.endLine} of ${lineCount}`,
      );
    }
  }
});

test('parsing the same input twice gives the same result', () => {
  const random = seeded(7);
  const text = Array.from({ length: 200 }, () => PIECES[Math.floor(random() * PIECES.length)]).join('\n');
  assert.deepEqual(parseNote('/same.md', text), parseNote('/same.md', text));
});
