/**
 * VS Code's theme as a webview sees it: the body carries one of `vscode-light`, `vscode-dark`,
 * `vscode-high-contrast`, `vscode-high-contrast-light` (and `data-vscode-theme-kind`), and the
 * colours as `--vscode-*` CSS variables. Both webviews (diagram, quiz) can use this.
 */

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

/** The theme kind from the body classes; high-contrast-light is checked first (it may also carry `vscode-high-contrast`). */
export function themeKind(body: HTMLElement = document.body): ThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light') || body.dataset.vscodeThemeKind === 'vscode-high-contrast-light')
    return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-dark')) return 'dark';
  if (c.contains('vscode-light')) return 'light';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** A `--vscode-*` colour (or any custom property) from the body, trimmed; `fallback` when unset. */
export function cssVar(name: string, fallback = '', el: HTMLElement = document.body): string {
  const value = getComputedStyle(el).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * Calls `listener` whenever the theme kind changes (VS Code swaps the body classes in place when the
 * user changes the colour theme). Returns a function that stops watching.
 */
export function onThemeKindChange(listener: (kind: ThemeKind) => void, body: HTMLElement = document.body): () => void {
  let last = themeKind(body);
  let lastStyle = body.getAttribute('style') ?? '';
  const observer = new MutationObserver(() => {
    const kind = themeKind(body);
    const style = body.getAttribute('style') ?? '';
    // A switch between two dark themes changes only the colours (the style attribute): report that too.
    if (kind !== last || style !== lastStyle) {
      last = kind;
      lastStyle = style;
      listener(kind);
    }
  });
  observer.observe(body, { attributes: true, attributeFilter: ['class', 'data-vscode-theme-kind', 'style'] });
  return () => observer.disconnect();
}
