import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { diagramKind } from '../../core/diagrams/textAlternative';
import {
  HOST_MARKS_META,
  INITIAL_RENDER_META,
  MERMAID_MODULE_META,
  type DiagramStrings,
  type HostMarks,
  type RenderMessage,
} from '../../shared/diagramProtocol';

export type { HostMarks } from '../../shared/diagramProtocol';
import { escapeHtml, inlineable, newNonce, webviewHtml, webviewRoot } from '../webview/webviewHtml';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [webviewRoot(extensionUri)],
    retainContextWhenHidden: false,
    enableFindWidget: false,
  };
}

/** Strings the webview shows, localised on the host (the webview has no l10n API). */
export function webviewStrings(): DiagramStrings {
  return {
    zoomIn: vscode.l10n.t('Zoom In'),
    zoomOut: vscode.l10n.t('Zoom Out'),
    fit: vscode.l10n.t('Fit to Window'),
    exportSvg: vscode.l10n.t('Export SVG'),
    rendering: vscode.l10n.t('Rendering…'),
    syntaxError: vscode.l10n.t('This diagram could not be rendered'),
    removed: vscode.l10n.t('Removed for safety before rendering: {0}'),
    noDiagram: vscode.l10n.t('No diagram yet.'),
    clickHint: vscode.l10n.t('Click a node to open its note section. Drag to pan, Ctrl + wheel to zoom.'),
    exportPng: vscode.l10n.t('Export PNG'),
    copySvg: vscode.l10n.t('Copy SVG'),
    copyPng: vscode.l10n.t('Copy PNG'),
    copied: vscode.l10n.t('Copied to the clipboard.'),
    copyFailed: vscode.l10n.t('The clipboard refused the image: use Export PNG instead.'),
    textAlternative: vscode.l10n.t('Text version'),
    textNodes: vscode.l10n.t('States and nodes'),
    textEdges: vscode.l10n.t('Transitions and messages'),
  };
}

/** The diagram page's script and style (dist/webview/diagram.js, .css), read once, for writing into the page. */
let pageBundle: { script: string; style: string } | null | undefined;

function inlinePage(extensionUri: vscode.Uri): { script: string; style: string } | undefined {
  if (pageBundle !== undefined) return pageBundle ?? undefined;
  try {
    const read = (file: string) => fs.readFileSync(vscode.Uri.joinPath(webviewRoot(extensionUri), file).fsPath, 'utf8');
    const script = inlineable(read('diagram.js'), 'script');
    const style = inlineable(read('diagram.css'), 'style');
    pageBundle = script !== undefined && style !== undefined ? { script, style } : null;
  } catch {
    pageBundle = null; // not built: the page is loaded by address instead (slower, same page)
  }
  return pageBundle ?? undefined;
}

/** dist/webview/preload.json (written by esbuild.js): chunk files per diagram kind, read once. */
let preloadManifest: Record<string, string[]> | undefined;

function manifest(extensionUri: vscode.Uri): Record<string, string[]> {
  if (preloadManifest) return preloadManifest;
  try {
    const file = vscode.Uri.joinPath(webviewRoot(extensionUri), 'preload.json').fsPath;
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    preloadManifest = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string[]>) : {};
  } catch {
    preloadManifest = {}; // a development build without the manifest only loses the head start
  }
  return preloadManifest;
}

/**
 * The chunk groups (see esbuild.js) a source's kind of diagram needs, in the order they are needed. Mermaid 12
 * lays out state diagrams and flowcharts with ELK by default (its `layout` setting), not dagre.
 */
export function chunkKindsFor(source: string): string[] {
  switch (diagramKind(source)) {
    case 'state':
      return ['mermaid', 'state', 'elk'];
    case 'sequence':
      return ['mermaid', 'sequence'];
    case 'flowchart':
      return ['mermaid', 'flowchart', 'elk'];
    case 'other':
      return ['mermaid'];
  }
}

/**
 * The panel's HTML; call it for every (re)load so each gets a fresh nonce. Inline styles: mermaid styles its SVG.
 * The page's script and style are written into it, and the first render comes with it (with the pictures drawn
 * of it before, if any), so a stored picture paints before anything is fetched. Without a picture, Mermaid's
 * module and the chunks the render needs are preloaded after the script, which starts importing Mermaid first.
 */
export function diagramHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  initial: RenderMessage,
  marks: HostMarks = {},
  nonce = newNonce(),
): string {
  const root = webviewRoot(extensionUri);
  const kinds = initial.svgs?.length ? [] : chunkKindsFor(initial.source);
  const chunks = new Set(kinds.flatMap((kind) => manifest(extensionUri)[kind] ?? []));
  const preloads = [...chunks]
    .filter((file) => /^(chunks\/)?[\w.-]+\.js$/.test(file))
    .map((file) => `<link rel="modulepreload" nonce="${nonce}" href="${webview.asWebviewUri(vscode.Uri.joinPath(root, file))}">`);
  const mermaidModule = webview.asWebviewUri(vscode.Uri.joinPath(root, 'diagramMermaid.js')).toString();
  return webviewHtml(
    webview,
    extensionUri,
    {
      entry: 'diagram',
      title: initial.title,
      strings: webviewStrings(),
      csp: { style: ["'unsafe-inline'"], img: ['data:'], font: true },
      head: [
        `<meta name="${INITIAL_RENDER_META}" content="${escapeHtml(JSON.stringify(initial))}">`,
        `<meta name="${HOST_MARKS_META}" content="${escapeHtml(JSON.stringify(marks))}">`,
        `<meta name="${MERMAID_MODULE_META}" content="${escapeHtml(mermaidModule)}">`,
      ].join('\n'),
      tail: preloads.join('\n'),
      inline: inlinePage(extensionUri),
    },
    nonce,
  );
}
