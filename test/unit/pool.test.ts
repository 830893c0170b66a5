import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NoteLoader } from '../../src/node/noteLoader';
import { ParseCache } from '../../src/node/parseCache';
import { ParsePool } from '../../src/node/parsePool';
import { workerFile } from './helpers';

async function setup() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'til-pool-'));
  const cacheDir = path.join(dir, 'cache');
  const pool = new ParsePool({ workerFile, size: 2, cacheDir });
  const parsed: string[] = [];
  const loader = new NoteLoader({
    pool: { parse: (...a: Parameters<ParsePool['parse']>) => (parsed.push(a[0]), pool.parse(...a)) } as ParsePool,
    cache: new ParseCache(cacheDir),
    read: (f) => fs.readFile(f),
  });
  return { dir, pool, loader, parsed };
}

test('notes are parsed in workers once, then served from the cache by content', async () => {
  const { dir, pool, loader, parsed } = await setup();
  try {
    const a = path.join(dir, 'a.md');
    await fs.writeFile(a, '# 1월 2일 TIL\n\n> 캐시는 무엇인가요?\n\n다시 계산하지 않으려고 저장해 둔 결과.\n');
    const first = await loader.loadOne(a);
    assert.equal(first.cards.length, 1);
    await new Promise((r) => setTimeout(r, 50)); // the worker writes the cache after replying
    await pool.dispose();
    const again = await loader.loadOne(a);
    assert.deepEqual(again, JSON.parse(JSON.stringify(first)));
    assert.equal(parsed.length, 1, 'the second load came from the cache');

    const renamed = path.join(dir, 'renamed.md');
    await fs.rename(a, renamed);
    const moved = await loader.loadOne(renamed);
    assert.equal(moved.cards[0].file, renamed, 'a cached parse is relocated to the new name');
    assert.equal(parsed.length, 1);

    await fs.appendFile(renamed, '\n> 바뀐 파일은요?\n\n다시 읽는다.\n');
    const changed = await loader.loadOne(renamed);
    assert.equal(changed.cards.length, 2);
    assert.equal(parsed.length, 2, 'a changed file is parsed again');
  } finally {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a missing file becomes a problem; a damaged cache entry is parsed again', async () => {
  const { dir, pool, loader, parsed } = await setup();
  try {
    const missing = await loader.loadOne(path.join(dir, 'nope.md'));
    assert.equal(missing.problems[0].code, 'unreadable');
    const b = path.join(dir, 'b.md');
    await fs.writeFile(b, '# 0102 TIL\n\n> 손상된 캐시는요?\n\n다시 파싱한다.\n');
    const first = await loader.loadOne(b);
    await new Promise((r) => setTimeout(r, 50));
    const entry = path.join(dir, 'cache', first.hash.slice(0, 2), `${first.hash}.json`);
    await fs.writeFile(entry, '{"truncated":');
    const again = await loader.loadOne(b);
    assert.deepEqual(again.cards, first.cards);
    assert.equal(parsed.length, 2);
  } finally {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('loadMany keeps order and reports batches', async () => {
  const { dir, pool, loader } = await setup();
  try {
    const files = await Promise.all(Array.from({ length: 25 }, async (_, i) => {
      const f = path.join(dir, `n${i}.md`);
      await fs.writeFile(f, `# 01${String(i + 1).padStart(2, '0')} TIL\n\n> 질문 ${i}인가요?\n\n답 ${i}.\n`);
      return f;
    }));
    let batches = 0;
    const notes = await loader.loadMany(files, () => batches++, 10);
    assert.deepEqual(notes.map((n) => n.file), files);
    assert.equal(batches, 3);
  } finally {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a warm start reads the whole index from one pack file', async () => {
  const { dir, pool, loader, parsed } = await setup();
  try {
    const files = await Promise.all(Array.from({ length: 5 }, async (_, i) => {
      const f = path.join(dir, `p${i}.md`);
      await fs.writeFile(f, `# 01${String(i + 1).padStart(2, '0')} TIL\n\n> 묶음 ${i}은요?\n\n답.\n`);
      return f;
    }));
    await loader.loadMany(files);
    await loader.flushed();
    const pack = await new ParseCache(path.join(dir, 'cache')).readPack();
    assert.equal(pack.size, 5);
    await fs.rm(path.join(dir, 'cache', pack.keys().next().value!.slice(0, 2)), { recursive: true, force: true });
    const { loader: fresh, parsed: parsedAgain } = await setup();
    const warm = new NoteLoader({ pool, cache: new ParseCache(path.join(dir, 'cache')), read: (f) => fs.readFile(f) });
    const notes = await warm.loadMany(files);
    assert.equal(notes.filter((n) => n.cards.length === 1).length, 5);
    assert.equal(parsed.length, 5, 'the first load parsed each note once');
    assert.equal(parsedAgain.length, 0, 'nothing was parsed again');
    void fresh;
  } finally {
    await pool.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  }
});
