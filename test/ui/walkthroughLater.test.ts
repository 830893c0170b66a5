// Steps done before the walkthrough was ever opened show as done when it opens: some in an earlier session (a window
// reload starts a new extension host and a new workbench), some in this one. VS Code counts a step's completion
// events only while its walkthrough service listens, which it starts with the first walkthrough page; a test workbench
// never opens the walkthrough by itself, as a user's who has closed it once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { showDiagram } from './lib/diagramsUi';
import { openWorkbench, type Workbench } from './lib/workbench';

const repo = path.resolve(__dirname, '../../..');
const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');
let wb: Workbench;

before(async () => {
  wb = await openWorkbench({ folder: path.join(repo, 'demo'), vsixPath, timeoutMs: 240_000 });
});
after(async () => {
  await wb?.close();
});

/** The palette, tried again when a workbench that has just reloaded takes the focus from it. */
async function runCommand(title: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await wb.runCommand(title);
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await wb.dismiss();
    }
  }
}

async function showHoverOnFork(): Promise<void> {
  await wb.openFile('c/processes.c', { timeoutMs: 60_000 });
  // The mouse, until the hover answers from the notes (an early hover finds them still being read).
  await wb.hoverWord('fork', { contains: /프로세스|process/i, timeoutMs: 120_000 });
  await wb.dismiss();
}

async function startQuiz(): Promise<void> {
  await runCommand('TIL: Start Quiz');
  const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Everything due' }).first();
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.click();
  const quiz = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  await quiz.locator('h1.question').waitFor({ state: 'visible', timeout: 60_000 });
}

test('steps done before the walkthrough was opened, in an earlier session or this one, show as done', async () => {
  await wb.captureOnFailure('walkthrough-later', async () => {
    // An earlier session: a hover, the TIL view, a diagram.
    await showHoverOnFork();
    await runCommand('TIL: Focus on Notes by Day View');
    await wb.page
      .locator('.pane-body .monaco-list-row')
      .filter({ hasText: /Starter notes/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await showDiagram(wb, 'Process States');
    await runCommand('View: Close All Editors');

    // A new session (a new extension host); a quiz in it, still before the walkthrough is opened.
    await wb.page.reload({ waitUntil: 'domcontentloaded' });
    await wb.page.locator('.monaco-workbench .part.statusbar').first().waitFor({ state: 'visible', timeout: 60_000 });
    await startQuiz();
    await runCommand('View: Close All Editors');

    await runCommand('TIL: Get Started');
    const page = wb.page.locator('.gettingStartedContainer');
    await page.filter({ hasText: /Get started with TIL Companion/ }).waitFor({ state: 'visible', timeout: 60_000 });
    const step = (title: RegExp) => page.locator('button.getting-started-step').filter({ hasText: title }).first();
    for (const title of [/Hover a term in code/, /Browse your notes/, /See the diagrams/, /Quiz yourself/]) {
      await page
        .locator('button.getting-started-step[aria-checked="true"]')
        .filter({ hasText: title })
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(() => undefined);
      assert.equal(await step(title).getAttribute('aria-checked'), 'true', `${title.source}: done before the walkthrough opened`);
    }
    // Steps not done stay open: the walkthrough does not tick everything.
    for (const title of [/Choose your notes/, /Add your own glossary entries/])
      assert.notEqual(await step(title).getAttribute('aria-checked'), 'true', `${title.source}: not done`);
    await wb.screenshot('walkthrough-done-earlier');
  });
});
