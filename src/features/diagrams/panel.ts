import * as os from 'node:os';
import * as vscode from 'vscode';
import { Disposable } from '../../core/dispose';
import { markStepDone } from '../onboarding/stepsDone';
import type { Services } from '../services';
import { locateNode, type DiagramSource } from '../../core/diagrams/link';
import {
  DIAGRAM_THEMES,
  DIAGRAM_VIEW_TYPE,
  MAX_SVG_LENGTH,
  parseWebviewMessage,
  type DiagramTheme,
  type HostToWebview,
  type RenderMessage,
  type WebviewToHost,
} from '../../shared/diagramProtocol';
import { readConfig } from '../config';
import { diagramHtml, webviewOptions, type HostMarks } from './html';
import type { SvgStore } from './svgStore';

const LAST_EXPORT_FOLDER = 'til.diagrams.lastExportFolder';

/** The `til.diagrams.theme` setting: undefined = follow VS Code. */
export function configuredTheme(): DiagramTheme | undefined {
  const value = readConfig().diagramsTheme;
  return DIAGRAM_THEMES.includes(value as DiagramTheme) ? (value as DiagramTheme) : undefined;
}

export interface RenderOutcome {
  ok: boolean;
  error?: string;
  ms?: number;
}

interface Waiter {
  renderId: number;
  resolve(outcome: RenderOutcome): void;
}

/**
 * One webview panel per diagram id, reused when the same diagram is asked for again. The webview
 * posts `ready`; only then does the panel send `render` (again after every reload: the panel does
 * not retain its context when hidden, the webview restores zoom/pan from its own state).
 */
export class DiagramPanel extends Disposable {
  private static readonly panels = new Map<string, DiagramPanel>();
  /** Pictures drawn before, across panels and sessions (set by registerDiagrams). */
  static pictures: SvgStore | undefined;
  /** The notes' diagrams without a picture yet, to draw ahead (set by registerDiagrams). */
  static predrawSources: (() => string[]) | undefined;
  /** The panel drawing ahead: one page at a time, the first to show a picture. */
  private static predrawer: DiagramPanel | undefined;

  static get(id: string): DiagramPanel | undefined {
    return DiagramPanel.panels.get(id);
  }
  static all(): DiagramPanel[] {
    return [...DiagramPanel.panels.values()];
  }
  static disposeAll(): void {
    for (const panel of DiagramPanel.all()) panel.dispose();
  }

  /** Shows the diagram: reveals its panel if it is open (updating it), else opens one. */
  static show(
    services: Services,
    diagram: DiagramSource,
    options: { preserveFocus?: boolean; highlight?: string; marks?: HostMarks } = {},
  ): DiagramPanel {
    const existing = DiagramPanel.panels.get(diagram.id);
    if (existing) {
      const highlightChanged = existing.highlight !== options.highlight;
      existing.highlight = options.highlight;
      existing.update(diagram);
      if (highlightChanged) existing.render();
      existing.panel.reveal(undefined, options.preserveFocus);
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const create = Date.now();
    const panel = vscode.window.createWebviewPanel(
      DIAGRAM_VIEW_TYPE,
      diagram.title,
      { viewColumn: column, preserveFocus: options.preserveFocus },
      webviewOptions(services.context.extensionUri),
    );
    const opened = new DiagramPanel(services, panel, diagram, options.highlight, { ...options.marks, create });
    markStepDone(services, 'diagrams');
    return opened;
  }

  /** Adopts a panel VS Code restored after a reload (see the serializer in index.ts). */
  static revive(services: Services, panel: vscode.WebviewPanel, diagram: DiagramSource): DiagramPanel {
    const existing = DiagramPanel.panels.get(diagram.id);
    if (existing) {
      // Two restored panels for one id: keep the first.
      panel.dispose();
      return existing;
    }
    return new DiagramPanel(services, panel, diagram);
  }

  private ready = false;
  private renderId = 0;
  private completed: { renderId: number; outcome: RenderOutcome } | undefined;
  private waiters: Waiter[] = [];
  private readonly svgRequests = new Map<number, (svg: string) => void>();
  private nextRequest = 1;
  private diagramValue: DiagramSource;
  /** The node a hover asked to light up, from the diagram's own table. */
  private highlight: string | undefined;
  /** Sources this page was asked to draw ahead, until their pictures arrive. */
  private predrawing = new Set<string>();

  private constructor(
    private readonly services: Services,
    readonly panel: vscode.WebviewPanel,
    diagram: DiagramSource,
    highlight?: string,
    marks: HostMarks = {},
  ) {
    super();
    this.diagramValue = diagram;
    this.highlight = highlight;
    DiagramPanel.panels.set(diagram.id, this);
    panel.title = diagram.title;
    panel.webview.options = webviewOptions(services.context.extensionUri);
    this._register(panel.webview.onDidReceiveMessage((data: unknown) => void this.onMessage(parseWebviewMessage(data))));
    this._register(panel.onDidDispose(() => this.dispose()));
    this.loadHtml({ ...marks, created: Date.now() });
  }

  get diagram(): DiagramSource {
    return this.diagramValue;
  }

  /** (Re)loads the webview with a fresh nonce and the diagram to draw first; it answers with `ready`. */
  private loadHtml(marks: HostMarks = {}): void {
    this.ready = false;
    const message = this.renderMessage();
    this.panel.webview.html = diagramHtml(this.panel.webview, this.services.context.extensionUri, message, {
      ...marks,
      html: Date.now(),
    });
  }

  /** Points the panel at a new version of its diagram (edited note, moved block) and re-renders if it changed. */
  update(diagram: DiagramSource): void {
    const old = this.diagramValue;
    if (diagram.id !== old.id) {
      if (DiagramPanel.panels.get(old.id) === this) DiagramPanel.panels.delete(old.id);
      DiagramPanel.panels.set(diagram.id, this);
    }
    this.diagramValue = diagram;
    if (this.panel.title !== diagram.title) this.panel.title = diagram.title;
    if (diagram.source !== old.source || diagram.title !== old.title) this.render();
  }

  /** Marks a note diagram whose block is gone; the last rendering stays. */
  markRemoved(): void {
    const title = vscode.l10n.t('{0} (removed from the note)', this.diagramValue.title);
    if (this.panel.title !== title) this.panel.title = title;
  }

  /** Sends the current source (again), e.g. after the theme setting changed. */
  render(): void {
    this.renderId++;
    this.post({ ...this.renderMessage(), renderId: this.renderId });
  }

  private renderMessage(): RenderMessage {
    const message: RenderMessage = {
      type: 'render',
      diagramId: this.diagramValue.id,
      title: this.diagramValue.title,
      source: this.diagramValue.source,
      theme: configuredTheme(),
    };
    if (this.highlight) message.highlight = this.highlight;
    const svgs = DiagramPanel.pictures?.pictures(message.source);
    if (svgs?.length) message.svgs = svgs;
    return message;
  }

  private post(message: HostToWebview): void {
    if (!this.ready || this.isDisposed) return; // sent again on `ready`
    void this.panel.webview.postMessage(message);
  }

  /** Resolves when the latest render finished (fine or with an error), or after `timeoutMs`. */
  whenRendered(timeoutMs = 30_000): Promise<RenderOutcome> {
    if (this.completed && this.completed.renderId >= this.renderId && this.renderId > 0) return Promise.resolve(this.completed.outcome);
    return new Promise<RenderOutcome>((resolve) => {
      const waiter: Waiter = {
        renderId: Math.max(1, this.renderId),
        resolve: (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve({ ok: false, error: vscode.l10n.t('The diagram did not render within {0} seconds.', Math.round(timeoutMs / 1000)) });
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The rendered SVG, asked of the webview (no button press needed). */
  requestSvg(timeoutMs = 15_000): Promise<string> {
    const requestId = this.nextRequest++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.svgRequests.delete(requestId);
        reject(new Error(vscode.l10n.t('The diagram did not answer with its SVG.')));
      }, timeoutMs);
      this.svgRequests.set(requestId, (svg) => {
        clearTimeout(timer);
        resolve(svg);
      });
      if (!this.ready) {
        clearTimeout(timer);
        this.svgRequests.delete(requestId);
        reject(new Error(vscode.l10n.t('The diagram is not ready yet.')));
        return;
      }
      void this.panel.webview.postMessage({ type: 'requestSvg', requestId } satisfies HostToWebview);
    });
  }

  /** The SVG once rendered (for tests; the user's export goes through the save dialog). */
  async renderedSvg(): Promise<string> {
    const outcome = await this.whenRendered();
    if (!outcome.ok) throw new Error(outcome.error ?? vscode.l10n.t('The diagram could not be rendered.'));
    return this.requestSvg();
  }

  private async onMessage(message: WebviewToHost | undefined): Promise<void> {
    if (!message || this.isDisposed) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        // A page loaded again has forgotten what it was drawing ahead: it is asked again after its picture.
        if (DiagramPanel.predrawer === this) DiagramPanel.predrawer = undefined;
        this.render();
        break;
      case 'rendered':
        if (message.renderId !== undefined) this.complete(message.renderId, { ok: true, ms: message.ms });
        this.predrawIfFirst();
        this.services.output.debug(
          `diagram "${this.diagramValue.title}" rendered in ${message.ms} ms${message.removed?.length ? `; removed: ${message.removed.join(', ')}` : ''}`,
        );
        break;
      case 'renderError':
        if (message.renderId !== undefined) this.complete(message.renderId, { ok: false, error: message.message });
        this.services.output.warn(
          `diagram "${this.diagramValue.title}" (${this.diagramValue.id}) did not render: ${message.message.split('\n')[0]}`,
        );
        break;
      case 'exportSvg': {
        if (message.requestId !== undefined) {
          const answer = this.svgRequests.get(message.requestId);
          this.svgRequests.delete(message.requestId);
          answer?.(message.svg);
        } else {
          await this.exportInteractive(message.svg);
        }
        break;
      }
      case 'exportPng':
        await this.exportInteractive(base64Bytes(message.base64), 'png');
        break;
      case 'copySvg':
        if (isSvg(message.svg)) {
          await vscode.env.clipboard.writeText(message.svg);
          void vscode.window.showInformationMessage(vscode.l10n.t('Copied the diagram as SVG.'));
        }
        break;
      case 'openNode':
        await this.openNode(message.nodeId, message.label);
        break;
      case 'cacheSvg':
        // Only this panel's own source or one it was asked to draw ahead, and only SVG: the page cannot file
        // pictures for anything else.
        if ((message.source === this.diagramValue.source || this.predrawing.delete(message.source)) && isSvg(message.svg))
          DiagramPanel.pictures?.put(message.source, message.themeKey, message.svg);
        break;
    }
  }

  private complete(renderId: number, outcome: RenderOutcome): void {
    if (!this.completed || renderId >= this.completed.renderId) this.completed = { renderId, outcome };
    const done = this.waiters.filter((w) => renderId >= w.renderId && renderId >= this.renderId);
    this.waiters = this.waiters.filter((w) => !done.includes(w));
    for (const w of done) w.resolve(outcome);
  }

  private async openNode(nodeId: string, label: string | undefined): Promise<void> {
    const target = locateNode(this.diagramValue, { nodeId, label }, this.services.index);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No note explains “{0}” yet.', label || nodeId));
      return;
    }
    // Open the note next to the diagram, not over it: in the other group (the second is created when there is
    // none), named outright. Focusing that group first raced with the next click, which focuses the diagram's.
    const column = this.panel.viewColumn;
    const other =
      column === undefined ? vscode.ViewColumn.Beside : column === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await this.services.openLocation(target.file, target.line, other);
  }

  /** Export always asks where: a save dialog, never a path from a message or an argument. */
  private async exportInteractive(content: string | Uint8Array, format: 'svg' | 'png' = 'svg'): Promise<void> {
    const valid = format === 'svg' ? typeof content === 'string' && isSvg(content) : isPng(content);
    if (!valid) {
      void vscode.window.showErrorMessage(vscode.l10n.t('There is no rendered diagram to export.'));
      return;
    }
    const state = this.services.context.globalState;
    const lastFolder = state.get<string>(LAST_EXPORT_FOLDER);
    const folder = lastFolder ? vscode.Uri.parse(lastFolder) : vscode.Uri.file(os.homedir());
    const target = await vscode.window.showSaveDialog({
      title: format === 'svg' ? vscode.l10n.t('Export Diagram as SVG') : vscode.l10n.t('Export Diagram as PNG'),
      saveLabel: vscode.l10n.t('Export'),
      defaultUri: vscode.Uri.joinPath(folder, `${fileNameFor(this.diagramValue.title)}.${format}`),
      filters: format === 'svg' ? { [vscode.l10n.t('SVG Image')]: ['svg'] } : { [vscode.l10n.t('PNG Image')]: ['png'] },
    });
    if (!target) return;
    try {
      if (typeof content === 'string') await writeSvg(target, content);
      else await vscode.workspace.fs.writeFile(target, content);
      await state.update(LAST_EXPORT_FOLDER, vscode.Uri.joinPath(target, '..').toString());
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Exported the diagram to {0}.', target.scheme === 'file' ? target.fsPath : target.toString()),
      );
    } catch (error) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Could not export the diagram: {0}', error instanceof Error ? error.message : String(error)),
      );
    }
  }

  /** The first page to show a picture draws the notes' other diagrams ahead (again after it closed, in the next one). */
  private predrawIfFirst(): void {
    if (DiagramPanel.predrawer && !DiagramPanel.predrawer.isDisposed) return;
    const sources = DiagramPanel.predrawSources?.() ?? [];
    if (!sources.length) return; // none yet (or the notes are still being read): the next picture asks again
    DiagramPanel.predrawer = this;
    this.predrawing = new Set(sources);
    this.post({ type: 'predraw', sources });
  }

  override dispose(): void {
    if (this.isDisposed) return;
    if (DiagramPanel.predrawer === this) DiagramPanel.predrawer = undefined;
    if (DiagramPanel.panels.get(this.diagramValue.id) === this) DiagramPanel.panels.delete(this.diagramValue.id);
    for (const w of this.waiters) w.resolve({ ok: false, error: vscode.l10n.t('The diagram panel was closed.') });
    this.waiters = [];
    this.svgRequests.clear();
    super.dispose();
    this.panel.dispose();
  }
}

function isSvg(svg: string): boolean {
  return typeof svg === 'string' && svg.length > 0 && svg.length <= MAX_SVG_LENGTH && /<svg[\s>]/.test(svg.slice(0, 4096));
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function isPng(content: string | Uint8Array): content is Uint8Array {
  return content instanceof Uint8Array && content.length > PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => content[i] === b);
}

function base64Bytes(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

export async function writeSvg(target: vscode.Uri, svg: string): Promise<void> {
  if (!isSvg(svg)) throw new Error(vscode.l10n.t('There is no rendered diagram to export.'));
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(svg));
}

/** A file name from a diagram title: letters (any script), digits, dashes. */
export function fileNameFor(title: string): string {
  const name = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return name || 'diagram';
}
