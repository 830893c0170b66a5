/**
 * The statistics as Mermaid chart sources (xychart-beta, pie). Only numbers, dates and our own
 * labels reach a source; any label is stripped of quotes, brackets and line breaks first, so no
 * text can close a string or start a directive. Card questions never go into a chart (the hardest
 * cards are a table the webview fills with textContent).
 */
import type { QuizStats } from './stats';

export interface ChartLabels {
  reviewsPerDay: string;
  reviews: string;
  again: string;
  retention: string;
  target: string;
  forecast: string;
  due: string;
  coverageTopics: string;
  coverageDays: string;
  cards: string;
  studied: string;
  notStudied: string;
  hidden: string;
  overall: string;
}

export interface StatsChart {
  id: 'reviews' | 'retention' | 'forecast' | 'topics' | 'noteDays' | 'overall';
  title: string;
  /** Mermaid source; absent when there is nothing to draw yet (then `empty` says why). */
  source?: string;
  /** The numbers as text, for screen readers and a quick look without the chart. */
  summary: string;
  /**
   * For each bar series in order, the positions whose value is 0. Mermaid draws a 0 as a stub between the axis's
   * padding and its zero line, which reads as "a little"; the page hides those bars.
   */
  emptyBars?: number[][];
}

/** A label safe inside a Mermaid double-quoted string. */
export function chartLabel(text: string): string {
  return (
    text
      .replace(/["`[\]{}<>%;#\\\r\n\t]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60) || '-'
  );
}

const list = (labels: readonly string[]) => `[${labels.map((l) => `"${l ? chartLabel(l) : ' '}"`).join(', ')}]`;
/** Every `step`-th label of a long axis (the rest blank), so dates stay readable. */
const thin = (labels: readonly string[], step = 5) =>
  labels.map((l, i) => (labels.length <= 10 || i % step === 0 || i === labels.length - 1 ? l : ''));
const nums = (values: readonly number[]) =>
  `[${values.map((v) => (Number.isFinite(v) ? String(Math.round(v * 10) / 10) : '0')).join(', ')}]`;
/** The positions of each series that are 0 as drawn (rounded as `nums` writes them). */
const zeros = (...series: ReadonlyArray<readonly number[]>) =>
  series.map((values) => values.flatMap((v, i) => (Number.isFinite(v) && Math.round(v * 10) / 10 !== 0 ? [] : [i])));
const shortDay = (key: string) => (/^\d{4}-\d{2}-\d{2}$/.test(key) ? key.slice(5) : key);
/** A label's width in Latin letters (a CJK character is about two), to tell whether an axis's labels fit. */
const labelWidth = (label: string) => [...label].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
/** About how many Latin letters fit along a chart's horizontal axis, side by side with some room between. */
const AXIS_LETTERS = 56;
/** Longer labels are cut (the summary under the chart keeps them whole). */
const MAX_LABEL = 12;
const short = (label: string) => ([...label].length > MAX_LABEL ? `${[...label].slice(0, MAX_LABEL - 1).join('')}…` : label);
/**
 * The opening of an xychart whose category labels must not overlap: slanted when they do not fit side by side.
 * The front matter is ours (numbers and a fixed key), never a note's.
 */
const xychartFor = (labels: readonly string[]) =>
  labels.reduce((w, l) => w + labelWidth(l) + 2, 0) > AXIS_LETTERS
    ? ['---', 'config:', '  xyChart:', '    xAxis:', '      labelRotation: -45', '---', 'xychart-beta']
    : ['xychart-beta'];

/** The top of a count axis: at least 10, so that the axis ticks are whole numbers (no 0.2 of a review). */
const top = (values: readonly number[]) => Math.max(10, Math.ceil(Math.max(0, ...values)));

export function statsCharts(stats: QuizStats, l: ChartLabels, emptyText: string): StatsChart[] {
  const charts: StatsChart[] = [];
  const reviewed = stats.reviewsPerDay.some((n) => n > 0);
  charts.push({
    id: 'reviews',
    title: l.reviewsPerDay,
    source: reviewed
      ? [
          'xychart-beta',
          `  x-axis ${list(thin(stats.days.map(shortDay)))}`,
          `  y-axis "${chartLabel(l.reviews)}" 0 --> ${top(stats.reviewsPerDay)}`,
          `  bar ${nums(stats.reviewsPerDay)}`,
          `  bar ${nums(stats.againPerDay)}`,
        ].join('\n')
      : undefined,
    emptyBars: zeros(stats.reviewsPerDay, stats.againPerDay),
    summary: reviewed
      ? `${l.reviews}: ${stats.reviewsPerDay.reduce((a, b) => a + b, 0)}; ${l.again}: ${stats.againPerDay.reduce((a, b) => a + b, 0)}`
      : emptyText,
  });
  const r = stats.retention;
  charts.push({
    id: 'retention',
    title: l.retention,
    source: r.weeks.length
      ? [
          'xychart-beta',
          `  x-axis ${list(r.weeks.map(shortDay))}`,
          `  y-axis "%" 0 --> 100`,
          `  line ${nums(r.rate.map((x) => x * 100))}`,
          `  line ${nums(r.weeks.map(() => r.target * 100))}`,
        ].join('\n')
      : undefined,
    summary:
      r.overall !== undefined ? `${l.retention}: ${Math.round(r.overall * 100)}% (${l.target}: ${Math.round(r.target * 100)}%)` : emptyText,
  });
  const dueAny = stats.forecast.due.some((n) => n > 0);
  charts.push({
    id: 'forecast',
    title: l.forecast,
    source: dueAny
      ? [
          'xychart-beta',
          `  x-axis ${list(thin(stats.forecast.days.map(shortDay)))}`,
          `  y-axis "${chartLabel(l.due)}" 0 --> ${top(stats.forecast.due)}`,
          `  bar ${nums(stats.forecast.due)}`,
        ].join('\n')
      : undefined,
    emptyBars: zeros(stats.forecast.due),
    summary: dueAny
      ? stats.forecast.days
          .map((d, i) => (stats.forecast.due[i] ? `${shortDay(d)}: ${stats.forecast.due[i]}` : ''))
          .filter(Boolean)
          .join(', ')
      : emptyText,
  });
  const coverage = (id: 'topics' | 'noteDays', title: string, rows: QuizStats['noteDays']) => {
    // Topic rows have room for their whole name; day labels stand side by side and are cut.
    const labels = rows.map((x) => (id === 'topics' ? x.label : short(shortDay(x.label))));
    charts.push({
      id,
      title,
      source: rows.length
        ? [
            // Topics are names, some long ("Operating systems"): as rows with their names beside them, none overlaps.
            ...(id === 'topics' ? ['xychart-beta horizontal'] : xychartFor(labels)),
            `  x-axis ${list(labels)}`,
            `  y-axis "${chartLabel(l.cards)}" 0 --> ${top(rows.map((x) => x.total))}`,
            // Drawn over each other: all cards, then the studied part in front.
            `  bar ${nums(rows.map((x) => x.total))}`,
            `  bar ${nums(rows.map((x) => x.studied))}`,
          ].join('\n')
        : undefined,
      emptyBars: zeros(
        rows.map((x) => x.total),
        rows.map((x) => x.studied),
      ),
      summary: rows.length ? rows.map((x) => `${x.label}: ${x.studied}/${x.total}`).join(', ') : emptyText,
    });
  };
  coverage('topics', l.coverageTopics, stats.topics);
  coverage('noteDays', l.coverageDays, stats.noteDays);
  const t = stats.totals;
  const studiedShown = t.studied - t.hiddenStudied;
  const fresh = Math.max(0, t.cards - t.studied - (t.hidden - t.hiddenStudied));
  charts.push({
    id: 'overall',
    title: l.overall,
    source: t.cards
      ? [
          'pie showData',
          `  "${chartLabel(l.studied)}" : ${studiedShown}`,
          `  "${chartLabel(l.notStudied)}" : ${fresh}`,
          ...(t.hidden ? [`  "${chartLabel(l.hidden)}" : ${t.hidden}`] : []),
        ].join('\n')
      : undefined,
    summary: `${l.studied}: ${studiedShown}, ${l.notStudied}: ${fresh}, ${l.hidden}: ${t.hidden}`,
  });
  return charts;
}
