import type { Worker } from 'node:worker_threads';
import * as os from 'node:os';
import type { ParsedNote } from '../core/model';
import type { Glossary } from '../core/index/glossary';
import type { PoolRequest, PoolResponse } from './poolProtocol';

type Pending = { resolve: (r: PoolResponse) => void; reject: (e: Error) => void };
interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}
type RequestBody = PoolRequest extends infer R ? (R extends PoolRequest ? Omit<R, 'id'> : never) : never;

export interface ParsePoolOptions {
  /** Path of the bundled worker script (dist/parseWorker.js). */
  workerFile: string;
  size?: number;
  /** Workers idle this long are stopped; they start again on demand. */
  idleMs?: number;
}

export function defaultPoolSize(): number {
  const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // Each worker holds its own copy of the parser; more than four rarely pays on a laptop.
  return Math.max(1, Math.min(cpus, 4));
}

/** Worker threads that parse notes; started lazily, stopped when idle, restarted after a crash. */
export class ParsePool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  readonly size: number;

  constructor(private readonly options: ParsePoolOptions) {
    this.size = Math.max(1, options.size ?? defaultPoolSize());
  }

  async parse(file: string, bytes: Uint8Array, hash: string, maxBytes?: number): Promise<ParsedNote> {
    const response = await this.request({ kind: 'note', file, bytes, hash, maxBytes });
    if (response.kind === 'note') return response.note;
    throw new Error(response.kind === 'error' ? response.message : 'unexpected worker response');
  }

  async parseGlossary(file: string, text: string): Promise<Glossary> {
    const response = await this.request({ kind: 'glossary', file, text });
    if (response.kind === 'glossary') return response.glossary;
    throw new Error(response.kind === 'error' ? response.message : 'unexpected worker response');
  }

  private request(body: RequestBody): Promise<PoolResponse> {
    const slot = this.leastBusy();
    const id = this.nextId++;
    clearTimeout(this.idleTimer);
    return new Promise<PoolResponse>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ ...body, id } as PoolRequest);
    }).finally(() => this.scheduleIdleStop());
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
    const worker = new WorkerThread(this.options.workerFile);
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (response: PoolResponse) => {
      const p = slot.pending.get(response.id);
      slot.pending.delete(response.id);
      p?.resolve(response);
    });
    const fail = (error: Error) => {
      this.slots.splice(this.slots.indexOf(slot), 1);
      for (const p of slot.pending.values()) p.reject(error);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) fail(new Error(`parse worker stopped (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  private scheduleIdleStop(): void {
    if (this.slots.some((s) => s.pending.size > 0)) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.stopWorkers(), this.options.idleMs ?? 30_000);
    this.idleTimer.unref?.();
  }

  private async stopWorkers(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  async dispose(): Promise<void> {
    clearTimeout(this.idleTimer);
    await this.stopWorkers();
  }
}
