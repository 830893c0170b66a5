/**
 * The diagram pictures kept across panels and sessions: one JSON file in the extension's global storage,
 * read on the first diagram opened and written shortly after a new picture arrives. A picture is filed under
 * a hash of the extension's version (which pins Mermaid and the render settings) and the diagram's source, so
 * an upgrade or an edited diagram never shows an old picture. Only sources a panel really shows are accepted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PictureCache } from '../../core/diagrams/pictureCache';
import type { CachedPicture } from '../../shared/diagramProtocol';
import type { ShippedPictures } from './shippedPictures';
import { crypto } from '../../node/lazyCrypto';

/** The file's name in globalStorage; `npm run bench:ui` removes it for its cold runs. */
export const SVG_STORE_FILE = 'diagram-pictures.json';
const FORMAT = 1;
const SAVE_DELAY_MS = 1500;

export class SvgStore {
  private cache: PictureCache | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly version: string,
    private readonly shipped?: ShippedPictures,
  ) {}

  /** The key a picture of `source` is filed under by the extension of `version`. */
  static keyFor(version: string, source: string): string {
    return crypto().createHash('sha256').update(`${FORMAT}\n${version}\n${source}`).digest('base64');
  }

  private key(source: string): string {
    return SvgStore.keyFor(this.version, source);
  }

  private loaded(): PictureCache {
    if (this.cache) return this.cache;
    try {
      // Small and read once: a panel's HTML is built synchronously and wants the picture in it.
      const data: unknown = JSON.parse(fs.readFileSync(this.file, 'utf8'));
      this.cache = PictureCache.fromData(data);
    } catch {
      this.cache = new PictureCache(); // none yet, or damaged: start empty
    }
    return this.cache;
  }

  /** The pictures drawn before for `source`, one per theme; else those shipped for it (provisional), if any. */
  pictures(source: string): CachedPicture[] {
    const drawn = this.loaded().get(this.key(source));
    return drawn.length ? drawn : (this.shipped?.pictures(source) ?? []);
  }

  /** Whether `source` was drawn on this machine before (in any theme). */
  hasDrawn(source: string): boolean {
    return this.loaded().has(this.key(source));
  }

  put(source: string, themeKey: string, svg: string): void {
    if (!this.loaded().put(this.key(source), themeKey, svg)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  async save(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.cache) return;
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      await fs.promises.writeFile(temp, JSON.stringify(this.cache.toData()));
      await fs.promises.rename(temp, this.file);
    } catch {
      // a cache: losing a write costs one render next time
    }
  }

  /** Writes a pending change now (the extension is stopping). */
  dispose(): void {
    if (this.timer === undefined || !this.cache) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(this.file, JSON.stringify(this.cache.toData()));
    } catch {
      // a cache
    }
  }
}
