import * as vscode from 'vscode';
import type { DiagramStrings } from '../../shared/diagramProtocol';
import { newNonce, webviewHtml, webviewRoot } from '../webview/webviewHtml';

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

/** The panel's HTML; call it for every (re)load so each gets a fresh nonce. Inline styles: mermaid styles its SVG. */
export function diagramHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, nonce = newNonce()): string {
  return webviewHtml(webview, extensionUri, {
    entry: 'diagram',
    title,
    strings: webviewStrings(),
    csp: { style: ["'unsafe-inline'"], img: ['data:'], font: true },
  }, nonce);
}
