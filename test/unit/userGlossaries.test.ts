// Which of the user's glossaries count as theirs ("Add Glossary Entries" opens it, the walkthrough ticks its step):
// one the index read, never one refused before reading; and which of several to open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGlossary, type Glossary } from '../../src/core/index/glossary';
import { preferredGlossary } from '../../src/core/index/glossaryMerge';
import { NoteIndex } from '../../src/core/index/noteIndex';

const refused = (file: string, code: 'outside-workspace' | 'too-large' | 'unreadable'): Glossary => ({
  file,
  origin: 'user',
  entries: [],
  concepts: [],
  problems: [{ file, severity: code === 'unreadable' ? 'error' : 'warning', code, message: 'not read' }],
});

test('the index names the user glossaries it read: not ours, not one refused or unreadable', () => {
  const index = new NoteIndex();
  assert.deepEqual(index.userGlossaryFiles(), [], 'none before any is read');
  index.setGlossary([
    parseGlossary('/ext/notes/glossary.yaml', 'os:\n  fork: fork\n', 'bundled'),
    parseGlossary('/ws/til-glossary.yaml', 'os:\n  spawn_worker: 작업자\n', 'user'),
    refused('/ws/linked/til-glossary.yaml', 'outside-workspace'),
    refused('/ws/big/til-glossary.yml', 'too-large'),
    refused('/ws/gone/til-glossary.yaml', 'unreadable'),
    // Read, with a mistake in it: still the user's glossary, and the place to fix it.
    parseGlossary('/ws/notes/glossary.yaml', 'os: [not, a, map]\n', 'user'),
  ]);
  assert.deepEqual(index.userGlossaryFiles(), ['/ws/til-glossary.yaml', '/ws/notes/glossary.yaml']);
  index.setGlossary([parseGlossary('/ext/notes/glossary.yaml', 'os:\n  fork: fork\n', 'bundled')]);
  assert.deepEqual(index.userGlossaryFiles(), [], 'gone with the next read');
});

test('of several glossaries, a til-glossary.yaml in the first folder opens first, then any til-glossary.yaml', () => {
  assert.equal(preferredGlossary([], '/ws'), undefined);
  assert.equal(
    preferredGlossary(['/ws/notes/glossary.yaml', '/other/til-glossary.yaml', '/ws/a/til-glossary.yml'], '/ws'),
    '/ws/a/til-glossary.yml',
  );
  assert.equal(preferredGlossary(['/ws/notes/glossary.yaml', '/other/til-glossary.yaml'], '/ws'), '/other/til-glossary.yaml');
  assert.equal(preferredGlossary(['/other/glossary.yaml', '/ws/notes/glossary.yaml'], '/ws'), '/ws/notes/glossary.yaml');
  // A folder's name is not a prefix of a sibling's.
  assert.equal(preferredGlossary(['/ws2/til-glossary.yaml', '/ws/til-glossary.yaml'], '/ws'), '/ws/til-glossary.yaml');
  assert.equal(
    preferredGlossary(['C:\\notes\\glossary.yaml', 'C:\\notes\\til-glossary.yaml'], 'C:\\notes'),
    'C:\\notes\\til-glossary.yaml',
  );
  assert.equal(preferredGlossary(['/a/glossary.yaml', '/b/glossary.yaml']), '/a/glossary.yaml', 'else the first given');
});
