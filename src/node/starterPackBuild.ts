// Build time only: the starter pack is parsed here, with the Markdown parser, so that the extension host's bundle
// (which imports starterPack.ts to read the pack) does not carry the parser.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseGlossary } from '../core/index/glossary';
import { parseNote } from '../core/notes/parseNote';
import { relocate } from '../core/notes/relocate';
import { PARSER_VERSION } from '../core/notes/version';
import { contentHash } from './hash';
import type { StarterPack } from './starterPack';

/** At build time: parse notes/*.md and notes/glossary.yaml under `root` (the repository). */
export function buildStarterPack(root: string): StarterPack {
  const dir = path.join(root, 'notes');
  const notes = readdirSync(dir)
    .filter((f) => /\.md$/i.test(f) && !/^readme\.md$/i.test(f))
    .sort()
    .map((f) => {
      const bytes = readFileSync(path.join(dir, f));
      return relocate(parseNote(path.join(dir, f), bytes, { hash: contentHash(bytes) }), `notes/${f}`);
    });
  const glossaryBytes = readFileSync(path.join(dir, 'glossary.yaml'));
  const glossary = parseGlossary('notes/glossary.yaml', new TextDecoder().decode(glossaryBytes), 'bundled');
  return { parserVersion: PARSER_VERSION, notes, glossary: { ...glossary, hash: contentHash(glossaryBytes) } };
}
