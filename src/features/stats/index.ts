/**
 * `til.showQuizStats`: a webview of quiz statistics drawn as Mermaid charts (reviews per day, true
 * retention against the desired retention, the 30-day forecast, coverage) and the hardest cards.
 * Redrawn while open whenever the progress changes.
 */
import * as vscode from 'vscode';
import { Disposable, toDisposable } from '../../core/dispose';
import { countedCards, countedTerms } from '../../core/quiz/dueNow';
import { quizStats } from '../../core/quiz/stats';
import { mainSources } from '../../core/index/sources';
import { statsCharts, type ChartLabels } from '../../core/quiz/statsCharts';
import { parseStatsWebviewMessage, type StatsHostToWebview } from '../../shared/statsProtocol';
import type { QuizFeature } from '../quiz';
import { topicLabel } from '../quiz/scopePick';
import { Commands, type Services } from '../services';
import { escapeHtml, webviewHtml, webviewRoot } from '../webview/webviewHtml';

export const STATS_VIEW_TYPE = 'til.stats';
const REDRAW_MS = 300;

/** What the test-only command `til.test.stats.state` returns. */
export interface StatsTestState {
  open: boolean;
  charts: number;
  drawn: number;
  errors: string[];
  /** The headline last sent ("3 of 46 cards studied, …"). */
  headline: string;
}

export function registerStats(services: Services, quiz: QuizFeature): vscode.Disposable {
  return new StatsFeature(services, quiz);
}

class StatsFeature extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastRendered: { charts: number; errors: string[] } = { charts: 0, errors: [] };
  private sent = 0;
  private headline = '';

  constructor(
    private readonly services: Services,
    private readonly quiz: QuizFeature,
  ) {
    super();
    this._register(vscode.commands.registerCommand(Commands.showQuizStats, () => this.show()));
    this._register(toDisposable(() => clearTimeout(this.timer)));
    if (services.context.extensionMode === vscode.ExtensionMode.Test) {
      this._register(
        vscode.commands.registerCommand('til.test.stats.state', (): StatsTestState => ({
          open: !!this.panel,
          charts: this.sent,
          drawn: this.lastRendered.charts,
          errors: this.lastRendered.errors,
          headline: this.headline,
        })),
      );
    }
  }

  private async show(): Promise<void> {
    const controller = this.quiz.controller;
    await controller.whenLoaded();
    if (this.panel) {
      this.panel.reveal();
      this.post();
      return;
    }
    const title = vscode.l10n.t('Quiz Statistics');
    const root = webviewRoot(this.services.context.extensionUri);
    const panel = vscode.window.createWebviewPanel(STATS_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [root],
    });
    this.panel = panel;
    panel.webview.html = webviewHtml(panel.webview, this.services.context.extensionUri, {
      entry: 'stats',
      title,
      strings: {}, // the stats view gets its strings with each message
      // Mermaid styles each chart with a <style> inside its SVG (pie text and strokes): without this they drew black.
      csp: { style: ["'unsafe-inline'"] },
      body: `<main id="app" aria-label="${escapeHtml(title)}"></main>`,
    });
    const subscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        const message = parseStatsWebviewMessage(raw);
        if (message?.type === 'ready') this.post();
        else if (message?.type === 'rendered') {
          this.lastRendered = { charts: message.charts, errors: message.errors };
          for (const e of message.errors) this.services.output.warn(`stats: chart failed: ${e}`);
        }
      }),
      controller.book.onDidChange(() => this.redrawSoon()),
      // Notes added, edited or another folder chosen: the cards counted change too.
      this.services.index.onDidChange(() => this.redrawSoon()),
    ];
    panel.onDidDispose(() => {
      for (const s of subscriptions) s.dispose();
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private redrawSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.post(), REDRAW_MS);
  }

  private post(): void {
    if (!this.panel) return;
    const message = this.message();
    this.sent = message.charts.filter((c) => c.source).length;
    this.headline = message.strings.headline;
    void this.panel.webview.postMessage(message);
  }

  private message(): StatsHostToWebview {
    const controller = this.quiz.controller;
    const index = this.services.index;
    const now = new Date();
    const target = controller.scheduler.desiredRetention;
    // What the due count counts (core dueNow.ts): every card the quiz asks, of the user's notes when they have any, and
    // the terms "Name the term" asks.
    const deck = controller.deck;
    const stats = quizStats(countedCards(deck), index.days(mainSources(index)), controller.book, now, { target }, countedTerms(deck));
    for (const row of stats.topics) row.label = topicLabel(row.topic);
    const labels: ChartLabels = {
      reviewsPerDay: vscode.l10n.t('Reviews per day (last 30 days; second bar: Again)'),
      reviews: vscode.l10n.t('Reviews'),
      again: vscode.l10n.t('Again'),
      retention: vscode.l10n.t('True retention per week (line 2: your target)'),
      target: vscode.l10n.t('target'),
      forecast: vscode.l10n.t('Due in the next 30 days'),
      due: vscode.l10n.t('Due'),
      coverageTopics: vscode.l10n.t('Coverage per topic (cards, studied in front)'),
      coverageDays: vscode.l10n.t('Coverage per day of notes (cards, studied in front)'),
      cards: vscode.l10n.t('Cards'),
      studied: vscode.l10n.t('Studied'),
      notStudied: vscode.l10n.t('New'),
      hidden: vscode.l10n.t('Suspended or hidden'),
      overall: vscode.l10n.t('All cards'),
    };
    const charts = statsCharts(stats, labels, vscode.l10n.t('Nothing to show yet: review a few cards first.'));
    const t = stats.totals;
    return {
      type: 'stats',
      strings: {
        title: vscode.l10n.t('Quiz Statistics'),
        hardest: vscode.l10n.t('Hardest cards (most lapses)'),
        question: vscode.l10n.t('Question'),
        lapses: vscode.l10n.t('Lapses'),
        reviews: vscode.l10n.t('Reviews'),
        noHardCards: vscode.l10n.t('No card forgotten after learning it yet.'),
        headline: vscode.l10n.t(
          '{0} of {1} cards studied, {2} reviews in all; desired retention {3}%.',
          t.studied,
          t.cards,
          t.reviews,
          Math.round(target * 100),
        ),
        // What a card is, when not every card is a question of the notes (the quiz also asks terms and diagrams).
        cardsExplained:
          t.cards > t.questions
            ? vscode.l10n.t(
                'Cards: {0} questions from your notes and {1} made from their key terms and diagrams (settings: tilCompanion.quiz).',
                t.questions,
                t.cards - t.questions,
              )
            : '',
      },
      charts,
      hardest: stats.hardest.map((h) => ({ question: h.question, lapses: h.lapses, reps: h.reps })),
    };
  }

  override dispose(): void {
    this.panel?.dispose();
    super.dispose();
  }
}
