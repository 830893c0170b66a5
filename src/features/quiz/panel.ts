import * as vscode from 'vscode';
import { Disposable } from '../../core/dispose';
import { remoteImagesAllowed } from './render';
import { escapeHtml, webviewHtml } from '../webview/webviewHtml';
import { parseWebviewMessage, type HostToWebview, type WebviewToHost } from '../../shared/quizProtocol';
import { webviewStrings } from './strings';

export const QUIZ_VIEW_TYPE = 'til.quiz';

/** The quiz webview panel: CSP with a fresh nonce, typed messages, messages queued until `ready`. */
export class QuizPanel extends Disposable {
  private readonly onMessageEmitter = this._register(new vscode.EventEmitter<WebviewToHost>());
  readonly onMessage = this.onMessageEmitter.event;
  private readonly onDisposeEmitter = this._register(new vscode.EventEmitter<void>());
  readonly onDidDispose = this.onDisposeEmitter.event;

  static create(extensionUri: vscode.Uri, roots: vscode.Uri[], title: string): QuizPanel {
    const panel = vscode.window.createWebviewPanel(
      QUIZ_VIEW_TYPE,
      title,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      {
        enableScripts: true,
        enableCommandUris: false,
        retainContextWhenHidden: false, // the webview keeps its screen with setState
        localResourceRoots: roots,
      },
    );
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
    super();
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
    panel.webview.html = this.html();
    this._register(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseWebviewMessage(raw);
        if (message) this.onMessageEmitter.fire(message);
      }),
    );
    this._register(panel.onDidDispose(() => this.dispose()));
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

  post(message: HostToWebview): void {
    if (this.isDisposed) return;
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    const title = vscode.l10n.t('Quiz');
    return webviewHtml(this.panel.webview, this.extensionUri, {
      entry: 'quiz',
      title,
      strings: webviewStrings(),
      // Remote images only when the setting allows them (answers show a placeholder otherwise).
      csp: { img: remoteImagesAllowed() ? ['https:', 'data:'] : ['data:'] },
      body: `<main id="app" aria-label="${escapeHtml(title)}"></main>`,
    });
  }

  override dispose(): void {
    if (this.isDisposed) return;
    // Listeners hear about it while the emitters still work; then the panel and everything registered go.
    this.onDisposeEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }
}
