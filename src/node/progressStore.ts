/**
 * Quiz progress on disk: one JSON file in the extension's global storage (never in the notes).
 * Writes are atomic (temp file + fsync + rename), so a crash leaves the old file or the new one.
 * A file that cannot be read back (corrupt, truncated, invalid) is reported and copied to
 * `progress.corrupt-<timestamp>.json`; the original stays where it was until the next save.
 */
import * as fsp from 'fs/promises';
import * as path from 'path';
import { emptyProgress, validateProgress, type ProgressData } from '../core/quiz/progress';

export const PROGRESS_FILE = 'progress.json';

/** File operations the store uses; tests replace some to simulate failures. */
export interface StoreIO {
  /** The file's text, or undefined when it does not exist. */
  readFile(file: string): Promise<string | undefined>;
  /** Writes and fsyncs a file (the temp file of an atomic write). */
  writeDurable(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
  exists(file: string): Promise<boolean>;
  /** Best effort: make a rename durable (no-op where directories cannot be fsynced). */
  syncDir(dir: string): Promise<void>;
}

export const nodeIO: StoreIO = {
  async readFile(file) {
    try {
      return await fsp.readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  },
  async writeDurable(file, data) {
    const handle = await fsp.open(file, 'w');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  copyFile: (from, to) => fsp.copyFile(from, to),
  unlink: (file) => fsp.unlink(file),
  mkdir: async (dir) => {
    await fsp.mkdir(dir, { recursive: true });
  },
  exists: async (file) => {
    try {
      await fsp.access(file);
      return true;
    } catch {
      return false;
    }
  },
  async syncDir(dir) {
    if (process.platform === 'win32') return;
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(dir, 'r');
      await handle.sync();
    } catch {
      // some file systems refuse; the rename is still atomic
    } finally {
      await handle?.close().catch(() => undefined);
    }
  },
};

export type ProgressProblemKind = 'corrupt' | 'truncated' | 'invalid' | 'unreadable';

export interface ProgressProblem {
  kind: ProgressProblemKind;
  /** English, technical: what was wrong (for the log and the message detail). */
  message: string;
  file: string;
  /** Where the bad content was copied, if it could be. */
  backup?: string;
}

export interface LoadResult {
  data: ProgressData;
  problem?: ProgressProblem;
}

export interface ProgressStoreOptions {
  /** Folder for progress.json (the extension's global storage folder). */
  dir: string;
  now?: () => Date;
  io?: Partial<StoreIO>;
}

export class ImportError extends Error {
  override name = 'ImportError';
}

export class ProgressStore {
  readonly file: string;
  private readonly io: StoreIO;
  private readonly now: () => Date;
  private tail: Promise<void> = Promise.resolve();
  private version = 0;
  private written = 0;
  private latest: ProgressData | undefined;
  private tempCounter = 0;

  constructor(private readonly options: ProgressStoreOptions) {
    this.file = path.join(options.dir, PROGRESS_FILE);
    this.io = { ...nodeIO, ...options.io };
    this.now = options.now ?? (() => new Date());
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Reads progress. Never throws for bad content: a problem is returned and the content backed up. */
  async load(): Promise<LoadResult> {
    let text: string | undefined;
    try {
      text = await this.io.readFile(this.file);
    } catch (err) {
      return { data: emptyProgress(), problem: { kind: 'unreadable', message: errorText(err), file: this.file } };
    }
    if (text === undefined) return { data: emptyProgress() };
    const parsed = parseProgressText(text);
    if (parsed.data) return { data: parsed.data };
    const problem: ProgressProblem = { kind: parsed.kind!, message: parsed.message!, file: this.file };
    try {
      problem.backup = await this.backup('corrupt');
    } catch (err) {
      problem.message += ` (backup failed: ${errorText(err)})`;
    }
    return { data: emptyProgress(), problem };
  }

  /**
   * Saves atomically. Saves are queued; when several wait, only the latest data is written.
   * Resolves when data at least as new as this call's is on disk.
   */
  save(data: ProgressData): Promise<void> {
    const v = ++this.version;
    this.latest = data;
    const run = async () => {
      if (this.written >= v) return;
      const target = this.version;
      const payload = this.latest!;
      await this.writeAtomic(this.file, serialise({ ...payload, updated: this.now().toISOString() }));
      this.written = target;
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Waits for queued saves. */
  flush(): Promise<void> {
    return this.tail;
  }

  async exportTo(file: string, data: ProgressData): Promise<void> {
    await this.writeAtomic(file, serialise({ ...data, updated: data.updated ?? this.now().toISOString(), exportedAt: this.now().toISOString() }));
  }

  /** Reads and validates an export. Throws ImportError with a readable reason. */
  async importFrom(file: string): Promise<ProgressData> {
    let text: string | undefined;
    try {
      text = await this.io.readFile(file);
    } catch (err) {
      throw new ImportError(errorText(err));
    }
    if (text === undefined) throw new ImportError(`${file} does not exist`);
    const parsed = parseProgressText(text);
    if (!parsed.data) throw new ImportError(parsed.message ?? 'invalid progress file');
    return parsed.data;
  }

  /** Empties the progress; the old file is kept as progress.reset-<timestamp>.json. Returns that path. */
  async reset(): Promise<string | undefined> {
    await this.tail;
    let backup: string | undefined;
    if (await this.io.exists(this.file)) backup = await this.backup('reset');
    const empty = emptyProgress();
    await this.save(empty);
    return backup;
  }

  private async backup(reason: 'corrupt' | 'reset'): Promise<string> {
    await this.io.mkdir(this.options.dir);
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    let target = path.join(this.options.dir, `progress.${reason}-${stamp}.json`);
    for (let i = 1; await this.io.exists(target); i++) target = path.join(this.options.dir, `progress.${reason}-${stamp}-${i}.json`);
    await this.io.copyFile(this.file, target);
    return target;
  }

  /** Temp file in the same folder, written and fsynced, then renamed over the target. */
  private async writeAtomic(file: string, text: string): Promise<void> {
    const dir = path.dirname(file);
    await this.io.mkdir(dir);
    const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${++this.tempCounter}.tmp`);
    try {
      await this.io.writeDurable(temp, text);
      await this.io.rename(temp, file);
    } catch (err) {
      await this.io.unlink(temp).catch(() => undefined);
      throw err;
    }
    await this.io.syncDir(dir);
  }
}

function serialise(data: ProgressData & { exportedAt?: string }): string {
  return JSON.stringify(data, null, 1) + '\n';
}

export function parseProgressText(text: string): { data?: ProgressData; kind?: ProgressProblemKind; message?: string } {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { kind: 'truncated', message: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    const message = errorText(err);
    const truncated = /end of (json )?input|unterminated/i.test(message);
    return { kind: truncated ? 'truncated' : 'corrupt', message: truncated ? `the file ends too early: ${message}` : `not valid JSON: ${message}` };
  }
  const { data, errors } = validateProgress(json);
  if (!data) return { kind: 'invalid', message: errors.join('; ') };
  return { data };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
