// A damaged parse cache: entries of the wrong shape are discarded and parsed again; they never fail
// the whole load. Every note of the fixtures and the starter notes passes the shape check (else the
// cache would never hit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isParsedNote, noteShapeError } from '../../src/core/notes/noteShape';
import { parseNote } from '../../src/core/notes/parseNote';
import { relocate } from '../../src/core/notes/relocate';
import { NoteLoader } from '../../src/node/noteLoader';
import { PACK_SLICE, ParseCache } from '../../src/node/parseCache';
import { ParsePool } from '../../src/node/parsePool';
import { repoRoot, workerFile } from './helpers';

async function setup(dir: string) {
  const pool = new ParsePool({ workerFile, size: 1 });
  const parsed: string[] = [];
  const counting = { parse: (...a: Parameters<ParsePool['parse']>) => (parsed.push(a[0]), pool.parse(...a)) } as ParsePool;
  const cache = new ParseCache(path.join(dir, 'cache'));
  const loader = new NoteLoader({ pool: counting, cache, read: (f) => fs.readFile(f) });
  return { pool, loader, parsed, cache };
}

const damages: Array<[string, (entry: Record<string, unknown>) => unknown]> = [
  ['days is null', (e) => ({ ...e, days: null })],
  ['cards is an object', (e) => ({ ...e, cards: {} })],
  ['a section is null', (e) => ({ ...e, sections: [null] })],
  ['problems is a string', (e) => ({ ...e, problems: 'none' })],
  ['a card key is a number', (e) => ({ ...e, cards: (e.cards as object[]).map((c) => ({ ...c, key: 7 })) })],
  ['a term without aliases', (e) => ({ ...e, terms: [{ term: 'x', line: 1, summary: '', topic: 'os', source: 'heading', weight: 1 }] })],
  ['an array', () => [1, 2]],
];

for (const [what, damage] of damages) {
  test(`a cache entry of the wrong shape (${what}) is discarded and parsed again; the rest still loads from the cache`, async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'til-cache-'));
    const first = await setup(dir);
    try {
      const a = path.join(dir, 'a.md');
      const b = path.join(dir, 'b.md');
      await fs.writeFile(a, '# 0101 TIL\n\n## Paging\n\n> What does a page fault do?\n\nIt loads the page from disk.\n');
      await fs.writeFile(b, '# 0102 TIL\n\n## Pods\n\n> What is a pod?\n\nThe smallest deployable unit.\n\n**Kubelet**: the node agent.\n');
      const [noteA, noteB] = await first.loader.loadMany([a, b]);
      await first.loader.flushed();
      const lines = (await fs.readFile(first.cache.file, 'utf8')).trim().split('\n');
      assert.equal(lines.length, 2);
      const damaged = lines.map((line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        return entry.hash === noteB.hash ? JSON.stringify(damage(entry)) : line;
      });
      await fs.writeFile(first.cache.file, damaged.join('\n') + '\n');

      const again = await setup(dir);
      try {
        const [loadedA, loadedB] = await again.loader.loadMany([a, b]);
        assert.deepEqual(again.parsed, [b], 'only the damaged entry is parsed again');
        assert.deepEqual(loadedA, noteA);
        assert.deepEqual(loadedB, noteB);
        assert.equal(again.cache.discarded.count, 1);
        assert.match(again.cache.discarded.reasons[0], /^line \d+: /);
      } finally {
        await again.pool.dispose();
      }
    } finally {
      await first.pool.dispose();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
}

test('every parse of the bundled and fixture notes has the cached shape', async () => {
  const files: string[] = [];
  for (const dir of ['notes', 'test/fixtures/notes', 'test/fixtures/more']) {
    for (const name of await fs.readdir(path.join(repoRoot, dir)).catch(() => [] as string[])) {
      if (name.endsWith('.md')) files.push(path.join(repoRoot, dir, name));
    }
  }
  assert.ok(files.length >= 3, `notes found: ${files.length}`);
  for (const file of files) {
    const note = relocate(parseNote(file, await fs.readFile(file), { hash: 'h' }), '');
    assert.equal(noteShapeError(JSON.parse(JSON.stringify(note))), undefined, file);
  }
  assert.equal(isParsedNote({ hash: '', file: '' }), false);
});

test('a pack written over several slices reads back equal, entry for entry', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'til-pack-slices-'));
  try {
    // More notes than two slices hold, and not a whole number of slices.
    const notes = Array.from({ length: PACK_SLICE * 2 + 5 }, (_, i) =>
      relocate(
        parseNote(`/n/${i}.md`, `# 01-${String((i % 28) + 1).padStart(2, '0')} TIL\n\n> 질문 ${i}인가요?\n\n답 ${i}.\n`, { hash: `h${i}` }),
        '',
      ),
    );
    const cache = new ParseCache(dir);
    await cache.write(notes);
    const read = await cache.read();
    assert.equal(read.size, notes.length);
    assert.equal(cache.discarded.count, 0);
    for (const note of notes) assert.deepStrictEqual(read.get(note.hash), JSON.parse(JSON.stringify(note)), note.hash);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
