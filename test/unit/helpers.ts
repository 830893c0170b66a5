import * as fs from 'node:fs';
import * as path from 'node:path';

/** Tests are bundled to out/test/unit; the repo root is three levels up. */
export const repoRoot = path.resolve(__dirname, '../../..');
export const fixtures = path.join(repoRoot, 'test/fixtures');
export const workerFile = path.join(repoRoot, 'dist/parseWorker.js');

export function readFixture(relative: string): string {
  return fs.readFileSync(path.join(fixtures, relative), 'utf8');
}

/** Deterministic pseudo-random numbers (mulberry32) so generated inputs are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
