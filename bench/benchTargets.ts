// The targets `npm run bench` checks, the result shape of its size sections, and the closing Targets table.
import { f, table } from './benchUtil';
import type { QuizBenchResult } from './quizBench';
import { LOOKUP_TARGET_US } from './lookupBench';
import { HOSTILE_TARGET } from './hostileBench';
import { READY_TARGETS } from './readyBench';
import { USER_READY_TARGET_MS, type UserReadyRow } from './userReadyBench';

export const TARGETS = { poolVsBare: 1.6, warmVsRead: 3, editMs: 10, activationMs: 15, extensionKB: 300, quizOpenMs: 200 };

export interface SizeResult {
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

/** Prints the Targets table from the sections' results and adds `targets` to `json`. */
export function printTargets(json: Record<string, unknown>): void {
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
  const userNote = json.userNoteHover as { rows: UserReadyRow[] } | undefined;
  for (const r of userNote?.rows.filter((row) => row.phase === 'cold') ?? [])
    targets.push([
      `activation → hover from the user's note, cold, ${r.note} < ${USER_READY_TARGET_MS} ms (worst)`,
      `${f(r.worstMs, 0)} ms`,
      r.worstMs < USER_READY_TARGET_MS,
    ]);
  table('Targets', [['target', 'measured', ''], ...targets.map(([name, value, ok]) => [name, value, ok ? 'ok' : 'MISS'])]);
  json.targets = Object.fromEntries(targets.map(([name, value, ok]) => [name, { value, ok }]));
}
