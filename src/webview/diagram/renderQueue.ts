/**
 * Mermaid renders for the diagram page, one at a time: Mermaid's configuration (the theme among it) is
 * global, so a render in the background for another theme must not interleave with the one on screen.
 * Also the idle-time render of the other light/dark variant, so that the usual theme switch finds its
 * picture drawn already.
 */
import type { Mermaid } from 'mermaid';
import { secureMermaidSource } from '../../core/diagrams/secureSource';
import { mermaidConfig } from '../shared/mermaid';
import type { MermaidThemeConfig } from '../shared/mermaidTheme';

/**
 * The page's settings: SVG text labels, no max-width (zoom is the page's own), and the ELK layout (Mermaid 12's
 * default, pinned here because html.ts preloads its chunk): it draws the process states top to bottom without
 * crossing edges, where dagre puts Waiting above New and crosses edges around Ready
 * (test-results/screenshots/process-states-elk.png, -dagre.png).
 */
const PAGE_SETTINGS = {
  layout: 'elk',
  flowchart: { htmlLabels: false, useMaxWidth: false },
  sequence: { useMaxWidth: false },
  state: { useMaxWidth: false },
};

let queue: Promise<unknown> = Promise.resolve();
let scratchBox: HTMLElement | undefined;

/**
 * Where Mermaid lays a picture out while it draws: out of the page's flow, so that a render in the background (the
 * other theme, a diagram drawn ahead) never shrinks the viewport the view is fitted to.
 */
function scratch(): HTMLElement {
  if (!scratchBox?.isConnected) {
    scratchBox = document.createElement('div');
    scratchBox.className = 'mermaid-scratch';
    scratchBox.setAttribute('aria-hidden', 'true');
    document.body.append(scratchBox);
  }
  return scratchBox;
}
let nextId = 0;
/**
 * Mermaid removes any element that has the id it renders under, and a picture from another page (stored, or kept
 * in the webview state) keeps the id it was drawn with: ids carry a per-page random part so they never meet.
 */
const PAGE_ID = Math.random().toString(36).slice(2, 10);

/**
 * Renders `source` (after the security filter) in `theme`. Resolves to undefined when `stale()` says, as the
 * render's turn comes, that nobody wants it any more, and to `ready()` when a render queued before this one
 * drew the picture meanwhile; rejects with Mermaid's error. `started` runs when Mermaid begins this render.
 */
export function renderSvg(
  mermaidReady: Promise<Mermaid>,
  theme: MermaidThemeConfig,
  source: string,
  options: { stale?: () => boolean; ready?: () => string | undefined; started?: () => void } = {},
): Promise<string | undefined> {
  const run = queue.then(async () => {
    const mermaid = await mermaidReady;
    if (options.stale?.()) return undefined;
    const drawn = options.ready?.();
    if (drawn !== undefined) return drawn;
    options.started?.();
    const id = `til-diagram-${PAGE_ID}-${++nextId}`;
    try {
      mermaid.initialize(mermaidConfig(theme, PAGE_SETTINGS));
      // render() throws mermaid's own syntax error text itself: no separate parse pass.
      return (await mermaid.render(id, secureMermaidSource(source).source, scratch())).svg;
    } finally {
      // mermaid leaves its scratch element behind when rendering fails
      document.getElementById(`d${id}`)?.remove();
    }
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Runs `task` once the page has been quiet for a while (after `delayMs`, then when the browser is idle). */
export function whenIdle(task: () => void, delayMs = 1000): void {
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 5000 });
    else task();
  }, delayMs);
}
