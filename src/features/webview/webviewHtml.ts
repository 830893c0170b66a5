import { crypto } from '../../node/lazyCrypto';
import * as vscode from 'vscode';
import { STRINGS_META_NAME } from '../../shared/webviewProtocol';

/** A fresh CSP nonce: 128 random bits, base64. */
export function newNonce(): string {
  return crypto().randomBytes(16).toString('base64');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The bundled webview folder: the only place our webviews load scripts and styles from. */
export function webviewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
}

export interface WebviewPage {
  /** Bundle name in dist/webview: loads `<entry>.js` and `<entry>.css`. */
  entry: 'diagram' | 'quiz' | 'stats';
  title: string;
  /** Every string the webview shows, already translated (the webview reads them with readStrings()). */
  strings: object;
  /** Extra CSP sources: `style` and `img` are appended to webview.cspSource. */
  csp?: { style?: string[]; img?: string[]; font?: boolean };
  /** Extra trusted markup for <head> (already escaped) and the body before the script. */
  head?: string;
  body?: string;
  /** Extra trusted markup after the script, for requests that should not hold the script up (preloads). */
  tail?: string;
  /**
   * The page's own script and style, written into the page instead of loaded from `<entry>.js`/`.css` (our own
   * bundle, read from dist/webview by the caller): nothing is fetched before the page can paint. The script is
   * a classic script, allowed by the same nonce; the style needs `'unsafe-inline'` in `csp.style`.
   */
  inline?: { script: string; style: string };
}

/** Our bundle's text as the content of a `<script>`/`<style>` element, or undefined if it could end it early. */
export function inlineable(text: string, tag: 'script' | 'style'): string | undefined {
  return new RegExp(`</${tag}|<!--`, 'i').test(text) ? undefined : text;
}

/**
 * The HTML shell of every webview: CSP `default-src 'none'`, the one module script allowed by a fresh nonce,
 * styles and images only from our own folder (plus what the page asks for).
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage, nonce = newNonce()): string {
  const root = webviewRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(root, `${page.entry}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(root, `${page.entry}.css`));
  const csp = [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    [`style-src ${webview.cspSource}`, ...(page.csp?.style ?? [])].join(' '),
    [`img-src ${webview.cspSource}`, ...(page.csp?.img ?? [])].join(' '),
    ...(page.csp?.font ? [`font-src ${webview.cspSource}`] : []),
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language || 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="${STRINGS_META_NAME}" content="${escapeHtml(JSON.stringify(page.strings))}">
${page.head ?? ''}
${page.inline ? `<style>${page.inline.style}</style>` : `<link rel="stylesheet" href="${style}">`}
<title>${escapeHtml(page.title)}</title>
</head>
<body>
${page.body ?? ''}
${page.inline ? `<script nonce="${nonce}">${page.inline.script}</script>` : `<script type="module" nonce="${nonce}" src="${script}"></script>`}
${page.tail ?? ''}
</body>
</html>`;
}
