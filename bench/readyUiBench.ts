// `npm run bench:ready-ui`: how soon the user's own note answers hovers in a real workbench (code-server + Chromium),
// cold (a new server: no parse cache) and warm (the window reloaded: a new extension host, the parse cache kept).
// The folder holds one note of ~116 KB (the user's real notes when ../shared/seeds/til-notes.md sits beside the
// clone, else our generated Korean notes of that size) and a C file; each run hovers `fork` until the hover links
// the user's note, and reads the extension's own account of its first load from the "TIL Companion" log
// (node/loadTimeline.ts: ms since activation). TIL_BENCH_RUNS (default 3) runs of each; medians are printed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openWorkbench, type Workbench } from '../test/ui/lib/workbench';
import { generateText } from './corpus';
import { median } from './benchUtil';

const repo = path.resolve(__dirname, '..', '..');
const RUNS = Number(process.env.TIL_BENCH_RUNS) || 3;
const realNotes = path.resolve(repo, '..', 'shared', 'seeds', 'til-notes.md');
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

interface Run {
  phase: 'cold' | 'warm';
  /** page load (or reload) → the hover links the user's note, as Playwright sees it */
  uiMs: number;
  /** the extension's own marks, ms since activation */
  marks: Record<string, number>;
  account: string;
  loadavg: string;
}

/** Logs whose account was read already (a reload starts a new extension host, which writes a new log). */
const seen = new Set<string>();

/** A "TIL Companion" log not read before that holds a first-load account, and that account's marks. */
function readAccount(userDataDir: string, after: number): { account: string; marks: Record<string, number> } | undefined {
  const logs: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.includes('TIL Companion') && !seen.has(full) && fs.statSync(full).mtimeMs >= after) logs.push(full);
    }
  };
  walk(path.join(userDataDir, 'logs'));
  for (const log of logs.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)) {
    const line = fs
      .readFileSync(log, 'utf8')
      .split('\n')
      .find((l) => l.includes('First load, after activation'));
    if (!line) continue;
    seen.add(log);
    const marks: Record<string, number> = {};
    for (const m of line.matchAll(/([a-z][a-z ]+?) at (\d+) ms/g)) marks[m[1].trim()] = Number(m[2]);
    return { account: line.replace(/^.*?\] /, ''), marks };
  }
  return undefined;
}

async function hoverFromUserNote(wb: Workbench, note: string, started: number): Promise<number> {
  await wb.openFile('src/main.c', { timeoutMs: 60_000 });
  const fromUserNote = new RegExp(`(?:Open note|노트 열기) \\(${note.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`);
  await wb.hoverWord('fork', { contains: fromUserNote, timeoutMs: 120_000, settleMs: 500 });
  const ms = Date.now() - started;
  await wb.dismiss();
  return ms;
}

async function waitForAccount(userDataDir: string, after: number) {
  for (let i = 0; i < 100; i++) {
    const found = readAccount(userDataDir, after);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no first-load account in the TIL Companion log');
}

async function main() {
  const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ready-ui-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.mkdirSync(path.join(folder, 'src'));
  const real = fs.existsSync(realNotes) && process.env.TIL_BENCH_GENERATED !== '1';
  const note = real ? path.basename(realNotes) : 'study-log.md';
  if (real) fs.copyFileSync(realNotes, path.join(folder, 'notes', note));
  else fs.writeFileSync(path.join(folder, 'notes', note), generateText(116, 116 * 1024));
  fs.copyFileSync(path.join(repo, 'test', 'fixtures', 'code', 'main.c'), path.join(folder, 'src', 'main.c'));
  const size = fs.statSync(path.join(folder, 'notes', note)).size;
  console.log(`note: ${real ? 'the real notes' : 'generated notes'} (${(size / 1024).toFixed(0)} KB); ${RUNS} runs; load ${load()}`);
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const started = Date.now();
      const wb = await openWorkbench({ folder, vsixPath });
      try {
        const uiMs = await hoverFromUserNote(wb, note, started);
        const cold = await waitForAccount(wb.server.userDataDir, started);
        runs.push({ phase: 'cold', uiMs, ...cold, loadavg: load() });
        const reloaded = Date.now();
        await wb.page.reload({ waitUntil: 'domcontentloaded' });
        const warmUi = await hoverFromUserNote(wb, note, reloaded);
        const warm = await waitForAccount(wb.server.userDataDir, reloaded);
        runs.push({ phase: 'warm', uiMs: warmUi, ...warm, loadavg: load() });
      } finally {
        await wb.close();
      }
      for (const r of runs.slice(-2)) console.log(`  ${r.phase}: hover ${r.uiMs} ms after page load; load ${r.loadavg}\n    ${r.account}`);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  console.log("\nActivation → the user note in the index (the extension's marks), median of", RUNS);
  for (const phase of ['cold', 'warm'] as const) {
    const of = runs.filter((r) => r.phase === phase);
    const mark = (name: string) => median(of.map((r) => r.marks[name] ?? NaN));
    console.log(
      `  ${phase}: notes found ${mark('notes found')} ms, first of your notes in the index ${mark('first of your notes in the index')} ms, ` +
        `glossaries ${mark('glossaries read')} ms; page load → hover ${median(of.map((r) => r.uiMs))} ms`,
    );
  }
  console.log(`uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
