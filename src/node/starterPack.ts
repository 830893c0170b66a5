import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { ParsedNote } from '../core/model';
import type { Glossary } from '../core/index/glossary';
import { noteShapeError } from '../core/notes/noteShape';
import { relocate } from '../core/notes/relocate';
import { PARSER_VERSION } from '../core/notes/version';

/** Where the build writes the pack, relative to the extension's folder (listed in .vscodeignore). */
export const STARTER_PACK_FILE = path.join('dist', 'starter-index.json');

/**
 * The starter notes and the bundled glossary, parsed when the package is built. Activation reads this one file and
 * the hovers and the tree answer before any parse worker starts; the notes' hashes let the loader take these parses
 * for the files on disk (a changed starter note in a development checkout is parsed again).
 * Paths are stored relative to the extension's folder and put back when read. Building it (starterPackBuild.ts) needs
 * the Markdown parser, which the extension host never loads: only reading lives here.
 */
export interface StarterPack {
  parserVersion: number;
  notes: ParsedNote[];
  glossary: Glossary & { hash: string };
}

/** At activation: the pack with absolute paths, or undefined when it is missing, from another parser or damaged. */
export async function readStarterPack(extensionPath: string): Promise<StarterPack | undefined> {
  let pack: StarterPack;
  try {
    pack = JSON.parse(await fs.readFile(path.join(extensionPath, STARTER_PACK_FILE), 'utf8')) as StarterPack;
  } catch {
    return undefined;
  }
  if (pack?.parserVersion !== PARSER_VERSION || !Array.isArray(pack.notes) || !Array.isArray(pack.glossary?.entries)) return undefined;
  if (pack.notes.some((n) => noteShapeError(n) !== undefined)) return undefined;
  const absolute = (file: string) => path.join(extensionPath, ...file.split('/'));
  const glossaryFile = absolute(pack.glossary.file);
  return {
    parserVersion: pack.parserVersion,
    notes: pack.notes.map((n) => ({ ...relocate(n, absolute(n.file)), source: 'starter' as const })),
    glossary: {
      ...pack.glossary,
      file: glossaryFile,
      entries: pack.glossary.entries,
      problems: pack.glossary.problems.map((p) => ({ ...p, file: glossaryFile })),
    },
  };
}
