// Helpers shared by the bench sections: clocks, statistics, number formats and the table printer.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Node's gc, exposed at run time so sections start from a collected heap; a no-op where that is refused. */
export let gc: () => void = () => undefined;
try {
  v8.setFlagsFromString('--expose-gc');
  gc = vm.runInNewContext('gc') as () => void;
} catch {
  /* no gc between phases: only noisier */
}

export const now = () => process.hrtime.bigint();
export const msSince = (t0: bigint) => Number(now() - t0) / 1e6;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const median = (xs: number[]) => percentile(xs, 0.5);
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
}
export const f = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
export const round = (n: number, digits = 3) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);
export const mark = (ok: boolean) => (ok ? 'ok  ' : 'MISS');

export function table(title: string, rows: Array<Array<string | number>>): void {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, String(c).length)));
  console.log(`\n${title}`);
  rows.forEach((row, r) => {
    console.log('  ' + row.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('   '));
    if (r === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('   '));
  });
}

export async function mapLanes<T>(items: T[], lanes: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
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
