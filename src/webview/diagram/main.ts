/**
 * The diagram panel's webview: renders one Mermaid diagram (bundled mermaid, no network), follows
 * the VS Code theme, zooms and pans, exports and reports node clicks. Talks to the host only through
 * the typed messages of src/shared/diagramProtocol.ts. The first source comes with the page (a meta tag),
 * with the pictures drawn of it before (any panel or session): one of those paints at once, without Mermaid.
 * Otherwise Mermaid starts loading before anything else, so the first render waits for no message.
 */
import type { Mermaid } from 'mermaid';
import { mermaidErrorText } from '../shared/mermaid';
import { loadMermaid } from './mermaidLoader';
import './diagram.css';
import {
  HOST_MARKS_META,
  INITIAL_RENDER_META,
  parseHostMarks,
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
import { focusedNodeLabel, installKeyboard, makeNodesFocusable, refocusNode } from './keyboard';
import { PanZoom } from './panZoom';
import { predrawWhenIdle } from './predraw';
import { renderSvg, whenIdle } from './renderQueue';
import { nodeAt, svgFromText } from './svg';
import { cachedSvg, svgCacheKey, withSvg } from './svgCache';
import { describeInto } from './textAlternative';
import { fitDiagram, highlightNode } from './view';

const now = () => Math.round(performance.timeOrigin + performance.now());
/** Wall-clock marks of the first render, read by `npm run bench:ui` (page = the frame's navigation start). */
const timings: Record<string, number> = { page: Math.round(performance.timeOrigin), script: now(), ...pageMarks() };
let mermaidReady: Promise<Mermaid> | undefined;
const mermaid = () =>
  (mermaidReady ??= loadMermaid().then((m) => {
    timings.mermaid ??= now();
    return m;
  }));

const vscode = vscodeApi<DiagramViewState, WebviewToHost>();
let state: DiagramViewState = { zoom: 1, panX: 0, panY: 0, ...(vscode.getState() ?? {}) };
// Restored after the panel was hidden or the window reloaded: the last diagram shown. Otherwise the page's own.
const first: RenderMessage | undefined =
  state.source !== undefined && state.title !== undefined
    ? { type: 'render', diagramId: state.diagramId, title: state.title, source: state.source, theme: state.theme }
    : initialRender();
/** Pictures drawn elsewhere (shipped for the built-in diagrams), by svgCacheKey: shown until Mermaid draws here. */
const provisional = new Map<string, string>();
if (first) keepPictures(first);
// Mermaid is needed at once unless the first picture is at hand; then it loads once the page is quiet.
if (first && pictureFor(svgCacheKey(themeKeyOf(themeConfig(first.theme)), first.source))) whenIdle(() => void mermaid());
else void mermaid();

const strings = readStrings<DiagramStrings>();
const post = (message: WebviewToHost) => vscode.postMessage(message);
const dom = buildDiagramDom(strings);
const { canvas, viewport, status } = dom;

let current: RenderMessage | undefined;
let shown: { source: string; theme: string; provisional?: boolean } | undefined; // what is on screen, when it rendered fine
let renderSeq = 0;
let inflight: { source: string; theme: string; done: Promise<void> } | undefined;
let saveQueued = false;
let drawingForUser = 0; // renders the user waits for, under way: drawing ahead gives way to them

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

function themeKeyOf(theme: MermaidThemeConfig): string {
  return JSON.stringify(theme);
}

/** The pictures the host sent with a render, into the page's cache (they are scrubbed when shown, like any). */
function keepPictures(message: RenderMessage): void {
  for (const picture of message.svgs ?? []) {
    const key = svgCacheKey(picture.themeKey, message.source);
    if (picture.provisional) provisional.set(key, picture.svg);
    else state = { ...state, svgCache: withSvg(state.svgCache, key, picture.svg) };
  }
}

/** A picture of this source and theme at hand: drawn here before, else a provisional one. */
function pictureFor(key: string): { svg: string; provisional: boolean } | undefined {
  const svg = cachedSvg(state.svgCache, key);
  if (svg !== undefined) return { svg, provisional: false };
  const shipped = provisional.get(key);
  return shipped === undefined ? undefined : { svg: shipped, provisional: true };
}

/**
 * A provisional picture on screen is drawn again by Mermaid once the page is quiet (with this machine's fonts),
 * and replaced in place: same zoom and pan, no "Rendering…".
 */
function redrawHere(message: RenderMessage, themeKey: string): void {
  whenIdle(() => {
    const now = current; // the host's own render message may have replaced the page's meanwhile
    if (now?.source !== message.source || shown?.source !== message.source || shown.theme !== themeKey || !shown.provisional) return;
    void render(now, true, true);
  }, 300);
}

/** A picture Mermaid drew: into the page's cache, and to the host, which keeps it for later panels and sessions. */
function remember(source: string, themeKey: string, svg: string): void {
  state = { ...state, svgCache: withSvg(state.svgCache, svgCacheKey(themeKey, source), svg) };
  saveState();
  post({ type: 'cacheSvg', source, themeKey, svg });
}

/**
 * The other of light and dark, drawn once the page is quiet, so that the usual theme switch finds its picture
 * ready. High-contrast themes take their colours from the theme itself: those are drawn when they are chosen.
 */
function prerenderOtherTheme(message: RenderMessage): void {
  const kind = themeKind();
  const other = kind === 'light' ? 'dark' : kind === 'dark' ? 'light' : undefined;
  if (message.theme || !other) return; // a fixed theme setting does not follow VS Code's theme
  const theme = mermaidThemeFor(other);
  const themeKey = themeKeyOf(theme);
  const has = () => cachedSvg(state.svgCache, svgCacheKey(themeKey, message.source)) !== undefined;
  if (has()) return;
  const wanted = () => current?.source === message.source && !has();
  whenIdle(() => {
    if (!wanted()) return;
    renderSvg(mermaid(), theme, message.source, { stale: () => !wanted() })
      .then((svg) => {
        if (svg !== undefined) remember(message.source, themeKey, svg);
        canvas.dataset.prerendered = 'true'; // read by `npm run bench:ui`
      })
      .catch(() => undefined); // the foreground render reports errors
  }, 300);
}

async function render(message: RenderMessage, force = false, quietly = false): Promise<void> {
  current = message;
  keepPictures(message);
  dom.titleEl.textContent = message.title;
  canvas.setAttribute('aria-label', message.title);
  const theme = themeConfig(message.theme);
  const themeKey = themeKeyOf(theme);
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
  const done = draw(message, theme, themeKey, sameDiagram, quietly);
  inflight = { source: message.source, theme: themeKey, done };
  drawingForUser++;
  try {
    await done;
  } finally {
    drawingForUser--;
  }
}

/** The notes' other diagrams without a picture (the host's `predraw`), drawn in this page's theme while it is idle. */
function predraw(sources: readonly string[]): void {
  canvas.dataset.predrawTotal = String(sources.length); // read by UI tests and `npm run bench:ui`
  predrawWhenIdle(sources, {
    busy: () => drawingForUser > 0,
    draw: async (source) => {
      const theme = themeConfig(current?.theme);
      const themeKey = themeKeyOf(theme);
      if (cachedSvg(state.svgCache, svgCacheKey(themeKey, source)) !== undefined) return;
      const svg = await renderSvg(mermaid(), theme, source);
      if (svg !== undefined) post({ type: 'cacheSvg', source, themeKey, svg });
    },
    progress: (done) => (canvas.dataset.predrawn = String(done)),
  });
}

/** Draws `message` in `theme`: a picture at hand, else Mermaid. `here` (a provisional picture's redraw) asks for Mermaid. */
async function draw(
  message: RenderMessage,
  theme: MermaidThemeConfig,
  themeKey: string,
  sameDiagram: boolean,
  here = false,
): Promise<void> {
  const seq = ++renderSeq;
  const started = performance.now();
  if (!here) status.textContent = strings.rendering;
  const { removed } = secureMermaidSource(message.source);
  try {
    const cacheKey = svgCacheKey(themeKey, message.source);
    const picture = here ? undefined : pictureFor(cacheKey);
    let svg = picture?.svg;
    const drawnBy = picture ? (picture.provisional ? 'provisional' : 'picture') : 'mermaid';
    if (!svg) {
      svg = await renderSvg(mermaid(), theme, message.source, {
        stale: () => seq !== renderSeq,
        ready: () => cachedSvg(state.svgCache, cacheKey), // the idle render of this theme may have finished
        started: () => (timings.renderStart ??= now()),
      });
      if (svg === undefined || seq !== renderSeq) return; // a newer render started meanwhile
      if (svg !== cachedSvg(state.svgCache, cacheKey)) remember(message.source, themeKey, svg);
    }
    const focused = focusedNodeLabel(canvas); // kept when a redraw replaces the picture under the keyboard
    const el = svgFromText(svg);
    canvas.replaceChildren(el);
    dom.errorBox.hidden = true;
    for (const b of dom.exportButtons) b.disabled = false;
    shown = { source: message.source, theme: themeKey, provisional: picture?.provisional };
    // The text version first: showing it shrinks the viewport the first view is fitted to.
    describeInto(dom.textAlternative, dom.textAlternativeBody, message.source, strings);
    if (sameDiagram && state.zoom > 0) panZoom.set({ zoom: state.zoom, panX: state.panX, panY: state.panY });
    else fitDiagram(panZoom, canvas, false);
    makeNodesFocusable(el, canvas);
    if (focused) refocusNode(el, focused);
    highlightNode(canvas, viewport, panZoom, message.highlight, here);
    const ms = Math.round(performance.now() - started);
    // read by `npm run bench:ui`
    timings.drawn ??= now();
    canvas.dataset.renderMs = String(ms);
    canvas.dataset.drawnBy = drawnBy; // a stored picture, a shipped one or Mermaid just now (UI tests)
    // How this diagram was first drawn in the page (UI tests), kept through redraws of the same diagram
    if (!sameDiagram || !canvas.dataset.firstDrawnBy) canvas.dataset.firstDrawnBy = drawnBy;
    canvas.dataset.drawnTitle = message.title; // which diagram the picture is (UI tests: a preview moves on)
    canvas.dataset.drawnAt = String(now());
    canvas.dataset.timings = JSON.stringify(timings);
    if (!timings.painted)
      requestAnimationFrame(() =>
        setTimeout(() => {
          timings.painted ??= now(); // the frame after the first picture
          canvas.dataset.timings = JSON.stringify(timings);
        }),
      );
    status.textContent = removed.length ? format(strings.removed, removed.join(', ')) : strings.clickHint;
    post({ type: 'rendered', ms, renderId: message.renderId, removed });
    if (picture?.provisional) redrawHere(message, themeKey);
    prerenderOtherTheme(message);
  } catch (error) {
    if (seq !== renderSeq) return;
    const text = mermaidErrorText(error);
    canvas.replaceChildren();
    for (const b of dom.exportButtons) b.disabled = true;
    shown = undefined;
    showError(dom, strings.syntaxError, text);
    canvas.dataset.drawnTitle = message.title;
    status.textContent = removed.length ? format(strings.removed, removed.join(', ')) : '';
    post({ type: 'renderError', message: text, renderId: message.renderId });
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
  canvas.dataset.themeSeenAt = String(now()); // read by `npm run bench:ui`: VS Code's part of a theme switch ends here
  if (current && !current.theme) void render(current, true);
});

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (!message) return;
  if (message.type === 'render') void render(message);
  else if (message.type === 'predraw') predraw(message.sources);
  else if (message.type === 'requestSvg') post({ type: 'exportSvg', svg: currentSvg(canvas) ?? '', requestId: message.requestId });
});

/** The host's marks and the page's own navigation steps (wall clock), for `npm run bench:ui`. */
function pageMarks(): Record<string, number> {
  const marks: Record<string, number> = { ...parseHostMarks(metaJson(HOST_MARKS_META)) };
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav) {
    marks.htmlReceived = Math.round(performance.timeOrigin + nav.responseEnd);
    marks.domInteractive = Math.round(performance.timeOrigin + nav.domInteractive);
  }
  return marks;
}

function metaJson(name: string): unknown {
  try {
    return JSON.parse(document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? 'null');
  } catch {
    return undefined;
  }
}

/** The source the host wrote into the page, validated like any message. */
function initialRender(): RenderMessage | undefined {
  const message = parseHostMessage(metaJson(INITIAL_RENDER_META));
  return message?.type === 'render' ? message : undefined;
}

if (first) void render(first);
post({ type: 'ready' });
