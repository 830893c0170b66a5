import type { Glossary, GlossaryOrigin } from '../../core/index/glossary';
import { loadGlossaryFile } from '../../node/glossaryFile';
import { contentHash } from '../../node/hash';
import { lazyCp949 } from '../../node/lazyCp949';
import type { ParsePool } from '../../node/parsePool';
import type { StarterPack } from '../../node/starterPack';

export interface GlossaryReadOptions {
  /** Folders a glossary must stay inside (links resolved). */
  roots: readonly string[];
  pool: ParsePool;
  /** Our glossary as parsed at build time (the starter pack), used while the shipped file is unchanged. */
  pack: StarterPack['glossary'] | undefined;
  read(file: string): Promise<Uint8Array>;
  size(file: string): Promise<number>;
}

/**
 * Every glossary file the index should use, read the way a note is (inside the allowed folders, under the size cap,
 * decoded) and parsed in a parse worker; ours comes from the pack when its text is the one shipped. A file that
 * cannot be read becomes a glossary with no entries and the problem, so one bad file never stops the others.
 */
export function readGlossaries(files: ReadonlyMap<string, GlossaryOrigin>, options: GlossaryReadOptions): Promise<Glossary[]> {
  const packed = (file: string, text: string): Glossary | undefined => {
    const pack = options.pack;
    return pack && pack.file === file && pack.hash === contentHash(new TextEncoder().encode(text)) ? pack : undefined;
  };
  return Promise.all(
    [...files].map(async ([file, origin]): Promise<Glossary> => {
      try {
        return await loadGlossaryFile(file, {
          origin,
          read: options.read,
          size: options.size,
          roots: options.roots,
          parse: async (f, text) => (origin === 'bundled' ? packed(f, text) : undefined) ?? options.pool.parseGlossary(f, text, origin),
          cp949: lazyCp949,
        });
      } catch (error) {
        return { file, origin, entries: [], concepts: [], problems: [{ file, severity: 'error', code: 'unreadable', message: String(error) }] };
      }
    }),
  );
}
