/**
 * Messages between the statistics panel (webview) and the extension host. The webview posts
 * `ready`; the host answers with `stats` (again whenever the progress changes while it is open).
 */

export interface StatsChartView {
  id: string;
  title: string;
  /** Mermaid source (numbers and our own labels only); absent when there is nothing to draw. */
  source?: string;
  summary: string;
  /** For each bar series, the positions whose value is 0: the page hides their bars (core/quiz/statsCharts). */
  emptyBars?: number[][];
}

export interface StatsStrings {
  title: string;
  hardest: string;
  question: string;
  lapses: string;
  reviews: string;
  noHardCards: string;
  headline: string;
  /** What the cards are when the quiz also makes cards from terms and diagrams (empty: all are the notes' questions). */
  cardsExplained: string;
}

export interface HardCardView {
  question: string;
  lapses: number;
  reps: number;
}

export type StatsHostToWebview = { type: 'stats'; strings: StatsStrings; charts: StatsChartView[]; hardest: HardCardView[] };

export type StatsWebviewToHost = { type: 'ready' } | { type: 'rendered'; charts: number; errors: string[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The host checks what the webview posted before acting on it. */
export function parseStatsWebviewMessage(value: unknown): StatsWebviewToHost | undefined {
  if (!isRecord(value)) return undefined;
  if (value.type === 'ready') return { type: 'ready' };
  if (
    value.type === 'rendered' &&
    typeof value.charts === 'number' &&
    Array.isArray(value.errors) &&
    value.errors.every((e) => typeof e === 'string')
  ) {
    return { type: 'rendered', charts: value.charts, errors: value.errors as string[] };
  }
  return undefined;
}

export function parseStatsHostMessage(value: unknown): StatsHostToWebview | undefined {
  if (
    !isRecord(value) ||
    value.type !== 'stats' ||
    !Array.isArray(value.charts) ||
    !Array.isArray(value.hardest) ||
    !isRecord(value.strings)
  )
    return undefined;
  return value as unknown as StatsHostToWebview;
}
