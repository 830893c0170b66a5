// Ready at once: the starter notes and bundled glossary parsed at build time (dist/starter-index.json), read at
// activation; their files are never sent to a parse worker when their bytes match; a large batch merges in slices.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseGlossary } from '../../src/core/index/glossary';
import { parseNote } from '../../src/core/notes/parseNote';
import { readStarterPack, STARTER_PACK_FILE } from '../../src/node/starterPack';
import { buildStarterPack } from '../../src/node/starterPackBuild';
import { NoteLoader } from '../../src/node/noteLoader';
import type { ParsePool } from '../../src/node/parsePool';
import { upsertInSlices } from '../../src/node/indexing';
import { repoRoot } from './helpers';

function packedCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-pack-'));
  fs.cpSync(path.join(repoRoot, 'notes'), path.join(dir, 'notes'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'dist'));
  fs.writeFileSync(path.join(dir, STARTER_PACK_FILE), JSON.stringify(buildStarterPack(dir)));
  return dir;
}

const noWorkers = {
  parse: () => Promise.reject(new Error('a worker was asked to parse')),
  parseGlossary: () => Promise.reject(new Error('a worker was asked')),
} as unknown as ParsePool;

test('the pack read at activation holds the starter notes (with their source) and our glossary, and answers a hover', async () => {
  const dir = packedCopy();
  const pack = await readStarterPack(dir);
  assert.ok(pack, 'the pack is read');
  const files = fs
    .readdirSync(path.join(dir, 'notes'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(dir, 'notes', f))
    .sort();
  assert.deepEqual(pack.notes.map((n) => n.file).sort(), files, 'absolute paths of this install');
  assert.ok(pack.notes.every((n) => n.source === 'starter'));
  const glossaryFile = path.join(dir, 'notes', 'glossary.yaml');
  assert.equal(pack.glossary.file, glossaryFile);
  assert.deepEqual(pack.glossary.entries, parseGlossary(glossaryFile, fs.readFileSync(glossaryFile, 'utf8')).entries);
  const index = new NoteIndex();
  index.upsertMany(pack.notes);
  index.setGlossary([pack.glossary]);
  const fork = index.matchAt('pid_t pid = fork();', 13, index.documentContext('c', '#include <unistd.h>\npid_t pid = fork();'));
  assert.equal(fork?.noteSource, 'starter');
  // The same parse the workers would make.
  const first = pack.notes.find((n) => n.file === files[0])!;
  assert.deepEqual(
    { ...first, source: undefined },
    { ...parseNote(files[0], fs.readFileSync(files[0]), { hash: first.hash }), source: undefined },
  );
});

test('starter files whose bytes match the pack are never parsed again; a changed one is', async () => {
  const dir = packedCopy();
  const pack = (await readStarterPack(dir))!;
  const files = pack.notes.map((n) => n.file);
  const loader = new NoteLoader({ pool: noWorkers, read: async (f) => fs.readFileSync(f) });
  loader.seed(pack.notes);
  const loaded = await loader.loadMany(files);
  assert.deepEqual(
    loaded.flatMap((n) => n.problems.filter((p) => p.code === 'parse-failed')),
    [],
    'no worker was asked',
  );
  assert.ok(
    loaded.every((n) => n.source === undefined),
    'where a note comes from is said per load, not by the pack',
  );
  fs.appendFileSync(files[0], '\n**새 용어**는 바뀐 노트에만 있다.\n');
  const changed = await new NoteLoader({ pool: noWorkers, read: async (f) => fs.readFileSync(f) }).loadOne(files[0]);
  assert.equal(changed.problems[0]?.code, 'parse-failed', 'the changed note went to the (refusing) pool');
});

test('a pack from another parser version, or damaged, is not used', async () => {
  const dir = packedCopy();
  const file = path.join(dir, STARTER_PACK_FILE);
  const pack = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...pack, parserVersion: pack.parserVersion - 1 }));
  assert.equal(await readStarterPack(dir), undefined);
  fs.writeFileSync(file, JSON.stringify({ ...pack, notes: [{ ...pack.notes[0], days: 'x' }] }));
  assert.equal(await readStarterPack(dir), undefined);
  fs.writeFileSync(file, '{"parserVersion":');
  assert.equal(await readStarterPack(dir), undefined);
  assert.equal(await readStarterPack(path.join(dir, 'nowhere')), undefined);
});

test('the package ships the pack (.vscodeignore)', () => {
  const ignore = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split(/\r?\n/);
  assert.ok(ignore.includes('!dist/starter-index.json'));
});

test('a large batch merges in slices: other work runs between them, and every note arrives', async () => {
  const notes = Array.from({ length: 120 }, (_, i) => ({
    ...parseNote(`/ws/n${i}.md`, `## 용어${i}\n\n설명 ${i}.\n`),
    source: 'workspace' as const,
  }));
  const index = new NoteIndex();
  let sizeWhenOtherWorkRan = -1;
  setImmediate(() => (sizeWhenOtherWorkRan = index.size));
  await upsertInSlices(index, notes, 25);
  assert.equal(index.size, 120);
  assert.ok(sizeWhenOtherWorkRan > 0 && sizeWhenOtherWorkRan < 120, `other work ran mid-merge (at ${sizeWhenOtherWorkRan} notes)`);
});
