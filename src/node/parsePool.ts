import type { ResourceLimits, Worker } from 'node:worker_threads';
import * as os from 'node:os';
import type { ParsedNote } from '../core/model';
import type { Glossary, GlossaryOrigin } from '../core/index/glossary';
import type { PoolRequest, PoolResponse, WorkerTiming } from './poolProtocol';

/** One answered request: the worker's own account and the wait on the asking thread's clock (queue, start, transfer). */
export interface ParseTiming extends WorkerTiming {
  kind: 'note' | 'glossary';
  file: string;
  waitMs: number;
}

type Pending = { body: PoolRequest; resolve: (r: PoolResponse) => void; reject: (e: Error) => void };
interface Slot {
  worker: Worker;
  /** In the order the worker handles them: the first is the one it is working on. */
  pending: Map<number, Pending>;
  /** Fires when the request at the head of `pending` has run longer than the time limit. */
  timer?: NodeJS.Timeout;
  /** Date.now() when the worker was spawned (its first answer says how long it took to load). */
  spawnedAt: number;
}
type RequestBody = PoolRequest extends infer R ? (R extends PoolRequest ? Omit<R, 'id'> : never) : never;

/** Defaults sized for the 2 MB note cap: an ordinary note of that size parses in well under a second. */
export const DEFAULT_TIME_LIMIT_MS = 20_000;
export const DEFAULT_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 };

export interface ParsePoolOptions {
  /** Path of the bundled worker script (dist/parseWorker.js). */
  workerFile: string;
  size?: number;
  /** Workers idle this long are stopped; they start again on demand. */
  idleMs?: number;
  /** A note (or glossary) whose parse runs longer is skipped and its worker replaced. */
  timeLimitMs?: number;
  /** Heap and stack limits of each worker; a parse that exceeds them is skipped and its worker replaced. */
  resourceLimits?: ResourceLimits;
  /** Told what each answered request cost (the extension's log accounts for its first load with it). */
  onTiming?: (timing: ParseTiming) => void;
}

/** A parse stopped by the pool's limits: the note is skipped with this reason, the worker replaced. */
export class ParseLimitError extends Error {
  constructor(
    readonly code: 'too-slow' | 'out-of-memory',
    message: string,
  ) {
    super(message);
    this.name = 'ParseLimitError';
  }
}

export function defaultPoolSize(): number {
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // Each worker holds its own copy of the parser; more than four rarely pays on a laptop.
  return Math.max(1, Math.min(cpus, 4));
}

/**
 * Worker threads that parse notes; started lazily, stopped when idle, restarted after a crash.
 * Each request has a time limit and each worker heap/stack limits: the request at fault fails with a
 * ParseLimitError, the worker is replaced, and the requests queued behind it are sent again.
 */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  readonly size: number;

  constructor(private readonly options: ParsePoolOptions) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
  }

  private get timeLimitMs(): number {
    return this.options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  }

  async parse(file: string, bytes: Uint8Array, hash: string, maxBytes?: number): Promise<ParsedNote> {
    const response = await this.request({ kind: 'note', file, bytes, hash, maxBytes });
    if (response.kind === 'note') return response.note;
    throw new Error(response.kind === 'error' ? response.message : 'unexpected worker response');
  }

  /** `origin`: ours (the bundled glossary) or theirs, whose identifiers win over ours. */
  async parseGlossary(file: string, text: string, origin: GlossaryOrigin = 'bundled'): Promise<Glossary> {
    const response = await this.request({ kind: 'glossary', file, text, origin });
    if (response.kind === 'glossary') return response.glossary;
    throw new Error(response.kind === 'error' ? response.message : 'unexpected worker response');
  }

  /**
   * Start a worker ahead of parses that are surely coming, so its start (the parser's bundle loading) overlaps the
   * caller's other work, such as finding the files. Stopped when idle like any other.
   */
  warm(): void {
    if (this.slots.length > 0) return;
    this.spawn();
    this.scheduleIdleStop();
  }

  private request(body: RequestBody): Promise<PoolResponse> {
    const id = this.nextId++;
    clearTimeout(this.idleTimer);
    const sentAt = performance.now();
    return new Promise<PoolResponse>((resolve, reject) => {
      this.dispatch({ body: { ...body, id } as PoolRequest, resolve, reject });
    })
      .then((response) => {
        if (response.timing)
          this.options.onTiming?.({ ...response.timing, kind: body.kind, file: body.file, waitMs: performance.now() - sentAt });
        return response;
      })
      .finally(() => this.scheduleIdleStop());
  }

  private dispatch(p: Pending): void {
    // Every worker busy already: this one waits in a queue, bulk work (a folder's notes), which gives way to the host.
    if (this.slots.length >= this.size && this.slots.every((s) => s.pending.size > 0)) p.body.background = true;
    const slot = this.leastBusy();
    slot.pending.set(p.body.id, p);
    slot.worker.postMessage(p.body);
    if (slot.pending.size === 1) this.startTimer(slot);
  }

  private startTimer(slot: Slot): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const head = slot.pending.values().next().value;
    if (!head) return;
    slot.timer = setTimeout(() => {
      const limit = this.timeLimitMs >= 1000 ? `${Math.round(this.timeLimitMs / 1000)} s` : `${this.timeLimitMs} ms`;
      this.retire(
        slot,
        new ParseLimitError(
          'too-slow',
          `Skipped: reading ${describe(head.body)} took longer than ${limit}; the rest of the notes are unaffected.`,
        ),
      );
    }, this.timeLimitMs);
    slot.timer.unref?.();
  }

  private leastBusy(): Slot {
    if (this.slots.length < this.size) {
      const emptyIdle = this.slots.find((s) => s.pending.size === 0);
      if (!emptyIdle) return this.spawn();
    }
    let best = this.slots[0];
    for (const s of this.slots) if (s.pending.size < best.pending.size) best = s;
    return best;
  }

  private spawn(): Slot {
    // worker_threads (and the stream module it pulls in) loads on the first parse, not at activation.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Worker: WorkerThread } = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new WorkerThread(this.options.workerFile, { resourceLimits: this.options.resourceLimits ?? DEFAULT_RESOURCE_LIMITS });
    const slot: Slot = { worker, pending: new Map(), spawnedAt: Date.now() };
    worker.on('message', (response: PoolResponse) => {
      const loadedAt = response.timing?.loadedAt;
      if (loadedAt !== undefined) response.timing!.startMs = Math.max(0, loadedAt - slot.spawnedAt);
      const p = slot.pending.get(response.id);
      slot.pending.delete(response.id);
      this.startTimer(slot);
      p?.resolve(response);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const head = slot.pending.values().next().value;
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.retire(
        slot,
        outOfMemory && head
          ? new ParseLimitError(
              'out-of-memory',
              `Skipped: reading ${describe(head.body)} needed more memory than a note may use; the rest of the notes are unaffected.`,
            )
          : error,
      );
    });
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) this.retire(slot, new Error(`parse worker stopped (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Stop a worker that is stuck or broken: its current request fails with `error`, the ones queued behind it move. */
  private retire(slot: Slot, error: Error): void {
    const at = this.slots.indexOf(slot);
    if (at === -1) return;
    this.slots.splice(at, 1);
    clearTimeout(slot.timer);
    const [head, ...queued] = slot.pending.values();
    slot.pending.clear();
    void slot.worker.terminate();
    head?.reject(error);
    for (const p of queued) this.dispatch(p);
  }

  private scheduleIdleStop(): void {
    if (this.slots.some((s) => s.pending.size > 0)) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stopWorkers(), this.options.idleMs ?? 30_000);
    this.idleTimer.unref?.();
  }

  private async stopWorkers(): Promise<void> {
    const slots = this.slots.splice(0);
    for (const s of slots) clearTimeout(s.timer);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  async dispose(): Promise<void> {
    clearTimeout(this.idleTimer);
    await this.stopWorkers();
  }
}

function describe(body: PoolRequest): string {
  return body.kind === 'note' ? 'this note' : 'this glossary';
}
