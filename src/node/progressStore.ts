/**
 * Quiz progress on disk: one JSON file in the extension's global storage (never in the notes).
 * - Writes are atomic (temp file + fsync + rename), so a crash leaves the old file or the new one;
 *   temp files a crash left behind are removed on the next load.
 * - Several windows share the file: a save takes a lock file, reads what is on disk, merges it entry by
 *   entry with what this window has (progressMerge.ts: the later review wins) and writes the result,
 *   which the caller takes back in (`ProgressBook.absorb`). No window's review is lost.
 * - Damage stays small: invalid entries are dropped one by one; a file that cannot be read at all
 *   (corrupt, truncated, not progress) starts empty. Either way the original content is first copied
 *   to `progress.<reason>-<time>-<hash>.json`, once per distinct content, and can be imported again.
 * - A file of a newer format version is read but never written (see progressFormat.ts).
 */
import * as path from 'node:path';
import { emptyProgress, mergeProgress, validateProgress, type ProgressData } from '../core/quiz/progress';
import { crypto } from './lazyCrypto';
import { nodeIO, type StoreIO } from './storeIO';

export { nodeIO, type StoreIO } from './storeIO';

export const PROGRESS_FILE = 'progress.json';

/**
 * corrupt / truncated / invalid: the whole file was unusable, progress starts empty;
 * dropped: some entries were invalid and left out; newer: a newer version's file, kept read-only;
 * unreadable: the file could not be read at all (permissions, I/O).
 */
export type ProgressProblemKind = 'corrupt' | 'truncated' | 'invalid' | 'dropped' | 'newer' | 'unreadable';

export interface ProgressProblem {
  kind: ProgressProblemKind;
  /** English, technical: what was wrong (for the log and the message detail). */
  message: string;
  file: string;
  /** Where the original content was copied, if it was (and could be). */
  backup?: string;
  /** How many entries were dropped ('dropped'). */
  dropped?: number;
  /** The file's version ('newer'). */
  version?: number;
}

export interface LoadResult {
  data: ProgressData;
  problem?: ProgressProblem;
}

/** What a save wrote: `sent` is the data given to save(), `merged` what is now on disk. */
export interface SaveResult {
  sent: ProgressData;
  merged: ProgressData;
}

export interface ImportResult {
  data: ProgressData;
  /** Entries left out because they were invalid, and why (a few reasons). */
  dropped: number;
  reasons: string[];
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

/** A save refused because the file on disk belongs to a newer version of the extension. */
export class ReadOnlyError extends Error {
  override name = 'ReadOnlyError';
}

/** A lock older than this is taken to be left by a crashed window (a save holds it for milliseconds). */
const LOCK_STALE_MS = 10_000;
/** How long a save waits for another window's save before giving up with an error. */
const LOCK_WAIT_MS = 5_000;
/** Temp files older than this are leftovers of a crash (a write takes milliseconds). */
const TEMP_STALE_MS = 60_000;
const TEMP_FILE = /^\.progress\..*\.tmp$/;

export class ProgressStore {
  readonly file: string;
  private readonly io: StoreIO;
  private readonly now: () => Date;
  private tail: Promise<unknown> = Promise.resolve();
  private version = 0;
  private written = 0;
  private latest: ProgressData | undefined;
  private lastResult: SaveResult | undefined;
  private tempCounter = 0;
  /** The content this window last read from or wrote to disk: the common ancestor of a merge. */
  private base: ProgressData | undefined;
  private newerVersion: number | undefined;

  constructor(private readonly options: ProgressStoreOptions) {
    this.file = path.join(options.dir, PROGRESS_FILE);
    this.io = { ...nodeIO, ...options.io };
    this.now = options.now ?? (() => new Date());
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Set when the file on disk is of a newer format version: nothing is written then. */
  get readOnly(): boolean {
    return this.newerVersion !== undefined;
  }

  /** Reads progress. Never throws for bad content: a problem is returned and the content backed up. */
  async load(): Promise<LoadResult> {
    await this.removeStaleTemps();
    let text: string | undefined;
    try {
      text = await this.io.readFile(this.file);
    } catch (err) {
      return { data: emptyProgress(), problem: { kind: 'unreadable', message: errorText(err), file: this.file } };
    }
    this.base = undefined;
    if (text === undefined) return { data: emptyProgress() };
    const parsed = parseProgressText(text);
    if (parsed.newerVersion !== undefined && parsed.data) {
      this.newerVersion = parsed.newerVersion;
      this.base = parsed.data;
      const message = `the file was written by a newer version of TIL Companion (format ${parsed.newerVersion}, this one writes ${emptyProgress().version}); it is left as it is`;
      return { data: parsed.data, problem: { kind: 'newer', message, file: this.file, version: parsed.newerVersion } };
    }
    this.newerVersion = undefined;
    if (parsed.data && !parsed.dropped) {
      this.base = parsed.data;
      return { data: parsed.data };
    }
    const problem: ProgressProblem = parsed.data
      ? {
          kind: 'dropped',
          message: `${parsed.dropped} invalid entr${parsed.dropped === 1 ? 'y was' : 'ies were'} left out: ${parsed.message}`,
          file: this.file,
          dropped: parsed.dropped,
        }
      : { kind: parsed.kind!, message: parsed.message!, file: this.file };
    try {
      problem.backup = await this.backup(parsed.data ? 'dropped' : 'corrupt', text);
    } catch (err) {
      problem.message += ` (backup failed: ${errorText(err)})`;
    }
    this.base = parsed.data;
    return { data: parsed.data ?? emptyProgress(), problem };
  }

  /**
   * Saves: under the lock, merges with what another window wrote since, and writes atomically. Saves are
   * queued; when several wait, only the latest data is written. Resolves, once data at least as new as
   * this call's is on disk, with what was sent and what was written; undefined when the file is read-only.
   */
  save(data: ProgressData): Promise<SaveResult | undefined> {
    const v = ++this.version;
    this.latest = data;
    const run = async (): Promise<SaveResult | undefined> => {
      if (this.written >= v) return this.lastResult;
      if (this.readOnly) return undefined;
      const target = this.version;
      const sent = this.latest!;
      const merged = await this.withLock(async () => {
        const theirs = await this.readForMerge();
        const result = theirs ? mergeProgress(this.base, sent, theirs) : sent;
        await this.writeAtomic(this.file, serialise({ ...result, updated: this.now().toISOString() }));
        return result;
      });
      this.base = merged;
      this.written = target;
      this.lastResult = { sent, merged };
      return this.lastResult;
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Waits for queued saves. */
  async flush(): Promise<void> {
    await this.tail;
  }

  async exportTo(file: string, data: ProgressData): Promise<void> {
    await this.writeAtomic(
      file,
      serialise({ ...data, updated: data.updated ?? this.now().toISOString(), exportedAt: this.now().toISOString() }),
    );
  }

  /** Reads and checks an export or a backup. Invalid entries are left out; throws ImportError when nothing can be used. */
  async importFrom(file: string): Promise<ImportResult> {
    let text: string | undefined;
    try {
      text = await this.io.readFile(file);
    } catch (err) {
      throw new ImportError(errorText(err));
    }
    if (text === undefined) throw new ImportError(`${file} does not exist`);
    const parsed = parseProgressText(text);
    if (!parsed.data) throw new ImportError(parsed.message ?? 'invalid progress file');
    if (parsed.newerVersion !== undefined)
      throw new ImportError(`the file was written by a newer version of TIL Companion (format ${parsed.newerVersion})`);
    return { data: parsed.data, dropped: parsed.dropped ?? 0, reasons: parsed.reasons ?? [] };
  }

  /**
   * Writes `data` as it is, without merging (a reset, an import that replaces). Other windows take
   * it in on their next save. The old file is kept as progress.reset-….json first. Returns that path.
   */
  async replace(data: ProgressData, reason: 'reset' | 'replaced' = 'replaced'): Promise<string | undefined> {
    await this.flush();
    if (this.readOnly) throw new ReadOnlyError(readOnlyMessage(this.newerVersion!));
    return this.withLock(async () => {
      const old = await this.io.readFile(this.file);
      const backup = old === undefined ? undefined : await this.backup(reason, old);
      await this.writeAtomic(this.file, serialise({ ...data, updated: this.now().toISOString() }));
      this.base = data;
      return backup;
    });
  }

  /** Empties the progress; the old file is kept as progress.reset-….json. Returns that path. */
  reset(): Promise<string | undefined> {
    return this.replace(emptyProgress(), 'reset');
  }

  /** What is on disk now, for a merge; undefined when there is nothing usable (then this window's data is written). */
  private async readForMerge(): Promise<ProgressData | undefined> {
    const text = await this.io.readFile(this.file);
    if (text === undefined) return undefined;
    const parsed = parseProgressText(text);
    if (parsed.newerVersion !== undefined) {
      this.newerVersion = parsed.newerVersion;
      throw new ReadOnlyError(readOnlyMessage(parsed.newerVersion));
    }
    // Damaged since this window read it: keep a copy of what is overwritten (or merged without its bad entries).
    if (!parsed.data || parsed.dropped) await this.backup(parsed.data ? 'dropped' : 'corrupt', text);
    return parsed.data;
  }

  /** Runs `fn` holding progress.json.lock, so that two windows never merge and write at the same time. */
  private async withLock<T>(fn: () => Promise<T>): Promise<T> {
    const lock = `${this.file}.lock`;
    await this.io.mkdir(this.options.dir);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        await this.io.createExclusive(lock, `${process.pid} ${this.now().toISOString()}\n`);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const age = await this.io.ageMs(lock);
        if (age === undefined) continue; // released meanwhile
        if (age > LOCK_STALE_MS) {
          await this.io.unlink(lock).catch(() => undefined);
          continue;
        }
        if (Date.now() > deadline) throw new Error(`another window holds ${path.basename(lock)}; try again`, { cause: err });
        await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 35));
      }
    }
    try {
      return await fn();
    } finally {
      await this.io.unlink(lock).catch(() => undefined);
    }
  }

  /** Copies content to progress.<reason>-<time>-<hash>.json, unless a backup of the same content exists. */
  private async backup(reason: 'corrupt' | 'dropped' | 'reset' | 'replaced', text: string): Promise<string> {
    const hash = crypto().createHash('sha256').update(text).digest('hex').slice(0, 12);
    const same = (await this.io.list(this.options.dir)).find((name) => name.startsWith('progress.') && name.endsWith(`-${hash}.json`));
    if (same) return path.join(this.options.dir, same);
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    const target = path.join(this.options.dir, `progress.${reason}-${stamp}-${hash}.json`);
    await this.writeAtomic(target, text);
    return target;
  }

  /** Temp files of writes that a crash interrupted (old enough not to be another window's write in progress). */
  private async removeStaleTemps(): Promise<void> {
    for (const name of await this.io.list(this.options.dir)) {
      if (!TEMP_FILE.test(name)) continue;
      const file = path.join(this.options.dir, name);
      const age = await this.io.ageMs(file);
      if (age !== undefined && age > TEMP_STALE_MS) await this.io.unlink(file).catch(() => undefined);
    }
  }

  /** Temp file in the same folder, written and fsynced, then renamed over the target. */
  private async writeAtomic(file: string, text: string): Promise<void> {
    const dir = path.dirname(file);
    await this.io.mkdir(dir);
    const temp = path.join(
      dir,
      `.${path.basename(file)}.${process.pid}.${++this.tempCounter}${Math.random().toString(36).slice(2, 8)}.tmp`,
    );
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

function readOnlyMessage(version: number): string {
  return `progress.json was written by a newer version of TIL Companion (format ${version}); this version leaves it unchanged and does not save reviews. Update TIL Companion to keep saving.`;
}

function serialise(data: ProgressData & { exportedAt?: string }): string {
  return JSON.stringify(data, null, 1) + '\n';
}

export interface ParsedProgress {
  data?: ProgressData;
  kind?: 'corrupt' | 'truncated' | 'invalid';
  /** Why the file is unusable, or (with `data`) why entries were dropped. */
  message?: string;
  dropped?: number;
  reasons?: string[];
  newerVersion?: number;
}

export function parseProgressText(text: string): ParsedProgress {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { kind: 'truncated', message: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    const message = errorText(err);
    const truncated = /end of (json )?input|unterminated/i.test(message);
    return {
      kind: truncated ? 'truncated' : 'corrupt',
      message: truncated ? `the file ends too early: ${message}` : `not valid JSON: ${message}`,
    };
  }
  const { data, errors, dropped, newerVersion } = validateProgress(json);
  if (!data) return { kind: 'invalid', message: errors.join('; ') };
  const out: ParsedProgress = { data, newerVersion };
  if (dropped) Object.assign(out, { dropped, reasons: errors, message: errors.join('; ') });
  return out;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
