import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ParsedNote, Problem } from '../core/model';

const NOTE_FILE = /\.(md|markdown)$/i;
/** Our glossary.yaml, and a user's til-glossary.yaml beside their notes. */
const GLOSSARY_FILE = /^(til-)?glossary\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface FoundFiles {
  notes: string[];
  glossaries: string[];
  missing: string[];
  /** Folders that could not be listed (permissions, I/O): each a problem; the walk goes on without them. */
  unreadable: Problem[];
}

export interface FindOptions {
  /** Lists a folder (tests make one fail). */
  readdir?: (dir: string) => Promise<string[]>;
}

/** Markdown notes and glossary files under the given files or folders (symlinked folders are not followed). */
export async function findNoteFiles(inputs: string[], options: FindOptions = {}): Promise<FoundFiles> {
  const readdir = options.readdir ?? ((dir: string) => fs.readdir(dir));
  const found: FoundFiles = { notes: [], glossaries: [], missing: [], unreadable: [] };
  const visit = async (p: string, explicit: boolean): Promise<void> => {
    let stat;
    try {
      stat = explicit ? await fs.stat(p) : await fs.lstat(p);
    } catch {
      if (explicit) found.missing.push(p);
      return;
    }
    if (stat.isDirectory()) {
      if (!explicit && SKIP_DIRS.has(path.basename(p))) return;
      let names: string[];
      try {
        names = (await readdir(p)).sort();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        found.unreadable.push({
          file: path.resolve(p),
          severity: 'error',
          code: 'unreadable',
          message: `The folder could not be read, its notes are left out: ${reason}`,
        });
        return;
      }
      for (const name of names) await visit(path.join(p, name), false);
    } else if (stat.isFile()) {
      const name = path.basename(p);
      if (NOTE_FILE.test(name) && !/^readme\.md$/i.test(name)) found.notes.push(path.resolve(p));
      else if (GLOSSARY_FILE.test(name)) found.glossaries.push(path.resolve(p));
      else if (explicit && NOTE_FILE.test(name)) found.notes.push(path.resolve(p));
    }
  };
  for (const input of inputs) await visit(input, true);
  return found;
}

/** A problem that belongs to no note (an unreadable folder), as an entry the index lists with the others. */
export function problemNote(problem: Problem): ParsedNote {
  return { file: problem.file, hash: '', days: [], sections: [], cards: [], terms: [], diagrams: [], problems: [problem] };
}
