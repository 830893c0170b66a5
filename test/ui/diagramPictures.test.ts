// Diagrams drawn before paint from the picture the extension stored: in the next panel, and after the window
// reloads (a new extension host), without Mermaid. A built-in diagram's first panel paints the picture shipped
// with the extension, then Mermaid draws it on this machine and that drawing is what is stored. A stored picture is untrusted like any SVG: a tampered one
// shows its text and runs nothing. A diagram of the notes nobody opened yet is drawn ahead by an open diagram's page,
// so it too paints from a picture the first time. Speed is measured by `npm run bench:ui` (its warm runs), never asserted here.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { openWorkbench, type Workbench } from './lib/workbench';
import { rendered, showDiagram, webview } from './lib/diagramsUi';
import { builtinDiagram } from '../../src/core/diagrams/builtin';
import { SVG_STORE_FILE } from '../../src/features/diagrams/svgStore';

const repo = path.resolve(__dirname, '../../..');
const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');
const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };

/** A note of the user's with a diagram, written by the last test. */
const WRITEBACK_NOTE = [
  '# 2025-03-03 TIL',
  '',
  '## Page cache writeback',
  '',
  'Dirty pages wait in memory until the flusher thread writes them out.',
  '',
  '```mermaid',
  'flowchart LR',
  '  Dirtied[Dirtied page] --> Flusher[Flusher thread] --> Device[Block device]',
  '```',
  '',
].join('\n');

let wb: Workbench;
let folder: string;
const dialogs: string[] = [];

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-pictures-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.writeFileSync(path.join(folder, 'notes', 'empty-til.md'), '# 2025-03-02 TIL\n\nNothing drawn here.\n');
  wb = await openWorkbench({ folder, vsixPath, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
  wb.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
});

after(async () => {
  await wb?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const storeFile = () =>
  path.join(wb.server.userDataDir, 'User', 'globalStorage', `${pkg.publisher}.${pkg.name}`.toLowerCase(), SVG_STORE_FILE);

async function closeEditors(): Promise<void> {
  await wb.runCommand('View: Close All Editors', { timeoutMs: 10_000 });
  await wb.page
    .locator('iframe.webview')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

async function drawnBy(frame: FrameLocator): Promise<string | null> {
  return frame.locator('.canvas').first().getAttribute('data-drawn-by');
}

test('a tampered stored picture is scrubbed like any SVG: its text shows, nothing in it runs', async () => {
  await wb.captureOnFailure('diagram-picture-tampered', async () => {
    // Written before the first diagram opens (the extension reads its pictures then), under the key the
    // extension files Process States under in the light theme.
    const source = builtinDiagram('builtin:process-states')!.source;
    const key = crypto.createHash('sha256').update(`1\n${pkg.version}\n${source}`).digest('base64');
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 60" onload="window.__tilPwned=1">' +
      '<script>window.__tilPwned=2</script><a href="javascript:window.__tilPwned=3"><text x="10" y="30">Tampered Ready</text></a>' +
      '<image href="https://example.invalid/x.png" width="10" height="10"/><foreignObject><iframe src="https://example.invalid"></iframe></foreignObject></svg>';
    fs.mkdirSync(path.dirname(storeFile()), { recursive: true });
    fs.writeFileSync(
      storeFile(),
      JSON.stringify({ entries: [{ key, pictures: [{ themeKey: JSON.stringify({ theme: 'default' }), svg }] }] }),
    );

    await showDiagram(wb, 'Process States');
    const frame = webview(wb.page);
    const result = await rendered(frame);
    assert.equal(result.kind, 'svg');
    assert.match(result.text, /Tampered Ready/);
    assert.equal(await drawnBy(frame), 'picture');
    const probe = await frame.locator('body').evaluate(() => {
      const g = globalThis as any;
      const all = (sel: string): any[] => Array.from(g.document.querySelectorAll(sel));
      return {
        pwned: g.__tilPwned as unknown,
        scripts: all('.canvas script, .canvas iframe, .canvas object, .canvas embed').length,
        handlers: all('.canvas *').filter((el) => Array.from(el.attributes as ArrayLike<any>).some((a) => /^on/i.test(a.name))).length,
        outside: all('.canvas [href], .canvas [src]').filter((el) =>
          /^(javascript|https?):/i.test(el.getAttribute('href') ?? el.getAttribute('src') ?? ''),
        ).length,
      };
    });
    assert.deepEqual(probe, { pwned: undefined, scripts: 0, handlers: 0, outside: 0 });
    assert.deepEqual(dialogs, []);
    await closeEditors();
  });
});

test('a built-in diagram paints its shipped picture at once, Mermaid redraws it in place, and that picture is kept', async () => {
  await wb.captureOnFailure('diagram-picture-stored', async () => {
    await showDiagram(wb, 'WebRTC Signaling');
    let frame = webview(wb.page);
    assert.equal((await rendered(frame)).kind, 'svg');
    const canvas = frame.locator('.canvas').first();
    assert.equal(await canvas.getAttribute('data-first-drawn-by'), 'provisional', 'the first time, the shipped picture shows');
    await wb.screenshot('diagram-picture-shipped');
    // Once the page is quiet, Mermaid draws it here (this machine's fonts) and the drawing replaces the shipped one.
    await frame.locator('.canvas[data-drawn-by="mermaid"]').first().waitFor({ timeout: 60_000 });
    assert.match((await rendered(frame)).text, /offer/i);
    await closeEditors();

    await showDiagram(wb, 'WebRTC Signaling');
    frame = webview(wb.page);
    const again = await rendered(frame);
    assert.match(again.text, /offer/i);
    assert.equal(await drawnBy(frame), 'picture', 'the next panel paints the stored picture');
    await closeEditors();

    // The pictures reach the file shortly after they arrive; a reload starts a new extension host.
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !(fs.existsSync(storeFile()) && /offer/i.test(fs.readFileSync(storeFile(), 'utf8'))))
      await new Promise((r) => setTimeout(r, 200));
    await wb.page.reload({ waitUntil: 'domcontentloaded' });
    await wb.page.locator('.monaco-workbench .part.statusbar').first().waitFor({ state: 'visible', timeout: 120_000 });
    await showDiagram(wb, 'WebRTC Signaling');
    frame = webview(wb.page);
    const reloaded = await rendered(frame);
    assert.match(reloaded.text, /offer/i);
    assert.equal(await drawnBy(frame), 'picture', 'after the reload, the picture comes from the stored file');
    await wb.screenshot('diagram-picture-after-reload');
  });
});

test("a diagram of the user's notes is drawn ahead while another diagram is open, and then opens from its picture", async () => {
  await wb.captureOnFailure('diagram-picture-drawn-ahead', async () => {
    // Never opened: the page of another diagram draws it once idle, and the extension files the picture. The page
    // says how many it was asked to draw ahead, and how many it has drawn and handed over. (Until the
    // extension has read the new note, a page has nothing to draw ahead: the next one is asked.)
    // Written now, so that no earlier panel has drawn it ahead already.
    fs.writeFileSync(path.join(folder, 'notes', 'writeback-til.md'), WRITEBACK_NOTE);
    let total: string | null = null;
    const first = webview(wb.page);
    for (let attempt = 0; attempt < 4 && total === null; attempt++) {
      if (attempt) await closeEditors();
      await showDiagram(wb, 'Process States');
      assert.equal((await rendered(first)).kind, 'svg');
      await first
        .locator('.canvas[data-predraw-total]')
        .first()
        .waitFor({ state: 'attached', timeout: 15_000 })
        .catch(() => undefined);
      total = await first.locator('.canvas').first().getAttribute('data-predraw-total');
    }
    assert.ok(Number(total) >= 1, 'the note diagram is among those drawn ahead');
    await first.locator(`.canvas[data-predrawn="${total}"]`).first().waitFor({ state: 'attached', timeout: 60_000 });
    await closeEditors();

    await showDiagram(wb, 'Page cache writeback');
    const frame = webview(wb.page);
    const result = await rendered(frame);
    assert.match(result.text, /Flusher thread/);
    assert.equal(
      await frame.locator('.canvas').first().getAttribute('data-first-drawn-by'),
      'picture',
      'the first time it opens, the picture drawn ahead paints (no Mermaid)',
    );
    await wb.screenshot('diagram-picture-drawn-ahead');
  });
});
