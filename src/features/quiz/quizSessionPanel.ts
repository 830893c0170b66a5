import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { webviewRoot } from '../webview/webviewHtml';
import type { ProgressBook } from '../../core/quiz/progress';
import type { CardDeck } from '../../core/quiz/cardKinds';
import type { DailyLimits } from '../../core/quiz/limits';
import type { Rng } from '../../core/random';
import type { Clock, QuizGrade, Scheduler } from '../../core/quiz/scheduler';
import type { QuizScope } from '../../core/quiz/scope';
import { createSession, type ActionResult, type QuizSession } from '../../core/quiz/session';
import type { HostToWebview, NoticeView, WebviewToHost } from '../../shared/quizProtocol';
import { markStepDone } from '../onboarding/stepsDone';
import type { Services } from '../services';
import { CARD_ACTIONS, type CardAction } from './quizTypes';
import { openAnswerLink, openItemNote } from './navigation';
import { QuizPanel } from './panel';
import { AnswerRenderer } from './render';
import { scopeLabel } from './scopePick';
import { initMessage, screenMessage, type ViewSources } from './views';

/** What a session needs from the quiz controller: the deck, the progress and its schedule, and how to save. */
export interface SessionSources {
  services: Services;
  deck: CardDeck;
  book: ProgressBook;
  scheduler: () => Scheduler;
  daily: () => DailyLimits;
  now: Clock;
  rng?: Rng;
  /** Saves the progress (the returned promise resolves when it is on disk). */
  save: () => Promise<void>;
  invalidateDue: () => void;
}

/**
 * The quiz panel and the session it shows: opening, restoring and refreshing it, and every message the panel
 * sends (grade, choose, the per-card actions, links). The controller keeps the progress and the due counts.
 */
export class QuizSessionPanel implements vscode.Disposable {
  private panel: QuizPanel | undefined;
  private session: QuizSession | undefined;
  private sessionId = '';
  private scope: QuizScope | undefined;
  private readonly renderer: AnswerRenderer;
  private readonly views: ViewSources;

  constructor(private readonly sources: SessionSources) {
    this.renderer = new AnswerRenderer(() => this.imageFolders(), sources.services.output);
    this.views = { index: sources.services.index, renderer: this.renderer, now: sources.now };
  }

  get current(): { session?: QuizSession; scope?: QuizScope; panelTitle?: string; open: boolean } {
    return { session: this.session, scope: this.scope, panelTitle: this.panel?.title, open: !!this.panel };
  }

  /** Starts a new session over the scope, in the open panel or a new (or restored) one. */
  async open(scope: QuizScope, revived?: vscode.WebviewPanel, reveal = true): Promise<void> {
    const { services, deck, book, now, rng } = this.sources;
    const started = Date.now();
    const previous = this.session?.current()?.key;
    this.scope = scope;
    this.session = createSession(
      deck,
      scope,
      { book, scheduler: this.sources.scheduler(), now, rng },
      { daily: this.sources.daily(), limit: scope.size },
    );
    // Refreshing an untouched session that still starts with the same card keeps its id, so the
    // webview keeps a revealed answer.
    if (reveal || revived || !previous || this.session.current()?.key !== previous) this.sessionId = randomUUID();
    services.output.debug(
      `quiz: session over ${this.session.items.length} item(s) for ${JSON.stringify(scope)} in ${Date.now() - started} ms`,
    );
    const title = vscode.l10n.t('Quiz: {0}', scopeLabel(services.index, scope));
    const extensionUri = services.context.extensionUri;
    if (revived) {
      this.panel?.dispose();
      this.attach(QuizPanel.revive(revived, extensionUri, [webviewRoot(extensionUri)]));
    } else if (!this.panel) {
      this.attach(QuizPanel.create(extensionUri, [webviewRoot(extensionUri)], title));
    } else if (reveal) {
      this.panel.reveal();
    }
    this.panel!.title = title;
    markStepDone(services, 'quiz');
    await this.sendAll();
  }

  /** The open session again over the same scope (after the progress was imported or reset). */
  async restart(): Promise<void> {
    if (this.panel && this.scope) await this.open(this.scope);
  }

  /** A session not started yet follows the notes (e.g. a panel restored while the index loads). */
  async followNotes(): Promise<void> {
    const session = this.session;
    if (this.panel && this.scope && session && session.progress().reviewed === 0) await this.open(this.scope, undefined, false);
  }

  /** Grades the current card, saves, and shows the next screen. */
  async grade(grade: QuizGrade): Promise<void> {
    const session = this.session;
    if (!session || session.current()?.kind !== 'card') return;
    session.grade(grade);
    const saved = this.sources.save();
    this.sources.invalidateDue();
    this.panel?.post(await this.screen());
    await saved;
  }

  /** Skip, suspend, not a question or bury siblings on the current card (`key` guards against a stale click). */
  async act(action: CardAction, key?: string): Promise<ActionResult | undefined> {
    if (!CARD_ACTIONS.includes(action)) return undefined;
    const session = this.session;
    const item = session?.current();
    if (!session || !item || (key !== undefined && item.key !== key) || (action !== 'skip' && item.kind !== 'card')) {
      if (this.panel) this.panel.post(await this.screen());
      return undefined;
    }
    const result =
      action === 'skip'
        ? session.skip()
        : action === 'burySiblings'
          ? session.burySiblings()
          : session.hideCurrent(action === 'suspend' ? 'suspended' : 'notQuestion');
    const saved = action === 'skip' ? Promise.resolve() : this.sources.save();
    this.sources.invalidateDue();
    const notice: NoticeView = { action, removed: result.removed };
    if (action === 'suspend' || action === 'notQuestion') notice.undoKey = item.key;
    this.panel?.post(await this.screen(notice));
    await saved;
    return result;
  }

  /** Shows a hidden card in quizzes again (the tree's undo, the panel's undo). */
  async unhide(key: string): Promise<boolean> {
    const { book, now } = this.sources;
    const changed = this.session ? this.session.unhide(key) : book.unhide(key, now());
    if (!changed) return false;
    const saved = this.sources.save();
    this.sources.invalidateDue();
    if (this.panel && this.session) this.panel.post(await this.screen());
    await saved;
    return true;
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private attach(panel: QuizPanel): void {
    this.panel = panel;
    this.renderer.clear();
    const output = this.sources.services.output;
    panel.onMessage(
      (m) =>
        void this.onMessage(m).catch((err) => output.error(`quiz: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)),
    );
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.session = undefined;
      }
    });
  }

  /** Folders whose images and files an answer may show or open: the workspace and every notes folder. */
  private imageFolders(): string[] {
    const dirs: string[] = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    for (const file of this.sources.services.index.files()) {
      const dir = path.dirname(file);
      if (!dirs.some((d) => dir === d || dir.startsWith(d + path.sep))) dirs.push(dir);
    }
    return dirs;
  }

  private async sendAll(): Promise<void> {
    const panel = this.panel;
    if (!panel || !this.scope) return;
    panel.post(initMessage(this.sources.services.index, this.scope, this.sessionId));
    panel.post(await this.screen());
  }

  private screen(notice?: NoticeView): Promise<HostToWebview> {
    return screenMessage(this.views, this.session, this.sessionId, this.scope, notice);
  }

  private async onMessage(message: WebviewToHost): Promise<void> {
    const session = this.session;
    const services = this.sources.services;
    switch (message.type) {
      case 'ready':
        return this.sendAll();
      case 'reveal':
        return;
      case 'grade': {
        const item = session?.current();
        if (session && item?.kind === 'card' && item.key === message.key) return this.grade(message.grade);
        this.panel?.post(await this.screen()); // stale (e.g. a double key press): show the current state
        return;
      }
      case 'choose':
        return this.choose(message.key, message.choice);
      case 'next':
        this.panel?.post(await this.screen());
        return;
      case 'openNote':
        return openItemNote(services, this.session, message.key);
      case 'act':
        await this.act(message.action, message.key);
        return;
      case 'undo':
        // Nothing to undo (undone elsewhere meanwhile): still answer, so the panel is not left waiting.
        if (!(await this.unhide(message.key))) this.panel?.post(await this.screen());
        return;
      case 'openLink':
        return openAnswerLink(services, this.session, message.href, this.imageFolders());
      case 'restart':
        if (this.scope) await this.open(this.scope);
        return;
      case 'close':
        this.panel?.dispose();
        return;
    }
  }

  /** A choice in the term mode: right or wrong, with the explanation from the notes. */
  private async choose(key: string, choice: number): Promise<void> {
    const session = this.session;
    const item = session?.current();
    if (!session || item?.kind !== 'term' || item.key !== key) {
      this.panel?.post(await this.screen());
      return;
    }
    const { correct } = session.choose(choice);
    void this.sources.save();
    const explanationHtml = await this.renderer.render(item.summary, item.file);
    this.panel?.post({ type: 'chosen', sessionId: this.sessionId, key: item.key, choice, answer: item.answer, correct, explanationHtml });
  }
}
