import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ParsedNote } from '../core/model';

/**
 * Parsed notes on disk, keyed by content hash: a note parsed once is never parsed again until it changes.
 * Writes are atomic (temp file + rename) so a crash never leaves a half-written entry.
 */
const PACK_FILE = 'pack.jsonl';
const PACK_SLICE = 200;

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

  /**
   * The whole last index in one file (JSON Lines, one parsed note per line): a warm start reads one file
   * instead of one per note. Entries are still keyed by content hash, so a stale pack only costs misses.
   */
  async readPack(): Promise<Map<string, ParsedNote>> {
    const pack = new Map<string, ParsedNote>();
    let text: string;
    try {
      text = await fs.readFile(path.join(this.dir, PACK_FILE), 'utf8');
    } catch {
      return pack;
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const note = JSON.parse(line) as ParsedNote;
        if (note.hash) pack.set(note.hash, note);
      } catch {
        // a damaged line costs one re-parse
      }
    }
    return pack;
  }

  /** Write the pack without blocking the thread for long: notes are serialised in slices. */
  async writePack(notes: ParsedNote[]): Promise<void> {
    const target = path.join(this.dir, PACK_FILE);
    const temp = `${target}.${process.pid}.tmp`;
    const parts: string[] = [];
    for (let i = 0; i < notes.length; i += PACK_SLICE) {
      for (const note of notes.slice(i, i + PACK_SLICE)) if (note.hash) parts.push(JSON.stringify(note));
      await new Promise((resolve) => setImmediate(resolve));
    }
    try {
      await fs.mkdir(this.dir, { recursive: true });
      await fs.writeFile(temp, parts.join('\n') + '\n');
      await fs.rename(temp, target);
    } catch {
      await fs.rm(temp, { force: true }).catch(() => undefined);
    }
  }

  async clear(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}
