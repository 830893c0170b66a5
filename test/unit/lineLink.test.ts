// Explain's "Open in …" links in VS Code in a browser (code-server), where the preview cannot reach the URI handler:
// the relative path from the stored explanation to the indexed note plus #L<line>; where none exists, the place as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineLabel, relativeLineLink } from '../../src/core/notes/lineLink';

const STORED = '/home/me/.local/share/code-server/User/globalStorage/til.til-companion/explain/semaphore.md';

test('a note elsewhere on the disk: up to the common folder, down to the note, at its line', () => {
  assert.equal(relativeLineLink(STORED, '/home/me/notes/til-notes.md', 1542), '../../../../../../../notes/til-notes.md#L1542');
  assert.equal(relativeLineLink('/a/b/page.md', '/a/b/c/note.md', 3), 'c/note.md#L3');
  assert.equal(relativeLineLink('/a/b/page.md', '/x/note.md', 1), '../../x/note.md#L1');
});

test('spaces, brackets, parentheses and hashes in a path cannot end the link or start a fragment', () => {
  const link = relativeLineLink('/s/page.md', "/s/My Notes (old)/[draft] #1 it's.md", 7);
  assert.equal(link, 'My%20Notes%20%28old%29/%5Bdraft%5D%20%231%20it%27s.md#L7');
  assert.doesNotMatch(link ?? '', /[\s()[\]'<>]/);
});

test('Windows: the same drive (any case) gets a relative link, another drive none', () => {
  assert.equal(relativeLineLink('/c:/Users/me/AppData/explain/t.md', '/C:/Users/me/notes/n.md', 2), '../../notes/n.md#L2');
  assert.equal(relativeLineLink('/c:/Users/me/AppData/explain/t.md', '/d:/notes/n.md', 2), undefined);
});

test('paths that are not absolute and normalised get no link', () => {
  assert.equal(relativeLineLink('relative/page.md', '/a/n.md', 1), undefined);
  assert.equal(relativeLineLink('/a/page.md', '/a/../etc/n.md', 1), undefined);
  assert.equal(relativeLineLink('/a/page.md', 'n.md', 1), undefined);
});

test('a line that is not a positive whole number opens the note at its top', () => {
  assert.equal(relativeLineLink('/a/page.md', '/a/n.md', 0), 'n.md');
  assert.equal(relativeLineLink('/a/page.md', '/a/n.md', Number.NaN), 'n.md');
});

test('the text fallback names the file and line, on either separator', () => {
  assert.equal(lineLabel('/home/me/notes/til-notes.md', 1542), 'til-notes.md:1542');
  assert.equal(lineLabel('D:\\notes\\til-notes.md', 9), 'til-notes.md:9');
});
