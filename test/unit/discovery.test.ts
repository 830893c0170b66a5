// The default note globs take the names people give TIL notes, and never words that merely contain "til".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_NOTE_GLOBS, reasonForGlob } from '../../src/core/notes/discovery';
import { repoRoot } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const matchers = DEFAULT_NOTE_GLOBS.map((g) => ({ ...g, isMatch: picomatch(g.glob, { posix: true }) }));
const taken = (file: string) => matchers.find((m) => m.isMatch(file));

test('the manifest default for notes.include is the discovery table', () => {
  const declared = manifest.contributes.configuration.properties['tilCompanion.notes.include'].default;
  assert.deepEqual(
    declared,
    DEFAULT_NOTE_GLOBS.map((g) => g.glob),
  );
});

test('TIL note names are taken, each with a reason', () => {
  const names = [
    'TIL.md',
    'til.md',
    'docs/TIL-0114.md',
    '0114 TIL.md',
    '1월 13일 TIL.md',
    'study/2024_til_notes.md',
    'my-til.md',
    'TIL_정리.md',
    'til/2023/array.md',
    'TIL/Kubernetes/pods.md',
    'today-i-learned/git.md',
    'notes/os/process.md',
    'daily/2025-01-15.md',
    'daily/05-15-2022.md',
    '2022/20220515.md',
    'log/220515.md',
  ];
  for (const name of names) {
    const match = taken(name);
    assert.ok(match, `${name} should be taken`);
    assert.ok(match.reason.length > 0);
  }
});

test('words that merely contain "til" are not notes', () => {
  for (const name of [
    'utils.md',
    'until.md',
    'Still.md',
    'stylistic.md',
    'src/until-later.md',
    'docs/Utilities.md',
    'tiles.md',
    'lentil.md',
    'README.md',
    'CHANGELOG.md',
  ]) {
    assert.equal(taken(name)?.glob, undefined, `${name} should not be taken`);
  }
});

test('a dated-looking number that is no date is not taken', () => {
  for (const name of ['1167.md', 'problems/99999999.md', '123456789.md', '2024-13-45-x.md']) {
    assert.equal(taken(name)?.glob, undefined, `${name} should not be taken`);
  }
});

test('a user glob is quoted as the reason', () => {
  assert.equal(reasonForGlob('docs/**/*.md'), 'matches your include glob docs/**/*.md');
  assert.equal(reasonForGlob(DEFAULT_NOTE_GLOBS[0].glob), DEFAULT_NOTE_GLOBS[0].reason);
});
