import * as fs from 'node:fs';
import * as path from 'node:path';

/** Tests are bundled to out/test/unit; the repo root is three levels up. */
export const repoRoot = path.resolve(__dirname, '../../..');
export const fixtures = path.join(repoRoot, 'test/fixtures');
export const workerFile = path.join(repoRoot, 'dist/parseWorker.js');

export function readFixture(relative: string): string {
  return fs.readFileSync(path.join(fixtures, relative), 'utf8');
}

/** Deterministic pseudo-random numbers so generated inputs are reproducible. */
export { seededRng as seeded } from '../../src/core/random';
