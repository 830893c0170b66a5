import type { ParsedNote } from '../core/model';
import type { Glossary, GlossaryOrigin } from '../core/index/glossary';

/**
 * Messages between the parse pool (extension host / CLI thread) and its worker threads.
 *
 * `background`: the request was queued behind others (a large folder's bulk): the worker lowers its thread's priority
 * for good before it starts on it. Without it (a lone note, the first of a load, an edit) the worker keeps the
 * priority it started with, the host's, so a note someone waits for is not starved by the machine's other work.
 */
export type PoolRequest =
  | { id: number; kind: 'note'; file: string; bytes: Uint8Array; hash: string; maxBytes?: number; background?: boolean }
  | { id: number; kind: 'glossary'; file: string; text: string; origin?: GlossaryOrigin; background?: boolean };

export type PoolResponse =
  | { id: number; kind: 'note'; note: ParsedNote; timing?: WorkerTiming }
  | { id: number; kind: 'glossary'; glossary: Glossary; timing?: WorkerTiming }
  | { id: number; kind: 'error'; message: string; timing?: WorkerTiming };

/**
 * What a request cost inside the worker, by the worker's own clock (for the log's account of a load). CPU times are
 * the worker thread's own where Node can tell (22+: process.threadCpuUsage); wall time well above CPU time means
 * the thread waited for a core.
 */
export interface WorkerTiming {
  workMs: number;
  workCpuMs?: number;
  /**
   * In a worker's first answer only: when its modules were loaded (the parser's bundle evaluated), in ms since the
   * epoch (the pool subtracts the time it spawned the worker), and the thread's CPU time until then.
   */
  loadedAt?: number;
  startCpuMs?: number;
  /** Set by the pool from `loadedAt`: spawned → modules loaded. */
  startMs?: number;
}
