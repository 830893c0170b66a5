// The log of newly found note files: one message, however large the folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FOUND_LISTED, foundFilesMessage } from '../../src/features/notes/foundLog';

test('found files: one message naming the first files, and how many more', () => {
  const few = foundFilesMessage(['/n/a.md', '/n/b.md'], (f) => `${f} — *.md`);
  assert.equal(few, 'Found 2 new note file(s):\n  /n/a.md — *.md\n  /n/b.md — *.md');
  const files = Array.from({ length: 3000 }, (_, i) => `/n/${i}.md`);
  const many = foundFilesMessage(files, (f) => f).split('\n');
  assert.equal(many.length, 1 + FOUND_LISTED + 1);
  assert.equal(many[0], 'Found 3000 new note file(s):');
  assert.equal(many.at(-1), `  … and ${3000 - FOUND_LISTED} more`);
});
