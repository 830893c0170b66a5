// Bench section "hostile inputs": time per MB of each class of issue 10 next to a plain note of the same size.
import { parseNote } from '../src/core/notes/parseNote';
import { sanitizeHtml } from '../src/core/quiz/sanitize';
import { secureMermaidSource } from '../src/core/diagrams/secureSource';
import { parseGlossary } from '../src/core/index/glossary';
import { HOSTILE_CLASSES, plainNote, type HostileTarget } from './hostileInputs';

export const HOSTILE_TARGET = 5;
const BYTES = Number(process.env.BENCH_HOSTILE_KB ?? 512) * 1024;

const RUN: Record<HostileTarget, (text: string) => unknown> = {
  note: (text) => parseNote('/hostile.md', text),
  answerHtml: (text) => sanitizeHtml(text),
  mermaid: (text) => secureMermaidSource(text),
  glossary: (text) => parseGlossary('/hostile.yaml', text),
};

type Table = (title: string, rows: Array<Array<string | number>>) => void;

function bestMs(run: () => unknown, reps: number, gc: () => void): number {
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    gc();
    const t0 = process.hrtime.bigint();
    run();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

export function benchHostile(table: Table, gc: () => void) {
  const plain = plainNote(BYTES);
  parseNote('/warm.md', plain);
  const plainMs = bestMs(() => parseNote('/plain.md', plain), 3, gc);
  const plainMsPerMB = plainMs / (plain.length / 1048576);
  const rows = HOSTILE_CLASSES.map((c) => {
    const text = c.make(BYTES);
    const ms = bestMs(() => RUN[c.target](text), 2, gc);
    const msPerMB = ms / (text.length / 1048576);
    return {
      name: c.name,
      target: c.target,
      kb: Math.round(text.length / 1024),
      msPerMB: Math.round(msPerMB),
      ratio: Math.round((msPerMB / plainMsPerMB) * 100) / 100,
    };
  });
  table(
    `9. Hostile inputs (${Math.round(BYTES / 1024)} KB each, best of 2): time per MB next to a plain note (${Math.round(plainMsPerMB)} ms/MB)`,
    [
      ['class', 'read by', 'KB', 'ms/MB', '× plain', `≤ ${HOSTILE_TARGET}×`],
      ...rows.map((r) => [r.name, r.target, r.kb, r.msPerMB, r.ratio.toFixed(2), r.ratio <= HOSTILE_TARGET ? 'ok' : 'MISS']),
    ],
  );
  const worst = rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return { plainMsPerMB: Math.round(plainMsPerMB), rows, worst: { name: worst.name, ratio: worst.ratio } };
}

/** `node out/bench/bench.js --hostile` runs only this section. */
export function runHostileOnly(table: Table, gc: () => void): void {
  const result = benchHostile(table, gc);
  console.log(`BENCH_JSON ${JSON.stringify({ hostile: result })}`);
}
