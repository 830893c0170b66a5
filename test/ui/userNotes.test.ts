// "Your notes first", as a person sees it: a workspace holding the user's own notes and some C code, with default
// settings. Hovering fork answers from the user's note, the day tree lists the user's days only (the starter notes,
// in "auto" mode, stay out; turned on, they sit under their own root), and the quiz opens on one of the user's
// questions. The user's real notes (../shared/seeds/til-notes.md beside the clone) are copied into a temporary
// workspace when present; otherwise our own-words fixture with the same ways of writing stands in.
// Screenshots: test-results/screenshots/user-notes-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openWorkbench, type Workbench } from './lib/workbench';

const repo = path.resolve(__dirname, '../../..');
const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');
const realNotes = path.resolve(repo, '..', 'shared', 'seeds', 'til-notes.md');
const ownWords = path.join(repo, 'test', 'fixtures', 'user-notes', 'study-log.md');
const notesFile = fs.existsSync(realNotes) ? realNotes : ownWords;

/** What the user's notes hold (days, questions), read by the CLI from the same core the extension runs. */
interface Inspected {
  days: Array<{ title: string }>;
  cards: Array<{ question: string }>;
}

let wb: Workbench;
let folder: string;
let inspected: Inspected;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

before(async () => {
  console.log(
    `user notes: ${notesFile === realNotes ? 'the real notes beside the clone' : 'the own-words fixture (no real notes beside the clone)'}`,
  );
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-user-notes-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.copyFileSync(notesFile, path.join(folder, 'notes', path.basename(notesFile)));
  fs.mkdirSync(path.join(folder, 'src'));
  fs.copyFileSync(path.join(repo, 'test', 'fixtures', 'code', 'main.c'), path.join(folder, 'src', 'main.c'));
  inspected = JSON.parse(
    execFileSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'inspect', path.join(folder, 'notes'), '--json', '--no-cache'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  );
  assert.ok(inspected.days.length > 0 && inspected.cards.length > 0, 'the user notes have days and questions');
  wb = await openWorkbench({ folder, vsixPath });
});

after(async () => {
  await wb?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const dayPane = () => wb.page.locator('.pane').filter({ has: wb.page.locator('.pane-header', { hasText: /Notes by Day|날짜별 노트/i }) });

test("hovering fork in a C file shows the user's explanation, not the starter notes'", async () => {
  await wb.captureOnFailure('user-notes-hover-fork', async () => {
    await wb.openFile('src/main.c');
    // The starter notes answer from the first moment (they ship pre-indexed) until the user's notes are read:
    // hover until the user's note answers, as a user would see it a few seconds after opening the folder.
    const userNote = path.basename(notesFile).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const fromUserNote = new RegExp(`(?:Open note|노트 열기) \\(${userNote}:`);
    const hover = await wb.hoverWord('fork', { contains: fromUserNote, timeoutMs: 90_000 });
    const text = await hover.innerText();
    const opened = /(?:Open note|노트 열기) \(([^:()]+):\d+\)/.exec(text);
    assert.ok(opened, `the hover links its note: ${JSON.stringify(text.slice(0, 300))}`);
    assert.equal(opened[1], path.basename(notesFile), "the explanation comes from the user's note");
    if (notesFile === ownWords) assert.match(text, /지금 프로세스를 복제해서 자식 프로세스를 하나 만든다/);
    await wb.screenshot('user-notes-hover-fork');
    await wb.dismiss();
  });
});

test("the day tree shows the user's days only; the starter notes stay out in auto mode", async () => {
  await wb.captureOnFailure('user-notes-day-tree', async () => {
    await wb.runCommand('TIL: Focus on Notes by Day View');
    const dayRows = dayPane()
      .locator('.monaco-list-row')
      .filter({ has: wb.page.locator('.codicon-calendar') });
    await dayRows.first().waitFor({ timeout: 60_000 });
    const userDays = new Set(inspected.days.map((d) => squash(d.title)));
    const labels = (await dayRows.locator('.label-name').allInnerTexts()).map(squash);
    assert.ok(labels.length > 0);
    for (const label of labels) assert.ok(userDays.has(label), `"${label}" is one of the user's days`);
    assert.equal(
      await dayPane()
        .locator('.monaco-list-row')
        .filter({ hasText: /Starter notes|시작 노트/ })
        .count(),
      0,
      'no starter root in auto mode',
    );
    await wb.screenshot('user-notes-day-tree');
  });
});

test('every top row of the TIL view reads whole at the default width, a day with questions written again too', async () => {
  await wb.captureOnFailure('user-notes-rows-whole', async () => {
    await wb.runCommand('TIL: Focus on Notes by Day View');
    const pane = (name: RegExp) => wb.page.locator('.pane').filter({ has: wb.page.locator('.pane-header', { hasText: name }) });
    const texts: string[] = [];
    for (const view of [dayPane(), pane(/Notes by Topic|주제별 노트/i)]) {
      const rows = view.locator('.monaco-list-row[aria-level="1"]');
      await rows.first().waitFor({ timeout: 60_000 });
      for (const row of await rows.all()) {
        const text = squash(await row.innerText());
        texts.push(text);
        const cut = await row
          .locator('.monaco-icon-label-container')
          .first()
          .evaluate((el: any) => el.scrollWidth > el.clientWidth + 1);
        assert.ok(!cut, `"${text}" reads whole`);
      }
    }
    // Each day and topic row shows its count (the real notes ask some questions on two days: how many is in the tooltip).
    const counted = texts.filter((t) => /\d+ questions?$|질문 \d+개$/.test(t));
    assert.ok(counted.length >= inspected.days.length, `every day row counts its questions: ${texts.join(' | ')}`);
    await wb.screenshot('user-notes-rows-whole');
  });
});

test("the quiz starts on one of the user's questions", async () => {
  await wb.captureOnFailure('user-notes-quiz', async () => {
    await wb.runCommand('TIL: Start Quiz');
    const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: 'Everything due' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
    const frame = wb.page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
    const question = frame.locator('h1.question');
    await question.waitFor({ state: 'visible', timeout: 60_000 });
    const shown = squash(await question.innerText());
    const userQuestions = inspected.cards.map((c) => squash(c.question));
    assert.ok(
      userQuestions.some((q) => q === shown || q.includes(shown) || shown.includes(q)),
      `"${shown}" is one of the user's questions`,
    );
    await wb.screenshot('user-notes-quiz');
    await wb.dismiss();
  });
});

test("turned on, the starter notes sit under their own collapsed root after the user's days", async () => {
  await wb.captureOnFailure('user-notes-starter-root', async () => {
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'tilCompanion.notes.includeBundled': true }));
    await wb.runCommand('TIL: Focus on Notes by Day View');
    const starterRow = dayPane()
      .locator('.monaco-list-row')
      .filter({ hasText: /Starter notes|시작 노트/ })
      .first();
    await starterRow.waitFor({ timeout: 60_000 });
    assert.equal(await starterRow.getAttribute('aria-expanded'), 'false', 'collapsed');
    // The user's days above it are still only theirs.
    const userDays = new Set(inspected.days.map((d) => squash(d.title)));
    const dayRows = dayPane()
      .locator('.monaco-list-row')
      .filter({ has: wb.page.locator('.codicon-calendar') });
    for (const label of (await dayRows.locator('.label-name').allInnerTexts()).map(squash))
      assert.ok(userDays.has(label), `"${label}" is one of the user's days`);
    await wb.screenshot('user-notes-starter-root');
  });
});

test('notes found in the opened folder tick the walkthrough’s “Choose your notes”: there was nothing to choose', async () => {
  await wb.captureOnFailure('user-notes-walkthrough', async () => {
    await wb.runCommand('TIL: Get Started');
    const page = wb.page.locator('.gettingStartedContainer');
    await page.filter({ hasText: /Get started with TIL Companion/ }).waitFor({ state: 'visible', timeout: 60_000 });
    const chooseNotes = page
      .locator('button.getting-started-step')
      .filter({ hasText: /Choose your notes/ })
      .first();
    await page
      .locator('button.getting-started-step[aria-checked="true"]')
      .filter({ hasText: /Choose your notes/ })
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(() => undefined);
    assert.equal(await chooseNotes.getAttribute('aria-checked'), 'true', 'Choose your notes: done');
    await wb.screenshot('user-notes-walkthrough');
    await wb.runCommand('View: Close All Editors');
  });
});
