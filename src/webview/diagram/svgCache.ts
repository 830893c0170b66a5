/**
 * Rendered SVG per (source, theme), kept in the webview state: reopening a diagram, or switching back to a
 * theme it was drawn in, shows it at once without running Mermaid.
 */

export interface CachedSvg {
  key: string;
  svg: string;
}

const CACHE_ENTRIES = 6;
const CACHE_MAX_CHARS = 2_000_000; // the webview state is kept by VS Code: keep it small

export const svgCacheKey = (themeKey: string, source: string) => `${themeKey}\n${source}`;

export function cachedSvg(entries: readonly CachedSvg[] | undefined, key: string): string | undefined {
  return entries?.find((c) => c.key === key)?.svg;
}

/** The entries with `svg` first (most recent), the oldest dropped; unchanged when the SVG is too large. */
export function withSvg(entries: readonly CachedSvg[] | undefined, key: string, svg: string): CachedSvg[] {
  const previous = (entries ?? []).filter((c) => c.key !== key);
  if (svg.length > CACHE_MAX_CHARS) return previous;
  return [{ key, svg }, ...previous].slice(0, CACHE_ENTRIES);
}
