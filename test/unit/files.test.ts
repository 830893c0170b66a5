// Files on disk: a folder that cannot be listed is a problem, not the end of the walk; a note over the size
// limit is never read (its size is asked first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { findNoteFiles, problemNote } from '../../src/node/files';
import { NoteLoader } from '../../src/node/noteLoader';
import { ParsePool } from '../../src/node/parsePool';
import { inspectReport } from '../../src/node/report';
import { workerFile } from './helpers';

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'til-files-'));
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
  return dir;
}

test('an unreadable subfolder is a problem in the report; the other folders are still read', async () => {
  const dir = await tree({
    'a/one.md': '# 0101 TIL\n\n> First?\n\nYes.\n',
    'locked/two.md': '# 0102 TIL\n\n> Second?\n\nYes.\n',
    'z/three.md': '# 0103 TIL\n\n> Third?\n\nYes.\n',
  });
  try {
    // Root reads every folder, so a permission error is simulated at the one place it would surface.
    const readdir = async (p: string) => {
      if (path.basename(p) === 'locked') throw Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES' });
      return fs.readdir(p);
    };
    const found = await findNoteFiles([dir], { readdir });
    assert.deepEqual(
      found.notes.map((f) => path.relative(dir, f)),
      [path.join('a', 'one.md'), path.join('z', 'three.md')],
    );
    assert.equal(found.unreadable.length, 1);
    assert.equal(found.unreadable[0].file, path.join(dir, 'locked'));
    assert.match(found.unreadable[0].message, /could not be read.*EACCES/);

    const index = new NoteIndex();
    index.upsertMany(found.unreadable.map(problemNote));
    const report = inspectReport(index);
    assert.equal(report.problems.length, 1);
    assert.equal(report.problems[0].code, 'unreadable');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a note over the size limit is never read: its size is checked first', async () => {
  const dir = await tree({ 'big.md': '# 0101 TIL\n\n' + 'x'.repeat(300_000) + '\n', 'small.md': '# 0101 TIL\n\n> Small?\n\nYes.\n' });
  const pool = new ParsePool({ workerFile, size: 1 });
  try {
    const reads: string[] = [];
    const loader = new NoteLoader({
      pool,
      read: (f) => (reads.push(path.basename(f)), fs.readFile(f)),
      size: async (f) => (await fs.stat(f)).size,
      maxBytes: () => 100 * 1024,
    });
    const [big, small] = await loader.loadMany([path.join(dir, 'big.md'), path.join(dir, 'small.md')]);
    assert.deepEqual(reads, ['small.md'], 'the big note was not read');
    assert.deepEqual(
      big.problems.map((p) => p.code),
      ['too-large'],
    );
    assert.match(big.problems[0].message, /\d+ KB, over the 100 KB limit/);
    assert.equal(small.cards.length, 1);
  } finally {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a note that grows past the limit between its size check and its read is too large, not unreadable', async () => {
  const pool = new ParsePool({ workerFile, size: 1 });
  try {
    const limit = 100 * 1024;
    let size = 10; // small when checked; past the limit by the time it is read
    const grown = (read: (file: string) => Promise<Uint8Array>) =>
      new NoteLoader({ pool, read, size: async () => size, maxBytes: () => limit });
    // The read fails on the size (as VS Code's file system does past 2 GB): the size, checked again, says why.
    const failing = grown(async () => {
      size = 3 * 1024 ** 3;
      throw new TypeError("Cannot read properties of null (reading 'slice')");
    });
    const [failed] = await failing.loadMany(['/notes/grown.md']);
    assert.deepEqual(
      failed.problems.map((p) => p.code),
      ['too-large'],
    );
    // The read succeeds with more than the limit: too large as well, and never parsed.
    size = 10;
    const [read] = await grown(async () => new Uint8Array(limit + 1).fill(0x61)).loadMany(['/notes/grown.md']);
    assert.deepEqual(
      read.problems.map((p) => p.code),
      ['too-large'],
    );
    assert.equal(read.cards.length, 0);
  } finally {
    await pool.dispose();
  }
});
