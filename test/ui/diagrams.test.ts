// What a person sees of the Diagrams feature, in a real workbench (code-server + Chromium):
// the built-in diagrams render (process states, WebRTC signaling), a node click opens the note,
// the theme follows VS Code, Export SVG and PNG save files, the keyboard pans, zooms and moves through
// the nodes, a hover on sem_wait opens the diagram with Waiting lit up, and hostile ```mermaid blocks
// in a note render as text or as an error while executing nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { openWorkbench, type Workbench } from './lib/workbench';
import { SCREENSHOT_DIR } from './lib/workbench';
import {
  drawnTitled,
  paletteToQuickPick as paletteIn,
  QUICK_INPUT_BOX,
  QUICK_ROWS,
  rendered,
  saveThroughDialog,
  showDiagram as showDiagramIn,
  smallestLabelPx,
  viewOf,
  webview,
} from './lib/diagramsUi';

const repo = path.resolve(__dirname, '../../..');
const vsixPath = process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix');

// Each payload also tries to set a global, so "nothing ran" can be checked inside the webview, not
// only through dialogs (webview frames are sandboxed without allow-modals: alert() would be ignored).
const HOSTILE_NOTE = `# 2025-03-01 TIL

## Hostile image label

\`\`\`mermaid
flowchart LR
  A["<img src=x onerror=alert(1)>"] --> B["<img src=x onerror=window.__tilPwned=1>"]
\`\`\`

## Hostile click link

\`\`\`mermaid
flowchart LR
  A[Click me] --> B[Done]
  click A "javascript:alert(1)"
  click B "javascript:window.__tilPwned=2"
\`\`\`

## Hostile init directive

\`\`\`mermaid
%%{init: {"securityLevel": "loose"}}%%
flowchart LR
  A[Loose] --> B[Callback]
  click A call alert(1)
  click B call eval("window.__tilPwned=3")
\`\`\`

## Hostile raw script

\`\`\`mermaid
<script>alert(1)</script>
<script>window.__tilPwned=4</script>
\`\`\`

## Broken syntax

\`\`\`mermaid
flowchart LR
  A -->
\`\`\`
`;

// Our own words: a C file that blocks on a semaphore, for the hover → diagram test.
const SLOTS_C = `/* Two workers share one print slot; the second waits until the first gives it back. */
#include <semaphore.h>

static sem_t print_slot;

void take_slot(void) {
    sem_wait(&print_slot);
}

void give_slot(void) {
    sem_post(&print_slot);
}
`;

let wb: Workbench;
let folder: string;
const dialogs: string[] = [];
const consoleLines: string[] = [];

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-diagrams-'));
  fs.mkdirSync(path.join(folder, 'notes'));
  fs.writeFileSync(path.join(folder, 'notes', 'hostile-til.md'), HOSTILE_NOTE);
  fs.mkdirSync(path.join(folder, 'src'));
  fs.writeFileSync(path.join(folder, 'src', 'slots.c'), SLOTS_C);
  wb = await openWorkbench({
    folder,
    vsixPath,
    settings: {
      'workbench.colorTheme': 'Default Light Modern',
      // The states are explained by the starter notes; this workspace's own note holds only diagrams.
      'tilCompanion.notes.includeBundled': true,
    },
  });
  wb.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  wb.page.on('console', (m) => consoleLines.push(m.text()));
});

after(async () => {
  await wb?.close();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

const paletteToQuickPick = (title: string) => paletteIn(wb, title);
const showDiagram = (title: string) => showDiagramIn(wb, title);

async function closeEditors(): Promise<void> {
  await wb.runCommand('View: Close All Editors', { timeoutMs: 10_000 });
  await wb.page
    .locator('iframe.webview')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/** Inside the webview: nothing the payloads would have set or injected. */
async function assertNothingRan(frame: FrameLocator, what: string): Promise<void> {
  const probe = await frame.locator('body').evaluate(() => {
    const g = globalThis as any;
    const doc = g.document;
    const all = (sel: string): any[] => Array.from(doc.querySelectorAll(sel));
    return {
      pwned: g.__tilPwned as unknown,
      scripts: all('.canvas script, .canvas iframe, .canvas object, .canvas embed').length,
      handlers: all('.canvas *').filter((el) => Array.from(el.attributes as ArrayLike<any>).some((a) => /^on/i.test(a.name))).length,
      jsLinks: all('.canvas [href], .canvas [xlink\\:href]').filter((el) =>
        /javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? ''),
      ).length,
      // VS Code injects its own script into the head of the frame; the panel's body has only its own script,
      // written in by the host with the page's nonce (Chromium keeps the nonce in the property, not the attribute)
      bodyScripts: all('body script').length,
      inlineScripts: all('body script:not([src])').filter((el) => !el.nonce).length,
    };
  });
  assert.equal(probe.pwned, undefined, `${what}: a payload set window.__tilPwned`);
  assert.equal(probe.scripts, 0, `${what}: script-capable elements in the diagram`);
  assert.equal(probe.handlers, 0, `${what}: event-handler attributes in the diagram`);
  assert.equal(probe.jsLinks, 0, `${what}: javascript: links in the diagram`);
  assert.equal(probe.bodyScripts, 1, `${what}: scripts in the webview's body besides the page's own`);
  assert.equal(probe.inlineScripts, 0, `${what}: inline scripts without the page's nonce in the webview`);
  assert.deepEqual(dialogs, [], `${what}: a dialog opened`);
  assert.ok(!consoleLines.some((l) => /Ignored call to 'alert\(\)'/.test(l)), `${what}: alert() was called`);
}

test('the process-state diagram renders Ready, Running and Waiting', async () => {
  await wb.captureOnFailure('diagram-process-states', async () => {
    await showDiagram('Process States');
    const tab = wb.page.locator('.tabs-container .tab', { hasText: 'Process States' });
    await tab.first().waitFor({ timeout: 30_000 });
    const frame = webview(wb.page);
    const result = await rendered(frame);
    assert.equal(result.kind, 'svg', result.text);
    for (const word of ['New', 'Ready', 'Running', 'Waiting', 'Terminated', 'Suspended', 'dispatch', 'swap out'])
      assert.ok(result.text.includes(word), `${word} in ${result.text}`);
    await wb.screenshot('diagram-process-states');

    // zoom buttons change the zoom level shown in the toolbar
    const level = frame.locator('.zoom-level');
    const before = await level.innerText();
    await frame.locator('#zoom-in').click();
    await assert.doesNotReject(async () => {
      const deadline = Date.now() + 5_000;
      while ((await level.innerText()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    });
    assert.notEqual(await level.innerText(), before);
    await frame.locator('#fit').click();

    // In a narrow panel (a diagram beside the code) every toolbar button stays whole and on screen.
    const cut = await frame.locator('body').evaluate((body: any) => {
      body.style.width = '300px';
      const buttons: any[] = Array.from((globalThis as any).document.querySelectorAll('.toolbar button'));
      const out = buttons.filter((b) => b.getBoundingClientRect().right > 300 || b.scrollWidth > b.clientWidth).map((b) => b.textContent);
      body.style.width = '';
      return { out, buttons: buttons.length };
    });
    assert.ok(cut.buttons >= 4, `${cut.buttons} toolbar buttons`);
    assert.deepEqual(cut.out, [], 'buttons cut off at 300 px');
  });
});

test('the process-state diagram opens readable: labels at least 11 px at its opening zoom', async () => {
  await wb.captureOnFailure('diagram-process-states-readable', async () => {
    await closeEditors();
    await showDiagram('Process States');
    const frame = webview(wb.page);
    assert.equal((await rendered(frame)).kind, 'svg');
    const px = await smallestLabelPx(frame);
    const zoom = await frame.locator('.zoom-level').innerText();
    assert.ok(px >= 11, `smallest label ${px.toFixed(1)} px at ${zoom}`);
    await wb.screenshot('diagram-process-states-readable');
  });
});

test('keyboard: Tab reaches a node, arrows pan, + and - zoom, 0 goes back to the opening view, Enter opens the note', async () => {
  await wb.captureOnFailure('diagram-keyboard', async () => {
    const frame = webview(wb.page);
    const opening = await viewOf(frame);
    await frame.locator('.viewport').focus();
    await wb.page.keyboard.press('Tab');
    const focused = frame.locator('.canvas .focusable-node:focus');
    await focused.waitFor({ state: 'attached', timeout: 5_000 });
    assert.ok(((await focused.getAttribute('aria-label')) ?? '').length > 0, 'the focused node is announced by its label');
    assert.equal(await focused.getAttribute('role'), 'button');
    const start = await viewOf(frame);

    await wb.page.keyboard.press('ArrowRight');
    await wb.page.keyboard.press('ArrowDown');
    const panned = await viewOf(frame);
    assert.ok(panned.panX < start.panX && panned.panY < start.panY, `arrows pan: ${JSON.stringify({ start, panned })}`);
    assert.equal(panned.zoom, start.zoom);

    await wb.page.keyboard.press('+');
    const zoomedIn = await viewOf(frame);
    assert.ok(zoomedIn.zoom > panned.zoom, `+ zooms in: ${panned.zoom} → ${zoomedIn.zoom}`);
    await wb.page.keyboard.press('-');
    await wb.page.keyboard.press('-');
    const zoomedOut = await viewOf(frame);
    assert.ok(zoomedOut.zoom < zoomedIn.zoom && zoomedOut.zoom < panned.zoom, `- zooms out: ${zoomedIn.zoom} → ${zoomedOut.zoom}`);

    await wb.page.keyboard.press('0');
    const reset = await viewOf(frame);
    for (const key of ['zoom', 'panX', 'panY'] as const)
      assert.ok(Math.abs(reset[key] - opening[key]) < 0.5, `0 resets ${key}: ${reset[key]} vs ${opening[key]}`);
    await wb.screenshot('diagram-keyboard-focus');

    await focused.focus();
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.tabs-container .tab.active', { hasText: /\.md/ }).first().waitFor({ timeout: 20_000 });
    // the diagram stays open beside the note, for the tests that follow
  });
});

test('the diagram follows the colour theme', async () => {
  await wb.captureOnFailure('diagram-theme', async () => {
    const frame = webview(wb.page);
    const svgId = () => frame.locator('.canvas svg').getAttribute('id');
    const bodyClass = () => frame.locator('body').getAttribute('class');
    const first = await svgId();
    assert.match((await bodyClass()) ?? '', /vscode-light/);
    await paletteToQuickPick('Preferences: Color Theme');
    await wb.page.locator(QUICK_INPUT_BOX).first().fill('Dark Modern');
    await wb.page.locator(QUICK_ROWS).filter({ hasText: 'Dark Modern' }).first().click();
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !/vscode-dark/.test((await bodyClass()) ?? '')) await new Promise((r) => setTimeout(r, 200));
    assert.match((await bodyClass()) ?? '', /vscode-dark/);
    while (Date.now() < deadline && (await svgId()) === first) await new Promise((r) => setTimeout(r, 200));
    assert.notEqual(await svgId(), first, 'the diagram re-rendered for the dark theme');
    await wb.screenshot('diagram-process-states-dark');
  });
});

test('clicking a state opens the note that explains it', async () => {
  await wb.captureOnFailure('diagram-node-click', async () => {
    const frame = webview(wb.page);
    await frame.locator('.canvas g.node', { hasText: 'Running' }).first().click();
    const tab = wb.page.locator('.tabs-container .tab.active', { hasText: /\.md/ });
    await tab.first().waitFor({ timeout: 20_000 });
    assert.match((await tab.first().innerText()).replace(/\s+/g, ''), /os-scheduling-sync\.md/);
    await wb.page.locator('.view-lines', { hasText: 'Running' }).first().waitFor({ timeout: 10_000 });
    await wb.screenshot('diagram-node-click');
    await closeEditors();
  });
});

test('a hover on sem_wait in a C file opens the process states with Waiting highlighted', async () => {
  await wb.captureOnFailure('diagram-highlight-from-hover', async () => {
    await wb.openFile('src/slots.c');
    const hover = await wb.hoverWord('sem_wait', { contains: /Process States/, timeoutMs: 60_000 });
    await hover.locator('a', { hasText: 'Process States' }).first().click();
    const frame = webview(wb.page);
    assert.equal((await rendered(frame)).kind, 'svg');
    const lit = frame.locator('.canvas .highlighted');
    await lit.first().waitFor({ state: 'attached', timeout: 10_000 });
    assert.equal(await lit.count(), 1, 'one node is highlighted');
    assert.match((await lit.first().textContent()) ?? '', /Waiting/);
    await wb.page.mouse.move(5, 450); // the hover closes when the mouse leaves it
    await wb.page
      .locator('.monaco-hover:not(.hidden)')
      .first()
      .waitFor({ state: 'hidden', timeout: 5_000 })
      .catch(() => undefined);
    await wb.screenshot('diagram-highlight-from-hover');
    await closeEditors();
  });
});

test('the WebRTC signaling diagram renders offer, answer and ICE; Export SVG saves a file', async () => {
  await wb.captureOnFailure('diagram-webrtc', async () => {
    await showDiagram('WebRTC Signaling');
    const frame = webview(wb.page);
    const result = await rendered(frame);
    assert.equal(result.kind, 'svg', result.text);
    for (const word of ['offer', 'answer', 'ICE', 'STUN', 'TURN', 'getUserMedia'])
      assert.ok(result.text.includes(word), `${word} in the diagram`);
    await wb.screenshot('diagram-webrtc');

    // Export SVG → the save dialog (code-server's simple dialog: a quick input with the path)
    const target = path.join(folder, 'exported', 'webrtc.svg');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await frame.locator('#export-svg').click();
    await saveThroughDialog(wb, target, /WebRTC.*\.svg$/, folder);
    const svg = fs.readFileSync(target, 'utf8');
    assert.match(svg, /<svg/);
    assert.match(svg, /offer/);
    await wb.dismiss();

    // Export PNG → the same dialog; a PNG at twice the diagram's size
    const png = path.join(folder, 'exported', 'webrtc.png');
    await frame.locator('#export-png').click();
    const proposed = await saveThroughDialog(wb, png, /WebRTC.*\.png$/);
    assert.ok(proposed.startsWith(path.dirname(target)), `the dialog starts in the folder of the last export: ${proposed}`);
    const bytes = fs.readFileSync(png);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    const width = await frame
      .locator('.canvas svg')
      .first()
      .evaluate((el: any) => Math.ceil(el.viewBox.baseVal.width));
    assert.equal(bytes.readUInt32BE(16), width * 2, 'twice the diagram width');
    await wb.waitForNotification(/Exported the diagram/);
    await wb.screenshot('diagram-export-png-saved');
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    fs.copyFileSync(png, path.join(SCREENSHOT_DIR, 'diagram-export-png.png')); // the exported picture itself
    await wb.dismiss();
    await closeEditors();
  });
});

test('the gallery previews the highlighted row as it opens, follows the arrow keys, lists note diagrams under their note, and Escape closes the preview', async () => {
  await wb.captureOnFailure('diagram-gallery', async () => {
    await closeEditors();
    await paletteToQuickPick('TIL: Show Diagram…');
    await wb.page.locator(QUICK_ROWS, { hasText: 'Process States' }).first().waitFor({ timeout: 10_000 });
    // The first row (the first built-in diagram) is previewed as soon as the gallery opens
    await drawnTitled(wb.page, 'Process States');
    const box = wb.page.locator(QUICK_INPUT_BOX).first();
    assert.ok(await box.isVisible(), 'the gallery stays open while it previews');
    await wb.screenshot('diagram-gallery-opened');
    // The note's diagrams sit under a separator named after the note (further down the list)
    const separator = wb.page.locator(QUICK_ROWS, { hasText: 'notes/hostile-til.md' }).first();
    for (let i = 0; i < 15 && !(await separator.isVisible()); i++) await box.press('PageDown');
    assert.ok(await separator.isVisible(), 'a separator row names notes/hostile-til.md');
    // Typing and the arrow keys move the preview to the highlighted row
    await box.fill('Hostile');
    await wb.page.locator(QUICK_ROWS, { hasText: 'Hostile image label' }).first().waitFor({ timeout: 10_000 });
    await box.press('ArrowDown');
    const focused = (await wb.page.locator(`${QUICK_ROWS}.focused .label-name`).first().innerText()).trim();
    assert.match(focused, /^Hostile /);
    await drawnTitled(wb.page, focused);
    const frame = webview(wb.page);
    await rendered(frame); // a drawing or, for the raw-script block, its error
    assert.equal((await frame.locator('.toolbar .title').innerText()).trim(), focused, 'the preview shows the row under the cursor');
    assert.equal(await wb.page.locator('iframe.webview').count(), 1, 'one preview panel, moved along');
    await wb.screenshot('diagram-gallery-preview');
    await box.press('Escape');
    await wb.page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: 10_000 });
  });
});

const HOSTILE: Array<{ title: string; expect: 'svg' | 'error' | 'either'; shows?: RegExp }> = [
  { title: 'Hostile image label', expect: 'svg', shows: /<img src="?x"?>/ },
  { title: 'Hostile click link', expect: 'svg', shows: /Click me/ },
  { title: 'Hostile init directive', expect: 'svg', shows: /Loose/ },
  { title: 'Hostile raw script', expect: 'error' },
  { title: 'Broken syntax', expect: 'error' },
];

for (const h of HOSTILE) {
  test(`hostile note block "${h.title}" renders as ${h.expect === 'svg' ? 'text' : 'an error'} and runs nothing`, async () => {
    await wb.captureOnFailure(`diagram-${h.title}`, async () => {
      await showDiagram(h.title);
      const frame = webview(wb.page);
      const result = await rendered(frame);
      if (h.expect !== 'either') assert.equal(result.kind, h.expect, `${h.title}: ${result.text.slice(0, 300)}`);
      if (h.shows) assert.match(result.text, h.shows);
      if (result.kind === 'error') assert.ok(result.text.length > 0, 'the error text is shown');
      await wb.screenshot(`diagram-hostile-${h.title.replace(/\s+/g, '-').toLowerCase()}`);
      await assertNothingRan(frame, h.title);
      // Click every node: strict mode and the source filter leave nothing to run. A click opens the
      // note beside the diagram, which stays visible (and keeps its window), so check again after.
      const nodes = frame.locator('.canvas g.node');
      const count = await nodes.count();
      for (let i = 0; i < count; i++) {
        await nodes
          .nth(i)
          .click({ timeout: 5_000 })
          .catch(() => undefined);
        await new Promise((r) => setTimeout(r, 500));
      }
      if (count) {
        await wb.page.locator('.tabs-container .tab', { hasText: 'hostile-til.md' }).first().waitFor({ timeout: 15_000 });
        assert.equal(await frame.locator('.canvas svg').count(), 1, 'the diagram is still shown beside the note');
      }
      await assertNothingRan(frame, `${h.title} after clicks`);
      await closeEditors();
    });
  });
}
