// Benchmark of the indexer: bare remark-parse vs our cold / warm index, one-note re-index, term look-up,
// activation cost and bundle sizes, parse linearity. Prints a table, then one `BENCH_JSON {...}` line.
// Run: npm run bench   (BENCH_SIZES=1000,10000 by default; BENCH_SIZES=200 for a quick run; BENCH_STALL_NOTES=3000;
//      node out/bench/bench.js --ready for sections 10-12 only, --user-ready for 12, --lookup for section 5 only)
import { existsSync, promises as fs, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parseNote } from '../src/core/notes/parseNote';
import { NoteIndex } from '../src/core/index/noteIndex';
import { contentHash } from '../src/node/hash';
import { NoteLoader } from '../src/node/noteLoader';
import { ParseCache } from '../src/node/parseCache';
import { defaultPoolSize, ParsePool } from '../src/node/parsePool';
import { seededRng as mulberry32 } from '../src/core/random';
import { generateEdit, writeCorpus } from './corpus';
import { benchQuiz } from './quizBench';
import { benchLookup, runLookupOnly } from './lookupBench';
import { benchHostile, runHostileOnly } from './hostileBench';
import { benchFirstHover, benchIndexingStall } from './readyBench';
import { benchUserNoteHover } from './userReadyBench';
import { benchActivation } from './activationBench';
import { benchLinearity } from './linearityBench';
import { printTargets, TARGETS, type SizeResult } from './benchTargets';
import { f, gc, mapLanes, mark, median, msSince, now, percentile, round, sleep, table } from './benchUtil';

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

/** The loader writes its pack after loadMany returns: time until it is on disk, and its entry count. */
async function waitForPack(loader: NoteLoader, cacheDir: string): Promise<{ ms: number; entries: number }> {
  const t0 = now();
  await loader.flushed();
  const ms = msSince(t0);
  return { ms, entries: (await new ParseCache(cacheDir).read()).size };
}

// ---- phases ----

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
    json.activation = await benchActivation(tmp, { extension: EXTENSION, worker: WORKER, root: ROOT });
    json.linearity = benchLinearity(SEED);
    json.hostile = benchHostile(table, gc);
    json.firstHover = await benchFirstHover(table, tmp, EXTENSION, ROOT);
    json.indexingStall = await benchIndexingStall(table, tmp, WORKER, ROOT, STALL_NOTES);
    json.userNoteHover = await benchUserNoteHover(table, tmp, EXTENSION, ROOT);
  } finally {
    cleanup();
  }

  printTargets(json);
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

/** `--ready`: only sections 10 to 12 (first hover, event-loop stall while indexing, first hover from the user's note). */
async function readyOnly(): Promise<void> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'til-bench-'));
  try {
    await benchFirstHover(table, tmp, DIST_EXTENSION, ROOT);
    await benchIndexingStall(table, tmp, DIST_WORKER, ROOT, STALL_NOTES);
    await benchUserNoteHover(table, tmp, DIST_EXTENSION, ROOT);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** `--user-ready`: only section 12 (activation → first hover from the user's note, cold and warm). */
async function userReadyOnly(): Promise<void> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'til-bench-'));
  try {
    await benchUserNoteHover(table, tmp, DIST_EXTENSION, ROOT);
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
      : process.argv.includes('--user-ready')
        ? userReadyOnly()
        : main()
).then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
