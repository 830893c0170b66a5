// Glossary files are read like notes: inside the workspace or a notes folder (links resolved), under a size cap
// asked before reading, and decoded (UTF-16, EUC-KR/CP949). One function for the extension and the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { parseGlossary } from '../../src/core/index/glossary';
import { isInside } from '../../src/node/fileChecks';
import { loadGlossaryFile, MAX_GLOSSARY_BYTES } from '../../src/node/glossaryFile';
import { decodeCp949 } from '../../src/core/notes/cp949';
import { repoRoot } from './helpers';

const YAML = 'os:\n  pthread_mutex_lock: 뮤텍스\n';

/** Reads from a table of files, counting reads, so a test can tell a file was never read. */
function files(table: Record<string, Uint8Array>, sizes: Record<string, number> = {}) {
  const reads: string[] = [];
  return {
    reads,
    read: async (file: string) => {
      reads.push(file);
      const bytes = table[file];
      if (!bytes) throw new Error(`ENOENT: ${file}`);
      return bytes;
    },
    size: async (file: string) => sizes[file] ?? table[file]?.length ?? 0,
    parse: async (file: string, text: string) => parseGlossary(file, text, 'user'),
    // As the CLI passes it (the extension loads the same decoder from dist/cp949.js when it needs it).
    cp949: decodeCp949,
  };
}

test('a glossary over the size cap is refused by its size, never read', async () => {
  const access = files({ '/w/glossary.yaml': new TextEncoder().encode(YAML) }, { '/w/glossary.yaml': MAX_GLOSSARY_BYTES + 1 });
  const g = await loadGlossaryFile('/w/glossary.yaml', access);
  assert.deepEqual(access.reads, []);
  assert.equal(g.entries.length, 0);
  assert.equal(g.problems[0]?.code, 'too-large');
  assert.match(g.problems[0]!.message, /glossary is 1\.0 MB, over the 1\.0 MB limit/);
});

test('UTF-16 and EUC-KR/CP949 glossaries are decoded like notes', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(YAML.replace(/\n/g, '\r\n'), 'utf16le')]);
  const cp949 = iconv.encode('os:\n  sem_wait: 똠얌세마포어\n', 'cp949');
  const access = files({ '/w/a.yaml': utf16, '/w/b.yaml': cp949 });
  const a = await loadGlossaryFile('/w/a.yaml', access);
  assert.deepEqual(
    a.entries.map((e) => [e.code, e.term, e.line]),
    [['pthread_mutex_lock', '뮤텍스', 2]],
  );
  const b = await loadGlossaryFile('/w/b.yaml', access);
  assert.deepEqual(
    b.entries.map((e) => [e.code, e.term]),
    [['sem_wait', '똠얌세마포어']],
  );
  assert.ok(
    b.problems.some((p) => p.code === 'encoding' && /EUC-KR/.test(p.message)),
    JSON.stringify(b.problems),
  );
});

test('the extension host loads the full CP949 decoder from its own bundle, dist/cp949.js', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bundle = require(path.join(repoRoot, 'dist', 'cp949.js')) as typeof import('../../src/core/notes/cp949');
  assert.equal(bundle.decodeCp949(iconv.encode('똠얌세마포어', 'cp949')), '똠얌세마포어');
});

test('a glossary that links out of the allowed folders is not read; one inside is', async () => {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'til-glossary-'));
  const workspace = path.join(base, 'workspace');
  const outside = path.join(base, 'outside');
  await fs.mkdir(path.join(workspace, 'notes'), { recursive: true });
  await fs.mkdir(outside);
  await fs.writeFile(path.join(outside, 'secret.yaml'), YAML);
  await fs.writeFile(path.join(workspace, 'notes', 'glossary.yaml'), YAML);
  await fs.symlink(path.join(outside, 'secret.yaml'), path.join(workspace, 'glossary.yaml'));
  const access = {
    read: (f: string) => fs.readFile(f),
    size: async (f: string) => (await fs.stat(f)).size,
    parse: async (f: string, t: string) => parseGlossary(f, t),
    roots: [workspace],
  };

  const linked = await loadGlossaryFile(path.join(workspace, 'glossary.yaml'), access);
  assert.equal(linked.entries.length, 0);
  assert.deepEqual(
    linked.problems.map((p) => p.code),
    ['outside-workspace'],
  );
  const inside = await loadGlossaryFile(path.join(workspace, 'notes', 'glossary.yaml'), access);
  assert.equal(inside.entries.length, 1);

  // A root reached through a link counts as itself; a sibling folder whose name starts like the root does not.
  await fs.symlink(workspace, path.join(base, 'link-to-workspace'));
  assert.ok(await isInside(path.join(base, 'link-to-workspace', 'notes', 'glossary.yaml'), [path.join(base, 'link-to-workspace')]));
  await fs.mkdir(path.join(base, 'workspace-2'));
  await fs.writeFile(path.join(base, 'workspace-2', 'glossary.yaml'), YAML);
  assert.ok(!(await isInside(path.join(base, 'workspace-2', 'glossary.yaml'), [workspace])));
  assert.ok(!(await isInside(path.join(workspace, 'missing.yaml'), [workspace])));
});
