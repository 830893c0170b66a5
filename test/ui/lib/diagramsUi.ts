// Helpers for driving the diagram webview in a real workbench: shared by the UI tests and `npm run bench:ui`.
import * as fs from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import type { Workbench } from './workbench';

/** The active webview's content frame. */
export function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

export const QUICK_INPUT_BOX = '.quick-input-widget input';
export const QUICK_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The page's window as the click mark needs it (the tests compile without the DOM library). */
interface ClickWindow {
  tilPressed?: number;
  performance: { timeOrigin: number };
  addEventListener(type: string, listener: (e: { timeStamp: number }) => void, options: object): void;
}

/**
 * F1, the command, click its row; then the command's own quick pick is open. (wb.runCommand waits
 * for the quick input to close, which a command that opens a quick pick never lets happen.)
 */
export async function paletteToQuickPick(
  wb: Workbench,
  commandTitle: string,
  timeoutMs = 60_000,
  marks: { chosen?: number; pressed?: number } = {},
): Promise<void> {
  const page = wb.page;
  const box = page.locator(QUICK_INPUT_BOX).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    try {
      await box.waitFor({ state: 'visible', timeout: 3_000 });
      await box.fill(`>${commandTitle}`);
      const row = page
        .locator(QUICK_ROWS)
        .filter({ has: page.locator('.label-name', { hasText: commandTitle }) })
        .first();
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      marks.chosen = Date.now(); // Playwright starts its click (npm run bench:ui times from `pressed`, the click's arrival)
      await page.evaluate(() => {
        // When the page received the click: Playwright's own checks before it clicks are not the user's wait.
        const w = globalThis as unknown as ClickWindow;
        w.tilPressed = undefined;
        const at = (e: { timeStamp: number }) => (w.tilPressed = Math.round(w.performance.timeOrigin + e.timeStamp));
        w.addEventListener('mousedown', at, { capture: true, once: true });
      });
      await row.click();
      marks.pressed = await page.evaluate(() => (globalThis as unknown as ClickWindow).tilPressed);
      // the command's quick pick replaces the palette: an empty input, visible
      const until = Date.now() + 10_000;
      while (Date.now() < until && ((await box.inputValue().catch(() => '>')).startsWith('>') || !(await box.isVisible())))
        await sleep(100);
      if (await box.isVisible()) return;
    } catch {
      // the extension may not be active yet: its command has no row
    }
    if (Date.now() > deadline) throw new Error(`the command "${commandTitle}" did not open its quick pick within ${timeoutMs} ms`);
    await page
      .locator('.monaco-workbench .part.statusbar')
      .first()
      .click({ position: { x: 5, y: 5 } })
      .catch(() => undefined);
  }
}

/**
 * Runs "TIL: Show Diagram…" and picks the row titled `title` (retrying while the notes index loads).
 * Resolves to when the title was typed: the gallery previews the row under the cursor from then on.
 */
export async function showDiagram(wb: Workbench, title: string, marks: { clicked?: number } = {}): Promise<number> {
  const deadline = Date.now() + 90_000;
  let lastRows: string[] = [];
  while (Date.now() < deadline) {
    await paletteToQuickPick(wb, 'TIL: Show Diagram…');
    const box = wb.page.locator(QUICK_INPUT_BOX).first();
    const typed = Date.now();
    await box.fill(title);
    const row = wb.page.locator(QUICK_ROWS).filter({ hasText: title }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 4_000 });
      await row.click();
    } catch {
      lastRows = await wb.page
        .locator(QUICK_ROWS)
        .allInnerTexts()
        .catch(() => []);
      await wb.dismiss();
      await sleep(1_000);
      continue;
    }
    marks.clicked = Date.now(); // the click is done (the gallery's accept follows)
    await drawnTitled(wb.page, title); // the preview panel may still show the row highlighted before
    return typed;
  }
  throw new Error(`no quick pick row "${title}"; rows seen: ${JSON.stringify(lastRows.slice(0, 12))}`);
}

/** Waits until the diagram page has drawn (or failed to draw) a diagram whose title contains `title`. */
export async function drawnTitled(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  const canvas = webview(page).locator('.canvas').first();
  const deadline = Date.now() + timeoutMs;
  let last: string | null = null;
  while (Date.now() < deadline) {
    last = await canvas.getAttribute('data-drawn-title', { timeout: 5_000 }).catch(() => null);
    if (last?.includes(title)) return;
    await sleep(100);
  }
  throw new Error(`the diagram panel never drew "${title}" (last drawn: ${JSON.stringify(last)})`);
}

/** Waits until the webview shows a rendered SVG or an error; returns which, with the visible text. */
export async function rendered(frame: FrameLocator): Promise<{ kind: 'svg' | 'error'; text: string }> {
  const svg = frame.locator('.canvas svg');
  const error = frame.locator('.error:not([hidden])');
  await svg.or(error).first().waitFor({ state: 'visible', timeout: 60_000 });
  if (await error.isVisible()) return { kind: 'error', text: (await error.innerText()).trim() };
  // Text of the labels (not of mermaid's <style> element).
  const text = await svg.evaluate((el: any) =>
    Array.from(el.querySelectorAll('text, span, p, div') as ArrayLike<any>)
      .map((e) => String(e.textContent ?? ''))
      .join(' '),
  );
  return { kind: 'svg', text };
}

/** The canvas transform (zoom and pan) the diagram page applied. */
export async function viewOf(frame: FrameLocator): Promise<{ zoom: number; panX: number; panY: number }> {
  const transform =
    (await frame
      .locator('.canvas')
      .first()
      .evaluate((el: any) => String(el.style.transform))) ?? '';
  const m = /translate\(\s*(-?[\d.e-]+)px,\s*(-?[\d.e-]+)px\)\s*scale\(\s*([\d.e-]+)\s*\)/.exec(transform);
  if (!m) throw new Error(`no pan/zoom transform on the canvas: "${transform}"`);
  return { panX: Number(m[1]), panY: Number(m[2]), zoom: Number(m[3]) };
}

/** The smallest on-screen font size (CSS px) among the diagram's node labels, at the current zoom. */
export async function smallestLabelPx(frame: FrameLocator): Promise<number> {
  return frame
    .locator('.canvas svg')
    .first()
    .evaluate((svg: any) => {
      const scale = svg.getBoundingClientRect().width / (svg.viewBox?.baseVal?.width || svg.getBBox().width);
      const labels = Array.from(svg.querySelectorAll('g.node text, g.cluster text, g.edgeLabel text') as ArrayLike<any>).filter((t) =>
        String(t.textContent ?? '').trim(),
      );
      const win = svg.ownerDocument.defaultView;
      return Math.min(...labels.map((t) => parseFloat(win.getComputedStyle(t).fontSize) * scale));
    });
}

/**
 * Answers the save dialog an export opened (code-server's simple dialog: a quick input holding a path):
 * checks it proposes a file named like `expect` (outside `workspace` when given: the first export of a window
 * starts in the home folder, later ones in the folder of the last), types `target`, waits for the file.
 * Resolves to the path the dialog proposed.
 */
export async function saveThroughDialog(wb: Workbench, target: string, expect: RegExp, workspace?: string): Promise<string> {
  const box = wb.page.locator(QUICK_INPUT_BOX).first();
  await box.waitFor({ state: 'visible', timeout: 15_000 });
  const ready = Date.now() + 15_000;
  while (Date.now() < ready && !expect.test(await box.inputValue())) await sleep(100);
  const proposed = await box.inputValue();
  if (!expect.test(proposed)) throw new Error(`the save dialog proposed "${proposed}", not ${expect}`);
  if (workspace && proposed.startsWith(workspace)) throw new Error(`the save dialog proposed a file inside the workspace: ${proposed}`);
  await box.fill(target);
  await sleep(500);
  await box.press('Enter');
  const deadline = Date.now() + 15_000;
  const written = () => fs.existsSync(target) && fs.statSync(target).size > 0;
  while (!written() && Date.now() < deadline) await sleep(200);
  if (!written()) throw new Error(`nothing was written to ${target}`);
  await sleep(300); // the host writes the file in one call; let it finish before the test reads it
  return proposed;
}
