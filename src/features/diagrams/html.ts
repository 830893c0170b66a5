import * as crypto from 'crypto';
import * as vscode from 'vscode';

/** A fresh CSP nonce: 128 random bits, base64. */
export function newNonce(): string {
  return crypto.randomBytes(16).toString('base64');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The webview's folder: the only place it may load from. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

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
export function webviewStrings(): Record<string, string> {
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
  };
}

/** The CSP of the diagram webview: scripts only by nonce, inline styles for mermaid's SVG. */
export function contentSecurityPolicy(webview: vscode.Webview, nonce: string): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
}

/** The panel's HTML; call it for every (re)load so each gets a fresh nonce. */
export function diagramHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, nonce = newNonce()): string {
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'diagram.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'diagram.css'));
  const strings = escapeHtml(JSON.stringify(webviewStrings()));
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language || 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="til-strings" content="${strings}">
<link rel="stylesheet" href="${style}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<script type="module" nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
