/**
 * The diagram panel's webview: renders one Mermaid diagram (bundled mermaid, no network), follows
 * the VS Code theme, zooms and pans, exports and reports node clicks. Talks to the host only through
 * the typed messages of src/shared/diagramProtocol.ts. Mermaid starts loading before anything else, and
 * the first source comes with the page (a meta tag), so the first render waits for no message.
 */
import { loadMermaid, mermaidConfig, mermaidErrorText } from '../shared/mermaid';
import './diagram.css';
import {
  INITIAL_RENDER_META,
  parseHostMessage,
  type DiagramStrings,
  type DiagramTheme,
  type DiagramViewState,
  type RenderMessage,
  type WebviewToHost,
} from '../../shared/diagramProtocol';
import { secureMermaidSource } from '../../core/diagrams/secureSource';
import { format, readStrings, vscodeApi } from '../shared/vscodeApi';
import { onThemeKindChange, themeKind } from '../shared/theme';
import { mermaidThemeFor, type MermaidThemeConfig } from '../shared/mermaidTheme';
import { buildDiagramDom, showError } from './dom';
import { currentSvg, installExport } from './exporting';
import { installKeyboard, makeNodesFocusable } from './keyboard';
import { PanZoom } from './panZoom';
import { nodeAt, svgFromText } from './svg';
import { cachedSvg, svgCacheKey, withSvg } from './svgCache';
import { describeInto } from './textAlternative';
import { fitDiagram, highlightNode } from './view';

const mermaidReady = loadMermaid();
const now = () => Math.round(performance.timeOrigin + performance.now());
/** Wall-clock marks of the first render, read by `npm run bench:ui` (page = the frame's navigation start). */
const timings: Record<string, number> = { page: Math.round(performance.timeOrigin), script: now() };
void mermaidReady.then(() => (timings.mermaid = now()));

const strings = readStrings<DiagramStrings>();
const vscode = vscodeApi<DiagramViewState, WebviewToHost>();
const post = (message: WebviewToHost) => vscode.postMessage(message);
const dom = buildDiagramDom(strings);
const { canvas, viewport, status } = dom;

let state: DiagramViewState = { zoom: 1, panX: 0, panY: 0, ...(vscode.getState() ?? {}) };
let current: RenderMessage | undefined;
let shown: { source: string; theme: string } | undefined; // what is on screen, when it rendered fine
let renderSeq = 0;
let inflight: { source: string; theme: string; done: Promise<void> } | undefined;
let saveQueued = false;

function saveState(): void {
  if (saveQueued) return;
  saveQueued = true;
  requestAnimationFrame(() => {
    saveQueued = false;
    vscode.setState(state);
  });
}

const panZoom = new PanZoom(viewport, canvas, (view) => {
  state = { ...state, ...view };
  dom.zoomLabel.textContent = `${Math.round(view.zoom * 100)}%`;
  saveState();
});

function themeConfig(explicit: DiagramTheme | undefined): MermaidThemeConfig {
  return explicit ? { theme: explicit, darkMode: explicit === 'dark' } : mermaidThemeFor(themeKind());
}

async function render(message: RenderMessage, force = false): Promise<void> {
  current = message;
  dom.titleEl.textContent = message.title;
  canvas.setAttribute('aria-label', message.title);
  const theme = themeConfig(message.theme);
  const themeKey = JSON.stringify(theme);
  const sameDiagram = state.diagramId === message.diagramId && state.source === message.source;
  state = { ...state, diagramId: message.diagramId, title: message.title, source: message.source, theme: message.theme };
  saveState();

  // Already on screen (restored from state or from the page before the host answered `ready`): no flicker.
  if (!force && shown && shown.source === message.source && shown.theme === themeKey) {
    highlightNode(canvas, viewport, panZoom, message.highlight);
    post({ type: 'rendered', ms: 0, renderId: message.renderId });
    return;
  }
  if (!force && inflight && inflight.source === message.source && inflight.theme === themeKey) {
    // The same render is under way (the page's own source, then the host's first message): wait for it.
    await inflight.done;
    if (shown && shown.source === message.source && shown.theme === themeKey) {
      highlightNode(canvas, viewport, panZoom, message.highlight);
      post({ type: 'rendered', ms: 0, renderId: message.renderId });
    } else if (!dom.errorBox.hidden) {
      post({ type: 'renderError', message: dom.errorBox.querySelector('pre')?.textContent ?? '', renderId: message.renderId });
    }
    return;
  }
  const done = draw(message, theme, themeKey, sameDiagram);
  inflight = { source: message.source, theme: themeKey, done };
  await done;
}

async function draw(message: RenderMessage, theme: MermaidThemeConfig, themeKey: string, sameDiagram: boolean): Promise<void> {
  const seq = ++renderSeq;
  const started = performance.now();
  status.textContent = strings.rendering;
  const { source, removed } = secureMermaidSource(message.source);
  const id = `til-diagram-${seq}`;
  try {
    const cacheKey = svgCacheKey(themeKey, message.source);
    let svg = cachedSvg(state.svgCache, cacheKey);
    if (!svg) {
      const mermaid = await mermaidReady;
      if (seq !== renderSeq) return;
      timings.renderStart ??= now();
      mermaid.initialize(
        mermaidConfig(theme, {
          flowchart: { htmlLabels: false, useMaxWidth: false },
          sequence: { useMaxWidth: false },
          state: { useMaxWidth: false },
        }),
      );
      // render() throws mermaid's own syntax error text itself: no separate parse pass.
      svg = (await mermaid.render(id, source)).svg;
      if (seq !== renderSeq) return; // a newer render started meanwhile
      state = { ...state, svgCache: withSvg(state.svgCache, cacheKey, svg) };
      saveState();
    }
    const el = svgFromText(svg);
    canvas.replaceChildren(el);
    dom.errorBox.hidden = true;
    for (const b of dom.exportButtons) b.disabled = false;
    shown = { source: message.source, theme: themeKey };
    // The text version first: showing it shrinks the viewport the first view is fitted to.
    describeInto(dom.textAlternative, dom.textAlternativeBody, message.source, strings);
    if (sameDiagram && state.zoom > 0) panZoom.set({ zoom: state.zoom, panX: state.panX, panY: state.panY });
    else fitDiagram(panZoom, canvas, false);
    makeNodesFocusable(el, canvas);
    highlightNode(canvas, viewport, panZoom, message.highlight);
    const ms = Math.round(performance.now() - started);
    // read by `npm run bench:ui`
    timings.drawn ??= now();
    canvas.dataset.renderMs = String(ms);
    canvas.dataset.drawnAt = String(now());
    canvas.dataset.timings = JSON.stringify(timings);
    status.textContent = removed.length ? format(strings.removed, removed.join(', ')) : strings.clickHint;
    post({ type: 'rendered', ms, renderId: message.renderId, removed });
  } catch (error) {
    if (seq !== renderSeq) return;
    const text = mermaidErrorText(error);
    canvas.replaceChildren();
    for (const b of dom.exportButtons) b.disabled = true;
    shown = undefined;
    showError(dom, strings.syntaxError, text);
    status.textContent = removed.length ? format(strings.removed, removed.join(', ')) : '';
    post({ type: 'renderError', message: text, renderId: message.renderId });
  } finally {
    // mermaid leaves its scratch element behind when rendering fails
    document.getElementById(`d${id}`)?.remove();
  }
}

const openNode = (node: { nodeId: string; label?: string }) => post({ type: 'openNode', nodeId: node.nodeId, label: node.label });

installExport(dom, strings, post);
installKeyboard({ canvas, panZoom, resetView: () => fitDiagram(panZoom, canvas, false), openNode });
dom.zoomInBtn.addEventListener('click', () => panZoom.zoomBy(1.25));
dom.zoomOutBtn.addEventListener('click', () => panZoom.zoomBy(0.8));
dom.fitBtn.addEventListener('click', () => fitDiagram(panZoom, canvas, true));

canvas.addEventListener('click', (e) => {
  const target = e.target as Element | null;
  if (!target) return;
  // Links inside the SVG never navigate the webview.
  if (target.closest('a')) e.preventDefault();
  const node = nodeAt(target, canvas);
  if (node) openNode(node);
});

onThemeKindChange(() => {
  if (current && !current.theme) void render(current, true);
});

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (!message) return;
  if (message.type === 'render') void render(message);
  else if (message.type === 'requestSvg') post({ type: 'exportSvg', svg: currentSvg(canvas) ?? '', requestId: message.requestId });
});

/** The source the host wrote into the page, validated like any message. */
function initialRender(): RenderMessage | undefined {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${INITIAL_RENDER_META}"]`);
  try {
    const message = parseHostMessage(JSON.parse(meta?.content ?? 'null'));
    return message?.type === 'render' ? message : undefined;
  } catch {
    return undefined;
  }
}

// Restored after the panel was hidden or the window reloaded: the last diagram shown. Otherwise the page's own.
const first: RenderMessage | undefined =
  state.source !== undefined && state.title !== undefined
    ? { type: 'render', diagramId: state.diagramId, title: state.title, source: state.source, theme: state.theme }
    : initialRender();
if (first) void render(first);
post({ type: 'ready' });
