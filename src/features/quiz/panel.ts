import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { isWebviewMessage, type HostMessage, type WebviewMessage } from '../../shared/quizProtocol';

export const QUIZ_VIEW_TYPE = 'til.quiz';

/** The quiz webview panel: CSP with a fresh nonce, typed messages, messages queued until `ready`. */
export class QuizPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private readonly onMessageEmitter = new vscode.EventEmitter<WebviewMessage>();
  readonly onMessage = this.onMessageEmitter.event;
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;

  static create(extensionUri: vscode.Uri, roots: vscode.Uri[], title: string): QuizPanel {
    const panel = vscode.window.createWebviewPanel(QUIZ_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
      enableScripts: true,
      enableCommandUris: false,
      retainContextWhenHidden: false, // the webview keeps its screen with setState
      localResourceRoots: roots,
    });
    return new QuizPanel(panel, extensionUri, roots);
  }

  /** Adopts a panel restored after a window reload. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, roots: vscode.Uri[]): QuizPanel {
    return new QuizPanel(panel, extensionUri, roots);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    roots: vscode.Uri[],
  ) {
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
    panel.webview.html = this.html();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        if (isWebviewMessage(raw)) this.onMessageEmitter.fire(raw);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get webview(): vscode.Webview {
    return this.panel.webview;
  }

  get title(): string {
    return this.panel.title;
  }
  set title(value: string) {
    this.panel.title = value;
  }

  reveal(): void {
    this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Active, false);
  }

  post(message: HostMessage): void {
    if (this.disposed) return;
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const base = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(base, 'quiz.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(base, 'quiz.css'));
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} https: data:`,
    ].join('; ');
    const lang = escapeAttr(vscode.env.language || 'en');
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${escapeAttr(vscode.l10n.t('Quiz'))}</title>
</head>
<body>
<main id="app" aria-label="${escapeAttr(vscode.l10n.t('Quiz'))}"></main>
<script type="module" nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.onDisposeEmitter.fire();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onMessageEmitter.dispose();
    this.onDisposeEmitter.dispose();
  }
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
