// The statistics panel as a person sees it: after a few reviews in the quiz, TIL: Show Quiz
// Statistics draws non-empty Mermaid charts (reviews per day, forecast, coverage) and the hardest
// cards table. Screenshot: test-results/stats-charts.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
`;

let wb: Workbench;
let folder: string;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-stats-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.writeFileSync(path.join(folder, 'notes', '2025-04-02-til.md'), NOTE);
  wb = await openWorkbench({ folder, vsixPath });
});

after(async () => {
  await wb?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

test('after a few reviews the statistics panel shows non-empty charts', async () => {
  await wb.captureOnFailure('stats-charts', async () => {
    // The notes are indexed once the status bar counts due questions (the user's four: the starter notes stay out).
    await wb.page
      .locator('.part.statusbar .statusbar-item')
      .filter({ hasText: /\b([4-9]|\d\d+) due/ })
      .first()
      .waitFor({ state: 'visible', timeout: 90_000 });
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
    const app = stats.locator('main#app[data-rendered]');
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
      /^Cards: 4 questions from your notes and \d+ made from their key terms and diagrams/,
    );
    await wb.screenshot('stats-charts');
  });
});
