// Checks made before a file from the workspace is read, shared by every path that reads one (first load, the
// watcher's change path, glossaries, the CLI): a link must not lead out of the allowed folders, and a file
// over its size limit is never read. Asked again on every read, since a file can change after it was found.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Problem } from '../core/model';
import { formatSize, tooLargeProblem } from '../core/notes/sizeLimit';

/** Whether a file, links resolved, is one of the roots or inside one. A missing file is not inside. */
export async function isInside(file: string, roots: readonly string[]): Promise<boolean> {
  try {
    const real = await fs.realpath(file);
    if (real === path.resolve(file) && roots.some((r) => within(real, path.resolve(r)))) return true;
    const realRoots = await Promise.all(roots.map((r) => fs.realpath(r).catch(() => path.resolve(r))));
    return realRoots.some((r) => within(real, r));
  } catch {
    return false;
  }
}

function within(file: string, root: string): boolean {
  return file === root || file.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

export interface ReadGate {
  /** Folders the file must stay inside, links resolved; undefined: no such check (the CLI's own arguments). */
  roots?: readonly string[];
  maxBytes: number;
  /** The file's size in bytes, without reading it. */
  size(file: string): Promise<number>;
  /** What the file is, for the messages. */
  kind: 'note' | 'glossary';
}

export function outsideProblem(file: string, kind: ReadGate['kind']): Problem {
  return {
    file,
    severity: 'warning',
    code: 'outside-workspace',
    message: `Skipped: the ${kind} leads (through a link) outside the workspace and the notes folders, and was not read.`,
  };
}

/** The problem that keeps `file` from being read, or undefined when it may be read. */
export async function refuseToRead(file: string, gate: ReadGate): Promise<Problem | undefined> {
  if (gate.roots && !(await isInside(file, gate.roots))) return outsideProblem(file, gate.kind);
  let size: number;
  try {
    size = await gate.size(file);
  } catch {
    return undefined; // reading reports why the file cannot be read
  }
  if (size <= gate.maxBytes) return undefined;
  if (gate.kind === 'note') return tooLargeProblem(file, size, gate.maxBytes);
  return {
    file,
    severity: 'warning',
    code: 'too-large',
    message: `Skipped: the glossary is ${formatSize(size)}, over the ${formatSize(gate.maxBytes)} limit for glossaries.`,
  };
}
