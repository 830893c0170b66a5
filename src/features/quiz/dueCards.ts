import * as vscode from 'vscode';
import { Disposable, toDisposable } from '../../core/dispose';
import type { CardGroup, TermInfo } from '../../core/index/noteIndex';
import type { CardDeck } from '../../core/quiz/cardKinds';
import type { ProgressBook } from '../../core/quiz/progress';
import type { Clock } from '../../core/quiz/scheduler';
import { limitStatus, type DailyLimits } from '../../core/quiz/limits';
import { countDue } from '../../core/quiz/session';
import { countedCards, dueNow, type DueNow } from '../../core/quiz/dueNow';
import { termsText } from '../counts';
import { Commands } from '../services';

/** Cards become due as time passes, not only when notes or progress change. */
const REFRESH_MS = 60_000;
/** Changes that come in a burst (a large folder merged slice by slice) recount the due cards once, after it. */
const RECOUNT_DELAY_MS = 200;

/**
 * The cards a due quiz would ask now (daily limits applied, hidden cards left out) and the terms due for review,
 * cached until something changes, and the "N due" status-bar item.
 */
export class DueCards extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  /** Fires when the number of due cards changed. */
  readonly onDidChange = this.emitter.event;
  private readonly statusItem: vscode.StatusBarItem;
  private readonly timer: NodeJS.Timeout;
  private cache: DueNow | undefined;
  private lastCount = -1;
  private recount: NodeJS.Timeout | undefined;

  constructor(
    private readonly index: CardDeck,
    private readonly book: ProgressBook,
    private readonly now: Clock,
    private readonly daily: () => DailyLimits,
  ) {
    super();
    this.statusItem = this._register(vscode.window.createStatusBarItem('til.quiz.due', vscode.StatusBarAlignment.Left, 40));
    this.statusItem.name = vscode.l10n.t('TIL Quiz');
    this.statusItem.command = { command: Commands.startQuiz, title: vscode.l10n.t('Start Quiz'), arguments: [{ scope: 'due' }] };
    this.timer = setInterval(() => this.invalidate(), REFRESH_MS);
    this._register(toDisposable(() => clearInterval(this.timer)));
    this._register(toDisposable(() => clearTimeout(this.recount)));
  }

  /**
   * Call when the index, the progress or the time changed. The status bar is recounted a moment later, once per burst:
   * counting walks every card, and indexing a large folder changes the index many times a second.
   */
  invalidate(): void {
    this.cache = undefined;
    clearTimeout(this.recount);
    this.recount = setTimeout(() => this.updateStatus(), RECOUNT_DELAY_MS);
  }

  private due(): DueNow {
    if (!this.cache) {
      const now = this.now();
      this.cache = dueNow(this.index, this.book, now, limitStatus(this.book.log, this.daily(), now));
    }
    return this.cache;
  }

  /** Cards due now (new cards included), in review order. */
  cards(): CardGroup[] {
    return this.due().cards;
  }

  count(): number {
    return this.cards().length;
  }

  /** How many of the due cards were never answered: new questions, not reviews. */
  newCount(): number {
    return this.due().newCards;
  }

  /** Terms of "Name the term" due for review now. */
  terms(): TermInfo[] {
    return this.due().terms;
  }

  /** A window with only the starter notes, in which nothing was ever reviewed, has nothing to count. */
  shown(): boolean {
    return this.index.hasUserNotes() || this.book.log.size > 0;
  }

  private updateStatus(): void {
    const counted = this.shown() ? countedCards(this.index) : [];
    const total = counted.length;
    const due = total ? this.count() : 0;
    const terms = total ? this.terms().length : 0;
    if (!total) this.statusItem.hide();
    else {
      // The terms apart: the click starts a quiz of the cards (or, with only terms due, of the terms).
      this.statusItem.text = terms
        ? vscode.l10n.t('$(mortar-board) {0} due + {1}', due, termsText(terms))
        : vscode.l10n.t('$(mortar-board) {0} due', due);
      this.statusItem.command = {
        command: Commands.startQuiz,
        title: vscode.l10n.t('Start Quiz'),
        arguments: [due || !terms ? { scope: 'due' } : { scope: 'due', mode: 'terms' }],
      };
      const all = countDue(counted, this.book, this.now());
      this.statusItem.tooltip =
        all > due
          ? vscode.l10n.t(
              '{0} questions to review today ({1} due in all; the daily limits hold back the rest). Click to start the quiz.',
              due,
              all,
            )
          : vscode.l10n.t('{0} of {1} questions are due for review. Click to start the quiz.', due, total);
      const fresh = this.newCount();
      // New questions count as due (a first answer is due at once); say how many, so a first count is not a backlog.
      if (fresh)
        this.statusItem.tooltip += '\n' + vscode.l10n.t('{0} of them are new (never answered), {1} are reviews.', fresh, due - fresh);
      if (terms) this.statusItem.tooltip += '\n' + vscode.l10n.t('And {0} to name again in "Name the term".', termsText(terms));
      this.statusItem.accessibilityInformation = {
        label: terms
          ? vscode.l10n.t('{0} questions and {1} due for review', due, termsText(terms))
          : vscode.l10n.t('{0} questions due for review', due),
        role: 'button',
      };
      this.statusItem.show();
    }
    if (due + terms !== this.lastCount) {
      this.lastCount = due + terms;
      this.emitter.fire();
    }
  }
}
