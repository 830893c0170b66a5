// Helpers for driving the diagram webview in a real workbench: shared by the UI tests and `npm run bench:ui`.
import type { FrameLocator, Page } from 'playwright-core';
import type { Workbench } from './workbench';

/** The active webview's content frame. */
export function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

export const QUICK_INPUT_BOX = '.quick-input-widget input';
export const QUICK_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * F1, the command, click its row; then the command's own quick pick is open. (wb.runCommand waits
 * for the quick input to close, which a command that opens a quick pick never lets happen.)
 */
export async function paletteToQuickPick(wb: Workbench, commandTitle: string, timeoutMs = 60_000): Promise<void> {
  const page = wb.page;
  const box = page.locator(QUICK_INPUT_BOX).first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    try {
      await box.waitFor({ state: 'visible', timeout: 3_000 });
      await box.fill(`>${commandTitle}`);
      const row = page.locator(QUICK_ROWS).filter({ has: page.locator('.label-name', { hasText: commandTitle }) }).first();
      await row.waitFor({ state: 'visible', timeout: 3_000 });
      await row.click();
      // the command's quick pick replaces the palette: an empty input, visible
      const until = Date.now() + 10_000;
      while (Date.now() < until && ((await box.inputValue().catch(() => '>')).startsWith('>') || !(await box.isVisible()))) await sleep(100);
      if (await box.isVisible()) return;
    } catch {
      // the extension may not be active yet: its command has no row
    }
    if (Date.now() > deadline) throw new Error(`the command "${commandTitle}" did not open its quick pick within ${timeoutMs} ms`);
    await page.locator('.monaco-workbench .part.statusbar').first().click({ position: { x: 5, y: 5 } }).catch(() => undefined);
  }
}

/** Runs "TIL: Show Diagram…" and picks the row titled `title` (retrying while the notes index loads). */
export async function showDiagram(wb: Workbench, title: string): Promise<number> {
  const deadline = Date.now() + 90_000;
  let lastRows: string[] = [];
  while (Date.now() < deadline) {
    await paletteToQuickPick(wb, 'TIL: Show Diagram…');
    const box = wb.page.locator(QUICK_INPUT_BOX).first();
    await box.fill(title);
    const row = wb.page.locator(QUICK_ROWS).filter({ hasText: title }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 4_000 });
      await row.click();
      return Date.now(); // when the diagram was chosen
    } catch {
      lastRows = await wb.page.locator(QUICK_ROWS).allInnerTexts().catch(() => []);
      await wb.dismiss();
      await sleep(1_000);
    }
  }
  throw new Error(`no quick pick row "${title}"; rows seen: ${JSON.stringify(lastRows.slice(0, 12))}`);
}

/** Waits until the webview shows a rendered SVG or an error; returns which, with the visible text. */
export async function rendered(frame: FrameLocator): Promise<{ kind: 'svg' | 'error'; text: string }> {
  const svg = frame.locator('.canvas svg');
  const error = frame.locator('.error:not([hidden])');
  await svg.or(error).first().waitFor({ state: 'visible', timeout: 60_000 });
  if (await error.isVisible()) return { kind: 'error', text: (await error.innerText()).trim() };
  // Text of the labels (not of mermaid's <style> element).
  const text = await svg.evaluate((el: any) => Array.from(el.querySelectorAll('text, span, p, div') as ArrayLike<any>).map((e) => String(e.textContent ?? '')).join(' '));
  return { kind: 'svg', text };
}

