import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ParsedNote } from '../core/model';

/**
 * Parsed notes on disk, keyed by content hash: a note parsed once is never parsed again until it changes.
 * Writes are atomic (temp file + rename) so a crash never leaves a half-written entry.
 */
export class ParseCache {
  constructor(readonly dir: string) {}

  private pathOf(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), `${hash}.json`);
  }

  async get(hash: string): Promise<ParsedNote | undefined> {
    try {
      const note = JSON.parse(await fs.readFile(this.pathOf(hash), 'utf8')) as ParsedNote;
      return note.hash === hash ? note : undefined;
    } catch {
      return undefined; // missing or damaged: parse again
    }
  }

  async set(note: ParsedNote): Promise<void> {
    if (!note.hash) return;
    const target = this.pathOf(note.hash);
    const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(temp, JSON.stringify(note));
      await fs.rename(temp, target);
    } catch {
      await fs.rm(temp, { force: true }).catch(() => undefined); // a cache that cannot be written is only slower
    }
  }

  async clear(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
