/**
 * Rendered diagram pictures (SVG text per theme) for sources seen before, bounded: at most `maxSources`
 * sources and `maxChars` characters of SVG in all, the least recently used source dropped first. Pure data:
 * the extension keeps one in globalStorage (features/diagrams/svgStore.ts) so that a diagram opened again,
 * in any panel or session, paints at once. The pictures are never trusted: the page scrubs them again.
 */

export interface Picture {
  themeKey: string;
  svg: string;
}

export interface PictureCacheLimits {
  maxSources: number;
  maxChars: number;
  /** Pictures kept per source (one per theme the source was drawn in). */
  maxPerSource: number;
}

export const DEFAULT_PICTURE_LIMITS: PictureCacheLimits = { maxSources: 60, maxChars: 6_000_000, maxPerSource: 4 };

/** The serialised form: most recently used source first. */
export interface PictureCacheData {
  entries: Array<{ key: string; pictures: Picture[] }>;
}

const size = (pictures: readonly Picture[]) => pictures.reduce((n, p) => n + p.svg.length + p.themeKey.length, 0);

export class PictureCache {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, Picture[]>();
  private chars = 0;

  constructor(private readonly limits: PictureCacheLimits = DEFAULT_PICTURE_LIMITS) {}

  /** The pictures of `key` (a hash of the source), newest first; marks the source as used. */
  get(key: string): Picture[] {
    const pictures = this.entries.get(key);
    if (!pictures) return [];
    this.entries.delete(key);
    this.entries.set(key, pictures);
    return pictures.map((p) => ({ ...p }));
  }

  /** Whether `key` has pictures (without marking it as used). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Keeps `svg` as the picture of `key` in `themeKey`; returns false when it was already there or is too large. */
  put(key: string, themeKey: string, svg: string): boolean {
    const old = this.entries.get(key) ?? [];
    if (old.some((p) => p.themeKey === themeKey && p.svg === svg)) return false;
    const pictures = [{ themeKey, svg }, ...old.filter((p) => p.themeKey !== themeKey)].slice(0, this.limits.maxPerSource);
    if (size(pictures) > this.limits.maxChars) return false;
    this.remove(key);
    this.entries.set(key, pictures);
    this.chars += size(pictures);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxSources && this.chars <= this.limits.maxChars) break;
      this.remove(oldest);
    }
    return true;
  }

  get sourceCount(): number {
    return this.entries.size;
  }

  get charCount(): number {
    return this.chars;
  }

  toData(): PictureCacheData {
    return { entries: [...this.entries].reverse().map(([key, pictures]) => ({ key, pictures })) };
  }

  /** A cache from `toData()` output, whatever its shape (a damaged file gives an empty or partial cache). */
  static fromData(data: unknown, limits: PictureCacheLimits = DEFAULT_PICTURE_LIMITS): PictureCache {
    const cache = new PictureCache(limits);
    const entries = (data as PictureCacheData | undefined)?.entries;
    if (!Array.isArray(entries)) return cache;
    // Oldest first, so the most recently used ends up last in use order again.
    for (const entry of [...entries].reverse()) {
      if (typeof entry?.key !== 'string' || !Array.isArray(entry.pictures)) continue;
      for (const p of [...(entry.pictures as unknown[])].reverse()) {
        const picture = p as Partial<Picture> | undefined;
        if (typeof picture?.themeKey === 'string' && typeof picture.svg === 'string') cache.put(entry.key, picture.themeKey, picture.svg);
      }
    }
    return cache;
  }

  private remove(key: string): void {
    const pictures = this.entries.get(key);
    if (!pictures) return;
    this.chars -= size(pictures);
    this.entries.delete(key);
  }
}
