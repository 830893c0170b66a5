import type { ParsedNote, Problem } from '../core/model';
import { tooLargeProblem } from '../core/notes/sizeLimit';
import { relocate, relocateInPlace } from '../core/notes/relocate';
import { contentHash } from './hash';
import type { ParseCache } from './parseCache';
import { ParseLimitError, type ParsePool } from './parsePool';

export interface NoteLoaderOptions {
  pool: ParsePool;
  cache?: ParseCache;
  read: (file: string) => Promise<Uint8Array>;
  /** The file's size in bytes, asked before reading: a note over the limit is never read. */
  size?: (file: string) => Promise<number>;
  /** The size limit, asked at each parse so a changed setting applies at once. */
  maxBytes?: () => number;
  /** How many files are read at once. */
  concurrency?: number;
}

/**
 * Turns note files into parsed notes: read, hash, take the cached parse when the content was seen before,
 * else parse in the pool. The calling thread only reads, hashes and looks up; parsing happens in workers.
 */
export class NoteLoader {
  /** Parses by content hash, stored without paths: the cache's pack, kept current as notes load. */
  private known: Map<string, ParsedNote> | undefined;
  /** Parses read from the pack that no note uses yet: the first file with that content takes the parse itself. */
  private readonly unclaimed = new WeakSet<ParsedNote>();
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly options: NoteLoaderOptions) {}

  /** Parses made ahead of time (the starter notes' pack), taken for files whose content they were made from. */
  private readonly seeded = new Map<string, ParsedNote>();

  private async knownParses(): Promise<Map<string, ParsedNote>> {
    if (!this.known) {
      const known = (await this.options.cache?.read()) ?? new Map<string, ParsedNote>();
      for (const note of known.values()) this.unclaimed.add(note);
      for (const [hash, note] of this.seeded) if (!known.has(hash)) known.set(hash, note);
      this.known ??= known;
    }
    return this.known;
  }

  /** Parses of known content (by hash) to use instead of parsing: a file whose bytes match one is never sent to a worker. */
  seed(notes: readonly ParsedNote[]): void {
    for (const note of notes) {
      if (!note.hash) continue;
      const { source: _source, ...parse } = note; // where a note comes from is the caller's to say, per load
      this.seeded.set(note.hash, parse);
      this.known?.set(note.hash, parse);
    }
  }

  async loadOne(file: string): Promise<ParsedNote> {
    let bytes: Uint8Array;
    const maxBytes = this.options.maxBytes?.();
    try {
      if (this.options.size && maxBytes !== undefined) {
        const size = await this.options.size(file);
        if (size > maxBytes) return { ...emptyNote(file, ''), problems: [tooLargeProblem(file, size, maxBytes)] };
      }
      bytes = await this.options.read(file);
    } catch (error) {
      // Grown past the limit between the size check and the read (which then fails on the size): too large, as it is.
      const size = maxBytes === undefined ? undefined : await this.options.size?.(file).catch(() => undefined);
      if (size !== undefined && maxBytes !== undefined && size > maxBytes)
        return { ...emptyNote(file, ''), problems: [tooLargeProblem(file, size, maxBytes)] };
      return unreadable(file, error);
    }
    if (maxBytes !== undefined && bytes.length > maxBytes)
      return { ...emptyNote(file, ''), problems: [tooLargeProblem(file, bytes.length, maxBytes)] };
    const hash = contentHash(bytes);
    const known = await this.knownParses();
    const cached = known.get(hash);
    if (cached) {
      try {
        // The pack's own copy moves to this path (no second copy of the note); another file of the same content copies it.
        return this.unclaimed.delete(cached) ? relocateInPlace(cached, file) : relocate(cached, file);
      } catch {
        known.delete(hash); // a cached entry that does not work is parsed again, never fatal
      }
    }
    try {
      const note = await this.options.pool.parse(file, bytes, hash, maxBytes);
      known.set(hash, note);
      this.dirty = true;
      return note;
    } catch (error) {
      // Not cached: a limit hit on a busy machine should not skip the note for good.
      return failed(file, hash, error);
    }
  }

  /**
   * Load many files; `onBatch` receives results in arrival order so an index can fill progressively. When it returns
   * a promise (a merge that yields to the event loop), the lane that filled the batch waits for it.
   */
  async loadMany(files: string[], onBatch?: (notes: ParsedNote[]) => unknown, batchSize = 200): Promise<ParsedNote[]> {
    await this.knownParses();
    const results: ParsedNote[] = new Array(files.length);
    let next = 0;
    let batch: ParsedNote[] = [];
    const flush = async () => {
      const full = batch;
      batch = [];
      if (full.length && onBatch) await onBatch(full);
    };
    const lane = async () => {
      while (next < files.length) {
        const i = next++;
        results[i] = await this.loadOne(files[i]);
        batch.push(results[i]);
        if (batch.length >= batchSize) await flush();
      }
    };
    const lanes = Math.max(1, this.options.concurrency ?? 64);
    await Promise.all(Array.from({ length: Math.min(lanes, files.length) }, lane));
    await flush();
    // Keep only what this set of notes uses, so the pack does not grow with every edit.
    const used = new Set(results.map((n) => n.hash));
    for (const hash of this.known!.keys()) {
      if (used.has(hash)) continue;
      this.known!.delete(hash);
      this.dirty = true;
    }
    this.persist();
    return results;
  }

  /** Write the known parses when something changed; in the background, one write at a time. */
  persist(): void {
    const cache = this.options.cache;
    if (!cache || !this.dirty || !this.known) return;
    this.dirty = false;
    const snapshot = [...this.known.values()];
    this.writing = this.writing.then(() => cache.write(snapshot));
  }

  /** Resolves when the last persist() is on disk. */
  flushed(): Promise<void> {
    return this.writing;
  }
}

function emptyNote(file: string, hash: string): ParsedNote {
  return { file, hash, days: [], sections: [], cards: [], terms: [], diagrams: [], problems: [] };
}

function unreadable(file: string, error: unknown): ParsedNote {
  const problem: Problem = {
    file,
    severity: 'error',
    code: 'unreadable',
    message: `The note could not be read: ${error instanceof Error ? error.message : String(error)}`,
  };
  return { ...emptyNote(file, ''), problems: [problem] };
}

function failed(file: string, hash: string, error: unknown): ParsedNote {
  const problem: Problem =
    error instanceof ParseLimitError
      ? { file, severity: 'error', code: error.code === 'too-slow' ? 'too-slow' : 'too-large', message: error.message }
      : {
          file,
          severity: 'error',
          code: 'parse-failed',
          message: `The note could not be parsed: ${error instanceof Error ? error.message : String(error)}`,
        };
  return { file, hash, days: [], sections: [], cards: [], terms: [], diagrams: [], problems: [problem] };
}
