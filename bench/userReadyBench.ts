// Section 12 of `npm run bench`: activation → the first hover answered from the USER's note (not the starter notes),
// for one note of ~116 KB, cold (no parse cache: discovery, a worker starts and parses) and warm (the pack written by
// the cold run is read). The extension runs in a child process against section 10's fake `vscode`, with a workspace
// folder holding the note and real parse workers; the child also returns the extension's own account of its first
// load (node/loadTimeline.ts). Our generated Korean notes always; the user's real notes too when
// ../shared/seeds/til-notes.md sits beside the clone.
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { escapeMarkdown } from '../src/core/hover/safeMarkdown';
import { generateText } from './corpus';
import { FIRST_HOVER_CHILD } from './readyBench';

type Table = (title: string, rows: Array<Array<string | number>>) => void;
const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
export const USER_READY_TARGET_MS = 3000;
const RUNS = 3;
const NOTE_BYTES = 116 * 1024;

interface ChildRun {
  firstHoverMs: number | null;
  account?: string;
  error?: string;
}

export interface UserReadyRow {
  note: string;
  phase: 'cold' | 'warm';
  medianMs: number;
  worstMs: number;
  /** parseNote of the same note in a fresh process (its first parse, as a new worker's), median of 3: the parse itself. */
  parseMs: number;
  loadAvg: string;
  account: string;
}

/** The first parseNote of `file` in a new process, as a new worker does it (no code compiled hot yet), median of 3. */
function firstParseTime(file: string): number {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, [path.join(__dirname, 'firstParse.js'), file], { encoding: 'utf8' });
    times.push(Number(out.trim()));
  }
  return times.sort((a, b) => a - b)[1];
}

function runChild(script: string, extensionFile: string, storage: string, root: string, workspace: string, expect: string): ChildRun {
  const out = execFileSync(process.execPath, [script, extensionFile, storage, root, workspace, expect], {
    timeout: 120_000,
    encoding: 'utf8',
  });
  return JSON.parse(
    out
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .pop()!,
  ) as ChildRun;
}

export async function benchUserNoteHover(table: Table, tmp: string, extensionFile: string, root: string) {
  const script = path.join(tmp, 'first-hover-child.js');
  await fs.writeFile(script, FIRST_HOVER_CHILD);
  const notes: Array<{ label: string; name: string; text: () => Promise<string | Buffer> }> = [
    { label: 'generated, 116 KB', name: 'study-log.md', text: async () => generateText(116, NOTE_BYTES) },
  ];
  const real = path.resolve(root, '..', 'shared', 'seeds', 'til-notes.md');
  if (existsSync(real)) notes.push({ label: 'the real notes', name: path.basename(real), text: () => fs.readFile(real) });
  else console.log(`  (the real notes are not beside the clone at ${real}: generated notes only)`);
  const rows: UserReadyRow[] = [];
  for (const note of notes) {
    const workspace = path.join(tmp, `user-ready-${rows.length}`);
    await fs.mkdir(path.join(workspace, 'notes'), { recursive: true });
    const file = path.join(workspace, 'notes', note.name);
    await fs.writeFile(file, await note.text());
    const parseMs = firstParseTime(file);
    const runs: Record<'cold' | 'warm', ChildRun[]> = { cold: [], warm: [] };
    let loadAvg = '';
    for (let i = 0; i < RUNS; i++) {
      const storage = path.join(workspace, '..', `user-ready-storage-${rows.length}-${i}`);
      await fs.mkdir(storage, { recursive: true });
      loadAvg = os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' ');
      // The same storage twice: the first run parses and writes the pack, the second reads it.
      for (const phase of ['cold', 'warm'] as const)
        runs[phase].push(runChild(script, extensionFile, storage, root, workspace, escapeMarkdown(note.name)));
    }
    for (const phase of ['cold', 'warm'] as const) {
      const answered = runs[phase].map((r) => r.firstHoverMs ?? NaN).sort((a, b) => a - b);
      const failed = runs[phase].find((r) => r.error || r.firstHoverMs === null);
      if (failed) console.log(`  ${note.label}, ${phase}: ${failed.error ?? 'no answer from the note'}`);
      const mid = runs[phase][Math.floor(RUNS / 2)];
      rows.push({
        note: note.label,
        phase,
        medianMs: answered[Math.floor(RUNS / 2)],
        worstMs: answered[RUNS - 1],
        parseMs,
        loadAvg,
        account: mid.account ?? '',
      });
    }
  }
  table(`12. Activation → first hover answered from the user's note (child process, fake \`vscode\`, real workers; ${RUNS} runs each)`, [
    ['note', 'phase', 'median', 'worst', 'median / first parseNote', 'load avg (1/5/15 min)', 'target'],
    ...rows.map((r) => [
      r.note,
      r.phase,
      `${f(r.medianMs)} ms`,
      `${f(r.worstMs)} ms`,
      `${f(r.medianMs / r.parseMs, 1)}× (${f(r.parseMs)} ms)`,
      r.loadAvg,
      r.phase === 'cold' ? `${r.worstMs < USER_READY_TARGET_MS ? 'ok  ' : 'MISS'} < ${USER_READY_TARGET_MS} ms` : '',
    ]),
  ]);
  for (const r of rows) if (r.account) console.log(`  ${r.note}, ${r.phase}: ${r.account}`);
  return { rows };
}
