import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../../src/core/notes/parseNote';

const fenceWarnings = (markdown: string) => parseNote('/notes/fences.md', markdown).problems.filter((p) => p.code === 'unclosed-fence');

test('fences inside blockquotes and lists are understood: no false "unclosed code block" warnings', () => {
  const quoted = '# Q\n\n> 예시:\n>\n> ```bash\n> kubectl get pods\n> ```\n\n> > ```yaml\n> > kind: Pod\n> > ```\n\ntext\n';
  assert.deepEqual(fenceWarnings(quoted), []);
  const listed = '- 명령어\n  ```bash\n  kubectl get nodes\n  ```\n- 다음\n\n1. step\n\n   ~~~\n   code\n   ~~~\n';
  assert.deepEqual(fenceWarnings(listed), []);
  const quotedInList = '- item\n  > ```\n  > echo hi\n  > ```\n';
  assert.deepEqual(fenceWarnings(quotedInList), []);
});

test('a fence left open inside a quote ends with the quote and is not reported; one left open at the top level is', () => {
  assert.deepEqual(fenceWarnings('> ```\n> code\n\nafter the quote\n'), []);
  const open = fenceWarnings('# T\n\n```js\nconst a = 1;\n\n## swallowed heading\n');
  assert.equal(open.length, 1);
  assert.match(open[0].message, /never closed/);
});

test('the fixture answers with code in quotes and lists parse without warnings', () => {
  const note = parseNote(
    '/notes/q.md',
    '> 파드 목록은 어떻게 보나요?\n>\n> ```\n> kubectl get po\n> ```\n\n- 로그는 어떻게 보나요?\n  ```\n  kubectl logs web\n  ```\n',
  );
  assert.deepEqual(note.problems, []);
  assert.equal(note.cards.length, 2);
  assert.ok(note.cards[0].answer.includes('```\nkubectl get po\n```'), note.cards[0].answer);
  assert.ok(note.cards[1].answer.includes('```\nkubectl logs web\n```'), note.cards[1].answer);
});
