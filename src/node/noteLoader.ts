import type { ParsedNote, Problem } from '../core/model';
import { relocate } from '../core/notes/relocate';
import { contentHash } from './hash';
import type { ParseCache } from './parseCache';
import type { ParsePool } from './parsePool';

export interface NoteLoaderOptions {
  pool: ParsePool;
  cache?: ParseCache;
  read: (file: string) => Promise<Uint8Array>;
  maxBytes?: number;
  /** How many files are read at once. */
  concurrency?: number;
}

/**
 * Turns note files into parsed notes: read, hash, take the cached parse when the content was seen before,
 * else parse in the pool (which caches the result). The calling thread only reads and hashes.
 */
export class NoteLoader {
  private pack: Map<string, ParsedNote> | undefined;
  private packWrite: Promise<void> = Promise.resolve();
  constructor(private readonly options: NoteLoaderOptions) {}

  async loadOne(file: string): Promise<ParsedNote> {
    let bytes: Uint8Array;
    try {
      bytes = await this.options.read(file);
    } catch (error) {
      return unreadable(file, error);
    }
    const hash = contentHash(bytes);
    const cached = this.pack?.get(hash) ?? (await this.options.cache?.get(hash));
    if (cached) return relocate(cached, file);
    try {
      return await this.options.pool.parse(file, bytes, hash, this.options.maxBytes);
    } catch (error) {
      return failed(file, hash, error);
    }
  }

  /** Load many files; `onBatch` receives results in arrival order so an index can fill progressively. */
  async loadMany(files: string[], onBatch?: (notes: ParsedNote[]) => void, batchSize = 200): Promise<ParsedNote[]> {
    const cache = this.options.cache;
    if (cache && !this.pack) this.pack = await cache.readPack();
    const results: ParsedNote[] = new Array(files.length);
    let next = 0;
    let batch: ParsedNote[] = [];
    const flush = () => {
      if (batch.length && onBatch) onBatch(batch);
      batch = [];
    };
    const worker = async () => {
      while (next < files.length) {
        const i = next++;
        results[i] = await this.loadOne(files[i]);
        batch.push(results[i]);
        if (batch.length >= batchSize) flush();
      }
    };
    const lanes = Math.max(1, this.options.concurrency ?? 64);
    await Promise.all(Array.from({ length: Math.min(lanes, files.length) }, worker));
    flush();
    if (cache) {
      // Keep the pack in step with what was loaded, so the next start reads one file.
      const fresh = results.filter((n) => n.hash);
      const old = this.pack!;
      const changed = fresh.length !== old.size || fresh.some((n) => old.get(n.hash)?.file !== n.file);
      this.pack = new Map(fresh.map((n) => [n.hash, n]));
      if (changed) this.packWrite = this.packWrite.then(() => cache.writePack(fresh));
    }
    return results;
  }

  /** Resolves when the pack written after the last loadMany is on disk. */
  flushed(): Promise<void> {
    return this.packWrite;
  }
}

function unreadable(file: string, error: unknown): ParsedNote {
  const problem: Problem = { file, severity: 'error', code: 'unreadable', message: `The note could not be read: ${error instanceof Error ? error.message : String(error)}` };
  return { file, hash: '', days: [], sections: [], cards: [], terms: [], diagrams: [], problems: [problem] };
}

function failed(file: string, hash: string, error: unknown): ParsedNote {
  const problem: Problem = { file, severity: 'error', code: 'parse-failed', message: `The note could not be parsed: ${error instanceof Error ? error.message : String(error)}` };
  return { file, hash, days: [], sections: [], cards: [], terms: [], diagrams: [], problems: [problem] };
}
