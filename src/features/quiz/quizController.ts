import { randomUUID } from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import { webviewRoot } from '../webview/webviewHtml';
import type { CardGroup } from '../../core/index/noteIndex';
import { ProgressBook } from '../../core/quiz/progress';
import { escapeAttr } from '../../core/quiz/sanitize';
import { BLANK } from '../../core/quiz/termChoices';
import type { Rng } from '../../core/random';
import { formatInterval, Scheduler, type Clock, type QuizGrade } from '../../core/quiz/scheduler';
import type { QuizScope } from '../../core/quiz/scope';
import { countDue, createSession, dueGroups, type QuizItem, type QuizSession } from '../../core/quiz/session';
import { ImportError, ProgressStore, type ProgressProblem } from '../../node/progressStore';
import type { HostMessage, ItemView, ProgressView, SummaryView, WebviewMessage } from '../../shared/quizProtocol';
import { Commands, type Services } from '../services';
import { QuizPanel, QUIZ_VIEW_TYPE } from './panel';
import { AnswerRenderer } from './render';
import { completeScope, pickScope, scopeFromArg, scopeLabel, topicLabel } from './scopePick';
import { webviewStrings } from './strings';

export interface QuizOptions {
  /** The clock (tests inject one). */
  now?: Clock;
  /** Folder of progress.json (default: the extension's global storage folder). */
  storageDir?: string;
  /** Randomness for the term mode's choices (tests inject a seeded one). */
  rng?: Rng;
}

/** What the test-only command `til.test.quiz.state` returns. */
export interface QuizTestState {
  dueCount: number;
  /** Keys of the due cards, most urgent first (at most 100). */
  dueKeys: string[];
  cardCount: number;
  panelOpen: boolean;
  panelTitle?: string;
  current?: { key: string; kind: QuizItem['kind']; text: string };
  position?: ProgressView;
  progressFile: string;
}

const REFRESH_MS = 60_000;
const INDEX_DEBOUNCE_MS = 200;

/** The quiz feature: progress, due counts, status bar, the panel and its session. */
export class QuizController implements vscode.Disposable {
  readonly book = new ProgressBook();
  readonly scheduler = new Scheduler();
  readonly store: ProgressStore;
  private readonly now: Clock;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly dueEmitter = new vscode.EventEmitter<void>();
  /** Fires when the due cards may have changed (index, progress or time). */
  readonly onDidChangeDue = this.dueEmitter.event;
  private readonly loaded: Promise<void>;
  private dueCache: CardGroup[] | undefined;
  private lastDueCount = -1;
  private statusItem: vscode.StatusBarItem;
  private panel: QuizPanel | undefined;
  private session: QuizSession | undefined;
  private sessionId = '';
  private scope: QuizScope | undefined;
  private renderer: AnswerRenderer;
  private indexTimer: NodeJS.Timeout | undefined;
  private saveErrorShown = false;

  constructor(
    private readonly services: Services,
    private readonly options: QuizOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    const dir = options.storageDir ?? services.context.globalStorageUri.fsPath;
    this.store = new ProgressStore({ dir, now: this.now });
    this.renderer = new AnswerRenderer(() => this.panel?.webview, () => this.resourceRoots(), services.output);

    this.statusItem = vscode.window.createStatusBarItem('til.quiz.due', vscode.StatusBarAlignment.Left, 40);
    this.statusItem.name = vscode.l10n.t('TIL Quiz');
    this.statusItem.command = { command: Commands.startQuiz, title: vscode.l10n.t('Start Quiz'), arguments: [{ scope: 'due' }] };
    this.disposables.push(this.statusItem, this.dueEmitter);

    const unsubscribeIndex = services.index.onDidChange(() => this.onIndexChanged());
    const unsubscribeBook = this.book.onDidChange(() => this.invalidateDue());
    const timer = setInterval(() => this.invalidateDue(), REFRESH_MS);
    this.disposables.push({ dispose: unsubscribeIndex }, { dispose: unsubscribeBook }, { dispose: () => clearInterval(timer) });
    this.disposables.push({ dispose: () => this.indexTimer && clearTimeout(this.indexTimer) });

    this.loaded = this.load();
    this.updateStatus();
  }

  whenLoaded(): Promise<void> {
    return this.loaded;
  }

  // ---- progress ----

  private async load(): Promise<void> {
    const result = await this.store.load();
    this.book.replace(result.data);
    if (result.problem) this.reportLoadProblem(result.problem);
    this.reconcile();
    this.invalidateDue();
  }

  private reportLoadProblem(problem: ProgressProblem): void {
    this.services.output.error(`quiz: progress file ${problem.file} is ${problem.kind}: ${problem.message}${problem.backup ? `; copied to ${problem.backup}` : ''}`);
    const message = problem.backup
      ? vscode.l10n.t('Quiz progress could not be read ({0}). Starting with empty progress; the old file was kept as {1}.', problem.kind, path.basename(problem.backup))
      : vscode.l10n.t('Quiz progress could not be read ({0}). Starting with empty progress.', problem.kind);
    const showOutput = vscode.l10n.t('Show Output');
    const revealBackup = vscode.l10n.t('Reveal Backup');
    const actions = problem.backup ? [revealBackup, showOutput] : [showOutput];
    void vscode.window.showWarningMessage(message, ...actions).then((choice) => {
      if (choice === showOutput) this.services.output.show(true);
      else if (choice === revealBackup && problem.backup) void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(problem.backup));
    });
  }

  private save(): Promise<void> {
    return this.store.save(this.book.toData()).then(
      () => {
        this.saveErrorShown = false;
      },
      (err: unknown) => {
        const reason = err instanceof Error ? err.message : String(err);
        this.services.output.error(`quiz: could not save progress to ${this.store.file}: ${reason}`);
        if (!this.saveErrorShown) {
          this.saveErrorShown = true;
          void vscode.window.showErrorMessage(vscode.l10n.t('Could not save quiz progress: {0}', reason));
        }
      },
    );
  }

  /** Moves progress of slightly edited questions to their new keys. */
  private reconcile(): void {
    const { migrated, changed } = this.book.reconcile(this.services.index.cardGroups());
    if (!changed) return;
    for (const m of migrated) this.services.output.info(`quiz: progress of "${m.from}" moved to "${m.to}" (similarity ${m.score.toFixed(2)})`);
    void this.save();
  }

  private onIndexChanged(): void {
    this.invalidateDue();
    if (this.indexTimer) clearTimeout(this.indexTimer);
    this.indexTimer = setTimeout(() => {
      this.indexTimer = undefined;
      void this.loaded.then(async () => {
        this.reconcile();
        // A session not started yet follows the notes (e.g. a panel restored while the index loads).
        const session = this.session;
        if (this.panel && this.scope && session && session.progress().reviewed === 0) await this.openSession(this.scope, undefined, false);
      });
    }, INDEX_DEBOUNCE_MS);
  }

  // ---- due cards ----

  private invalidateDue(): void {
    this.dueCache = undefined;
    this.updateStatus();
  }

  /** Cards due now (new cards included), in review order. */
  dueCards(): CardGroup[] {
    this.dueCache ??= dueGroups(this.services.index.cardGroups(), this.book, this.now());
    return this.dueCache;
  }

  dueCount(): number {
    return this.dueCache ? this.dueCache.length : countDue(this.services.index.cardGroups(), this.book, this.now());
  }

  private updateStatus(): void {
    const total = this.services.index.cardGroups().length;
    const due = this.dueCount();
    if (!total) this.statusItem.hide();
    else {
      this.statusItem.text = vscode.l10n.t('$(mortar-board) {0} due', due);
      this.statusItem.tooltip = vscode.l10n.t('{0} of {1} questions are due for review. Click to start the quiz.', due, total);
      this.statusItem.accessibilityInformation = { label: vscode.l10n.t('{0} questions due for review', due), role: 'button' };
      this.statusItem.show();
    }
    if (due !== this.lastDueCount) {
      this.lastDueCount = due;
      this.dueEmitter.fire();
    }
  }

  // ---- the session ----

  async start(arg?: unknown): Promise<void> {
    await this.loaded;
    const index = this.services.index;
    let scope = scopeFromArg(arg);
    if (!scope) scope = await pickScope(index, this.dueCount());
    if (!scope) return;
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
    this.session = createSession(this.services.index, scope, { book: this.book, scheduler: this.scheduler, now: this.now, rng: this.options.rng });
    // Refreshing an untouched session that still starts with the same card keeps its id, so the
    // webview keeps a revealed answer.
    if (reveal || revived || !previous || this.session.current()?.key !== previous) this.sessionId = randomUUID();
    this.services.output.debug(`quiz: session over ${this.session.items.length} item(s) for ${JSON.stringify(scope)} in ${Date.now() - started} ms`);
    const title = vscode.l10n.t('Quiz: {0}', scopeLabel(this.services.index, scope));
    const extensionUri = this.services.context.extensionUri;
    if (revived) {
      this.panel?.dispose();
      this.attach(QuizPanel.revive(revived, extensionUri, this.resourceRoots()));
    } else if (!this.panel) {
      this.attach(QuizPanel.create(extensionUri, this.resourceRoots(), title));
    } else if (reveal) {
      this.panel.reveal();
    }
    this.panel!.title = title;
    await this.sendAll();
  }

  private attach(panel: QuizPanel): void {
    this.panel = panel;
    this.renderer.clear();
    panel.onMessage((m) => void this.onMessage(m).catch((err) => this.services.output.error(`quiz: ${err instanceof Error ? err.stack ?? err.message : String(err)}`)));
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.session = undefined;
      }
    });
  }

  /** Panel roots: the webview bundle, plus note folders so images of notes can be shown. */
  private resourceRoots(): vscode.Uri[] {
    const roots = [webviewRoot(this.services.context.extensionUri)];
    const dirs: string[] = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    for (const file of this.services.index.files()) {
      const dir = path.dirname(file);
      if (!dirs.some((d) => dir === d || dir.startsWith(d + path.sep))) dirs.push(dir);
    }
    for (const d of dirs) roots.push(vscode.Uri.file(d));
    return roots;
  }

  private async sendAll(): Promise<void> {
    const panel = this.panel;
    if (!panel || !this.scope) return;
    panel.post({
      type: 'init',
      strings: webviewStrings(),
      scopeLabel: scopeLabel(this.services.index, this.scope),
      sessionId: this.sessionId,
      scope: { ...this.scope },
    });
    panel.post(await this.screen());
  }

  private async screen(): Promise<HostMessage> {
    const session = this.session;
    const sessionId = this.sessionId;
    if (!session || session.isEmpty) {
      return { type: 'empty', sessionId, message: this.emptyMessage() };
    }
    const progress = session.progress();
    if (session.done) return { type: 'summary', sessionId, summary: this.summaryView(session), progress };
    return { type: 'show', sessionId, item: await this.itemView(session.current()!, session), progress };
  }

  private emptyMessage(): string {
    if (!this.services.index.cardGroups().length) return vscode.l10n.t('No questions found in your notes yet. Write a question as a quote, a heading or an aside, ending with a question mark.');
    if (this.scope?.mode === 'terms') return vscode.l10n.t('Not enough explained terms here to ask about (each needs three others to choose from).');
    if (this.scope?.scope === 'due') return vscode.l10n.t('No cards are due. Well done!');
    return vscode.l10n.t('No questions in this scope.');
  }

  private async itemView(item: QuizItem, session: QuizSession): Promise<ItemView> {
    if (item.kind === 'card') {
      const first = item.places[0];
      const now = this.now();
      const preview = session.preview();
      const intervals = { 1: '', 2: '', 3: '', 4: '' } as Record<QuizGrade, string>;
      if (preview) for (const g of [1, 2, 3, 4] as QuizGrade[]) intervals[g] = formatInterval(now, preview[g]);
      return {
        kind: 'card',
        key: item.key,
        question: item.question,
        answerHtml: item.answer.trim() ? await this.renderer.render(item.answer, first?.file) : `<p><em>${vscode.l10n.t('No answer written yet.')}</em></p>`,
        topic: topicLabel(item.topic),
        source: first ? `${path.basename(first.file)}:${first.line}${item.places.length > 1 ? ` (+${item.places.length - 1})` : ''}` : '',
        intervals,
      };
    }
    return {
      kind: 'term',
      key: item.key,
      promptHtml: (await this.renderer.render(item.prompt, item.file)).replaceAll(
        BLANK,
        `<span class="blank" role="img" aria-label="${escapeAttr(vscode.l10n.t('blank'))}">＿＿＿</span>`,
      ),
      choices: item.choices,
      topic: topicLabel(item.topic),
      source: `${path.basename(item.file)}:${item.line}`,
    };
  }

  private summaryView(session: QuizSession): SummaryView {
    const s = session.summary();
    return {
      mode: s.mode,
      reviewed: s.reviewed,
      correct: s.correct,
      counts: s.counts,
      nextDue: s.nextDue ? formatDue(this.now(), new Date(s.nextDue)) : undefined,
      missed: s.missed.map((m) => m.text),
    };
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
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
        void this.save();
        const explanationHtml = await this.renderer.render(item.summary, item.file);
        this.panel?.post({ type: 'chosen', sessionId: this.sessionId, key: item.key, choice: message.choice, answer: item.answer, correct, explanationHtml });
        return;
      }
      case 'next':
        this.panel?.post(await this.screen());
        return;
      case 'openNote':
        await this.openNote(message.key);
        return;
      case 'openLink':
        await this.openLink(message.href);
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
    const saved = this.save();
    this.invalidateDue();
    this.panel?.post(await this.screen());
    await saved;
  }

  private async openNote(key: string): Promise<void> {
    const item = this.session?.items.find((i) => i.key === key);
    let place: { file: string; line: number } | undefined;
    if (item?.kind === 'card') place = item.places[0];
    else if (item?.kind === 'term') place = item;
    else place = this.services.index.cardGroup(key)?.places[0] ?? this.services.index.term(key);
    if (place) await this.services.openLocation(place.file, place.line);
  }

  private async openLink(href: string): Promise<void> {
    if (/^(https?|mailto):/i.test(href)) {
      await vscode.env.openExternal(vscode.Uri.parse(href));
      return;
    }
    const item = this.session?.current();
    const base = item?.kind === 'card' ? item.places[0]?.file : item?.file;
    if (!base || /^[a-z][a-z0-9+.-]+:/i.test(href)) return;
    const [rel, fragment] = href.split('#');
    let target: string;
    try {
      target = path.resolve(path.dirname(base), decodeURIComponent(rel));
    } catch {
      return;
    }
    const line = /^L(\d+)$/.exec(fragment ?? '')?.[1];
    if (this.services.index.note(target) || /\.md$/i.test(target)) await this.services.openLocation(target, line ? Number(line) : 1);
    else await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(target));
  }

  // ---- export / import / reset ----

  async exportProgress(): Promise<void> {
    await this.loaded;
    const stamp = this.now().toISOString().slice(0, 10);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Quiz Progress'),
      saveLabel: vscode.l10n.t('Export'),
      defaultUri: folder ? vscode.Uri.joinPath(folder, `til-progress-${stamp}.json`) : undefined,
      filters: { [vscode.l10n.t('Progress (JSON)')]: ['json'] },
    });
    if (!target) return;
    try {
      await this.store.exportTo(target.fsPath, this.book.toData(this.now()));
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported progress of {0} cards to {1}.', this.book.cardCount, path.basename(target.fsPath)));
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not export quiz progress: {0}', err instanceof Error ? err.message : String(err)));
    }
  }

  async importProgress(arg?: unknown): Promise<void> {
    await this.loaded;
    const test = this.services.context.extensionMode === vscode.ExtensionMode.Test && isObject(arg);
    let file: string | undefined = test && typeof arg.file === 'string' ? arg.file : undefined;
    if (!file) {
      const picked = await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Import Quiz Progress'),
        openLabel: vscode.l10n.t('Import'),
        canSelectMany: false,
        filters: { [vscode.l10n.t('Progress (JSON)')]: ['json'] },
      });
      file = picked?.[0]?.fsPath;
    }
    if (!file) return;
    let data;
    try {
      data = await this.store.importFrom(file);
    } catch (err) {
      const reason = err instanceof ImportError || err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not import {0}: {1}', path.basename(file), reason));
      return;
    }
    const merge = vscode.l10n.t('Merge');
    const replace = vscode.l10n.t('Replace');
    const how = test && (arg.how === 'merge' || arg.how === 'replace')
      ? (arg.how === 'merge' ? merge : replace)
      : await vscode.window.showInformationMessage(
          vscode.l10n.t('Import progress of {0} cards?', Object.keys(data.cards).length),
          { modal: true, detail: vscode.l10n.t('Merge keeps the most recent review of each card. Replace discards the current progress.') },
          merge,
          replace,
        );
    if (how === merge) this.book.merge(data);
    else if (how === replace) this.book.replace(data);
    else return;
    this.reconcile();
    await this.save();
    this.invalidateDue();
    void vscode.window.showInformationMessage(vscode.l10n.t('Imported quiz progress from {0}.', path.basename(file)));
  }

  async resetProgress(arg?: unknown): Promise<void> {
    await this.loaded;
    const skipConfirm = this.services.context.extensionMode === vscode.ExtensionMode.Test && isObject(arg) && arg.confirm === false;
    if (!skipConfirm) {
      const reset = vscode.l10n.t('Reset Progress');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Reset all quiz progress?'),
        { modal: true, detail: vscode.l10n.t('Every card becomes new again. A copy of the current progress file is kept in the extension storage.') },
        reset,
      );
      if (choice !== reset) return;
    }
    await this.store.flush();
    const backup = await this.store.reset();
    this.book.clear();
    this.invalidateDue();
    if (this.panel && this.scope) await this.openSession(this.scope);
    if (!skipConfirm) {
      void vscode.window.showInformationMessage(
        backup ? vscode.l10n.t('Quiz progress reset. The previous progress was kept as {0}.', path.basename(backup)) : vscode.l10n.t('Quiz progress reset.'),
      );
    }
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
      dueKeys: this.dueCards().slice(0, 100).map((g) => g.key),
      cardCount: this.services.index.cardGroups().length,
      panelOpen: !!this.panel,
      panelTitle: this.panel?.title,
      current: item && { key: item.key, kind: item.kind, text: item.kind === 'card' ? item.question : item.term },
      position: this.session?.progress(),
      progressFile: this.store.file,
    };
  }

  async flush(): Promise<void> {
    await this.store.flush();
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export { QUIZ_VIEW_TYPE };

/** "Nov 26, 2:35 PM (10m)": the date in the UI language, and how far away it is. */
function formatDue(now: Date, due: Date): string {
  let when: string;
  try {
    when = due.toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    when = due.toISOString();
  }
  return `${when} (${formatInterval(now, due)})`;
}


function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
