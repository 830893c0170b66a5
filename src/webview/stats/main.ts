/**
 * The statistics panel's webview: draws the host's chart sources with the bundled Mermaid
 * (securityLevel strict, themed like VS Code) and the hardest cards as a table of plain text.
 */
import './stats.css';
import { parseStatsHostMessage, type StatsHostToWebview, type StatsWebviewToHost } from '../../shared/statsProtocol';
import { svgFromText } from '../diagram/svg';
import { loadMermaid } from '../shared/loadMermaid';
import { mermaidConfig, mermaidErrorText } from '../shared/mermaid';
import { chartColours, mermaidThemeFor } from '../shared/mermaidTheme';
import { onThemeKindChange, themeKind } from '../shared/theme';
import { vscodeApi } from '../shared/vscodeApi';
import { el } from '../quiz/dom';

const api = vscodeApi<StatsHostToWebview | undefined, StatsWebviewToHost>();
const app = document.getElementById('app')!;
let last: StatsHostToWebview | undefined = api.getState();
let seq = 0;
const mermaidReady = loadMermaid(); // downloads while the host gathers the numbers

async function show(message: StatsHostToWebview): Promise<void> {
  last = message;
  api.setState(message);
  const run = ++seq;
  const mermaid = await mermaidReady;
  if (run !== seq) return;
  const config = mermaidConfig(mermaidThemeFor(themeKind()), { xyChart: { width: 520, height: 240 } });
  config.themeVariables = { ...config.themeVariables, ...chartColours() };
  mermaid.initialize(config);
  const { strings } = message;
  const sections: HTMLElement[] = [];
  const errors: string[] = [];
  let drawn = 0;
  for (const chart of message.charts) {
    const figure = el('figure', { class: 'chart', 'data-chart': chart.id });
    const caption = el('figcaption', {}, chart.title);
    const canvas = el('div', { class: 'canvas', role: 'img', 'aria-label': `${chart.title}: ${chart.summary}` });
    if (chart.source) {
      try {
        const { svg } = await mermaid.render(`til-stats-${run}-${chart.id}`, chart.source);
        if (run !== seq) return;
        canvas.append(svgFromText(svg));
        drawn++;
      } catch (err) {
        errors.push(`${chart.id}: ${mermaidErrorText(err)}`);
      }
    } else {
      canvas.classList.add('empty');
    }
    figure.append(caption, canvas, el('p', { class: 'summary' }, chart.summary));
    sections.push(figure);
  }
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
  app.dataset.rendered = String(drawn);
  api.postMessage({ type: 'rendered', charts: drawn, errors });
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
