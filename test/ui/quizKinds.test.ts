import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { openWorkbench, type Workbench } from './lib/workbench';

// The card kinds and the card actions as a person sees them in a real workbench: a quiz on a note
// asks a fill-in-the-blank card made from a definition and a question read off the note's sequence
// diagram; Skip, Suspend (with Undo) and Bury siblings work from the panel's buttons; the header shows
// today's new cards and reviews against the daily limits. Our own note, written for this test.

const repo = path.resolve(__dirname, '../../..');
const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');

const NOTE = `# 2025-06-10 TIL

## 동기화

**세마포어**는 공유 자원에 들어갈 수 있는 스레드 수를 세는 동기화 도구이다.

> 뮤텍스와 세마포어는 무엇이 다른가요?

뮤텍스는 한 번에 한 스레드만 들어간다.

## Call setup

\`\`\`mermaid
sequenceDiagram
    participant C as Caller
    participant S as Signaling server
    participant R as Callee
    C->>S: offer
    S->>R: offer
    R->>S: answer
    S->>C: answer
\`\`\`
`;

let wb: Workbench;
let folder: string;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-quiz-kinds-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.writeFileSync(path.join(folder, 'notes', '2025-06-10.md'), NOTE);
  wb = await openWorkbench({ folder, vsixPath });
});

after(async () => {
  await wb?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

function quiz(): FrameLocator {
  return wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

async function question(frame: FrameLocator): Promise<string> {
  return (await frame.locator('h1.question').innerText()).trim();
}

async function waitForQuestion(frame: FrameLocator, test: (text: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    last = await question(frame).catch(() => '');
    if (test(last)) return last;
    await wb.page.waitForTimeout(150);
  }
  assert.fail(`${what}; the panel shows: ${last}`);
}

test('a quiz on a note: a cloze card, a diagram question, and the card actions with Undo; the header counts today against the limits', async () => {
  await wb.captureOnFailure('quiz-kinds', async () => {
    // The extension is up and the note indexed once the status bar counts due cards.
    await wb.page
      .locator('.part.statusbar .statusbar-item')
      .filter({ hasText: /\d+ due/ })
      .first()
      .waitFor({ state: 'visible', timeout: 90_000 });
    await wb.openFile('notes/2025-06-10.md');
    await wb.runCommand('TIL: Start Quiz', { timeoutMs: 60_000 }).catch(async () => {
      // A busy machine can miss the palette's first click; once more from a clean state.
      await wb.dismiss();
      await wb.runCommand('TIL: Start Quiz', { timeoutMs: 60_000 });
    });
    const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'This note' }).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    await row.click();
    const frame = quiz();

    // 1. The definition's cloze card comes first (note order), marked as a fill-in-the-blank card.
    const cloze = await waitForQuestion(frame, (t) => t.includes('___'), 'a cloze card first');
    assert.equal(cloze, '세마포어는 ___ 동기화 도구이다.');
    await frame.locator('.card-kind-cloze').waitFor({ state: 'visible', timeout: 5_000 });
    const limits = frame.locator('.limits');
    await limits.filter({ hasText: /New 0\/20 · Reviews 0\/200/ }).waitFor({ timeout: 10_000 });
    assert.deepEqual(await frame.locator('.card-actions button').allInnerTexts(), ['Skip', 'Suspend', 'Not a question', 'Bury siblings']);
    await frame.locator('button.reveal').focus();
    await wb.screenshot('quiz-cloze');
    await wb.page.keyboard.press('Space');
    await frame.locator('.answer strong').filter({ hasText: '공유 자원에 들어갈 수 있는 스레드 수를 세는' }).waitFor({ timeout: 10_000 });
    await wb.screenshot('quiz-cloze-answer');
    await wb.page.keyboard.press('3');

    // 2. The note's question: Suspend takes it out, Undo brings it back, Skip moves it to the end.
    const asked = await waitForQuestion(frame, (t) => t.startsWith('뮤텍스와 세마포어'), "the note's question second");
    await limits.filter({ hasText: /New 1\/20/ }).waitFor({ timeout: 10_000 });
    await frame.locator('button[data-action="suspend"]').click();
    await frame.locator('.notice').filter({ hasText: 'Suspended' }).waitFor({ timeout: 10_000 });
    assert.notEqual(await question(frame), asked, 'the suspended card is gone');
    await wb.screenshot('quiz-suspended-undo');
    await frame.locator('.notice button.undo').click();
    await waitForQuestion(frame, (t) => t === asked, 'Undo shows the card again');
    await frame.locator('button[data-action="skip"]').click();
    await frame.locator('.notice').filter({ hasText: 'Skipped' }).waitFor({ timeout: 10_000 });

    // 3. A question read off the sequence diagram.
    const diagram = await waitForQuestion(
      frame,
      (t) => /^Call setup: who sends “(offer|answer)” to /.test(t),
      'a diagram question after the skip',
    );
    await frame.locator('.card-kind-diagram').waitFor({ state: 'visible', timeout: 5_000 });
    await frame.locator('button.reveal').focus();
    await wb.screenshot('quiz-diagram-question');
    await wb.page.keyboard.press('Space');
    const answer = (await frame.locator('.answer strong').first().innerText()).trim();
    assert.ok(['Caller', 'Signaling server', 'Callee'].includes(answer), `the sender: ${answer} for ${diagram}`);

    // 4. Bury siblings: the other questions of the diagram's section wait until tomorrow.
    await frame.locator('button[data-action="burySiblings"]').click();
    await frame
      .locator('.notice')
      .filter({ hasText: /other cards of this section wait until tomorrow/ })
      .waitFor({ timeout: 10_000 });
    await wb.runCommand('View: Close All Editors');
  });
});
