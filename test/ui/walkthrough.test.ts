// The first five minutes: a fresh workbench opens the walkthrough by itself, each step reads as plain text (no
// literal backticks) beside its own picture and completes by pressing its own button, as a new user would; the TIL
// view, with only the starter notes, says once that none of the user's notes are found and its rows read whole.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { openWorkbench, type Workbench } from './lib/workbench';

const repo = path.resolve(__dirname, '../../..');
const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');
let wb: Workbench;

before(async () => {
  // As npm start does, and as a new user's profile has it by default (other test workbenches turn it off).
  wb = await openWorkbench({
    folder: path.join(repo, 'demo'),
    vsixPath,
    settings: { 'tilCompanion.walkthrough.openOnFirstRun': true },
    timeoutMs: 240_000,
  });
});
after(async () => {
  await wb?.close();
});

/** `act`: do the step another way than its button (the button is still checked to be there). */
const STEPS: {
  title: RegExp;
  button: RegExp;
  /** The picture the step shows beside it (`media/walkthrough/<name>.png`); none: a page of text. */
  picture?: string;
  act?: (wb: Workbench) => Promise<void>;
  after?: (wb: Workbench) => Promise<void>;
}[] = [
  {
    title: /Choose your notes/,
    picture: 'chooseNotes',
    button: /Choose Notes Folder/,
    after: async (w) => {
      // No notes of the user's in the demo: the folder picker opens straight away. Cancel it.
      await w.page
        .locator('.quick-input-widget')
        .filter({ hasText: /Use as Notes Folder|노트 폴더로 사용/ })
        .waitFor({ state: 'visible', timeout: 30_000 });
      await w.screenshot('walkthrough-choose-folder');
      await w.page.keyboard.press('Escape');
    },
  },
  {
    title: /Hover a term in code/,
    button: /Try a Hover/,
    picture: 'hover',
    // As a keyboard user would: the cursor on `fork` and Ctrl+K Ctrl+I (Show Hover), not the walkthrough's button.
    act: async (w) => {
      await w.dismiss();
      await w.openFile('c/processes.c', { timeoutMs: 60_000 });
      await w.editor.revealLine(49, 30_000);
      const point = await w.editor.findWordOnScreen('fork', { line: 49 });
      assert.ok(point, 'fork() on line 49 is on screen');
      const hover = w.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /fork/ }).first();
      // Asked again while the extension is still reading the notes (an early Show Hover finds no provider answer).
      for (let attempt = 1; attempt <= 6; attempt++) {
        await w.page.mouse.click(point.x, point.y);
        await w.page.keyboard.press('Control+K');
        await w.page.keyboard.press('Control+I');
        if (
          await hover.waitFor({ timeout: 5_000 }).then(
            () => true,
            () => false,
          )
        )
          break;
        await w.page.keyboard.press('Escape');
      }
    },
    after: async (w) => {
      const hover = w.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /fork/ });
      await hover.first().waitFor({ timeout: 60_000 });
      assert.match(await hover.first().innerText(), /프로세스|process/i);
      await w.screenshot('walkthrough-hover');
      await w.dismiss();
    },
  },
  { title: /Browse your notes/, button: /Open the TIL View/, picture: 'browse' },
  {
    title: /See the diagrams/,
    button: /Show Diagram/,
    picture: 'diagrams',
    after: async (w) => {
      const row = w.page
        .locator('.quick-input-widget .monaco-list-row')
        .filter({ hasText: /Process States|프로세스 상태/ })
        .first();
      await row.waitFor({ state: 'visible', timeout: 30_000 });
      await row.click();
      await w.page
        .frameLocator('iframe.webview.ready')
        .frameLocator('#active-frame')
        .locator('.canvas svg')
        .first()
        .waitFor({ timeout: 90_000 });
    },
  },
  {
    title: /Quiz yourself/,
    button: /Start a Five-Question Quiz/,
    picture: 'quiz',
    after: async (w) => {
      // A short first quiz: five questions from the notes, not the whole due pile.
      const quiz = w.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      await quiz.locator('h1.question').waitFor({ state: 'visible', timeout: 60_000 });
      await quiz
        .locator('.progress-text')
        .filter({ hasText: /1 of 5\b/ })
        .waitFor({ timeout: 30_000 });
      await w.screenshot('walkthrough-quiz');
    },
  },
  { title: /Add your own glossary entries/, button: /Add Glossary Entries/ },
];

function walkthroughPage(): Locator {
  return wb.page.locator('.gettingStartedContainer');
}

/** Our walkthrough in front: the command reveals it (Escape on the page would go back to the list of all). */
async function backToWalkthrough(): Promise<void> {
  // The walkthrough page re-renders a step it has just marked done and can take the focus from the palette
  // while it opens: try the palette again rather than fail on that race.
  for (let attempt = 1; ; attempt++) {
    try {
      await wb.runCommand('TIL: Get Started');
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await wb.dismiss();
    }
  }
  await walkthroughPage()
    .locator('.getting-started-category')
    .filter({ hasText: /Get started with TIL Companion/ })
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 })
    .catch(() => undefined);
  await walkthroughPage()
    .locator('button.getting-started-step:not([disabled])')
    .first()
    .waitFor({ state: 'visible', timeout: 30_000 })
    .catch(() => undefined);
}

test('a fresh workbench shows the walkthrough, and each step completes by doing it', async () => {
  await wb.captureOnFailure('walkthrough', async () => {
    const page = walkthroughPage();
    // Nobody asks for it: the extension opens its walkthrough by itself on its first run in a profile.
    await page.filter({ hasText: /Get started with TIL Companion/ }).waitFor({ state: 'visible', timeout: 240_000 });
    await wb.screenshot('walkthrough-start');
    // Step descriptions render links only: a `code span` would show its backticks to the user.
    const descriptions = await page.locator('.getting-started-step .step-description-container').allTextContents();
    assert.equal(descriptions.length, STEPS.length, 'every step has its description');
    for (const text of descriptions) assert.ok(!text.includes('`'), `no literal backtick: "${text}"`);
    for (const [i, step] of STEPS.entries()) {
      await backToWalkthrough();
      const stepButton = walkthroughPage().locator('button.getting-started-step').filter({ hasText: step.title }).first();
      // The open step's header is a disabled button; open the step only when it is closed.
      if ((await stepButton.getAttribute('aria-expanded')) !== 'true') await stepButton.click();
      const action = walkthroughPage()
        .locator('.step-description-container a, .step-description-container .button-link')
        .filter({ hasText: step.button })
        .first();
      await action.waitFor({ state: 'visible', timeout: 15_000 });
      if (step.picture) {
        // The step's own picture, not another step's.
        const picture = walkthroughPage().locator('.getting-started-media img').first();
        await picture.waitFor({ state: 'visible', timeout: 15_000 });
        const shown = await picture.evaluate((img: any) => ({
          src: String(img.currentSrc || img.getAttribute('src') || img.getAttribute('srcset') || ''),
          loaded: img.complete && img.naturalWidth > 0,
        }));
        assert.match(
          decodeURIComponent(shown.src),
          new RegExp(`/media/walkthrough/${step.picture}\\.png`),
          `${step.picture} beside its step`,
        );
        assert.ok(shown.loaded, `${shown.src} shows (it ships in the .vsix)`);
      }
      if (step.act) await step.act(wb);
      else await action.click();
      await step.after?.(wb);
      await backToWalkthrough();
      const done = walkthroughPage().locator('button.getting-started-step[aria-checked="true"]').filter({ hasText: step.title });
      await done.first().waitFor({ timeout: 30_000 });
      await wb.screenshot(`walkthrough-step-${i + 1}`);
    }
    assert.equal(await walkthroughPage().locator('button.getting-started-step[aria-checked="true"]').count(), STEPS.length);
  });
});

test('with only the starter notes, the TIL view says so once, and its rows read whole at the default width', async () => {
  await wb.captureOnFailure('til-view-starter-only', async () => {
    await wb.dismiss();
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('TIL: Focus on Notes by Day View');
    const pane = (name: RegExp) => wb.page.locator('.pane').filter({ has: wb.page.locator('.pane-header', { hasText: name }) });
    const byDay = pane(/Notes by Day/i);
    const byTopic = pane(/Notes by Topic/i);
    const starterRow = byDay
      .locator('.monaco-list-row')
      .filter({ hasText: /Starter notes/ })
      .first();
    await starterRow.waitFor({ timeout: 60_000 });
    // The demo holds code only: the day pane says none of the user's notes are found, and the topic pane does not repeat it.
    const notice = wb.page.locator('.pane-body .message').filter({ hasText: /None of your notes/ });
    await notice.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await notice.count(), 1, 'said once');
    assert.equal(
      await byDay
        .locator('.pane-body .message')
        .filter({ hasText: /None of your notes/ })
        .count(),
      1,
      'in the day pane',
    );
    // Every root row's label and description fit the side bar (nothing cut off with an ellipsis).
    for (const view of [byDay, byTopic]) {
      const rows = view.locator('.monaco-list-row[aria-level="1"]');
      await rows.first().waitFor({ timeout: 30_000 });
      for (const row of await rows.all()) {
        const cut = await row
          .locator('.monaco-icon-label-container')
          .first()
          .evaluate((el: any) => el.scrollWidth > el.clientWidth + 1);
        assert.ok(!cut, `"${await row.innerText()}" reads whole`);
      }
    }
    assert.match(await starterRow.innerText(), /Starter notes\s*\d+ examples/);
    await wb.screenshot('til-view-starter-only');
  });
});
