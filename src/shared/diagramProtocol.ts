/**
 * Messages between the diagram panel (extension host) and its webview, in the style of webviewProtocol.ts.
 */
import { isRecord } from './webviewProtocol';

export const DIAGRAM_VIEW_TYPE = 'til.diagram';

/** Mermaid themes the panel uses; `undefined` = follow the VS Code theme (body classes). */
export type DiagramTheme = 'default' | 'dark' | 'neutral' | 'forest' | 'base';
export const DIAGRAM_THEMES: readonly DiagramTheme[] = ['default', 'dark', 'neutral', 'forest', 'base'];

/** Everything the diagram webview shows, translated on the host. */
export interface DiagramStrings {
  zoomIn: string;
  zoomOut: string;
  fit: string;
  exportSvg: string;
  rendering: string;
  syntaxError: string;
  removed: string; // "Removed for safety before rendering: {0}"
  noDiagram: string;
  clickHint: string;
  exportPng: string;
  copySvg: string;
  copyPng: string;
  copied: string;
  copyFailed: string;
  textAlternative: string;
  textNodes: string;
  textEdges: string;
}

// ---- webview → host ----

export interface ReadyMessage {
  type: 'ready';
}
/** A node (flowchart/state node, sequence participant or message) was clicked. */
export interface OpenNodeMessage {
  type: 'openNode';
  nodeId: string;
  /** The text the node shows, when there is one. */
  label?: string;
}
/** The rendered SVG, from the Export button or in answer to `requestSvg`. */
export interface ExportSvgMessage {
  type: 'exportSvg';
  svg: string;
  /** Set when answering a `requestSvg`. */
  requestId?: number;
}
export interface RenderErrorMessage {
  type: 'renderError';
  message: string;
  renderId?: number;
}
export interface RenderedMessage {
  type: 'rendered';
  ms: number;
  renderId?: number;
  /** What the source filter removed before rendering (e.g. `init directive`, `click`). */
  removed?: string[];
}

/** The PNG (2x) from the Export PNG button, base64; the host asks where to save it. */
export interface ExportPngMessage {
  type: 'exportPng';
  base64: string;
}
/** Copy the SVG text to the clipboard (the host's clipboard works where the webview's may not). */
export interface CopySvgMessage {
  type: 'copySvg';
  svg: string;
}

/**
 * A picture Mermaid drew for the panel's current source in one theme (`themeKey`, the page's own key): the host
 * keeps it across panels and sessions and hands it back with the next page for that source.
 */
export interface CacheSvgMessage {
  type: 'cacheSvg';
  source: string;
  themeKey: string;
  svg: string;
}

export type WebviewToHost =
  | ReadyMessage
  | OpenNodeMessage
  | ExportSvgMessage
  | ExportPngMessage
  | CopySvgMessage
  | RenderErrorMessage
  | RenderedMessage
  | CacheSvgMessage;

// ---- host → webview ----

export interface RenderMessage {
  type: 'render';
  /** The diagram's id, kept in the webview state so a restored panel knows what it showed. */
  diagramId?: string;
  title: string;
  source: string;
  theme?: DiagramTheme;
  /** Echoed in `rendered` / `renderError`, so the host knows which render finished. */
  renderId?: number;
  /** A node id or message label of this diagram to highlight (from the diagram's own table, never note text). */
  highlight?: string;
  /** Pictures of this source drawn before (any panel, any session), per theme key; untrusted like any SVG. */
  svgs?: CachedPicture[];
}
export interface CachedPicture {
  themeKey: string;
  svg: string;
  /** Drawn elsewhere (the pictures shipped for built-in diagrams): shown at once, then drawn again here. */
  provisional?: boolean;
}
/** Ask for the current SVG (export without the button, e.g. from a command argument). */
export interface RequestSvgMessage {
  type: 'requestSvg';
  requestId: number;
}

/**
 * Other diagrams of the notes that have no picture yet: the page draws them while it is idle and files each with
 * `cacheSvg`, so that opening one later paints at once.
 */
export interface PredrawMessage {
  type: 'predraw';
  sources: string[];
}

export type HostToWebview = RenderMessage | RequestSvgMessage | PredrawMessage;

/** Largest SVG the host accepts for export (bytes of text). */
export const MAX_SVG_LENGTH = 32 * 1024 * 1024;
/** Largest picture kept in the host's cache (characters), its theme key, and pictures sent with one render. */
export const MAX_CACHED_SVG_LENGTH = 2_000_000;
export const MAX_THEME_KEY_LENGTH = 8_000;
export const MAX_PICTURES_PER_RENDER = 4;
/** Diagrams one page draws ahead while idle, and the longest source it takes for that. */
export const MAX_PREDRAW_SOURCES = 6;
export const MAX_PREDRAW_SOURCE_LENGTH = 20_000;

const optNum = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
const str = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/** Validates what a webview posted: the host never trusts its shape. */
export function parseWebviewMessage(data: unknown): WebviewToHost | undefined {
  if (!isRecord(data)) return undefined;
  switch (data.type) {
    case 'ready':
      return { type: 'ready' };
    case 'openNode':
      if (!str(data.nodeId, 2000) || !(data.label === undefined || str(data.label, 2000))) return undefined;
      return { type: 'openNode', nodeId: data.nodeId as string, label: data.label as string | undefined };
    case 'exportSvg':
      if (!str(data.svg, MAX_SVG_LENGTH) || !optNum(data.requestId)) return undefined;
      return { type: 'exportSvg', svg: data.svg as string, requestId: data.requestId as number | undefined };
    case 'exportPng':
      if (!str(data.base64, MAX_SVG_LENGTH) || !/^[A-Za-z0-9+/=]*$/.test(data.base64 as string)) return undefined;
      return { type: 'exportPng', base64: data.base64 as string };
    case 'copySvg':
      if (!str(data.svg, MAX_SVG_LENGTH)) return undefined;
      return { type: 'copySvg', svg: data.svg as string };
    case 'renderError':
      if (!str(data.message, 100_000) || !optNum(data.renderId)) return undefined;
      return { type: 'renderError', message: data.message as string, renderId: data.renderId as number | undefined };
    case 'cacheSvg':
      if (!str(data.source, MAX_SVG_LENGTH) || !str(data.themeKey, MAX_THEME_KEY_LENGTH) || !str(data.svg, MAX_CACHED_SVG_LENGTH))
        return undefined;
      return { type: 'cacheSvg', source: data.source as string, themeKey: data.themeKey as string, svg: data.svg as string };
    case 'rendered': {
      if (typeof data.ms !== 'number' || !optNum(data.renderId)) return undefined;
      const removed = Array.isArray(data.removed) ? data.removed.filter((r): r is string => typeof r === 'string').slice(0, 20) : undefined;
      return { type: 'rendered', ms: data.ms, renderId: data.renderId as number | undefined, removed };
    }
    default:
      return undefined;
  }
}

function pictures(value: unknown): CachedPicture[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((p): p is CachedPicture => isRecord(p) && str(p.themeKey, MAX_THEME_KEY_LENGTH) && str(p.svg, MAX_CACHED_SVG_LENGTH))
    .slice(0, MAX_PICTURES_PER_RENDER)
    .map((p) => (p.provisional === true ? { themeKey: p.themeKey, svg: p.svg, provisional: true } : { themeKey: p.themeKey, svg: p.svg }));
}

/** Validates what the host posted (the webview side). */
export function parseHostMessage(data: unknown): HostToWebview | undefined {
  if (!isRecord(data)) return undefined;
  if (data.type === 'render' && typeof data.title === 'string' && typeof data.source === 'string' && optNum(data.renderId)) {
    const theme = DIAGRAM_THEMES.includes(data.theme as DiagramTheme) ? (data.theme as DiagramTheme) : undefined;
    const diagramId = typeof data.diagramId === 'string' ? data.diagramId : undefined;
    const highlight = typeof data.highlight === 'string' && data.highlight.length <= 200 ? data.highlight : undefined;
    const message: RenderMessage = {
      type: 'render',
      diagramId,
      title: data.title,
      source: data.source,
      theme,
      renderId: data.renderId as number | undefined,
    };
    if (highlight) message.highlight = highlight;
    const svgs = pictures(data.svgs);
    if (svgs.length) message.svgs = svgs;
    return message;
  }
  if (data.type === 'requestSvg' && typeof data.requestId === 'number') return { type: 'requestSvg', requestId: data.requestId };
  if (data.type === 'predraw' && Array.isArray(data.sources)) {
    const sources = data.sources.filter((s): s is string => str(s, MAX_PREDRAW_SOURCE_LENGTH)).slice(0, MAX_PREDRAW_SOURCES);
    return { type: 'predraw', sources };
  }
  return undefined;
}

/** What the webview keeps with `vscode.setState` (restored after the panel was hidden or reloaded). */
export interface DiagramViewState {
  diagramId?: string;
  title?: string;
  source?: string;
  theme?: DiagramTheme;
  zoom: number;
  panX: number;
  panY: number;
  /** Rendered SVG per (theme, source), most recent first (see webview/diagram/svgCache.ts). */
  svgCache?: Array<{ key: string; svg: string }>;
}

/**
 * The first `render` message, written into the page by the host (a meta tag, escaped like every attribute):
 * the webview starts drawing as soon as Mermaid has loaded instead of waiting for `ready` and the answer.
 */
export const INITIAL_RENDER_META = 'til-initial-render';

/**
 * Wall-clock marks (ms) of the host's steps for the panel's first page, written into it for `npm run bench:ui`:
 * accept = the gallery's choice, create = before createWebviewPanel, created = after it, html = HTML set.
 */
export interface HostMarks {
  accept?: number;
  create?: number;
  created?: number;
  html?: number;
}
export const HOST_MARKS_META = 'til-host-marks';

/** The host's marks from the page, numbers only. */
export function parseHostMarks(data: unknown): HostMarks {
  const marks: HostMarks = {};
  if (!isRecord(data)) return marks;
  for (const key of ['accept', 'create', 'created', 'html'] as const) {
    const value = data[key];
    if (typeof value === 'number' && Number.isFinite(value)) marks[key] = value;
  }
  return marks;
}

/** The address of the diagram page's Mermaid module (dist/webview/diagramMermaid.js), written by the host. */
export const MERMAID_MODULE_META = 'til-mermaid-module';
