import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { webviewRoot } from '../webview/webviewHtml';
import { Disposable, toDisposable } from '../../core/dispose';
import type { CardGroup } from '../../core/index/noteIndex';
import { ProgressBook } from '../../core/quiz/progress';
import { termMastery, termStates, type TermMastery } from '../../core/quiz/mastery';
import { CardDeck } from '../../core/quiz/cardKinds';
import type { HiddenCard } from '../../core/quiz/cardFlags';
import { normaliseLimits, type DailyLimits } from '../../core/quiz/limits';
import { Scheduler, type Clock, type QuizGrade } from '../../core/quiz/scheduler';
import type { QuizScope } from '../../core/quiz/scope';
import { createSession, type ActionResult, type QuizSession } from '../../core/quiz/session';
import { ProgressStore } from '../../node/progressStore';
import type { HostToWebview, NoticeView, WebviewToHost } from '../../shared/quizProtocol';
import { onDidChangeSettings, readQuizConfig, Setting } from '../config';
import type { Services } from '../services';
import { DueCards } from './dueCards';
import { CARD_ACTIONS, type CardAction, type QuizOptions, type QuizTestState } from './quizTypes';
import { openAnswerLink, openItemNote } from './navigation';
import { QuizPanel, QUIZ_VIEW_TYPE } from './panel';
import { ProgressCommands, reportLoadProblem } from './progressCommands';
import { exportAnkiCards } from './ankiExport';
import { AnswerRenderer } from './render';
import { completeScope, pickScope, scopeFromArg, scopeLabel } from './scopePick';
import { diagramPhrases, initMessage, screenMessage, type ViewSources } from './views';

export { CARD_ACTIONS, type CardAction, type QuizOptions, type QuizTestState };

const INDEX_DEBOUNCE_MS = 200;

/** The quiz feature: progress, due counts, status bar, the panel and its session. */
export class QuizController extends Disposable {
  readonly book = new ProgressBook();
  private cachedScheduler: Scheduler | undefined;
  readonly store: ProgressStore;
  private readonly hiddenChanged = this._register(new vscode.EventEmitter<void>());
  /** Fires when a card was hidden or shown again (the tree's "Suspended and hidden" group). */
  readonly onDidChangeHidden = this.hiddenChanged.event;
  private flagsVersion = -1;
  private readonly now: Clock;
  private readonly due: DueCards;
  /** The notes' questions plus the generated cards of the kinds switched on. */
  readonly deck: CardDeck;
  /** Fires when the due cards may have changed (index, progress or time). */
  readonly onDidChangeDue: vscode.Event<void>;
  private readonly loaded: Promise<void>;
  private progressLoaded = false;
  private readonly views: ViewSources;
  private readonly progress: ProgressCommands;
  private panel: QuizPanel | undefined;
  private session: QuizSession | undefined;
  private sessionId = '';
  private scope: QuizScope | undefined;
  private renderer: AnswerRenderer;
  private indexTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly services: Services,
    private readonly options: QuizOptions = {},
  ) {
    super();
    this.now = options.now ?? (() => new Date());
    const dir = options.storageDir ?? services.context.globalStorageUri.fsPath;
    this.store = new ProgressStore({ dir, now: this.now });
    this.renderer = new AnswerRenderer(() => this.imageFolders(), services.output);
    this.views = { index: services.index, renderer: this.renderer, now: this.now };
    this.progress = new ProgressCommands({
      services,
      book: this.book,
      store: this.store,
      now: this.now,
      invalidateDue: () => this.invalidateDue(),
      restartOpenSession: async () => {
        if (this.panel && this.scope) await this.openSession(this.scope);
      },
    });

    this.deck = this._register(new CardDeck(services.index, () => readQuizConfig().cardKinds, diagramPhrases));
    this.due = new DueCards(this.deck, this.book, this.now, () => this.daily());
    this.onDidChangeDue = this.due.onDidChange;
    this._register(this.due);

    this._register(services.index.onDidChange(() => this.onIndexChanged()));
    this._register(
      this.book.onDidChange(() => {
        this.invalidateDue();
        if (this.book.flags.version !== this.flagsVersion) {
          this.flagsVersion = this.book.flags.version;
          this.hiddenChanged.fire();
        }
      }),
    );
    this._register(
      onDidChangeSettings([Setting.quizNewCardsPerDay, Setting.quizReviewsPerDay, Setting.quizDesiredRetention], () => {
        this.cachedScheduler = undefined;
        this.invalidateDue();
      }),
    );
    this._register(
      onDidChangeSettings([Setting.quizClozeCards, Setting.quizReverseCards, Setting.quizDiagramQuestions], () => {
        this.deck.invalidate();
        this.invalidateDue();
      }),
    );
    this._register(toDisposable(() => this.indexTimer && clearTimeout(this.indexTimer)));

    this.loaded = this.load();
    this.invalidateDue();
  }

  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  /** FSRS with the user's desired retention (rebuilt when the setting changes); fuzz on. */
  get scheduler(): Scheduler {
    return (this.cachedScheduler ??= new Scheduler({ desiredRetention: readQuizConfig().desiredRetention, fuzz: true }));
  }

  daily(): DailyLimits {
    const c = readQuizConfig();
    return normaliseLimits({ newPerDay: c.newCardsPerDay, reviewsPerDay: c.reviewsPerDay });
  }

  /** How well the quiz says a term is known (the hover adapts to it); undefined until progress is loaded. */
  mastery(termKey: string): TermMastery | undefined {
    if (!this.progressLoaded) return undefined;
    return termMastery(termStates(this.book, termKey), this.now());
  }

  /** Suspended, not-a-question and buried cards, most recent first. */
  hiddenCards(): HiddenCard[] {
    return this.book.flags.hidden(this.now());
  }

  // ---- progress ----

  private async load(): Promise<void> {
    const result = await this.store.load();
    this.book.replace(result.data);
    this.progressLoaded = true;
    this.book.flags.prune(this.now());
    if (result.problem) reportLoadProblem(this.services.output, result.problem);
    this.progress.reconcile();
    this.invalidateDue();
  }

  private onIndexChanged(): void {
    this.invalidateDue();
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      void this.loaded.then(async () => {
        this.progress.reconcile();
        // A session not started yet follows the notes (e.g. a panel restored while the index loads).
        const session = this.session;
        if (this.panel && this.scope && session && session.progress().reviewed === 0) await this.openSession(this.scope, undefined, false);
      });
    }, INDEX_DEBOUNCE_MS);
  }

  // ---- due cards ----

  private invalidateDue(): void {
    this.due.invalidate();
  }

  /** Cards due now (new cards included), in review order. */
  dueCards(): CardGroup[] {
    return this.due.cards();
  }

  dueCount(): number {
    return this.due.count();
  }

  /** Whether there is a due count to show: not in a window with only the starter notes where nothing was reviewed. */
  showsDue(): boolean {
    return this.due.shown();
  }

  // ---- the session ----

  /** Starts a quiz over a scope (picked when not given); `practice` leaves the schedule as it is. */
  async start(arg?: unknown, practice = false): Promise<void> {
    await this.loaded;
    const index = this.services.index;
    let scope = scopeFromArg(arg);
    if (!scope) scope = await pickScope(index, this.dueCount());
    if (!scope) return;
    if (practice) scope = { ...scope, practice: true };
    const complete = completeScope(index, scope);
    if (!complete) {
      const message =
        scope.scope === 'term'
          ? vscode.l10n.t('Put the cursor on a term from your notes to quiz on it.')
          : scope.scope === 'note'
            ? vscode.l10n.t('Open a note to quiz on it.')
            : vscode.l10n.t('Nothing to quiz on: {0} needs a value.', scope.scope);
      void vscode.window.showInformationMessage(message);
      return;
    }
    await this.openSession(complete);
  }

  private async openSession(scope: QuizScope, revived?: vscode.WebviewPanel, reveal = true): Promise<void> {
    const started = Date.now();
    const previous = this.session?.current()?.key;
    this.scope = scope;
    this.session = createSession(
      this.deck,
      scope,
      { book: this.book, scheduler: this.scheduler, now: this.now, rng: this.options.rng },
      { daily: this.daily(), limit: scope.size },
    );
    // Refreshing an untouched session that still starts with the same card keeps its id, so the
    // webview keeps a revealed answer.
    if (reveal || revived || !previous || this.session.current()?.key !== previous) this.sessionId = randomUUID();
    this.services.output.debug(
      `quiz: session over ${this.session.items.length} item(s) for ${JSON.stringify(scope)} in ${Date.now() - started} ms`,
    );
    const title = vscode.l10n.t('Quiz: {0}', scopeLabel(this.services.index, scope));
    const extensionUri = this.services.context.extensionUri;
    if (revived) {
      this.panel?.dispose();
      this.attach(QuizPanel.revive(revived, extensionUri, [webviewRoot(extensionUri)]));
    } else if (!this.panel) {
      this.attach(QuizPanel.create(extensionUri, [webviewRoot(extensionUri)], title));
    } else if (reveal) {
      this.panel.reveal();
    }
    this.panel!.title = title;
    await this.sendAll();
  }

  private attach(panel: QuizPanel): void {
    this.panel = panel;
    this.renderer.clear();
    panel.onMessage(
      (m) =>
        void this.onMessage(m).catch((err) =>
          this.services.output.error(`quiz: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
        ),
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
    for (const file of this.services.index.files()) {
      const dir = path.dirname(file);
      if (!dirs.some((d) => dir === d || dir.startsWith(d + path.sep))) dirs.push(dir);
    }
    return dirs;
  }

  private async sendAll(): Promise<void> {
    const panel = this.panel;
    if (!panel || !this.scope) return;
    panel.post(initMessage(this.services.index, this.scope, this.sessionId));
    panel.post(await this.screen());
  }

  private screen(notice?: NoticeView): Promise<HostToWebview> {
    return screenMessage(this.views, this.session, this.sessionId, this.scope, notice);
  }

  private async onMessage(message: WebviewToHost): Promise<void> {
    const session = this.session;
    switch (message.type) {
      case 'ready':
        await this.sendAll();
        return;
      case 'reveal':
        return;
      case 'grade': {
        const item = session?.current();
        if (!session || item?.kind !== 'card' || item.key !== message.key) {
          this.panel?.post(await this.screen()); // stale (e.g. a double key press): show the current state
          return;
        }
        await this.grade(message.grade);
        return;
      }
      case 'choose': {
        const item = session?.current();
        if (!session || item?.kind !== 'term' || item.key !== message.key) {
          this.panel?.post(await this.screen());
          return;
        }
        const { correct } = session.choose(message.choice);
        void this.progress.save();
        const explanationHtml = await this.renderer.render(item.summary, item.file);
        this.panel?.post({
          type: 'chosen',
          sessionId: this.sessionId,
          key: item.key,
          choice: message.choice,
          answer: item.answer,
          correct,
          explanationHtml,
        });
        return;
      }
      case 'next':
        this.panel?.post(await this.screen());
        return;
      case 'openNote':
        await openItemNote(this.services, this.session, message.key);
        return;
      case 'act':
        await this.act(message.action, message.key);
        return;
      case 'undo':
        // Nothing to undo (undone elsewhere meanwhile): still answer, so the panel is not left waiting.
        if (!(await this.unhide(message.key))) this.panel?.post(await this.screen());
        return;
      case 'openLink':
        await openAnswerLink(this.services, this.session, message.href, this.imageFolders());
        return;
      case 'restart':
        if (this.scope) await this.openSession(this.scope);
        return;
      case 'close':
        this.panel?.dispose();
        return;
    }
  }

  /** Grades the current card, saves, and shows the next screen. */
  async grade(grade: QuizGrade): Promise<void> {
    const session = this.session;
    if (!session || session.current()?.kind !== 'card') return;
    session.grade(grade);
    const saved = this.progress.save();
    this.invalidateDue();
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
    const saved = action === 'skip' ? Promise.resolve() : this.progress.save();
    this.invalidateDue();
    const notice: NoticeView = { action, removed: result.removed };
    if (action === 'suspend' || action === 'notQuestion') notice.undoKey = item.key;
    this.panel?.post(await this.screen(notice));
    await saved;
    return result;
  }

  /** Shows a hidden card in quizzes again (the tree's undo, the panel's undo). */
  async unhide(key: string): Promise<boolean> {
    await this.loaded;
    const changed = this.session ? this.session.unhide(key) : this.book.unhide(key, this.now());
    if (!changed) return false;
    const saved = this.progress.save();
    this.invalidateDue();
    if (this.panel && this.session) this.panel.post(await this.screen());
    await saved;
    return true;
  }

  // ---- export / import / reset (progressCommands.ts) ----

  async exportProgress(): Promise<void> {
    await this.loaded;
    await this.progress.exportProgress();
  }

  /** Saves every card the quiz asks (not-a-question cards left out) as an Anki text file, through a save dialog. */
  async exportAnkiCards(): Promise<string | undefined> {
    await this.loaded;
    const now = this.now();
    const cards = this.deck.cardGroups().filter((g) => this.book.flags.get(g.key)?.kind !== 'notQuestion');
    return exportAnkiCards(cards, now);
  }

  async importProgress(arg?: unknown): Promise<void> {
    await this.loaded;
    await this.progress.importProgress(arg);
  }

  async resetProgress(arg?: unknown): Promise<void> {
    await this.loaded;
    await this.progress.resetProgress(arg);
  }

  // ---- restore after reload, tests ----

  async revive(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    await this.loaded;
    const saved = isObject(state) ? scopeFromArg(state.scope) : undefined;
    await this.openSession(saved ?? { scope: 'due' }, panel);
  }

  testState(): QuizTestState {
    const item = this.session?.current();
    return {
      dueCount: this.dueCount(),
      dueKeys: this.dueCards()
        .slice(0, 100)
        .map((g) => g.key),
      cardCount: this.services.index.cardGroups().length,
      panelOpen: !!this.panel,
      panelTitle: this.panel?.title,
      current: item && { key: item.key, kind: item.kind, text: item.kind === 'card' ? item.question : item.term },
      position: this.session?.progress(),
      progressFile: this.store.file,
      practice: this.session?.practice,
      limits: this.session?.limits(),
      hidden: this.hiddenCards(),
    };
  }

  async flush(): Promise<void> {
    await this.store.flush();
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}

export { QUIZ_VIEW_TYPE };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
