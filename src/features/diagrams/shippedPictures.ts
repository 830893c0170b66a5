/**
 * Pictures of the built-in diagrams that ship with the extension (media/diagrams/builtin-pictures.json, drawn by
 * `npm run draw:builtins` in a real workbench), so that a built-in diagram opened for the first time paints at
 * once instead of waiting seconds for Mermaid and its layout. They were drawn with another machine's fonts, so the
 * page shows one only until Mermaid, loaded when the page is quiet, has drawn the diagram here (`provisional`).
 * A picture is found by a hash of the exact source: an edited or translated diagram simply has none.
 */
import * as fs from 'node:fs';
import type { CachedPicture } from '../../shared/diagramProtocol';
import { MAX_CACHED_SVG_LENGTH, MAX_THEME_KEY_LENGTH } from '../../shared/diagramProtocol';
import { crypto } from '../../node/lazyCrypto';

/** The file, relative to the extension's folder. */
export const SHIPPED_PICTURES_FILE = 'media/diagrams/builtin-pictures.json';

export interface ShippedPicturesData {
  /** The Mermaid version that drew them (a unit test holds it to the bundled one). */
  mermaid: string;
  pictures: Array<{ source: string; themeKey: string; svg: string }>;
}

/** The key a picture is filed under: a hash of the diagram's source. */
export function shippedPictureKey(source: string): string {
  return crypto().createHash('sha256').update(source).digest('base64');
}

export class ShippedPictures {
  private bySource: Map<string, CachedPicture[]> | undefined;

  constructor(private readonly file: string) {}

  /** The shipped pictures of `source`, one per theme, marked provisional; none when the file is missing or damaged. */
  pictures(source: string): CachedPicture[] {
    this.bySource ??= this.read();
    return (this.bySource.get(shippedPictureKey(source)) ?? []).map((p) => ({ ...p }));
  }

  private read(): Map<string, CachedPicture[]> {
    const bySource = new Map<string, CachedPicture[]>();
    try {
      // Read once, on the first diagram opened: the panel's HTML is built synchronously and wants the picture in it.
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Partial<ShippedPicturesData>;
      for (const p of Array.isArray(data.pictures) ? data.pictures : []) {
        const ok =
          typeof p?.source === 'string' &&
          typeof p.themeKey === 'string' &&
          p.themeKey.length <= MAX_THEME_KEY_LENGTH &&
          typeof p.svg === 'string' &&
          p.svg.length <= MAX_CACHED_SVG_LENGTH;
        if (!ok) continue;
        const list = bySource.get(p.source) ?? [];
        list.push({ themeKey: p.themeKey, svg: p.svg, provisional: true });
        bySource.set(p.source, list);
      }
    } catch {
      // not shipped (a development checkout before `npm run draw:builtins`) or damaged: Mermaid draws as before
    }
    return bySource;
  }
}
