import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NoteLoader } from '../../src/node/noteLoader';
import { ParseCache } from '../../src/node/parseCache';
import { ParsePool } from '../../src/node/parsePool';
import { relocate } from '../../src/core/notes/relocate';
import { readFixture, workerFile } from './helpers';

/** A loader over a temp folder whose pool counts the parses it was asked for. */
async function setup(dir?: string) {
  dir ??= await fs.mkdtemp(path.join(os.tmpdir(), 'til-pool-'));
  const pool = new ParsePool({ workerFile, size: 2 });
  const parsed: string[] = [];
  const counting = { parse: (...a: Parameters<ParsePool['parse']>) => (parsed.push(a[0]), pool.parse(...a)) } as ParsePool;
  const cache = new ParseCache(path.join(dir, 'cache'));
  const loader = new NoteLoader({ pool: counting, cache, read: (f) => fs.readFile(f) });
  return { dir, pool, loader, parsed, cache };
}

async function write(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  return file;
}

test('notes are parsed in workers once, then served from the pack by content, across restarts and renames', async () => {
  const first = await setup();
  try {
    const a = await write(first.dir, 'a.md', '# 1월 2일 TIL\n\n> 캐시는 무엇인가요?\n\n다시 계산하지 않으려고 저장해 둔 결과.\n');
    const [note] = await first.loader.loadMany([a]);
    assert.equal(note.cards.length, 1);
    await first.loader.flushed();
    await first.pool.dispose();

    const second = await setup(first.dir);
    const renamed = path.join(first.dir, 'renamed.md');
    await fs.rename(a, renamed);
    const [moved] = await second.loader.loadMany([renamed]);
    assert.equal(second.parsed.length, 0, 'nothing parsed after a restart');
    assert.equal(moved.cards[0].file, renamed, 'a cached parse gets the new path');
    assert.equal(moved.sections.length + moved.days.length, 1);
    assert.equal(moved.days[0].file, renamed);

    await fs.appendFile(renamed, '\n> 바뀐 파일은요?\n\n다시 읽는다.\n');
    const changed = await second.loader.loadOne(renamed);
    assert.equal(changed.cards.length, 2);
    assert.equal(second.parsed.length, 1, 'a changed file is parsed again');
    await second.pool.dispose();
  } finally {
    await fs.rm(first.dir, { recursive: true, force: true });
  }
});

test('the pack holds no paths and only the notes still in use', async () => {
  const { dir, pool, loader, cache } = await setup();
  try {
    const a = await write(dir, 'a.md', '# 0101 TIL\n\n> 하나인가요?\n\n답.\n');
    const b = await write(dir, 'b.md', '# 0102 TIL\n\n> 둘인가요?\n\n답.\n');
    await loader.loadMany([a, b]);
    await loader.flushed();
    const text = await fs.readFile(cache.file, 'utf8');
    assert.ok(!text.includes(dir), 'no absolute paths stored');
    assert.equal((await cache.read()).size, 2);
    await loader.loadMany([a]);
    await loader.flushed();
    assert.equal((await cache.read()).size, 1, 'b left the set and the pack');
  } finally {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a missing file becomes a problem; a damaged pack costs a parse, not a crash', async () => {
  const { dir, pool, loader, cache } = await setup();
  try {
    const missing = await loader.loadOne(path.join(dir, 'nope.md'));
    assert.equal(missing.problems[0].code, 'unreadable');
    const b = await write(dir, 'b.md', '# 0102 TIL\n\n> 손상된 캐시는요?\n\n다시 파싱한다.\n');
    const [first] = await loader.loadMany([b]);
    await loader.flushed();
    await fs.writeFile(cache.file, '{"truncated":\n');
    const again = await setup(dir);
    const [reparsed] = await again.loader.loadMany([b]);
    assert.deepEqual(reparsed.cards, first.cards);
    assert.equal(again.parsed.length, 1);
    await again.pool.dispose();
  } finally {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('loadMany keeps order and reports batches', async () => {
  const { dir, pool, loader } = await setup();
  try {
    const files = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        write(dir, `n${i}.md`, `# 01${String(i + 1).padStart(2, '0')} TIL\n\n> 질문 ${i}인가요?\n\n답 ${i}.\n`),
      ),
    );
    let batches = 0;
    const notes = await loader.loadMany(files, () => batches++, 10);
    assert.deepEqual(
      notes.map((n) => n.file),
      files,
    );
    assert.equal(batches, 3);
  } finally {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test("a warm load hands out the pack's parses moved to each path, equal to copies; two files of one content get two notes", async () => {
  const first = await setup();
  try {
    const text = readFixture('notes/days-and-questions.md');
    const a = await write(first.dir, 'a.md', text);
    const b = await write(first.dir, 'b.md', readFixture('notes/terms-and-diagrams.md'));
    const c = await write(first.dir, 'c.md', text); // the same content as a.md
    await first.loader.loadMany([a, b, c]);
    await first.loader.flushed();
    await first.pool.dispose();

    // What the copying path gives: each pack entry copied to the file's path.
    const pack = await new ParseCache(path.join(first.dir, 'cache')).read();
    const second = await setup(first.dir);
    try {
      const warm = await second.loader.loadMany([a, b, c]);
      assert.equal(second.parsed.length, 0, 'all from the pack');
      for (const [i, file] of [a, b, c].entries()) assert.deepStrictEqual(warm[i], relocate(pack.get(warm[i].hash)!, file), file);
      assert.equal(warm[0].hash, warm[2].hash);
      assert.notStrictEqual(warm[0], warm[2], 'the second file of the same content has its own note');
      assert.equal(warm[0].cards[0].file, a, "moving the pack's parse for c.md left a.md's note as it was");
      assert.equal(warm[2].cards[0].file, c);
      // The pack written again from these notes reads back the same.
      await second.loader.loadMany([a, b]);
      await second.loader.flushed();
      const again = await new ParseCache(path.join(first.dir, 'cache')).read();
      assert.deepStrictEqual(again.get(warm[0].hash), pack.get(warm[0].hash));
      assert.deepStrictEqual(again.get(warm[1].hash), pack.get(warm[1].hash));
    } finally {
      await second.pool.dispose();
    }
  } finally {
    await fs.rm(first.dir, { recursive: true, force: true });
  }
});
