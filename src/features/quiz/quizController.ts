import * as vscode from 'vscode';
import { Disposable, toDisposable } from '../../core/dispose';
import type { CardGroup } from '../../core/index/noteIndex';
import { ProgressBook } from '../../core/quiz/progress';
import { termMastery, termStates, type TermMastery } from '../../core/quiz/mastery';
import { CardDeck } from '../../core/quiz/cardKinds';
import type { HiddenCard } from '../../core/quiz/cardFlags';
import { normaliseLimits, type DailyLimits } from '../../core/quiz/limits';
import { mainSources } from '../../core/index/sources';
import { Scheduler, type Clock, type QuizGrade } from '../../core/quiz/scheduler';
import type { ActionResult } from '../../core/quiz/session';
import { ProgressStore } from '../../node/progressStore';
import { onDidChangeSettings, readQuizConfig, Setting } from '../config';
import type { Services } from '../services';
import { DueCards } from './dueCards';
import { CARD_ACTIONS, type CardAction, type QuizOptions, type QuizTestState } from './quizTypes';
import { QUIZ_VIEW_TYPE } from './panel';
import { ProgressCommands, reportLoadProblem } from './progressCommands';
import { exportAnkiCards } from './ankiExport';
import { completeScope, pickScope, scopeFromArg } from './scopePick';
import { QuizSessionPanel } from './quizSessionPanel';
import { diagramPhrases } from './views';

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
  private readonly progress: ProgressCommands;
  private readonly sessionPanel: QuizSessionPanel;
  private indexTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly services: Services,
    private readonly options: QuizOptions = {},
  ) {
    super();
    this.now = options.now ?? (() => new Date());
    const dir = options.storageDir ?? services.context.globalStorageUri.fsPath;
    this.store = new ProgressStore({ dir, now: this.now });
    this.progress = new ProgressCommands({
      services,
      book: this.book,
      store: this.store,
      now: this.now,
      invalidateDue: () => this.invalidateDue(),
      restartOpenSession: () => this.sessionPanel.restart(),
    });

    this.deck = this._register(new CardDeck(services.index, () => readQuizConfig().cardKinds, diagramPhrases));
    this.due = new DueCards(this.deck, this.book, this.now, () => this.daily());
    this.sessionPanel = new QuizSessionPanel({
      services,
      deck: this.deck,
      book: this.book,
      scheduler: () => this.scheduler,
      daily: () => this.daily(),
      now: this.now,
      rng: options.rng,
      save: () => this.progress.save(),
      invalidateDue: () => this.invalidateDue(),
    });
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
    const limits: DailyLimits = normaliseLimits({ newPerDay: c.newCardsPerDay, reviewsPerDay: c.reviewsPerDay });
    // A look at the starter notes does not use up the day's new questions of the user's own: once the user has notes,
    // only grades of their cards count against the limits.
    if (this.services.index.hasUserNotes()) {
      const own = new Set(this.deck.cardGroups(mainSources(this.services.index)).map((g) => g.key));
      limits.counts = (key) => own.has(key);
    }
    return limits;
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
        await this.sessionPanel.followNotes();
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

  /** Due cards never answered (new questions). */
  dueNewCount(): number {
    return this.due.newCount();
  }

  /** Terms of "Name the term" due for review now. */
  dueTermCount(): number {
    return this.due.terms().length;
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
    await this.sessionPanel.open(complete);
  }

  /** Grades the current card, saves, and shows the next screen. */
  grade(grade: QuizGrade): Promise<void> {
    return this.sessionPanel.grade(grade);
  }

  /** Skip, suspend, not a question or bury siblings on the current card (`key` guards against a stale click). */
  act(action: CardAction, key?: string): Promise<ActionResult | undefined> {
    return this.sessionPanel.act(action, key);
  }

  /** Shows a hidden card in quizzes again (the tree's undo, the panel's undo). */
  async unhide(key: string): Promise<boolean> {
    await this.loaded;
    return this.sessionPanel.unhide(key);
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
    await this.sessionPanel.open(saved ?? { scope: 'due' }, panel);
  }

  testState(): QuizTestState {
    const { session, open, panelTitle } = this.sessionPanel.current;
    const item = session?.current();
    return {
      dueCount: this.dueCount(),
      dueKeys: this.dueCards()
        .slice(0, 100)
        .map((g) => g.key),
      cardCount: this.services.index.cardGroups().length,
      panelOpen: open,
      panelTitle,
      current: item && { key: item.key, kind: item.kind, text: item.kind === 'card' ? item.question : item.term },
      position: session?.progress(),
      progressFile: this.store.file,
      practice: session?.practice,
      limits: session?.limits(),
      hidden: this.hiddenCards(),
    };
  }

  async flush(): Promise<void> {
    await this.store.flush();
  }

  override dispose(): void {
    this.sessionPanel.dispose();
    super.dispose();
  }
}

export { QUIZ_VIEW_TYPE };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
