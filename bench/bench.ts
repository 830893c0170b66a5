// Benchmark of the indexer: bare remark-parse vs our cold / warm index, one-note re-index, term look-up,
// activation cost and bundle sizes, parse linearity. Prints a table, then one `BENCH_JSON {...}` line.
// Run: npm run bench   (BENCH_SIZES=1000,10000 by default; BENCH_SIZES=200 for a quick run; BENCH_STALL_NOTES=3000;
//      node out/bench/bench.js --ready for sections 10-11 only, --lookup for section 5 only)
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parseNote } from '../src/core/notes/parseNote';
import { NoteIndex } from '../src/core/index/noteIndex';
import { contentHash } from '../src/node/hash';
import { NoteLoader } from '../src/node/noteLoader';
import { ParseCache } from '../src/node/parseCache';
import { defaultPoolSize, ParsePool } from '../src/node/parsePool';
import { seededRng as mulberry32 } from '../src/core/random';
import { generateEdit, generateText, writeCorpus } from './corpus';
import { benchQuiz, type QuizBenchResult } from './quizBench';
import { benchLookup, LOOKUP_TARGET_US, runLookupOnly } from './lookupBench';
import { benchHostile, HOSTILE_TARGET, runHostileOnly } from './hostileBench';
import { benchFirstHover, benchIndexingStall, READY_TARGETS } from './readyBench';

const ROOT = path.resolve(__dirname, '..', '..'); // out/bench → repo
const DIST_WORKER = path.join(ROOT, 'dist', 'parseWorker.js');
const DIST_EXTENSION = path.join(ROOT, 'dist', 'extension.js');
// Both bundles are copied to the temp folder at start, so a concurrent rebuild of dist/ cannot change what is measured.
let WORKER = DIST_WORKER;
let EXTENSION = DIST_EXTENSION;
const SEED = 20250113;
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000')
  .split(',')
  .map((s) => parseInt(s.trim(), 10))
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const MB = 1024 * 1024;
const STALL_NOTES = Number(process.env.BENCH_STALL_NOTES) || 3000;

const TARGETS = { poolVsBare: 1.6, warmVsRead: 3, editMs: 10, activationMs: 15, extensionKB: 300, quizOpenMs: 200 };

let gc: () => void = () => undefined;
try {
  v8.setFlagsFromString('--expose-gc');
  gc = vm.runInNewContext('gc') as () => void;
} catch {
  /* no gc between phases: only noisier */
}

// ---- helpers ----

const now = () => process.hrtime.bigint();
const msSince = (t0: bigint) => Number(now() - t0) / 1e6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => percentile(xs, 0.5);
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
const round = (n: number, digits = 3) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);
const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

function table(title: string, rows: Array<Array<string | number>>): void {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, String(c).length)));
  console.log(`\n${title}`);
  rows.forEach((row, r) => {
    console.log('  ' + row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('   '));
    if (r === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('   '));
  });
}

async function mapLanes<T>(items: T[], lanes: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

/** The loader writes its pack after loadMany returns: time until it is on disk, and its entry count. */
async function waitForPack(loader: NoteLoader, cacheDir: string): Promise<{ ms: number; entries: number }> {
  const t0 = now();
  await loader.flushed();
  const ms = msSince(t0);
  return { ms, entries: (await new ParseCache(cacheDir).read()).size };
}

// ---- phases ----

interface SizeResult {
  notes: number;
  mb: number;
  bare: { s: number; mbps: number };
  cold1: { s: number; mbps: number; cacheFlushMs: number; cacheEntries: number };
  coldPool: { size: number; s: number; mbps: number; cacheFlushMs: number; cacheEntries: number };
  ratioPoolVsBare: number;
  ratio1VsBare: number;
  warm: { s: number; poolParses: number };
  cacheOnly: { s: number; entries: number; avgEntryBytes: number };
  bareRead: { s: number };
  ratioWarmVsRead: number;
  indexed: { notes: number; cards: number; terms: number };
}

function bareParse(texts: string[]): number {
  const processor = unified().use(remarkParse);
  gc();
  const t0 = now();
  for (const text of texts) processor.parse(text);
  return msSince(t0) / 1000;
}

async function coldIndex(files: string[], size: number, cacheDir: string) {
  await fs.rm(cacheDir, { recursive: true, force: true });
  await fs.mkdir(cacheDir, { recursive: true });
  gc();
  const pool = new ParsePool({ workerFile: WORKER, size });
  const loader = new NoteLoader({ pool, cache: new ParseCache(cacheDir), read: (file) => fs.readFile(file) });
  const index = new NoteIndex();
  const t0 = now();
  await loader.loadMany(files, (notes) => index.upsertMany(notes));
  const s = msSince(t0) / 1000;
  const flushed = await waitForPack(loader, cacheDir);
  await pool.dispose();
  await sleep(100); // settle
  return { s, index, flushed };
}

async function warmIndex(files: string[], cacheDir: string) {
  gc();
  const pool = new ParsePool({ workerFile: WORKER, size: defaultPoolSize() });
  let poolParses = 0;
  const counting = { parse: (...a: Parameters<ParsePool['parse']>) => (poolParses++, pool.parse(...a)) } as ParsePool;
  const loader = new NoteLoader({ pool: counting, cache: new ParseCache(cacheDir), read: (file) => fs.readFile(file) });
  const index = new NoteIndex();
  const t0 = now();
  await loader.loadMany(files, (notes) => index.upsertMany(notes));
  const s = msSince(t0) / 1000;
  await pool.dispose();
  return { s, index, poolParses };
}

async function bareRead(files: string[]): Promise<number> {
  gc();
  const decoder = new TextDecoder();
  let chars = 0;
  const t0 = now();
  await mapLanes(files, 64, async (file) => {
    chars += decoder.decode(await fs.readFile(file)).length;
  });
  const s = msSince(t0) / 1000;
  if (chars === 0) throw new Error('read nothing');
  return s;
}

/** Diagnostic for the warm path: only reading and parsing the pack. */
async function cacheReadParse(cacheDir: string): Promise<{ s: number; entries: number; bytes: number }> {
  const cache = new ParseCache(cacheDir);
  const bytes = (await fs.stat(cache.file)).size;
  gc();
  const t0 = now();
  const entries = (await cache.read()).size;
  return { s: msSince(t0) / 1000, entries, bytes };
}

async function benchSize(tmp: string, count: number): Promise<{ result: SizeResult; files: string[]; index: NoteIndex; cacheDir: string }> {
  const dir = path.join(tmp, `corpus-${count}`);
  const t0 = now();
  const corpus = await writeCorpus(path.join(dir, 'notes'), count, SEED);
  const files = corpus.files;
  const buffers = await Promise.all(files.map((file) => fs.readFile(file)));
  const bytes = buffers.reduce((n, b) => n + b.byteLength, 0);
  const mb = bytes / MB;
  const expected = new Set(buffers.map((b) => contentHash(b))).size;
  console.log(`\n== ${count} notes: ${f(mb)} MB, ${f(bytes / count / 1024, 1)} KB/note (generated in ${f(msSince(t0) / 1000, 1)} s)`);

  // 1. bare remark-parse, this thread, decoded text in memory
  const decoder = new TextDecoder();
  const texts = buffers.map((b) => decoder.decode(b));
  const bareS = bareParse(texts);
  texts.length = 0;
  buffers.length = 0;

  // 2. cold index: 1 worker, then the default pool, each with an empty cache
  const cold1 = await coldIndex(files, 1, path.join(dir, 'cache-1'));
  await fs.rm(path.join(dir, 'cache-1'), { recursive: true, force: true });
  const poolSize = defaultPoolSize();
  const cacheDir = path.join(dir, 'cache-pool');
  const coldPool = await coldIndex(files, poolSize, cacheDir);
  const indexed = {
    notes: coldPool.index.size,
    cards: coldPool.index.cardGroups().length,
    terms: coldPool.index.terms().length,
  };
  cold1.index.clear();
  coldPool.index.clear(); // only the warm index stays alive, as in the extension

  // 3. warm index (cache filled by the pool run) vs bare read + decode; alternate, best of two each
  const reads: number[] = [];
  const warms: Array<{ s: number; poolParses: number; index: NoteIndex }> = [];
  for (let rep = 0; rep < 2; rep++) {
    reads.push(await bareRead(files));
    warms[0]?.index.clear(); // keep one index alive at a time
    warms.push(await warmIndex(files, cacheDir));
  }
  const bestWarm = { s: Math.min(...warms.map((w) => w.s)), index: warms[warms.length - 1].index };
  const readS = Math.min(...reads);
  const cacheOnly = await cacheReadParse(cacheDir);

  const result: SizeResult = {
    notes: count,
    mb: round(mb),
    bare: { s: round(bareS), mbps: round(mb / bareS) },
    cold1: { s: round(cold1.s), mbps: round(mb / cold1.s), cacheFlushMs: round(cold1.flushed.ms, 0), cacheEntries: cold1.flushed.entries },
    coldPool: {
      size: poolSize,
      s: round(coldPool.s),
      mbps: round(mb / coldPool.s),
      cacheFlushMs: round(coldPool.flushed.ms, 0),
      cacheEntries: coldPool.flushed.entries,
    },
    ratioPoolVsBare: round(bareS / coldPool.s),
    ratio1VsBare: round(bareS / cold1.s),
    warm: { s: round(bestWarm.s), poolParses: Math.max(...warms.map((w) => w.poolParses)) },
    cacheOnly: {
      s: round(cacheOnly.s),
      entries: cacheOnly.entries,
      avgEntryBytes: round(cacheOnly.bytes / Math.max(1, cacheOnly.entries), 0),
    },
    bareRead: { s: round(readS) },
    ratioWarmVsRead: round(bestWarm.s / readS),
    indexed,
  };
  table(`Index throughput, ${count} notes (${f(mb)} MB)`, [
    ['step', 'seconds', 'MB/s', 'vs bare', 'note'],
    ['1. bare remark-parse (1 thread)', f(bareS, 3), f(mb / bareS), '1.00×', 'parse only, text in memory'],
    [
      '2a. cold index, pool size 1',
      f(cold1.s, 3),
      f(mb / cold1.s),
      `${f(result.ratio1VsBare)}×`,
      `cache written +${f(cold1.flushed.ms, 0)} ms after (${cold1.flushed.entries}/${expected})`,
    ],
    [
      `2b. cold index, pool size ${poolSize}`,
      f(coldPool.s, 3),
      f(mb / coldPool.s),
      `${f(result.ratioPoolVsBare)}×`,
      `${mark(result.ratioPoolVsBare >= TARGETS.poolVsBare)} target ≥ ${TARGETS.poolVsBare}×; cache +${f(coldPool.flushed.ms, 0)} ms (${coldPool.flushed.entries}/${expected})`,
    ],
    ['3a. bare read + decode (64 lanes)', f(readS, 3), f(mb / readS), '', 'best of 2'],
    [
      '3b. warm index (cache hits)',
      f(bestWarm.s, 3),
      f(mb / bestWarm.s),
      '',
      `${f(result.ratioWarmVsRead)}× bare read ${mark(result.ratioWarmVsRead <= TARGETS.warmVsRead)} target ≤ ${TARGETS.warmVsRead}×; pool parses: ${result.warm.poolParses}`,
    ],
    [
      '  diagnostic: cache entries only',
      f(cacheOnly.s, 3),
      '',
      '',
      `the pack alone: ${cacheOnly.entries} entries, ${f(cacheOnly.bytes / Math.max(1, cacheOnly.entries) / 1024, 1)} KB each`,
    ],
  ]);
  console.log(`  indexed: ${indexed.notes} notes, ${indexed.cards} card groups, ${indexed.terms} terms`);
  return { result, files, index: bestWarm.index, cacheDir };
}

// 4. one edited note, warm workers
async function benchEdit(files: string[], index: NoteIndex, cacheDir: string) {
  const pool = new ParsePool({ workerFile: WORKER, size: defaultPoolSize() });
  const loader = new NoteLoader({ pool, cache: new ParseCache(cacheDir), read: (file) => fs.readFile(file) });
  // Warm the workers (start + JIT) on notes outside the edited set.
  await Promise.all(
    files.slice(-40).map(async (file) => {
      const bytes = await fs.readFile(file);
      await pool.parse(file, bytes, 'warmup-' + contentHash(bytes)); // distinct hash: no cache entry clobbered
    }),
  );
  const rng = mulberry32(SEED ^ 0xed17);
  const rows = {
    total: [] as number[],
    load: [] as number[],
    upsert: [] as number[],
    read: [] as number[],
    hash: [] as number[],
    poolParse: [] as number[],
    localParse: [] as number[],
  };
  const WARMUP = 3;
  for (let i = 0; i < WARMUP + 20; i++) {
    const file = files[Math.floor(rng() * (files.length - 40))];
    await fs.appendFile(file, generateEdit(SEED, i));
    await sleep(5); // as a file watcher would: the write has landed
    const t0 = now();
    const note = await loader.loadOne(file);
    const t1 = now();
    index.upsert(note);
    const t2 = now();
    if (note.problems.some((p) => p.code === 'parse-failed' || p.code === 'unreadable')) throw new Error(`edit parse failed: ${file}`);
    // the same steps one by one, for the breakdown
    const r0 = now();
    const bytes = await fs.readFile(file);
    const r1 = now();
    const hash = contentHash(bytes);
    const r2 = now();
    await pool.parse(file, bytes, hash);
    const r3 = now();
    parseNote(file, bytes, { hash });
    const r4 = now();
    if (i < WARMUP) continue;
    const ms = (a: bigint, b: bigint) => Number(b - a) / 1e6;
    rows.total.push(ms(t0, t2));
    rows.load.push(ms(t0, t1));
    rows.upsert.push(ms(t1, t2));
    rows.read.push(ms(r0, r1));
    rows.hash.push(ms(r1, r2));
    rows.poolParse.push(ms(r2, r3));
    rows.localParse.push(ms(r3, r4));
  }
  await pool.dispose();
  const med = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, round(median(v))])) as Record<keyof typeof rows, number>;
  table(`4. Re-index one edited note (${files.length}-note index, median of 20 edits)`, [
    ['step', 'median ms', 'p90 ms'],
    ['read + hash + cache miss + pool parse (loader.loadOne)', f(med.load, 3), f(percentile(rows.load, 0.9), 3)],
    ['index.upsert', f(med.upsert, 3), f(percentile(rows.upsert, 0.9), 3)],
    [`total  ${mark(med.total <= TARGETS.editMs)} target ≤ ${TARGETS.editMs} ms`, f(med.total, 3), f(percentile(rows.total, 0.9), 3)],
    ['  breakdown: fs.readFile', f(med.read, 3), f(percentile(rows.read, 0.9), 3)],
    ['  breakdown: contentHash', f(med.hash, 3), f(percentile(rows.hash, 0.9), 3)],
    ['  breakdown: pool.parse (round trip)', f(med.poolParse, 3), f(percentile(rows.poolParse, 0.9), 3)],
    ['  for comparison: parseNote on this thread', f(med.localParse, 3), f(percentile(rows.localParse, 0.9), 3)],
  ]);
  return { edits: 20, medianMs: med, p90Ms: { total: round(percentile(rows.total, 0.9)) } };
}

// 6. activation cost, in child processes
const ACTIVATION_CHILD = String.raw`
const Module = require('node:module');
const path = require('node:path');
const [extFile, storage, root] = process.argv.slice(2);
const t = () => Number(process.hrtime.bigint()) / 1e6;
function uri(p) {
  const u = { scheme: 'file', fsPath: p, path: p.split(path.sep).join('/'), authority: '', query: '', fragment: '',
    toString: () => 'file://' + u.path, toJSON: () => ({ scheme: 'file', path: u.path, fsPath: p }), with: (c) => uri(c && c.path ? c.path : p) };
  return u;
}
const Uri = { file: uri, parse: (s) => uri(String(s).replace(/^file:\/\//, '')), joinPath: (b, ...s) => uri(path.join(b.fsPath, ...s)), from: (c) => uri(c.path) };
function stub(name) {
  const cache = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(tgt, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.asyncIterator) return async function* () {};
      if (cache.has(prop)) return cache.get(prop);
      if (Object.prototype.hasOwnProperty.call(tgt, prop)) return tgt[prop];
      if (typeof prop === 'symbol') return undefined;
      if (!cache.has(prop)) cache.set(prop, stub(name + '.' + prop));
      return cache.get(prop);
    },
    apply(tgt, self, args) {
      if (/\.get$/.test(name) && args.length >= 2) return args[1]; // configuration.get(key, default)
      return stub(name + '()');
    },
    construct() { return stub('new ' + name); },
    set(tgt, prop, value) { cache.set(prop, value); return true; }, // item.name = …, item.text = …
  });
}
// The module's export names, from @types/vscode (esbuild's ESM interop copies own properties only).
let names = ['window', 'workspace', 'commands', 'languages', 'env', 'extensions', 'Uri', 'EventEmitter', 'Disposable', 'Range', 'Position'];
try {
  const dts = require('node:fs').readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  names = [...new Set([...dts.matchAll(/^	export (?:class|enum|namespace|const|function|let|var) (\w+)/gm)].map((m) => m[1]))];
} catch {}
const vscode = {};
for (const n of names) vscode[n] = n === 'Uri' ? Uri : n === 'version' ? '1.90.0' : stub('vscode.' + n);
process.on('unhandledRejection', () => {});
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return load.apply(this, arguments);
};
function memento() {
  const m = new Map();
  return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => void m.set(k, v), keys: () => [...m.keys()], setKeysForSync() {} };
}
(async () => {
  const out = {};
  const t0 = t();
  const ext = require(extFile);
  out.requireMs = t() - t0;
  const context = {
    subscriptions: [], extensionUri: uri(root), extensionPath: root, asAbsolutePath: (p) => path.join(root, p),
    globalStorageUri: uri(storage), globalStoragePath: storage, storageUri: uri(path.join(storage, 'ws')), storagePath: path.join(storage, 'ws'),
    logUri: uri(path.join(storage, 'log')), logPath: path.join(storage, 'log'), globalState: memento(), workspaceState: memento(),
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: stub('secrets.onDidChange') },
    extensionMode: 1, environmentVariableCollection: stub('envCollection'), extension: stub('extension'),
  };
  try {
    const t1 = t();
    const r = ext.activate(context);
    out.activateSyncMs = t() - t1;
    if (r && typeof r.then === 'function') await r;
    out.activateMs = t() - t1;
    out.subscriptions = context.subscriptions.length;
  } catch (error) {
    out.activateError = String(error && error.stack || error).split('\n').slice(0, 3).join(' | ');
  }
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exit(0);
})();
`;

async function benchActivation(tmp: string) {
  const sizeOf = (p: string) => (existsSync(p) ? statSync(p).size : -1);
  const extBytes = sizeOf(EXTENSION);
  const workerBytes = sizeOf(WORKER);
  // Mermaid's own code (its API object), not the word: the host names Mermaid's chunks in the diagram preload list.
  const hasMermaid = extBytes >= 0 ? readFileSync(EXTENSION, 'utf8').includes('mermaidAPI') : false;
  const script = path.join(tmp, 'activate-child.js');
  await fs.writeFile(script, ACTIVATION_CHILD);
  const runs: Array<{ requireMs: number; activateMs?: number; activateSyncMs?: number; activateError?: string; subscriptions?: number }> =
    [];
  let childError: string | undefined;
  for (let i = 0; i < 5 && extBytes >= 0; i++) {
    const storage = path.join(tmp, `storage-${i}`);
    await fs.mkdir(storage, { recursive: true });
    try {
      const out = execFileSync(process.execPath, [script, EXTENSION, storage, ROOT], {
        timeout: 30_000,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const line = out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .pop();
      if (line) runs.push(JSON.parse(line));
    } catch (error) {
      childError = String((error as { stderr?: string }).stderr || error)
        .split('\n')
        .slice(0, 3)
        .join(' | ');
      break;
    }
  }
  const requireMs = runs.length ? median(runs.map((r) => r.requireMs)) : NaN;
  const activated = runs.filter((r) => r.activateMs !== undefined);
  const activateMs = activated.length ? median(activated.map((r) => r.activateMs!)) : NaN;
  const activateError = runs.find((r) => r.activateError)?.activateError ?? childError;
  const total = requireMs + (Number.isFinite(activateMs) ? activateMs : 0);
  table('6. Activation (child process, `vscode` stubbed, median of 5) and bundles', [
    ['measure', 'value', 'target'],
    ['require(dist/extension.js)', `${f(requireMs, 2)} ms`, ''],
    ['activate(context) incl. returned promise', Number.isFinite(activateMs) ? `${f(activateMs, 2)} ms` : 'n/a (error below)', ''],
    [
      'require + activate',
      `${f(total, 2)} ms${Number.isFinite(activateMs) ? '' : ' (require only)'}`,
      `${mark(total < TARGETS.activationMs)} < ${TARGETS.activationMs} ms`,
    ],
    [
      'dist/extension.js',
      `${f(extBytes / 1024, 1)} KB`,
      `${mark(extBytes >= 0 && extBytes < TARGETS.extensionKB * 1024)} < ${TARGETS.extensionKB} KB`,
    ],
    ['dist/parseWorker.js', `${f(workerBytes / 1024, 1)} KB`, ''],
    ['dist/extension.js contains Mermaid (mermaidAPI)', hasMermaid ? 'yes' : 'no', mark(!hasMermaid) + ' no'],
  ]);
  if (activateError) console.log(`  activate error: ${activateError}`);
  return {
    requireMs: round(requireMs),
    activateMs: Number.isFinite(activateMs) ? round(activateMs) : null,
    activateSyncMs: activated.length ? round(median(activated.map((r) => r.activateSyncMs!))) : null,
    activateError: activateError ?? null,
    subscriptions: activated[0]?.subscriptions ?? null,
    extensionBytes: extBytes,
    parseWorkerBytes: workerBytes,
    extensionHasMermaid: hasMermaid,
  };
}

// 7. linearity: one big note at three sizes
function benchLinearity() {
  const bare = unified().use(remarkParse);
  const decoder = new TextDecoder();
  const rows: Array<{ kb: number; parseNoteUsPerKB: number; bareUsPerKB: number; cards: number }> = [];
  parseNote('warm.md', Buffer.from(generateText(SEED + 7, 100 * 1024)));
  for (const [kb, reps] of [
    [100, 2],
    [400, 1],
    [1600, 1],
  ] as const) {
    const bytes = Buffer.from(generateText(SEED + 7, kb * 1024));
    const realKB = bytes.byteLength / 1024;
    const text = decoder.decode(bytes);
    let best = Infinity;
    let bestBare = Infinity;
    let cards = 0;
    for (let r = 0; r < reps; r++) {
      gc();
      const t0 = now();
      const note = parseNote('big.md', bytes);
      best = Math.min(best, msSince(t0));
      cards = note.cards.length;
      if (note.problems.some((p) => p.code === 'too-large' || p.code === 'parse-failed'))
        throw new Error(`big note not parsed at ${kb} KB`);
      const t1 = now();
      bare.parse(text);
      bestBare = Math.min(bestBare, msSince(t1));
    }
    rows.push({
      kb: round(realKB, 0),
      parseNoteUsPerKB: round((best * 1000) / realKB, 1),
      bareUsPerKB: round((bestBare * 1000) / realKB, 1),
      cards,
    });
  }
  const per = rows.map((r) => r.parseNoteUsPerKB);
  const spread = Math.max(...per) / Math.min(...per);
  table('7. Linearity: one note of growing size (best of reps)', [
    ['size', 'parseNote µs/KB', 'bare remark µs/KB', 'cards'],
    ...rows.map((r) => [`${r.kb} KB`, f(r.parseNoteUsPerKB, 1), f(r.bareUsPerKB, 1), r.cards]),
  ]);
  console.log(`  parseNote µs/KB max/min: ${f(spread)} (${spread <= 1.5 ? 'roughly flat' : 'NOT flat'})`);
  return { rows, spread: round(spread) };
}

// ---- main ----

async function main() {
  const started = now();
  if (!existsSync(DIST_WORKER)) throw new Error(`${DIST_WORKER} is missing: build first (npm run bench builds it)`);
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    availableParallelism: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    cpuModel: cpus[0]?.model ?? '?',
    node: process.version,
    platform: `${process.platform} ${os.release()} ${process.arch}`,
    memGB: round(os.totalmem() / 1024 ** 3, 1),
    defaultPoolSize: defaultPoolSize(),
    loadAvgAtStart: os.loadavg().map((n) => round(n, 2)),
  };
  console.log(
    `TIL Companion bench — ${machine.cpus} cpus (${machine.cpuModel}), availableParallelism ${machine.availableParallelism}, node ${machine.node}, ${machine.platform}, ${machine.memGB} GB`,
  );
  console.log(
    `sizes: ${SIZES.join(', ')} notes; default pool size ${machine.defaultPoolSize}; seed ${SEED}; load average ${machine.loadAvgAtStart.join(' ')}`,
  );
  if (machine.loadAvgAtStart[0] > machine.cpus * 0.5)
    console.log('  note: the machine is busy (load average above half the cpus): figures will be noisy and slow');

  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'til-bench-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  process.once('SIGINT', () => (cleanup(), process.exit(130)));
  const json: Record<string, unknown> = { machine, sizes: {} };
  try {
    await fs.mkdir(path.join(tmp, 'dist'));
    WORKER = path.join(tmp, 'dist', 'parseWorker.js');
    await fs.copyFile(DIST_WORKER, WORKER);
    if (existsSync(DIST_EXTENSION)) {
      EXTENSION = path.join(tmp, 'dist', 'extension.js');
      // The extension loads its siblings lazily (dist/quiz.js on an idle timer), so every top-level bundle comes along.
      const distDir = path.dirname(DIST_EXTENSION);
      for (const entry of await fs.readdir(distDir, { withFileTypes: true }))
        if (entry.isFile() && /\.(js|json)$/.test(entry.name))
          await fs.copyFile(path.join(distDir, entry.name), path.join(tmp, 'dist', entry.name));
    }
    let last: Awaited<ReturnType<typeof benchSize>> | undefined;
    for (const count of SIZES) {
      if (last) {
        last.index.clear();
        await fs.rm(path.join(tmp, `corpus-${last.files.length}`), { recursive: true, force: true });
      }
      last = await benchSize(tmp, count);
      (json.sizes as Record<string, SizeResult>)[count] = last.result;
    }
    if (last) {
      json.edit = await benchEdit(last.files, last.index, last.cacheDir);
      json.lookup = benchLookup(table, last.index, gc);
      const quiz = benchQuiz(last.index);
      json.quiz = quiz;
      table('8. Open a quiz (session over every card of the largest corpus, median of 7; webview start-up excluded)', [
        ['measure', 'ms', 'target'],
        [`due scope, ${quiz.cards} cards (${quiz.withProgress} with progress), no limits`, f(quiz.dueOpenMs, 2), ''],
        [
          `due scope over the deck (${quiz.deckCards} cards: questions, cloze, diagram), daily limits → ${quiz.limitedItems} cards`,
          f(quiz.limitedOpenMs, 2),
          `${mark(quiz.limitedOpenMs < TARGETS.quizOpenMs)}   < ${TARGETS.quizOpenMs} ms`,
        ],
        ['topic scope (os)', f(quiz.topicOpenMs, 2), ''],
        ['card kinds generated after an index change', f(quiz.deckBuildMs, 2), ''],
        ['progress reconcile with the index', f(quiz.reconcileMs, 2), ''],
      ]);
    }
    json.activation = await benchActivation(tmp);
    json.linearity = benchLinearity();
    json.hostile = benchHostile(table, gc);
    json.firstHover = await benchFirstHover(table, tmp, EXTENSION, ROOT);
    json.indexingStall = await benchIndexingStall(table, tmp, WORKER, ROOT, STALL_NOTES);
  } finally {
    cleanup();
  }

  // summary of targets
  const sizes = json.sizes as Record<string, SizeResult>;
  const edit = json.edit as { medianMs: { total: number } } | undefined;
  const lookup = json.lookup as { p99Us: number } | undefined;
  const act = json.activation as { requireMs: number; activateMs: number | null; extensionBytes: number; extensionHasMermaid: boolean };
  const lin = json.linearity as { spread: number };
  const targets: Array<[string, string, boolean]> = [];
  for (const [n, r] of Object.entries(sizes)) {
    targets.push([
      `cold pool / bare, ${n} notes ≥ ${TARGETS.poolVsBare}×`,
      `${f(r.ratioPoolVsBare)}×`,
      r.ratioPoolVsBare >= TARGETS.poolVsBare,
    ]);
    targets.push([
      `warm / bare read, ${n} notes ≤ ${TARGETS.warmVsRead}×`,
      `${f(r.ratioWarmVsRead)}×`,
      r.ratioWarmVsRead <= TARGETS.warmVsRead,
    ]);
  }
  if (edit)
    targets.push([`edit re-index median ≤ ${TARGETS.editMs} ms`, `${f(edit.medianMs.total, 2)} ms`, edit.medianMs.total <= TARGETS.editMs]);
  if (lookup) targets.push([`term look-up p99 < ${LOOKUP_TARGET_US} µs`, `${f(lookup.p99Us, 1)} µs`, lookup.p99Us < LOOKUP_TARGET_US]);
  const quiz = json.quiz as QuizBenchResult | undefined;
  if (quiz)
    targets.push([
      `open a quiz over ${quiz.deckCards} cards, daily limits applied < ${TARGETS.quizOpenMs} ms`,
      `${f(quiz.limitedOpenMs, 2)} ms`,
      quiz.limitedOpenMs < TARGETS.quizOpenMs,
    ]);
  const actTotal = act.requireMs + (act.activateMs ?? 0);
  targets.push([
    `require + activate < ${TARGETS.activationMs} ms${act.activateMs === null ? ' (require only)' : ''}`,
    `${f(actTotal, 2)} ms`,
    actTotal < TARGETS.activationMs,
  ]);
  targets.push([
    `dist/extension.js < ${TARGETS.extensionKB} KB`,
    `${f(act.extensionBytes / 1024, 1)} KB`,
    act.extensionBytes >= 0 && act.extensionBytes < TARGETS.extensionKB * 1024,
  ]);
  targets.push([
    'no Mermaid library (mermaidAPI) in dist/extension.js',
    act.extensionHasMermaid ? 'present' : 'absent',
    !act.extensionHasMermaid,
  ]);
  targets.push(['parseNote µs/KB flat (max/min ≤ 1.5)', f(lin.spread), lin.spread <= 1.5]);
  const hostile = json.hostile as { worst: { name: string; ratio: number } };
  targets.push([
    `every hostile input ≤ ${HOSTILE_TARGET}× a plain note (worst: ${hostile.worst.name})`,
    `${f(hostile.worst.ratio)}×`,
    hostile.worst.ratio <= HOSTILE_TARGET,
  ]);
  const firstHover = json.firstHover as { worstMs: number };
  targets.push([
    `activation → first hover answer < ${READY_TARGETS.firstHoverMs} ms (worst of 5)`,
    `${f(firstHover.worstMs, 1)} ms`,
    firstHover.worstMs < READY_TARGETS.firstHoverMs,
  ]);
  const stall = json.indexingStall as { notes: number; worstStallMs: number };
  targets.push([
    `worst event-loop stall indexing ${stall.notes} notes ≤ ${READY_TARGETS.stallMs} ms`,
    `${f(stall.worstStallMs, 1)} ms`,
    stall.worstStallMs <= READY_TARGETS.stallMs,
  ]);
  table('Targets', [['target', 'measured', ''], ...targets.map(([name, value, ok]) => [name, value, ok ? 'ok' : 'MISS'])]);
  json.targets = Object.fromEntries(targets.map(([name, value, ok]) => [name, { value, ok }]));
  json.totalSeconds = round(msSince(started) / 1000, 1);
  json.loadAvgAtEnd = os.loadavg().map((n) => round(n, 2));
  console.log(
    `\ntotal bench time ${f(msSince(started) / 1000, 1)} s; load average at end ${os
      .loadavg()
      .map((n) => f(n))
      .join(' ')}`,
  );
  console.log(`BENCH_JSON ${JSON.stringify(json)}`);
}

/** `--ready`: only sections 10 and 11 (first hover, event-loop stall while indexing). */
async function readyOnly(): Promise<void> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'til-bench-'));
  try {
    await benchFirstHover(table, tmp, DIST_EXTENSION, ROOT);
    await benchIndexingStall(table, tmp, DIST_WORKER, ROOT, STALL_NOTES);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

(process.argv.includes('--hostile')
  ? Promise.resolve(runHostileOnly(table, gc))
  : process.argv.includes('--lookup')
    ? Promise.resolve(runLookupOnly(table, gc))
    : process.argv.includes('--ready')
      ? readyOnly()
      : main()
).then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
