import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const NOTE_FILE = /\.(md|markdown)$/i;
const GLOSSARY_FILE = /^glossary\.ya?ml$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);

export interface FoundFiles {
  notes: string[];
  glossaries: string[];
  missing: string[];
}

/** Markdown notes and glossary files under the given files or folders (symlinked folders are not followed). */
export async function findNoteFiles(inputs: string[]): Promise<FoundFiles> {
  const found: FoundFiles = { notes: [], glossaries: [], missing: [] };
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
      const names = (await fs.readdir(p)).sort();
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
