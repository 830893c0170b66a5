// Search previews: a note's answer as one plain line. Note text is untrusted: what is shown stays plain
// (no link target, image or HTML), and a preview reads a bounded part of the note whatever its size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainPreview } from '../../src/core/plainPreview';

test('Markdown markers become plain text: emphasis, code, links, lists, quotes, headings, fences', () => {
  const answer = [
    '**Backpressure** slows the `producer` when the [queue](https://queues.example/why) is *full*:',
    '',
    '- first, the buffer ~~grows~~ fills',
    '1. then `write()` returns __false__',
    '- [ ] a task line',
    '> a quoted aside',
    '### A small heading',
    '```js',
    'stream.pause();',
    '```',
    '---',
  ].join('\n');
  assert.equal(
    plainPreview(answer, 400),
    'Backpressure slows the producer when the queue is full: first, the buffer grows fills then write() returns false a task line a quoted aside A small heading stream.pause();',
  );
});

test('images, HTML and autolinks of a note: images and tags go, addresses stay text', () => {
  assert.equal(
    plainPreview('See ![diagram](https://tracker.example/p.png) <b>this</b> <img src=x onerror=alert(1)> <https://docs.example/x>', 200),
    'See this https://docs.example/x',
  );
  assert.equal(plainPreview('[a [nested] link](command:til.search) and \\[not a link\\]', 200), 'a [nested] link and [not a link]');
});

test('Korean answers keep their text, bold around a bracket too', () => {
  assert.equal(
    plainPreview('**프로세스(Process)**는 실행 중인 `프로그램`이다.\n\n- 주소 공간을 가진다', 200),
    '프로세스(Process)는 실행 중인 프로그램이다. 주소 공간을 가진다',
  );
});

test('identifiers keep their underscores and a product keeps its star', () => {
  assert.equal(plainPreview('Set `max_connections` in pg_hba and 2 * 3 workers', 200), 'Set max_connections in pg_hba and 2 * 3 workers');
});

test('a long answer is cut at a word, with an ellipsis', () => {
  const preview = plainPreview('word '.repeat(100), 50);
  assert.ok(preview.length <= 52, preview);
  assert.match(preview, /^(word )+…$/);
});

test('a preview reads a bounded part of a huge hostile answer: the same result whatever follows', () => {
  const head = '**A** [link](https://x.example) `code` ';
  const small = plainPreview(head + '[('.repeat(1_000), 120);
  const huge = plainPreview(head + '[('.repeat(2_000_000), 120);
  assert.equal(huge, small);
  assert.ok(huge.length <= 122, huge);
  assert.ok(huge.startsWith('A link code'), huge);
});
