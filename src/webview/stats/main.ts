/**
 * The statistics panel's webview: the figures as text at once (headline, each chart's numbers, the hardest cards),
 * then the host's chart sources drawn with the bundled Mermaid (securityLevel strict, coloured from the VS Code
 * theme) as soon as it has loaded. Mermaid loads in well under a second on a warm machine, but several on a busy
 * one: the page never waits for it to show the numbers.
 */
import './stats.css';
import type { Mermaid } from 'mermaid';
import { parseStatsHostMessage, type StatsChartView, type StatsHostToWebview, type StatsWebviewToHost } from '../../shared/statsProtocol';
import { svgFromText } from '../diagram/svg';
import { loadMermaid } from '../shared/loadMermaid';
import { mermaidConfig, mermaidErrorText } from '../shared/mermaid';
import { mermaidThemeFor } from '../shared/mermaidTheme';
import { chartPalette, chartThemeVariables } from './chartTheme';
import { onThemeKindChange, themeKind } from '../shared/theme';
import { vscodeApi } from '../shared/vscodeApi';
import { el } from '../quiz/dom';

const api = vscodeApi<StatsHostToWebview | undefined, StatsWebviewToHost>();
const app = document.getElementById('app')!;
let last: StatsHostToWebview | undefined = api.getState();
let seq = 0;
const mermaidReady = loadMermaid(); // downloads while the host gathers the numbers
// A failed load is reported by show(); this keeps it from also being an unhandled rejection.
mermaidReady.catch(() => undefined);

/** The page's text, with an empty canvas per chart; a chart drawn before stays in its canvas until redrawn. */
function showText(message: StatsHostToWebview): Map<string, HTMLElement> {
  const { strings } = message;
  const canvases = new Map<string, HTMLElement>();
  const sections = message.charts.map((chart) => {
    const canvas = el('div', { class: 'canvas', role: 'img', 'aria-label': `${chart.title}: ${chart.summary}` });
    if (chart.source) {
      canvas.classList.add('pending');
      const before = app.querySelector(`figure[data-chart="${CSS.escape(chart.id)}"] .canvas svg`);
      if (before) canvas.append(before);
      canvases.set(chart.id, canvas);
    } else {
      canvas.classList.add('empty');
    }
    return el(
      'figure',
      { class: 'chart', 'data-chart': chart.id },
      el('figcaption', {}, chart.title),
      canvas,
      el('p', { class: 'summary' }, chart.summary),
    );
  });
  const table = el('table', { class: 'hardest' });
  table.append(el('thead', {}, el('tr', {}, el('th', {}, strings.question), el('th', {}, strings.lapses), el('th', {}, strings.reviews))));
  const body = el('tbody');
  for (const row of message.hardest)
    body.append(el('tr', {}, el('td', {}, row.question), el('td', {}, String(row.lapses)), el('td', {}, String(row.reps))));
  table.append(body);
  const hardest = el(
    'section',
    { class: 'hardest-cards', 'data-chart': 'hardest' },
    el('h2', {}, strings.hardest),
    message.hardest.length ? table : el('p', { class: 'summary' }, strings.noHardCards),
  );
  app.replaceChildren(
    el('h1', {}, strings.title),
    el('p', { class: 'headline' }, strings.headline),
    ...(strings.cardsExplained ? [el('p', { class: 'cards-explained' }, strings.cardsExplained)] : []),
    el('div', { class: 'grid' }, ...sections),
    hardest,
  );
  app.dataset.text = 'shown';
  delete app.dataset.rendered; // set again once these charts are drawn
  return canvases;
}

async function drawCharts(
  mermaid: Mermaid,
  charts: readonly StatsChartView[],
  canvases: Map<string, HTMLElement>,
  run: number,
): Promise<{ drawn: number; errors: string[] } | undefined> {
  const kind = themeKind();
  const palette = chartPalette(kind);
  // Percentages outside the slices, on the page's background, where the text colour reads.
  const config = mermaidConfig(mermaidThemeFor(kind), { xyChart: { width: 520, height: 240 }, pie: { textPosition: 1.1 } });
  const errors: string[] = [];
  let drawn = 0;
  for (const chart of charts) {
    const canvas = canvases.get(chart.id);
    if (!chart.source || !canvas) continue;
    try {
      // Each chart its own series colours (Mermaid's configuration is global: set it before every render).
      mermaid.initialize({ ...config, themeVariables: { ...config.themeVariables, ...chartThemeVariables(palette, chart.id) } });
      const { svg } = await mermaid.render(`til-stats-${run}-${chart.id}`, chart.source);
      if (run !== seq) return undefined;
      canvas.replaceChildren(svgFromText(svg));
      hideEmptyBars(canvas, chart.emptyBars);
      drawn++;
    } catch (err) {
      if (run !== seq) return undefined;
      canvas.replaceChildren();
      errors.push(`${chart.id}: ${mermaidErrorText(err)}`);
    }
    canvas.classList.remove('pending');
  }
  return { drawn, errors };
}

async function show(message: StatsHostToWebview): Promise<void> {
  last = message;
  api.setState(message);
  const run = ++seq;
  const canvases = showText(message);
  let result: { drawn: number; errors: string[] } | undefined;
  try {
    const mermaid = await mermaidReady;
    if (run !== seq) return;
    result = await drawCharts(mermaid, message.charts, canvases, run);
  } catch (err) {
    // Mermaid did not load: the numbers stay readable as text.
    if (run !== seq) return;
    for (const canvas of canvases.values()) canvas.replaceChildren();
    result = { drawn: 0, errors: [`mermaid: ${mermaidErrorText(err)}`] };
  }
  if (!result) return;
  for (const canvas of canvases.values()) canvas.classList.remove('pending');
  app.dataset.theme = themeKind();
  app.dataset.rendered = String(result.drawn);
  api.postMessage({ type: 'rendered', charts: result.drawn, errors: result.errors });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseStatsHostMessage(event.data);
  if (message) void show(message);
});
onThemeKindChange(() => {
  if (last) void show(last);
});
if (last) void show(last);
api.postMessage({ type: 'ready' });

/** Hides the bars of 0 values (Mermaid draws them as stubs below the zero line): series n is `g.bar-plot-n`. */
function hideEmptyBars(canvas: Element, emptyBars: number[][] | undefined): void {
  emptyBars?.forEach((positions, series) => {
    const bars = canvas.querySelectorAll(`g.bar-plot-${series} > rect`);
    for (const i of positions) bars[i]?.setAttribute('visibility', 'hidden');
  });
}
