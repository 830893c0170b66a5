// Restricted Mode (workspace trust on, the cloned folder not trusted): a hostile note in the folder
// still explains its term in a hover, but nothing in the hover is a link of the note's: no
// exportTo, no command autolink, no remote image. The only links are our own commands.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openWorkbench, type Workbench } from './lib/workbench';

const repo = path.resolve(__dirname, '../../..');
const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');

const HOSTILE_NOTE = `---
topic: os
---
# 2025-05-01 TIL

## Hostilefork

**Hostilefork**는 [Open note](command:til.showDiagram?[{"id":"builtin:process-states","exportTo":"file:///tmp/til-owned.svg"}])
<command:til.showDiagram?%5B%7B%22exportTo%22%3A%22file%3A%2F%2F%2Ftmp%2Ftil-owned.svg%22%7D%5D>
![a[b]](https://tracker.example/pixel.png) 부모를 복제해 자식 프로세스를 만드는 시스템 콜이다.

> Hostilefork는 무엇을 만드나요?

자식 프로세스. (A question of the user's own, so the status bar counts it: the starter notes are off beside it.)
`;

let wb: Workbench;
let folder: string;
let outside: string;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-restricted-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.writeFileSync(path.join(folder, 'notes', 'hostile [x](command:til.search) TIL.md'), HOSTILE_NOTE);
  fs.writeFileSync(
    path.join(folder, 'main.c'),
    '#include <unistd.h>\n\nint main(void) {\n  pid_t pid = Hostilefork();\n  return pid;\n}\n',
  );
  // A glossary outside the folder, named by the workspace's settings: never read, never opened.
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-outside-'));
  fs.writeFileSync(path.join(outside, 'outside-glossary.yaml'), 'os:\n  outside_secret_fn: 비밀\n');
  // A workspace that tries to raise the size limit and turn remote images on: restricted settings, ignored.
  fs.mkdirSync(path.join(folder, '.vscode'));
  fs.writeFileSync(
    path.join(folder, '.vscode', 'settings.json'),
    JSON.stringify({
      'tilCompanion.notes.maxFileSizeKB': 8192,
      'tilCompanion.quiz.remoteImages': true,
      'tilCompanion.glossary.files': [path.join(outside, 'outside-glossary.yaml')],
    }),
  );
  wb = await openWorkbench({ folder, vsixPath, restrictedMode: true, timeoutMs: 240_000 });
});

after(async () => {
  await wb?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
  if (outside) fs.rmSync(outside, { recursive: true, force: true });
});

test('in Restricted Mode, a hostile note explains its term in a hover with no live link of its own', async () => {
  await wb.captureOnFailure('restricted-hostile-hover', async () => {
    await wb.page
      .getByText(/Restricted Mode/)
      .first()
      .waitFor({ timeout: 60_000 });
    // Once the extension is up (its due count shows), close the first-run walkthrough so it cannot take the editor.
    await wb.page
      .locator('.statusbar')
      .getByText(/\d+ due/)
      .first()
      .waitFor({ timeout: 120_000 });
    await wb.runCommand('View: Close All Editors');
    // From the Explorer (quick open's file search can lag in a fresh untrusted window).
    await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'main.c' }).first().click({ timeout: 60_000 });
    await wb.page.locator('.tab.active', { hasText: 'main.c' }).waitFor({ timeout: 60_000 });
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'Hostilefork' }).first().waitFor({ timeout: 90_000 });
    const hover = await wb.hoverWord('Hostilefork', { contains: /Open note|노트 열기/, timeoutMs: 120_000 });
    assert.match(await hover.innerText(), /자식 프로세스/, 'the explanation from the note');
    const links = await hover
      .locator('a')
      .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('data-href') ?? a.getAttribute('href') ?? ''));
    assert.ok(links.length >= 4, `our links: ${JSON.stringify(links)}`);
    for (const href of links) {
      assert.match(href, /^command:til\.(openLocation|explainTerm|search|showDiagram|startQuiz)\?/, `only our commands: ${href}`);
      assert.doesNotMatch(decodeURIComponent(href), /exportTo|file:|[/\\]/, `no path or option: ${href}`);
    }
    assert.equal(await hover.locator('img').count(), 0, 'no image from the note');
    // The autolink's address shows as text; it is not a link.
    assert.match(await hover.innerText(), /command:til\.showDiagram/);
    await wb.screenshot('restricted-hostile-hover');
    await wb.dismiss();
  });
});

test('in Restricted Mode, Add Glossary Entries opens the template named til-glossary.yaml in the folder, writes nothing, and never opens a glossary the settings name outside it', async () => {
  await wb.captureOnFailure('restricted-add-glossary', async () => {
    await wb.runCommand('View: Close All Editors');
    await wb.runCommand('TIL: Add Glossary Entries…');
    await wb.page.locator('.tab.active', { hasText: 'til-glossary.yaml' }).waitFor({ timeout: 30_000 });
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'sem_wait' }).first().waitFor({ timeout: 30_000 });
    assert.equal(await wb.page.locator('.tab', { hasText: 'outside-glossary.yaml' }).count(), 0, 'the outside glossary is not opened');
    assert.equal(await wb.page.locator('.monaco-editor .view-line', { hasText: 'outside_secret_fn' }).count(), 0);
    assert.ok(!fs.existsSync(path.join(folder, 'til-glossary.yaml')), 'the extension wrote nothing');
    await wb.screenshot('restricted-add-glossary');
    await wb.runCommand('View: Revert and Close Editor');
  });
});
