import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NoteIndex } from '../../core/index/noteIndex';
import { escapeAttr, escapeText } from '../../core/quiz/sanitize';
import { answerShape } from '../../core/notes/answerShape';
import { answerElsewhereText } from '../counts';
import { formatInterval, type Clock, type QuizGrade } from '../../core/quiz/scheduler';
import type { QuizScope } from '../../core/quiz/scope';
import type { QuizItem, QuizSession } from '../../core/quiz/session';
import { BLANK } from '../../core/quiz/termChoices';
import type { DiagramPhrases } from '../../core/quiz/cardKinds';
import { builtinDiagram } from '../../core/diagrams/builtin';
import type { HostToWebview, ItemView, LimitsView, NoticeView, ProgressView, SummaryView } from '../../shared/quizProtocol';
import type { LimitStatus } from '../../core/quiz/limits';
import type { AnswerRenderer } from './render';
import { scopeLabel, topicLabel } from './scopePick';

/** What the panel's screens are built from. */
export interface ViewSources {
  readonly index: NoteIndex;
  readonly renderer: AnswerRenderer;
  readonly now: Clock;
}

/** How diagram questions are worded, in the UI language (card keys do not depend on it). */
export function diagramPhrases(): DiagramPhrases {
  return {
    nextState: vscode.l10n.t('{0}: what state follows “{1}” on “{2}”?', '{title}', '{from}', '{label}'),
    sender: vscode.l10n.t('{0}: who sends “{1}” to {2}?', '{title}', '{label}', '{to}'),
  };
}

/** The first message of a session: what it covers. */
export function initMessage(index: NoteIndex, scope: QuizScope, sessionId: string): HostToWebview {
  return { type: 'init', scopeLabel: scopeLabel(index, scope), sessionId, scope: { ...scope } };
}

/** The message for the panel's current screen: the current item, the summary, or why there is nothing. */
export async function screenMessage(
  sources: ViewSources,
  session: QuizSession | undefined,
  sessionId: string,
  scope: QuizScope | undefined,
  notice?: NoticeView,
): Promise<HostToWebview> {
  if (!session || session.isEmpty) {
    return { type: 'empty', sessionId, message: emptyMessage(sources.index, scope) };
  }
  const { position, total, remaining, reviewed } = session.progress();
  const progress: ProgressView = { position, total, remaining, reviewed };
  const limits = limitsView(session.limits());
  if (limits) progress.limits = limits;
  if (session.done) return { type: 'summary', sessionId, summary: summaryView(session, sources.now), progress };
  const show: HostToWebview = { type: 'show', sessionId, item: await itemView(sources, session.current()!, session), progress };
  if (notice) show.notice = notice;
  return show;
}

/** The session header's "new x/y, reviews x/y". */
export function limitsView(status: LimitStatus | undefined): LimitsView | undefined {
  return (
    status && {
      newToday: status.newToday,
      newPerDay: status.newPerDay,
      reviewsToday: status.reviewsToday,
      reviewsPerDay: status.reviewsPerDay,
    }
  );
}

export function emptyMessage(index: NoteIndex, scope: QuizScope | undefined): string {
  if (!index.cardGroups().length)
    return vscode.l10n.t(
      'No questions found in your notes yet. Write a question as a quote, a heading or an aside, ending with a question mark.',
    );
  if (scope?.mode === 'terms')
    return vscode.l10n.t('Not enough explained terms here to ask about (each needs three others to choose from).');
  if (scope?.scope === 'due') return vscode.l10n.t('No cards are due. Well done!');
  return vscode.l10n.t('No questions in this scope.');
}

export async function itemView(sources: ViewSources, item: QuizItem, session: QuizSession): Promise<ItemView> {
  const { renderer } = sources;
  if (item.kind === 'card') {
    const first = item.places[0];
    const now = sources.now();
    const preview = session.preview();
    const intervals = { 1: '', 2: '', 3: '', 4: '' } as Record<QuizGrade, string>;
    if (preview) for (const g of [1, 2, 3, 4] as QuizGrade[]) intervals[g] = formatInterval(now, preview[g]);
    return {
      kind: 'card',
      key: item.key,
      question: item.question,
      answerHtml: await answerHtml(renderer, item.answer, first?.file),
      topic: topicLabel(item.topic),
      source: first
        ? `${path.basename(first.file)}:${first.line}${item.places.length > 1 ? ` (+${item.places.length - 1})` : ''}`
        : (item.diagramId && builtinDiagram(item.diagramId)?.title) || '',
      intervals,
      ...(item.cardKind ? { cardKind: item.cardKind } : {}),
      ...(!first && item.diagramId ? { opensDiagram: true } : {}),
    };
  }
  return {
    kind: 'term',
    key: item.key,
    promptHtml: (await renderer.render(item.prompt, item.file)).replaceAll(
      BLANK,
      `<span class="blank" role="img" aria-label="${escapeAttr(vscode.l10n.t('blank'))}">＿＿＿</span>`,
    ),
    choices: item.choices,
    topic: topicLabel(item.topic),
    source: `${path.basename(item.file)}:${item.line}`,
  };
}

/**
 * The card's answer as safe HTML. An answer that is only a picture or only links would show nothing (a picture the
 * webview may not load, a link's title): the card says where the answer is, and "Open note" leads there.
 */
export async function answerHtml(renderer: AnswerRenderer, answer: string, file: string | undefined): Promise<string> {
  if (!answer.trim()) return `<p><em>${escapeText(vscode.l10n.t('No answer written yet.'))}</em></p>`;
  const elsewhere = answerElsewhereText(answerShape(answer));
  return elsewhere ? `<p><em>${escapeText(elsewhere)}</em></p>` : renderer.render(answer, file);
}

export function summaryView(session: QuizSession, now: Clock): SummaryView {
  const s = session.summary();
  return {
    mode: s.mode,
    reviewed: s.reviewed,
    correct: s.correct,
    counts: s.counts,
    nextDue: s.nextDue ? formatDue(now(), new Date(s.nextDue)) : undefined,
    missed: s.missed.map((m) => m.text),
  };
}

/** "Nov 26, 2:35 PM (10m)": the date in the UI language, and how far away it is. */
export function formatDue(now: Date, due: Date): string {
  let when: string;
  try {
    when = due.toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    when = due.toISOString();
  }
  return `${when} (${formatInterval(now, due)})`;
}
