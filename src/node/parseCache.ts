import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { ParsedNote } from '../core/model';
import { noteShapeError } from '../core/notes/noteShape';
import { relocate } from '../core/notes/relocate';

/**
 * Notes per slice between yields to the event loop: a slice of ordinary notes takes a millisecond or so. Small on
 * purpose: on a busy machine a longer turn is more often cut off by the scheduler, and then waits for a core.
 */
export const PACK_SLICE = 16;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Parsed notes on disk, keyed by content hash, as one pack file per set of notes (JSON Lines, one note a line):
 * a warm start reads one file instead of parsing again. Entries are stored without their path (a cache hit is
 * by content, the loader puts the current path back), which also keeps the pack small.
 * Writes are atomic (temp file + rename): a crash leaves the previous pack.
 * Reading trusts nothing: a line that is not JSON, or not shaped like a parsed note, is left out (that note
 * is parsed again) and counted in `discarded`; it never fails the load.
 */
export class ParseCache {
  readonly file: string;

  constructor(
    readonly dir: string,
    name = 'index',
  ) {
    this.file = path.join(dir, `${name.replace(/[^\w.-]/g, '_')}.pack.jsonl`);
  }

  /** Entries the last read() left out, and why (the first few reasons). */
  discarded = { count: 0, reasons: [] as string[] };

  async read(): Promise<Map<string, ParsedNote>> {
    const pack = new Map<string, ParsedNote>();
    this.discarded = { count: 0, reasons: [] };
    const discard = (reason: string) => {
      if (this.discarded.count++ < 3) this.discarded.reasons.push(reason);
    };
    // Streamed a chunk at a time and parsed line by line, yielding every PACK_SLICE lines: no one string of the whole pack,
    // and a pack of 10k notes never holds the extension host's thread for long.
    let lines: ReturnType<typeof createInterface>;
    try {
      const handle = await fs.open(this.file, 'r');
      lines = createInterface({ input: handle.createReadStream({ encoding: 'utf8' }), crlfDelay: Infinity });
    } catch {
      return pack;
    }
    let lineNo = 0;
    try {
      for await (const line of lines) {
        if (++lineNo % PACK_SLICE === 0) await yieldToEventLoop();
        if (!line) continue;
        let entry: unknown;
        try {
          entry = JSON.parse(line);
        } catch {
          discard(`line ${lineNo} is not JSON`); // a damaged line costs one parse
          continue;
        }
        const wrong = noteShapeError(entry);
        if (wrong) discard(`line ${lineNo}: ${wrong}`);
        else pack.set((entry as ParsedNote).hash, entry as ParsedNote);
      }
    } catch {
      // a pack that cannot be read to the end: what was read is kept, the rest is parsed again
    } finally {
      lines.close();
    }
    return pack;
  }

  /**
   * Serialised and written a slice at a time, yielding between slices, so the calling thread (the extension host)
   * is never blocked for long: no one string of the whole pack is built or encoded at once.
   */
  async write(notes: Iterable<ParsedNote>): Promise<void> {
    const all = [...notes].filter((n) => n.hash);
    const temp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    let handle: fs.FileHandle | undefined;
    try {
      await fs.mkdir(this.dir, { recursive: true });
      handle = await fs.open(temp, 'w');
      for (let i = 0; i < all.length; i += PACK_SLICE) {
        let chunk = '';
        for (let j = i; j < Math.min(all.length, i + PACK_SLICE); j++) chunk += JSON.stringify(relocate(all[j], '')) + '\n';
        await handle.write(chunk);
        await yieldToEventLoop();
      }
      await handle.close();
      handle = undefined;
      await fs.rename(temp, this.file);
    } catch {
      await handle?.close().catch(() => undefined);
      await fs.rm(temp, { force: true }).catch(() => undefined); // a cache that cannot be written is only slower
    }
  }
}
