import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** A full collection before each timed run, so garbage left by one run is not billed to the next. */
let collect: () => void = () => undefined;
try {
  v8.setFlagsFromString('--expose-gc');
  collect = vm.runInNewContext('gc') as () => void;
} catch {
  /* without gc() the ratios are only noisier */
}

/**
 * Cost per run of an input `factor` times larger, relative to `factor` runs of the small one: about 1 for
 * linear work, about `factor` for quadratic. Both sides are repeated until they take a measurable time, and
 * measured alternately (best of `reps`), so a busy moment of the machine hits both: a ratio of work, not a time
 * limit, which holds on a slow or loaded machine.
 */
export function growthRatio<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, factor = 8, reps = 3): number {
  const small = make(n);
  const large = make(n * factor);
  run(small); // warm the JIT
  // Enough small runs to take ~30 ms (a multiple of factor), and factor times fewer large ones.
  let smallRuns = factor;
  for (let t0 = performance.now(); performance.now() - t0 < 30 && smallRuns < 1 << 16; smallRuns *= 2) {
    for (let k = 0; k < smallRuns; k++) run(small);
  }
  const largeRuns = smallRuns / factor;
  let smallMs = Infinity;
  let largeMs = Infinity;
  for (let r = 0; r < reps; r++) {
    collect();
    let t0 = performance.now();
    for (let k = 0; k < smallRuns; k++) run(small);
    smallMs = Math.min(smallMs, performance.now() - t0);
    collect();
    t0 = performance.now();
    for (let k = 0; k < largeRuns; k++) run(large);
    largeMs = Math.min(largeMs, performance.now() - t0);
  }
  return largeMs / Math.max(smallMs, 0.01);
}

/**
 * Linear within a generous margin: an 8× larger input may cost up to 3× per byte (quadratic: 8× or more). A larger
 * input also costs a little more per byte for memory's sake (up to ~2× for text that makes many small strings), and
 * a busy machine can push one measurement past the margin; so a ratio over it is measured again, up to three times
 * in all. Quadratic work stays over the margin every time; noise does not.
 */
export function assertLinear<T>(what: string, make: (n: number) => T, run: (input: T) => unknown, n: number, limit = 3): void {
  const ratio = remeasuredOver(limit, () => growthRatio(make, run, n, 8));
  assert.ok(ratio < limit, `${what}: an 8× larger input cost ${ratio.toFixed(1)}× per byte (linear: about 1×, quadratic: 8×)`);
}

/**
 * Cost of `run` relative to `baseline` on inputs of the same size: both measured alternately, best of `reps`
 * each after a collection, so a busy moment of the machine or leftover garbage hits both sides alike.
 */
export function costRatio(run: () => unknown, baseline: () => unknown, reps = 3): number {
  run();
  baseline(); // warm the JIT
  let runMs = Infinity;
  let baselineMs = Infinity;
  for (let r = 0; r < reps; r++) {
    collect();
    let t0 = performance.now();
    run();
    runMs = Math.min(runMs, performance.now() - t0);
    collect();
    t0 = performance.now();
    baseline();
    baselineMs = Math.min(baselineMs, performance.now() - t0);
  }
  return runMs / Math.max(baselineMs, 0.01);
}

/** The least of up to three measurements, taking another only while the ratio is at or over `limit`. */
export function remeasuredOver(limit: number, measure: () => number, attempts = 3): number {
  let ratio = Infinity;
  for (let attempt = 0; attempt < attempts && ratio >= limit; attempt++) ratio = Math.min(ratio, measure());
  return ratio;
}
