/**
 * Messages between the quiz panel (webview) and the extension host, in the style of webviewProtocol.ts.
 * The webview posts `ready` first; the host answers with `init` and the current screen.
 */
import { isRecord } from './webviewProtocol';

export type Grade = 1 | 2 | 3 | 4;

/** Everything the quiz webview shows, translated on the host. */
export interface QuizStrings {
  title: string;
  question: string;
  answer: string;
  reveal: string;
  revealHint: string;
  gradeHint: string;
  chooseHint: string;
  next: string;
  again: string;
  hard: string;
  good: string;
  easy: string;
  openNote: string;
  openDiagram: string;
  progress: string; // "{0} of {1}"
  remaining: string; // "{0} left"
  correct: string;
  wrong: string; // "Not quite: it is {0}"
  whichTerm: string;
  summaryTitle: string;
  summaryReviewed: string; // "{0} reviewed"
  summaryCorrect: string; // "{0} of {1} right"
  summaryNextDue: string; // "Next review: {0}"
  summaryMissed: string;
  restart: string;
  close: string;
  emptyTitle: string;
  emptyBody: string;
  loading: string;
  /** Session header: "New {0}/{1}", "Reviews {0}/{1}" (today against the daily limits). */
  limitsNew: string;
  limitsReviews: string;
  limitsLabel: string;
  /** Per-card actions and what the panel says after each. */
  actionsLabel: string;
  skip: string;
  suspend: string;
  notQuestion: string;
  burySiblings: string;
  skipped: string;
  suspended: string;
  notQuestionDone: string;
  buried: string; // "{0} other cards of this section wait until tomorrow."
  undo: string;
  /** Badges of the generated card kinds. */
  kindCloze: string;
  kindReverse: string;
  kindDiagram: string;
}

/** The per-card actions of the quiz panel. */
export type CardAction = 'skip' | 'suspend' | 'notQuestion' | 'burySiblings';
export const CARD_ACTIONS: readonly CardAction[] = ['skip', 'suspend', 'notQuestion', 'burySiblings'];

/** Which kind of card: a question from the notes, or one generated from a definition, an explanation or a diagram. */
export type CardKindView = 'question' | 'cloze' | 'reverse' | 'diagram';

export interface CardView {
  kind: 'card';
  key: string;
  question: string;
  /** Sanitised HTML rendered on the host from the answer Markdown. */
  answerHtml: string;
  topic: string;
  /** Where the card comes from, e.g. "os-processes.md:12" (several places: the first). */
  source: string;
  /** Next interval per grade, e.g. { 1: "<1m", 3: "3d" }. */
  intervals: Record<Grade, string>;
  /** Absent: a question written in the notes. */
  cardKind?: CardKindView;
  /** A built-in diagram's question: "Open" shows the diagram rather than a note. */
  opensDiagram?: boolean;
}

export interface TermView {
  kind: 'term';
  key: string;
  /** Sanitised HTML of the explanation with the term blanked out. */
  promptHtml: string;
  choices: string[];
  topic: string;
  source: string;
}

export type ItemView = CardView | TermView;

/** The scope a session covers (the `til.startQuiz` argument), kept so a reloaded panel can resume. */
export interface ScopeView {
  scope: 'due' | 'topic' | 'day' | 'section' | 'note' | 'term';
  value?: string;
  mode?: 'cards' | 'terms';
}

export interface ProgressView {
  position: number;
  total: number;
  remaining: number;
  reviewed: number;
  /** Today against the daily limits (absent: no limits, e.g. practice or the term mode). */
  limits?: LimitsView;
}

export interface LimitsView {
  newToday: number;
  newPerDay: number;
  reviewsToday: number;
  reviewsPerDay: number;
}

/** What the last card action did, shown above the next card; `undoKey`: the card an Undo shows again. */
export interface NoticeView {
  action: CardAction;
  /** Cards the action took out (bury siblings: how many). */
  removed: number;
  undoKey?: string;
}

export interface SummaryView {
  mode: 'cards' | 'terms';
  reviewed: number;
  correct: number;
  counts: Record<Grade, number>;
  /** Already formatted for display (host locale). */
  nextDue?: string;
  missed: string[];
}

/** Host → webview. */
export type HostToWebview =
  | { type: 'init'; scopeLabel: string; sessionId: string; scope: ScopeView }
  | { type: 'show'; sessionId: string; item: ItemView; progress: ProgressView; notice?: NoticeView }
  | { type: 'chosen'; sessionId: string; key: string; choice: number; answer: number; correct: boolean; explanationHtml: string }
  | { type: 'summary'; sessionId: string; summary: SummaryView; progress: ProgressView }
  | { type: 'empty'; sessionId: string; message: string };

/** Webview → host. */
export type WebviewToHost =
  | { type: 'ready'; sessionId?: string }
  | { type: 'reveal'; key: string }
  | { type: 'grade'; key: string; grade: Grade }
  | { type: 'choose'; key: string; choice: number }
  | { type: 'next' }
  | { type: 'openNote'; key: string }
  | { type: 'act'; key: string; action: CardAction }
  | { type: 'undo'; key: string }
  | { type: 'openLink'; href: string }
  | { type: 'restart' }
  | { type: 'close' };

/** What the webview keeps with setState so a hidden panel comes back as it was. */
export interface QuizViewState {
  sessionId: string;
  scopeLabel: string;
  scope?: ScopeView;
  screen?: HostToWebview;
  revealed: boolean;
  /** Term mode: the answer shown after a pick. */
  chosen?: Extract<HostToWebview, { type: 'chosen' }>;
}

/** Validates what the webview posted: the host never trusts its shape. */
export function parseWebviewMessage(value: unknown): WebviewToHost | undefined {
  return isWebviewToHost(value) ? value : undefined;
}

function isWebviewToHost(m: unknown): m is WebviewToHost {
  if (!isRecord(m)) return false;
  switch (m.type) {
    case 'ready':
      return m.sessionId === undefined || typeof m.sessionId === 'string';
    case 'reveal':
    case 'openNote':
    case 'undo':
      return typeof m.key === 'string';
    case 'act':
      return typeof m.key === 'string' && typeof m.action === 'string' && (CARD_ACTIONS as readonly string[]).includes(m.action);
    case 'grade':
      return typeof m.key === 'string' && (m.grade === 1 || m.grade === 2 || m.grade === 3 || m.grade === 4);
    case 'choose':
      return typeof m.key === 'string' && typeof m.choice === 'number' && Number.isInteger(m.choice);
    case 'openLink':
      return typeof m.href === 'string';
    case 'next':
    case 'restart':
    case 'close':
      return true;
    default:
      return false;
  }
}

// A record, not a list: adding a message type without listing it here does not compile.
const HOST_TYPES: Record<HostToWebview['type'], true> = { init: true, show: true, chosen: true, summary: true, empty: true };

/** The webview side: a message of a known type with its session id, else undefined (the host is trusted, its shape is still checked). */
export function parseHostMessage(value: unknown): HostToWebview | undefined {
  if (!isRecord(value) || typeof value.type !== 'string' || !Object.hasOwn(HOST_TYPES, value.type) || typeof value.sessionId !== 'string')
    return undefined;
  return value as unknown as HostToWebview;
}
