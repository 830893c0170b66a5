/**
 * The diagram panel's webview: renders one Mermaid diagram (bundled mermaid, no network), follows
 * the VS Code theme, zooms and pans, exports SVG and reports node clicks. Talks to the host only
 * through the typed messages of src/shared/diagramProtocol.ts; posts `ready` before anything else.
 */
import mermaid from 'mermaid';
import './diagram.css';
import {
  parseHostMessage,
  type DiagramStrings,
  type DiagramTheme,
  type DiagramViewState,
  type RenderMessage,
  type WebviewToHost,
} from '../../shared/diagramProtocol';
import { SECURE_CONFIG_KEYS, secureMermaidSource } from '../../core/diagrams/secureSource';
import { describeDiagram } from '../../core/diagrams/textAlternative';
import { format, readStrings, vscodeApi } from '../shared/vscodeApi';
import { cssVar, onThemeKindChange, themeKind } from '../shared/theme';
import { mermaidThemeFor, type MermaidThemeConfig } from './mermaidTheme';
import { PanZoom } from './panZoom';
import { base64Of, pngFromSvg } from './png';
import { nodeAt, svgForExport, svgFromText } from './svg';

const strings = readStrings<DiagramStrings>();

const vscode = vscodeApi<DiagramViewState, WebviewToHost>();
const post = (message: WebviewToHost) => vscode.postMessage(message);

// ---- DOM ----

function button(id: string, label: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.id = id;
  b.type = 'button';
  b.title = label;
  b.setAttribute('aria-label', label);
  b.textContent = text;
  return b;
}

const toolbar = document.createElement('div');
toolbar.className = 'toolbar';
toolbar.setAttribute('role', 'toolbar');
const titleEl = document.createElement('span');
titleEl.className = 'title';
const zoomOutBtn = button('zoom-out', strings.zoomOut, '−');
const zoomLabel = document.createElement('span');
zoomLabel.className = 'zoom-level';
zoomLabel.setAttribute('aria-live', 'polite');
const zoomInBtn = button('zoom-in', strings.zoomIn, '+');
const fitBtn = button('fit', strings.fit, '⤢');
const exportBtn = button('export-svg', strings.exportSvg, strings.exportSvg);
exportBtn.classList.add('primary');
exportBtn.disabled = true;
const exportPngBtn = button('export-png', strings.exportPng, strings.exportPng);
const copySvgBtn = button('copy-svg', strings.copySvg, strings.copySvg);
const copyPngBtn = button('copy-png', strings.copyPng, strings.copyPng);
const exportButtons = [exportBtn, exportPngBtn, copySvgBtn, copyPngBtn];
for (const b of exportButtons) b.disabled = true;
toolbar.append(titleEl, zoomOutBtn, zoomLabel, zoomInBtn, fitBtn, exportBtn, exportPngBtn, copySvgBtn, copyPngBtn);

const viewport = document.createElement('div');
viewport.className = 'viewport';
viewport.tabIndex = 0;
const canvas = document.createElement('div');
canvas.className = 'canvas';
canvas.setAttribute('role', 'img');
viewport.append(canvas);

const errorBox = document.createElement('div');
errorBox.className = 'error';
errorBox.hidden = true;
errorBox.setAttribute('role', 'alert');

const status = document.createElement('div');
status.className = 'status';
status.setAttribute('role', 'status');
status.textContent = strings.noDiagram;

const textAlternative = document.createElement('details');
textAlternative.className = 'text-alternative';
textAlternative.hidden = true;
const textAlternativeSummary = document.createElement('summary');
textAlternativeSummary.textContent = strings.textAlternative;
const textAlternativeBody = document.createElement('div');
textAlternativeBody.id = 'diagram-text';
textAlternative.append(textAlternativeSummary, textAlternativeBody);
canvas.setAttribute('aria-describedby', 'diagram-text');

document.body.append(toolbar, errorBox, viewport, textAlternative, status);

// ---- state ----

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
  zoomLabel.textContent = `${Math.round(view.zoom * 100)}%`;
  saveState();
});

// ---- mermaid ----

function themeConfig(explicit: DiagramTheme | undefined): MermaidThemeConfig {
  return explicit ? { theme: explicit, darkMode: explicit === 'dark' } : mermaidThemeFor(themeKind());
}

function configure(theme: MermaidThemeConfig): void {
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: 'strict',
    // A diagram's %%{init}%% / front matter may not change these (mermaid drops them from directives).
    secure: [...SECURE_CONFIG_KEYS],
    suppressErrorRendering: true,
    theme: theme.theme,
    darkMode: theme.darkMode ?? false,
    themeVariables: theme.themeVariables ?? {},
    fontFamily: cssVar('--vscode-font-family', 'sans-serif').replace(/[<>]/g, ''),
    // SVG text labels, not HTML in foreignObject: markup in a label shows as the text it is.
    htmlLabels: false,
    flowchart: { htmlLabels: false, useMaxWidth: false },
    sequence: { useMaxWidth: false },
    state: { useMaxWidth: false },
  });
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  const maybe = error as { str?: unknown; message?: unknown } | undefined;
  if (typeof maybe?.str === 'string') return maybe.str;
  if (typeof maybe?.message === 'string') return maybe.message;
  return String(error);
}

function showError(message: string): void {
  errorBox.replaceChildren();
  const heading = document.createElement('strong');
  heading.textContent = strings.syntaxError;
  const pre = document.createElement('pre');
  pre.textContent = message; // text, never markup
  errorBox.append(heading, pre);
  errorBox.hidden = false;
}

async function render(message: RenderMessage, force = false): Promise<void> {
  current = message;
  titleEl.textContent = message.title;
  canvas.setAttribute('aria-label', message.title);
  const theme = themeConfig(message.theme);
  const themeKey = JSON.stringify(theme);
  const sameDiagram = state.diagramId === message.diagramId && state.source === message.source;
  state = { ...state, diagramId: message.diagramId, title: message.title, source: message.source, theme: message.theme };
  saveState();

  // Already on screen (e.g. restored from state before the host answered `ready`): no flicker.
  if (!force && shown && shown.source === message.source && shown.theme === themeKey) {
    highlight(message.highlight);
    post({ type: 'rendered', ms: 0, renderId: message.renderId });
    return;
  }
  if (!force && inflight && inflight.source === message.source && inflight.theme === themeKey) {
    // The same render is under way (restored state, then the host's first message): wait for it.
    await inflight.done;
    if (shown && shown.source === message.source && shown.theme === themeKey) post({ type: 'rendered', ms: 0, renderId: message.renderId });
    else if (!errorBox.hidden) post({ type: 'renderError', message: errorBox.querySelector('pre')?.textContent ?? '', renderId: message.renderId });
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
    const cacheKey = `${themeKey}\n${message.source}`;
    let svg = cachedSvg(cacheKey);
    if (!svg) {
      configure(theme);
      // render() throws mermaid's own syntax error text itself: no separate parse pass.
      svg = (await mermaid.render(id, source)).svg;
      if (seq !== renderSeq) return; // a newer render started meanwhile
      remember(cacheKey, svg);
    }
    const el = svgFromText(svg);
    canvas.replaceChildren(el);
    errorBox.hidden = true;
    for (const b of exportButtons) b.disabled = false;
    shown = { source: message.source, theme: themeKey };
    const vb = el.viewBox.baseVal;
    if (sameDiagram && state.zoom > 0) panZoom.set({ zoom: state.zoom, panX: state.panX, panY: state.panY });
    else panZoom.fit(vb?.width || el.getBBox().width, vb?.height || el.getBBox().height, { textPx: textPxOf(el) });
    makeNodesFocusable(el);
    describe(message.source);
    highlight(message.highlight);
    const ms = Math.round(performance.now() - started);
    canvas.dataset.renderMs = String(ms); // read by `npm run bench:ui`
    status.textContent = removed.length ? format(strings.removed, removed.join(', ')) : strings.clickHint;
    post({ type: 'rendered', ms, renderId: message.renderId, removed });
  } catch (error) {
    if (seq !== renderSeq) return;
    const text = errorText(error);
    canvas.replaceChildren();
    for (const b of exportButtons) b.disabled = true;
    shown = undefined;
    showError(text);
    status.textContent = removed.length ? format(strings.removed, removed.join(', ')) : '';
    post({ type: 'renderError', message: text, renderId: message.renderId });
  } finally {
    // mermaid leaves its scratch element behind when rendering fails
    document.getElementById(`d${id}`)?.remove();
  }
}

// ---- rendered SVG cache: reopening a diagram or switching back to a theme shows at once ----

interface CachedSvg {
  key: string;
  svg: string;
}
const CACHE_ENTRIES = 6;
const CACHE_MAX_CHARS = 2_000_000; // the webview state is kept by VS Code: keep it small

function cachedSvg(key: string): string | undefined {
  return ((state as { svgCache?: CachedSvg[] }).svgCache ?? []).find((c) => c.key === key)?.svg;
}

function remember(key: string, svg: string): void {
  if (svg.length > CACHE_MAX_CHARS) return;
  const previous = ((state as { svgCache?: CachedSvg[] }).svgCache ?? []).filter((c) => c.key !== key);
  state = { ...state, svgCache: [{ key, svg }, ...previous].slice(0, CACHE_ENTRIES) } as DiagramViewState;
  saveState();
}

/** The diagram's text size in SVG units, so the first view can keep it readable. */
function textPxOf(svg: SVGSVGElement): number {
  const label = svg.querySelector('text, .nodeLabel, .label');
  const size = label ? parseFloat(getComputedStyle(label).fontSize) : NaN;
  return Number.isFinite(size) && size > 0 ? size : 16;
}

// ---- keyboard and screen readers ----

const NODE_SELECTOR = 'g.node, g.cluster, rect.actor[name], text.messageText';

/** Tab moves through the nodes; each is announced by its label and opens its note section on Enter. */
function makeNodesFocusable(svg: SVGSVGElement): void {
  for (const el of Array.from(svg.querySelectorAll<SVGElement>(NODE_SELECTOR))) {
    const node = nodeAt(el, canvas);
    if (!node) continue;
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', node.label ?? node.nodeId);
    el.classList.add('focusable-node');
  }
}

canvas.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const el = (e.target as Element | null)?.closest('.focusable-node');
  const node = el ? nodeAt(el, canvas) : undefined;
  if (!node) return;
  e.preventDefault();
  e.stopPropagation();
  post({ type: 'openNode', nodeId: node.nodeId, label: node.label });
});

/**
 * Lights up the node or message a hover asked for (`sem_wait` → Waiting) and brings it into view. The name
 * comes from our own diagram table; it is matched against node ids and labels, never used as a selector.
 */
function highlight(name: string | undefined): void {
  for (const old of Array.from(canvas.querySelectorAll('.highlighted'))) old.classList.remove('highlighted');
  if (!name) return;
  const target = Array.from(canvas.querySelectorAll<SVGElement>('.focusable-node')).find((el) => {
    const node = nodeAt(el, canvas);
    return node && (node.nodeId === name || node.label === name);
  });
  if (!target) return;
  target.classList.add('highlighted');
  const box = target.getBoundingClientRect();
  const view = viewport.getBoundingClientRect();
  const dx = view.left + view.width / 2 - (box.left + box.width / 2);
  const dy = view.top + view.height / 2 - (box.top + box.height / 2);
  if (box.left < view.left || box.right > view.right || box.top < view.top || box.bottom > view.bottom) panZoom.panBy(dx, dy);
  target.focus({ preventScroll: true });
}

/** The text alternative under the canvas: the nodes and the transitions between them. */
function describe(source: string): void {
  const text = describeDiagram(source);
  textAlternative.hidden = text.kind === 'other';
  const nodes = document.createElement('ul');
  for (const name of text.nodes) nodes.append(listItem(name));
  const edges = document.createElement('ol');
  for (const edge of text.edges) edges.append(listItem(`${edge.from} → ${edge.to}${edge.label ? `: ${edge.label}` : ''}`));
  textAlternativeBody.replaceChildren(subheading(strings.textNodes), nodes, subheading(strings.textEdges), edges);
}

function listItem(text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text; // note text stays text
  return li;
}

function subheading(text: string): HTMLHeadingElement {
  const h = document.createElement('h3');
  h.textContent = text;
  return h;
}

// ---- export ----

function currentSvg(): string | undefined {
  const svg = canvas.querySelector('svg');
  if (!svg) return undefined;
  return svgForExport(svg as SVGSVGElement, cssVar('--vscode-editor-background') || undefined);
}

exportBtn.addEventListener('click', () => {
  const svg = currentSvg();
  if (svg) post({ type: 'exportSvg', svg });
});

/** The diagram as a PNG at twice its natural size. */
async function currentPng(): Promise<Blob | undefined> {
  const svgEl = canvas.querySelector('svg');
  const svg = currentSvg();
  if (!svgEl || !svg) return undefined;
  const vb = svgEl.viewBox.baseVal;
  return pngFromSvg(svg, Math.ceil(vb?.width || svgEl.getBBox().width), Math.ceil(vb?.height || svgEl.getBBox().height));
}

exportPngBtn.addEventListener('click', () => {
  void currentPng().then(async (png) => {
    if (png) post({ type: 'exportPng', base64: await base64Of(png) });
  });
});

copySvgBtn.addEventListener('click', () => {
  const svg = currentSvg();
  if (svg) post({ type: 'copySvg', svg });
});

copyPngBtn.addEventListener('click', () => {
  void currentPng().then(async (png) => {
    if (!png) return;
    try {
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      status.textContent = strings.copied;
    } catch {
      status.textContent = strings.copyFailed;
    }
  });
});

// ---- zoom buttons and keys ----

zoomInBtn.addEventListener('click', () => panZoom.zoomBy(1.25));
zoomOutBtn.addEventListener('click', () => panZoom.zoomBy(0.8));
/** The fit button shows the whole diagram; `0` goes back to the readable first view. */
function fit(whole: boolean): void {
  const svg = canvas.querySelector('svg');
  if (!svg) return;
  const vb = svg.viewBox.baseVal;
  panZoom.fit(vb.width, vb.height, whole ? { minTextPx: 0 } : { textPx: textPxOf(svg) });
}
fitBtn.addEventListener('click', () => fit(true));
const PAN_STEP = 60;
window.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLButtonElement && (e.key === 'Enter' || e.key === ' ')) return;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === '+' || e.key === '=') panZoom.zoomBy(1.25);
  else if (e.key === '-' || e.key === '_') panZoom.zoomBy(0.8);
  else if (e.key === '0') fit(false);
  else if (e.key === 'ArrowLeft') panZoom.panBy(PAN_STEP, 0);
  else if (e.key === 'ArrowRight') panZoom.panBy(-PAN_STEP, 0);
  else if (e.key === 'ArrowUp') panZoom.panBy(0, PAN_STEP);
  else if (e.key === 'ArrowDown') panZoom.panBy(0, -PAN_STEP);
  else return;
  e.preventDefault();
});

// ---- node clicks ----

canvas.addEventListener('click', (e) => {
  const target = e.target as Element | null;
  if (!target) return;
  // Links inside the SVG never navigate the webview.
  if (target.closest('a')) e.preventDefault();
  const node = nodeAt(target, canvas);
  if (node) post({ type: 'openNode', nodeId: node.nodeId, label: node.label });
});

// ---- theme ----

onThemeKindChange(() => {
  if (current && !current.theme) void render(current, true);
});

// ---- messages ----

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (!message) return;
  if (message.type === 'render') void render(message);
  else if (message.type === 'requestSvg') post({ type: 'exportSvg', svg: currentSvg() ?? '', requestId: message.requestId });
});

// Restored after the panel was hidden or the window reloaded: show the last diagram right away.
if (state.source !== undefined && state.title !== undefined) {
  void render({ type: 'render', diagramId: state.diagramId, title: state.title, source: state.source, theme: state.theme });
}
post({ type: 'ready' });
