// Explain, as a person uses it: hover fork in a C file, click Explain, click "Open in study-log.md:N" on the page.
// The note opens at line N (a preview refuses `file:` and `command:` links, so the page is a stored file whose links
// are relative to the note), and the page stays when another note is opened (it is a locked preview).
// The notes are our own-words fixture. Screenshots: test-results/screenshots/explain-*.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openWorkbench, type Workbench } from './lib/workbench';

const repo = path.resolve(__dirname, '../../..');
const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');
const fixture = path.join(repo, 'test', 'fixtures', 'user-notes', 'study-log.md');

let wb: Workbench;
let folder: string;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-explain-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.copyFileSync(fixture, path.join(folder, 'notes', 'study-log.md'));
  fs.writeFileSync(path.join(folder, 'notes', 'another-day.md'), '# Another day\n\nA short note about something else entirely.\n');
  fs.mkdirSync(path.join(folder, 'src'));
  fs.copyFileSync(path.join(repo, 'test', 'fixtures', 'code', 'main.c'), path.join(folder, 'src', 'main.c'));
  // By default a preview shows a linked Markdown file in place of the page; "inEditor" opens it in an editor.
  wb = await openWorkbench({ folder, vsixPath, settings: { 'markdown.preview.openMarkdownLinks': 'inEditor' } });
});

after(async () => {
  await wb?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

test('Explain opens a page whose "Open in" link opens the note at its line, and the page stays', async () => {
  await wb.captureOnFailure('explain-open-in', async () => {
    const page = wb.page;
    await wb.openFile('src/main.c', { timeoutMs: 60_000 });
    const hover = await wb.hoverWord('fork', { contains: /(?:Open note|노트 열기) \(study-log\.md:/, timeoutMs: 90_000 });
    await hover
      .locator('a', { hasText: /Explain|설명/ })
      .first()
      .click();
    const previewTab = page.locator('.tabs-container .tab', { hasText: /Preview.*fork\.md/ }).first();
    await previewTab.waitFor({ timeout: 30_000 });

    const openIn = wb
      .webview()
      .locator('a', { hasText: /(?:Open in|열기).*study-log\.md:\d+/ })
      .first();
    await openIn.waitFor({ timeout: 30_000 });
    const line = Number(/study-log\.md:(\d+)/.exec(await openIn.innerText())?.[1]);
    assert.ok(line > 0, 'the link names a line');
    const noteLines = fs.readFileSync(path.join(folder, 'notes', 'study-log.md'), 'utf8').split('\n');
    assert.match(noteLines[line - 1], /fork/, `line ${line} of the note is the passage about fork`);
    await wb.screenshot('explain-page');
    await openIn.click();

    await page.locator('.tabs-container .tab.active', { hasText: 'study-log.md' }).waitFor({ timeout: 20_000 });
    const cursor = page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first();
    await cursor.filter({ hasText: new RegExp(`Ln ${line},`) }).waitFor({ timeout: 10_000 });
    await wb.screenshot('explain-note-opened');

    // Another note opened: an unlocked preview would now show it; the locked one still shows the explanation.
    await wb.openFile('notes/another-day.md');
    await previewTab.click();
    await wb.webview().locator('h1', { hasText: /fork/i }).first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.tabs-container .tab', { hasText: /Preview.*another-day\.md/ }).count(), 0);
    await wb.screenshot('explain-page-stays');
  });
});
