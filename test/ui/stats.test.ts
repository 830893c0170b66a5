// The statistics panel as a person sees it: after a few reviews in the quiz, TIL: Show Quiz
// Statistics draws non-empty Mermaid charts (reviews per day, forecast, coverage) and the hardest
// cards table, readable in the dark, light and high-contrast themes (colours that stand out from the
// background, axis labels that never overlap); without Mermaid the figures still show as text.
// Screenshots: test-results/screenshots/stats-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { QUICK_INPUT_BOX, QUICK_ROWS, paletteToQuickPick } from './lib/diagramsUi';
import { openWorkbench, type Workbench } from './lib/workbench';

const repo = path.resolve(__dirname, '../../..');
const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');

const NOTE = `# 2025-04-02 TIL

## 스케줄링

**타임 퀀텀**은 한 프로세스가 CPU를 한 번에 쓸 수 있는 시간 조각이다.

> 라운드 로빈 스케줄링에서 타임 퀀텀이 너무 크면 어떻게 되나요?

선입선출과 거의 같아져 응답 시간이 길어진다.

> 선점형 스케줄링이란?

실행 중인 프로세스에게서 CPU를 빼앗을 수 있는 방식.

## ICE

> What does a STUN server tell a peer?

Its public address and port as seen from outside the NAT.

> When is a TURN relay used?

When no direct candidate pair connects.

## 쿠버네티스 서비스

> NodePort 서비스는 어느 포트로 열리나요?

모든 노드의 같은 포트(기본 30000–32767 범위)로 열린다.

## 웹 서버와 WAS

> 웹 서버가 정적 파일을 직접 주는 이유는?

WAS까지 가지 않아 빠르고 가볍다.

## Java record

> record 클래스의 필드는 바꿀 수 있나요?

아니다. 모든 필드가 final이다.
`;

let wb: Workbench;
let folder: string;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-stats-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.writeFileSync(path.join(folder, 'notes', '2025-04-02-til.md'), NOTE);
  // As the new user saw it: the dark theme.
  wb = await openWorkbench({ folder, vsixPath, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
});

after(async () => {
  await wb?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

test('without Mermaid the statistics page still shows every figure as text', async () => {
  await wb.captureOnFailure('stats-without-mermaid', async () => {
    await notesIndexed();
    // Mermaid fails to load (a broken install; on a slow machine it only comes late): the chunks the page imports are gone.
    const webviewDir = fs
      .readdirSync(wb.server.extensionsDir)
      .map((d) => path.join(wb.server.extensionsDir, d, 'dist', 'webview'))
      .find((d) => fs.existsSync(path.join(d, 'stats.js')))!;
    const imported = [...fs.readFileSync(path.join(webviewDir, 'stats.js'), 'utf8').matchAll(/import\("\.\/(chunks\/[^"]+\.js)"\)/g)].map(
      (m) => path.join(webviewDir, m[1]),
    );
    assert.ok(imported.length > 0, 'the page imports Mermaid on its own');
    for (const file of imported) fs.renameSync(file, `${file}.away`);
    try {
      await wb.runCommand('TIL: Show Quiz Statistics');
      const stats = wb.webview();
      await stats.locator('main#app[data-rendered="0"]').waitFor({ state: 'attached', timeout: 60_000 });
      assert.match(await stats.locator('.headline').innerText(), /^0 of \d+ cards studied, 0 reviews/);
      assert.equal(await stats.locator('figure[data-chart]').count(), 6, 'every chart has its place');
      for (const summary of await stats.locator('figure[data-chart] .summary').allInnerTexts())
        assert.ok(summary.trim(), 'with its numbers');
      assert.match(await stats.locator('figure[data-chart="topics"] .summary').innerText(), /Operating systems: 0\/\d+/);
      assert.equal(await stats.locator('figure svg').count(), 0, 'no chart drawn');
      await wb.screenshot('stats-without-mermaid');
    } finally {
      for (const file of imported) fs.renameSync(`${file}.away`, file);
    }
    await wb.runCommand('View: Close All Editors');
  });
});

test('after a few reviews the statistics panel shows non-empty charts', async () => {
  await wb.captureOnFailure('stats-charts', async () => {
    await notesIndexed();
    await wb.runCommand('TIL: Start Quiz');
    const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Everything due' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
    const quiz = wb.webview();
    // Three reviews: Good, Again, Easy.
    for (const [i, key] of ['3', '1', '4'].entries()) {
      await quiz.locator('h1.question').waitFor({ state: 'visible', timeout: 30_000 });
      await quiz.locator('button.reveal').click();
      await quiz.locator('.grades button').first().waitFor({ state: 'visible', timeout: 10_000 });
      await wb.page.keyboard.press(key);
      await quiz
        .locator('.progress-text')
        .filter({ hasText: new RegExp(`^${i + 2} of`) })
        .waitFor({ timeout: 10_000 });
    }

    await wb.runCommand('TIL: Show Quiz Statistics');
    const stats = wb.webview();
    const app = stats.locator('main#app[data-rendered][data-theme="dark"]');
    await app.waitFor({ state: 'attached', timeout: 60_000 });
    const drawn = Number(await app.getAttribute('data-rendered'));
    assert.ok(drawn >= 4, `charts drawn: ${drawn}`);
    for (const id of ['reviews', 'forecast', 'topics', 'noteDays', 'overall']) {
      const svg = stats.locator(`figure[data-chart="${id}"] svg`);
      assert.equal(await svg.count(), 1, `${id} has a chart`);
      const shapes = await stats.locator(`figure[data-chart="${id}"] svg rect, figure[data-chart="${id}"] svg path`).count();
      assert.ok(shapes > 2, `${id} draws something (${shapes} shapes)`);
    }
    const reviews = await stats.locator('figure[data-chart="reviews"] .summary').innerText();
    assert.match(reviews, /Reviews: 3/, 'three reviews today');
    assert.match(await stats.locator('.headline').innerText(), /^3 of \d+ cards studied, 3 reviews/);
    // Days without reviews draw no bar (Mermaid draws a 0 as a stub below the zero line, which reads as "a little").
    for (const series of [0, 1]) {
      const bars = stats.locator(`figure[data-chart="reviews"] svg g.bar-plot-${series} > rect`);
      assert.equal(await bars.count(), 30, `series ${series}: a bar a day`);
      const shown = stats.locator(`figure[data-chart="reviews"] svg g.bar-plot-${series} > rect:not([visibility="hidden"])`);
      assert.equal(await shown.count(), 1, `series ${series}: only today's bar shows`);
    }
    // A few reviews are counted in whole numbers on the axis, not 0.2 steps.
    const ticks = await stats.locator('figure[data-chart="reviews"] svg text').allTextContents();
    assert.deepEqual(
      ticks.filter((t) => /^\d+\.\d+$/.test(t.trim())),
      [],
      `no fractional ticks: ${ticks.join(' ')}`,
    );
    // The quiz also makes cards from terms (the note's definition of 타임 퀀텀) and diagrams: the page says what a card is.
    assert.match(
      await stats.locator('.cards-explained').innerText({ timeout: 10_000 }),
      /^Cards: 7 questions from your notes and \d+ made from their key terms and diagrams/,
    );
    assert.deepEqual(await readability(stats), [], 'dark theme');
    console.log(`dark theme: ${await seriesColours(stats)}`);
    await wb.screenshot('stats-charts');
  });
});

test('the charts read in the light and high-contrast themes too', async () => {
  await wb.captureOnFailure('stats-themes', async () => {
    const stats = wb.webview();
    // The theme picker's labels ("Light Modern", "Dark High Contrast"; older builds say "Default …").
    for (const [theme, label, kind, shot] of [
      ['Light Modern', /^(Default )?Light Modern$/, 'light', 'stats-charts-light'],
      ['High Contrast', /^(Default |Dark )?High Contrast$/, 'high-contrast', 'stats-charts-high-contrast'],
    ] as const) {
      await paletteToQuickPick(wb, 'Preferences: Color Theme');
      await wb.page.locator(QUICK_INPUT_BOX).first().fill(theme);
      await wb.page
        .locator(QUICK_ROWS)
        .filter({ has: wb.page.locator('.label-name', { hasText: label }) })
        .first()
        .click();
      // Redrawn in the new theme's colours.
      await stats.locator(`main#app[data-rendered][data-theme="${kind}"]`).waitFor({ state: 'attached', timeout: 60_000 });
      assert.ok(Number(await stats.locator('main#app').getAttribute('data-rendered')) >= 4, `${theme}: charts drawn`);
      assert.deepEqual(await readability(stats), [], theme);
      console.log(`${theme}: ${await seriesColours(stats)}`);
      await wb.screenshot(shot);
    }
  });
});

/** The notes are indexed once the status bar counts due questions (the user's seven: the starter notes stay out). */
async function notesIndexed(): Promise<void> {
  await wb.page
    .locator('.part.statusbar .statusbar-item')
    .filter({ hasText: /\b([7-9]|\d\d+) due/ })
    .first()
    .waitFor({ state: 'visible', timeout: 90_000 });
}

/**
 * What does not read on the page's background: bars, lines and slices below 3:1 contrast (WCAG's ask for
 * graphics), axis and legend text below 4.5:1, two series of a chart in the same colour, and axis labels that
 * overlap. Computed in the page from the drawn SVG, with the browser's own colour parsing.
 */
function readability(frame: FrameLocator): Promise<string[]> {
  // The page's own DOM (the tests' TypeScript has no DOM types, hence `any`).
  return frame.locator('body').evaluate((body: any) => {
    const doc = (globalThis as any).document;
    const style = (el: any) => (globalThis as any).getComputedStyle(el);
    const canvas = doc.createElement('canvas').getContext('2d');
    const rgba = (css: string): number[] => {
      canvas.fillStyle = '#000';
      canvas.fillStyle = css;
      const v = String(canvas.fillStyle);
      if (v.startsWith('#')) return [1, 3, 5].map((i) => parseInt(v.slice(i, i + 2), 16)).concat(1);
      const n = (v.match(/[\d.]+/g) ?? []).map(Number);
      return [n[0], n[1], n[2], n[3] ?? 1];
    };
    const lum = (c: number[]) =>
      [0.2126, 0.7152, 0.0722].reduce((sum, w, i) => {
        const x = c[i] / 255;
        return sum + w * (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
      }, 0);
    const bgText = style(body).backgroundColor;
    const bg = rgba(bgText);
    const shown = (c: number[], opacity: number) => {
      const a = c[3] * opacity;
      return [0, 1, 2].map((i) => c[i] * a + bg[i] * (1 - a));
    };
    const ratio = (c: number[]) => {
      const [hi, lo] = [lum(c), lum(bg)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const problems: string[] = [];
    for (const figure of Array.from(doc.querySelectorAll('figure[data-chart]')) as any[]) {
      const id = figure.getAttribute('data-chart');
      const svg = figure.querySelector('svg');
      if (!svg) continue;
      const check = (el: any, paint: 'fill' | 'stroke', min: number, what: string) => {
        const value = el.getAttribute(paint) ?? style(el)[paint];
        if (!value || value === 'none') return;
        const r = ratio(shown(rgba(value), Number(style(el).opacity)));
        if (r < min) problems.push(`${id}: ${what} ${value} has contrast ${r.toFixed(2)} on ${bgText}`);
      };
      const plots = Array.from(svg.querySelectorAll('g.plot > g')) as any[];
      const series = new Set<string>();
      for (const group of plots) {
        const shapes = Array.from(group.querySelectorAll(':scope > rect, :scope > path')) as any[];
        for (const shape of shapes) check(shape, shape.localName === 'rect' ? 'fill' : 'stroke', 3, 'series');
        if (shapes[0]) series.add(shapes[0].localName === 'rect' ? shapes[0].getAttribute('fill') : shapes[0].getAttribute('stroke'));
      }
      if (series.size < plots.length) problems.push(`${id}: ${plots.length} series in ${series.size} colours`);
      for (const slice of Array.from(svg.querySelectorAll('path.pieCircle'))) check(slice, 'fill', 3, 'slice');
      for (const text of Array.from(svg.querySelectorAll('g.label text, .legend text, text.slice'))) check(text, 'fill', 4.5, 'text');
      // Axis labels side by side never overlap.
      for (const group of Array.from(svg.querySelectorAll('g.label')) as any[]) {
        const boxes = (Array.from(group.querySelectorAll('text')) as any[])
          .filter((t) => String(t.textContent ?? '').trim())
          .map((t) => ({ text: String(t.textContent), box: t.getBoundingClientRect() }));
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].box;
            const b = boxes[j].box;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 1 && h > 1) problems.push(`${id}: labels "${boxes[i].text}" and "${boxes[j].text}" overlap`);
          }
      }
    }
    return problems;
  });
}

/** Each chart's series colours as drawn, for the log. */
function seriesColours(frame: FrameLocator): Promise<string> {
  return frame.locator('body').evaluate((body: any) =>
    (Array.from(body.querySelectorAll('figure[data-chart]')) as any[])
      .map((f) => {
        const paints = (Array.from(f.querySelectorAll('g.plot > g > :first-child, path.pieCircle')) as any[]).map((el) =>
          el.localName === 'path' && !el.classList.contains('pieCircle') ? el.getAttribute('stroke') : el.getAttribute('fill'),
        );
        return `${f.getAttribute('data-chart')} ${[...new Set(paints)].join(' ')}`;
      })
      .join('; '),
  );
}
