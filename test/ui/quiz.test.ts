// What a person sees of the quiz, in a real workbench (code-server + Chromium): start a quiz from
// the command palette, Space reveals the answer, a number key grades it and the next card comes;
// the status bar counts down; after a window reload the progress is still there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { activeWebview, openWorkbench, type Workbench } from './lib/workbench';

const repo = path.resolve(__dirname, '../../..');
const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');

const NOTE = `# 2025-03-10 TIL

## 운영 체제

> 문맥 교환이 무엇인지 설명해 주세요.

CPU가 실행 중인 작업을 바꿀 때 **레지스터**와 프로그램 카운터를 저장하고 불러오는 일이다.

![missing diagram](images/nope.png)

![present diagram](images/ok.png)

> 세마포어는 뮤텍스와 무엇이 다른가요?

세마포어는 카운터로 여러 스레드의 진입을 허용한다. <img src=x onerror="window.__tilPwned=1">

> 교착 상태를 막는 방법은?

네 가지 조건 중 하나를 깨면 된다.
`;

// A second day of notes that defines terms: the term mode needs four explained terms to offer four names.
const TERMS_NOTE = `# 2025-03-11 TIL

## 동기화

**뮤텍스**는 한 번에 한 스레드만 임계 구역에 들어가도록 막는 잠금이다.

**스핀락**은 잠금이 풀릴 때까지 잠들지 않고 계속 확인하며 기다리는 잠금이다.

**조건 변수**는 어떤 조건이 참이 될 때까지 스레드를 재우고 깨우는 도구이다.

**모니터**는 잠금과 조건 변수를 하나로 묶어 공유 자원을 감싸는 구조이다.
`;

let wb: Workbench;
let folder: string;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-quiz-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.writeFileSync(path.join(folder, 'notes', '2025-03-10.md'), NOTE);
  fs.writeFileSync(path.join(folder, 'notes', '2025-03-11.md'), TERMS_NOTE);
  // A 1×1 PNG next to the note: shown inline (data: URI), while the missing one becomes a placeholder.
  fs.mkdirSync(path.join(folder, 'notes', 'images'));
  fs.writeFileSync(
    path.join(folder, 'notes', 'images', 'ok.png'),
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  );
  wb = await openWorkbench({ folder, vsixPath });
});

after(async () => {
  await wb?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

/** The quiz webview's content frame. */
const quiz = activeWebview;

/** The "N due" status-bar item's count. */
async function dueCount(page: Page, timeoutMs = 60_000): Promise<number> {
  const item = page
    .locator('.part.statusbar .statusbar-item')
    .filter({ hasText: /\d+ due/ })
    .first();
  await item.waitFor({ state: 'visible', timeout: timeoutMs });
  const text = (await item.innerText()).trim();
  const m = /(\d+) due/.exec(text);
  assert.ok(m, `status bar text: ${text}`);
  return Number(m[1]);
}

/** Waits until the status bar counts exactly `want` due questions. */
async function waitForCount(page: Page, want: number, timeoutMs = 20_000): Promise<void> {
  const item = page
    .locator('.part.statusbar .statusbar-item')
    .filter({ hasText: new RegExp(`(?<!\\d)${want} due`) })
    .first();
  try {
    await item.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    assert.equal(await dueCount(page, 1_000).catch(() => -1), want, 'due count in the status bar');
  }
}

async function startDueQuiz(): Promise<FrameLocator> {
  await wb.runCommand('TIL: Start Quiz');
  // The quick pick of scopes: the first row is "Everything due".
  const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Everything due' }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await row.click();
  const frame = quiz(wb.page);
  await frame.locator('h1.question').waitFor({ state: 'visible', timeout: 30_000 });
  return frame;
}

let initialDue = 0;
let firstQuestion = '';

test('start a quiz, reveal with Space, grade with a key, see the next card', async () => {
  await wb.captureOnFailure('quiz-grade', async () => {
    initialDue = await dueCount(wb.page);
    assert.ok(initialDue >= 3, `at least the three questions of the note are due, got ${initialDue}`);
    const frame = await startDueQuiz();
    firstQuestion = (await frame.locator('h1.question').innerText()).trim();
    assert.ok(firstQuestion.length > 3);
    await frame
      .locator('.progress-text')
      .filter({ hasText: `1 of ${initialDue}` })
      .waitFor({ timeout: 10_000 });
    // Focus is on "Show answer", inside the webview.
    const reveal = frame.locator('button.reveal');
    await reveal.waitFor();
    await reveal.focus();
    await wb.screenshot('quiz-question');

    await wb.page.keyboard.press('Space');
    const answer = frame.locator('.answer');
    await answer.waitFor({ state: 'visible', timeout: 10_000 });
    assert.ok((await answer.innerText()).trim().length > 0, 'the answer is shown');
    assert.equal(await frame.locator('.grades button').count(), 4);
    const focused = await frame.locator(':focus').getAttribute('data-grade');
    assert.equal(focused, '3', 'focus moves to Good');
    await wb.screenshot('quiz-answer');

    await wb.page.keyboard.press('3');
    await frame
      .locator('.progress-text')
      .filter({ hasText: `2 of ${initialDue}` })
      .waitFor({ timeout: 10_000 });
    const next = (await frame.locator('h1.question').innerText()).trim();
    assert.notEqual(next, firstQuestion, 'the next card is shown');
    assert.equal(await frame.locator('.answer').count(), 0, 'its answer is hidden');
    await waitForCount(wb.page, initialDue - 1);
    await wb.screenshot('quiz-next-card');
  });
});

test('a quiz on the open note; answers are sanitised: a missing image is a placeholder, an onerror handler runs nothing', async () => {
  await wb.captureOnFailure('quiz-note', async () => {
    await wb.openFile('notes/2025-03-10.md');
    await wb.runCommand('TIL: Start Quiz');
    const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'This note' }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
    const frame = quiz(wb.page);
    await frame.locator('.progress-text').filter({ hasText: '1 of 3' }).waitFor({ timeout: 30_000 });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const q = frame.locator('h1.question');
      const text = (await q.innerText()).trim();
      seen.push(text);
      await frame.locator('button.reveal').focus();
      await wb.page.keyboard.press('Space');
      await frame.locator('.answer').waitFor();
      if (text.startsWith('문맥 교환')) {
        assert.match(await frame.locator('.answer .image-placeholder').innerText(), /missing diagram/);
        assert.equal(await frame.locator('.answer img[src^="data:image/png;base64,"]').count(), 1, 'the image beside the note is shown');
        assert.match(await frame.locator('.answer strong').innerText(), /레지스터/, 'Markdown is rendered');
        await wb.screenshot('quiz-answer-placeholder');
      }
      if (text.startsWith('세마포어')) assert.equal(await frame.locator('.answer img').count(), 0, 'the hostile image is not shown');
      await wb.page.keyboard.press(i === 0 ? '1' : '4');
      if (i < 2)
        await frame
          .locator('.progress-text')
          .filter({ hasText: `${i + 2} of ` })
          .waitFor({ timeout: 10_000 });
    }
    // "Again" on the first card brings it back at the end.
    await frame.locator('.progress-text').filter({ hasText: '4 of 4' }).waitFor({ timeout: 10_000 });
    assert.equal((await frame.locator('h1.question').innerText()).trim(), seen[0]);
    await frame.locator('button.reveal').focus();
    await wb.page.keyboard.press('Space');
    await frame.locator('.grades').waitFor();
    await wb.page.keyboard.press('3');
    const summary = frame.locator('.stats');
    await summary.waitFor({ timeout: 10_000 });
    assert.match(await summary.innerText(), /4 reviewed/);
    assert.match(await frame.locator('.missed').innerText(), new RegExp(seen[0].slice(0, 6)));
    assert.deepEqual([...seen].sort(), [
      '교착 상태를 막는 방법은?',
      '문맥 교환이 무엇인지 설명해 주세요.',
      '세마포어는 뮤텍스와 무엇이 다른가요?',
    ]);
    const pwned = await frame.locator('body').evaluate(() => (globalThis as { __tilPwned?: unknown }).__tilPwned);
    assert.equal(pwned, undefined, 'no handler ran');
    await wb.screenshot('quiz-summary');
  });
});

test('the term mode: an explanation, four names, a pick, the right answer shown', async () => {
  await wb.captureOnFailure('quiz-terms', async () => {
    await wb.runCommand('TIL: Start Quiz');
    const row = wb.page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ hasText: 'Name the term: everything due' })
      .first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
    const frame = quiz(wb.page);
    const choices = frame.locator('.choices button.choice');
    await choices.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await choices.count(), 4);
    const names = (await choices.allInnerTexts()).map((t) => t.replace(/^\d\s*/, '').trim());
    assert.equal(new Set(names).size, 4, `distinct choices: ${names}`);
    assert.ok((await frame.locator('.prompt').innerText()).trim().length > 0, 'the explanation is shown');
    await wb.screenshot('quiz-terms-question');
    await choices.first().focus();
    await wb.page.keyboard.press('2');
    await frame.locator('.feedback').waitFor({ timeout: 10_000 });
    assert.equal(await frame.locator('.choice.right').count(), 1, 'the right name is marked');
    await wb.screenshot('quiz-terms-answered');
    const progress = (await frame.locator('.progress-text').innerText()).trim();
    await wb.page.keyboard.press('Space');
    await frame.locator('.feedback').waitFor({ state: 'detached', timeout: 10_000 });
    assert.notEqual((await frame.locator('.progress-text').innerText()).trim(), progress, 'the next question');
    await wb.runCommand('View: Close All Editors');
  });
});

test('after a window reload the progress is still there', async () => {
  await wb.captureOnFailure('quiz-reload', async () => {
    const before = await dueCount(wb.page);
    // Fewer due than at the start: the graded cards are done for today (how many fewer depends on the daily new-card
    // limit, which lets another new card in for each one graded, and on whether the named term had a card).
    assert.ok(before < initialDue, `graded cards are no longer due: ${before} of ${initialDue}`);
    await wb.page.reload({ waitUntil: 'domcontentloaded' });
    await wb.page.locator('.monaco-workbench .part.statusbar').first().waitFor({ state: 'visible', timeout: 60_000 });
    await waitForCount(wb.page, before, 60_000);
    // The quiz panel comes back too (restored by its serializer) once the notes are indexed.
    await quiz(wb.page)
      .locator('h1.question')
      .waitFor({ state: 'visible', timeout: 30_000 })
      .catch(() => undefined);
    await wb.screenshot('quiz-after-reload');
    await wb.runCommand('View: Close All Editors');
    const frame = await startDueQuiz();
    await frame
      .locator('.progress-text')
      .filter({ hasText: `1 of ${before}` })
      .waitFor({ timeout: 10_000 });
    assert.notEqual((await frame.locator('h1.question').innerText()).trim(), firstQuestion, 'the graded card is not due again');
    await wb.screenshot('quiz-resumed');
  });
});
