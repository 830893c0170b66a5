import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ParsedNote } from '../core/model';
import { noteShapeError } from '../core/notes/noteShape';
import { relocate } from '../core/notes/relocate';

const SLICE = 200;

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

  constructor(readonly dir: string, name = 'index') {
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
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return pack;
    }
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i]) continue;
      let entry: unknown;
      try {
        entry = JSON.parse(lines[i]);
      } catch {
        discard(`line ${i + 1} is not JSON`); // a damaged line costs one parse
        continue;
      }
      const wrong = noteShapeError(entry);
      if (wrong) discard(`line ${i + 1}: ${wrong}`);
      else pack.set((entry as ParsedNote).hash, entry as ParsedNote);
    }
    return pack;
  }

  /** Serialised in slices so the calling thread (the extension host) is never blocked for long. */
  async write(notes: Iterable<ParsedNote>): Promise<void> {
    const all = [...notes].filter((n) => n.hash);
    const lines: string[] = [];
    for (let i = 0; i < all.length; i += SLICE) {
      for (const note of all.slice(i, i + SLICE)) lines.push(JSON.stringify(relocate(note, '')));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const temp = `${this.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await fs.mkdir(this.dir, { recursive: true });
      await fs.writeFile(temp, lines.length ? lines.join('\n') + '\n' : '');
      await fs.rename(temp, this.file);
    } catch {
      await fs.rm(temp, { force: true }).catch(() => undefined); // a cache that cannot be written is only slower
    }
  }
}
