// The parse pool's per-note time limit and worker resource limits. The worker here is the real one, started
// behind a few lines that make chosen files hang or exhaust memory, as a pathological note would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NoteLoader } from '../../src/node/noteLoader';
import { ParsePool } from '../../src/node/parsePool';
import { workerFile } from './helpers';

async function hostileWorker(dir: string): Promise<string> {
  const file = path.join(dir, 'hostileWorker.js');
  await fs.writeFile(
    file,
    `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (request) => {
  if (request.file.endsWith('hang.md')) for (;;) {}
  if (request.file.endsWith('hog.md')) { const keep = []; for (;;) keep.push(new Array(1 << 16).fill(keep.length)); }
});
require(${JSON.stringify(workerFile)});
`,
  );
  return file;
}

async function notes(dir: string, names: string[]): Promise<string[]> {
  return Promise.all(
    names.map(async (name, i) => {
      const file = path.join(dir, name);
      await fs.writeFile(file, `# 0${i + 1}01 TIL\n\n> ${name}은 무엇인가요?\n\n답 ${i}.\n`);
      return file;
    }),
  );
}

test('a note over the time limit is skipped with a problem that says so; the other notes load', { timeout: 60_000 }, async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'til-limit-'));
  const pool = new ParsePool({ workerFile: await hostileWorker(dir), size: 1, timeLimitMs: 3000 });
  try {
    const loader = new NoteLoader({ pool, read: (f) => fs.readFile(f) });
    const files = await notes(dir, ['a.md', 'hang.md', 'b.md', 'c.md']);
    const loaded = await loader.loadMany(files);
    const hang = loaded[1];
    assert.deepEqual(
      hang.problems.map((p) => p.code),
      ['too-slow'],
    );
    assert.match(hang.problems[0].message, /longer than 3 s/);
    assert.equal(hang.cards.length, 0);
    for (const i of [0, 2, 3]) assert.equal(loaded[i].cards.length, 1, `${files[i]} still parsed`);
    // The skipped parse is not cached: the next load tries again.
    const again = await loader.loadOne(files[1]);
    assert.equal(again.problems[0].code, 'too-slow');
  } finally {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a note that exhausts the worker heap is skipped with a problem; the other notes load', { timeout: 60_000 }, async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'til-limit-'));
  const pool = new ParsePool({
    workerFile: await hostileWorker(dir),
    size: 1,
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
  });
  try {
    const loader = new NoteLoader({ pool, read: (f) => fs.readFile(f) });
    const files = await notes(dir, ['a.md', 'hog.md', 'b.md']);
    const loaded = await loader.loadMany(files);
    assert.deepEqual(
      loaded[1].problems.map((p) => p.code),
      ['too-large'],
    );
    assert.match(loaded[1].problems[0].message, /more memory/);
    assert.equal(loaded[0].cards.length, 1);
    assert.equal(loaded[2].cards.length, 1);
  } finally {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
});
