// Reading one glossary file, the same way in the extension and the CLI: the checks before reading (inside the
// allowed folders, size cap), then decoding like a note (UTF-16, EUC-KR/CP949, BOM, CRLF), then parsing.
import type { Glossary, GlossaryOrigin } from '../core/index/glossary';
import { MAX_GLOSSARY_CHARS } from '../core/index/glossaryMerge';
import { decodeNote } from '../core/notes/decode';
import type { Cp949Decoder } from '../core/notes/encoding';
import { refuseToRead } from './fileChecks';

/** Glossaries are small hand-written maps; 1 MB is thousands of entries. */
export const MAX_GLOSSARY_BYTES = MAX_GLOSSARY_CHARS;

export interface GlossaryFileOptions {
  read(file: string): Promise<Uint8Array>;
  size(file: string): Promise<number>;
  /** Folders the glossary must stay inside, links resolved (see fileChecks.isInside). */
  roots?: readonly string[];
  maxBytes?: number;
  origin?: GlossaryOrigin;
  /** The full CP949 decoder for legacy Korean files (without it, ICU's EUC-KR: see encoding.ts). */
  cp949?: Cp949Decoder;
  /** Parses the decoded text (in the extension and CLI: in a parse worker). */
  parse(file: string, text: string): Promise<Glossary>;
}

export async function loadGlossaryFile(file: string, options: GlossaryFileOptions): Promise<Glossary> {
  const empty = (problem: Glossary['problems'][number]): Glossary => ({
    file,
    origin: options.origin,
    entries: [],
    concepts: [],
    problems: [problem],
  });
  const refused = await refuseToRead(file, {
    roots: options.roots,
    maxBytes: options.maxBytes ?? MAX_GLOSSARY_BYTES,
    size: options.size,
    kind: 'glossary',
  });
  if (refused) return empty(refused);
  let bytes: Uint8Array;
  try {
    bytes = await options.read(file);
  } catch (error) {
    return empty({
      file,
      severity: 'error',
      code: 'unreadable',
      message: `The glossary could not be read: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  const { text, problems } = decodeNote(file, bytes, options.cp949);
  const glossary = await options.parse(file, text);
  return { ...glossary, problems: [...problems, ...glossary.problems] };
}
