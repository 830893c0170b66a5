// The quick input (command palette, Quick Open, Go to Line): open it with a key, type, pick a row.
import type { Locator, Page } from 'playwright-core';
import { left, pollInterval } from './util';

export const QUICK_INPUT = '.quick-input-widget';
export const QUICK_INPUT_BOX = '.quick-input-widget input';
export const QUICK_INPUT_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

/** How a row's label and aria-label match what is asked for; the first 'exact' row wins, else the first 'partial'. */
export type RowMatch = (label: string, ariaLabel: string) => 'exact' | 'partial' | 'no';

export class Palette {
  constructor(private readonly page: Page) {}

  /** Presses `key` (F1, Control+P, Control+G…) until the quick input's box is visible; returns the box. */
  async open(key: string, timeoutMs: number): Promise<Locator> {
    const box = this.page.locator(QUICK_INPUT_BOX).first();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.page.keyboard.press('Escape');
      await this.page.keyboard.press(key);
      try {
        await box.waitFor({ state: 'visible', timeout: Math.min(3_000, left(deadline, 500)) });
        return box;
      } catch {
        if (Date.now() > deadline) throw new Error(`quick input did not open after pressing ${key} within ${timeoutMs} ms`);
        // focus may be in a webview or nowhere yet: click the status bar and retry
        await this.page
          .locator('.monaco-workbench .part.statusbar')
          .first()
          .click({ position: { x: 5, y: 5 }, timeout: 2_000 })
          .catch(() => {});
      }
    }
  }

  /** Waits until the quick input has closed (after a pick or Enter); quietly gives up at the deadline. */
  async closed(timeoutMs: number): Promise<void> {
    await this.page
      .locator(QUICK_INPUT)
      .first()
      .waitFor({ state: 'hidden', timeout: timeoutMs })
      .catch(() => {});
  }

  /**
   * Types `query` and clicks the best row. Retypes until the deadline, since the list can be stale
   * (extension not activated yet, file index still building).
   */
  async pick(box: Locator, query: string, matches: RowMatch, what: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const rows = this.page.locator(QUICK_INPUT_ROWS);
    let lastSeen: string[] = [];
    await box.fill(query);
    let lastTyped = Date.now();
    while (Date.now() < deadline) {
      const seen: [string, string][] = await rows.evaluateAll((els: any[]) =>
        els.map((el) => [
          String((el.querySelector('.label-name') ?? el).textContent ?? '').trim(),
          String(el.getAttribute('aria-label') ?? ''),
        ]),
      );
      lastSeen = seen.map(([label]) => label);
      const verdicts = seen.map(([label, aria]) => matches(label, aria));
      let index = verdicts.indexOf('exact');
      if (index < 0) index = verdicts.indexOf('partial');
      if (index >= 0) {
        await rows.nth(index).click({ timeout: 5_000 });
        await this.closed(left(deadline, 1_000));
        return;
      }
      await pollInterval(150);
      // Retype now and then (not on every poll: retyping cancels a file search in progress).
      if ((await box.inputValue().catch(() => '')) !== query) await box.fill(query);
      else if (Date.now() - lastTyped > 3_000) {
        await box.press('End');
        await box.press('Space');
        await box.press('Backspace');
        lastTyped = Date.now();
      }
    }
    await this.page.keyboard.press('Escape');
    throw new Error(`no ${what} within ${timeoutMs} ms; rows seen: ${JSON.stringify(lastSeen.slice(0, 10))}`);
  }

  /** F1, type the title, click the matching command row. */
  async runCommand(title: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const want = title.trim();
    const matches: RowMatch = (label, aria) => (label === want ? 'exact' : label.includes(want) || aria.includes(want) ? 'partial' : 'no');
    for (;;) {
      const box = await this.open('F1', left(deadline, 1_000));
      try {
        await box.fill(`>${want}`, { timeout: 2_000 });
      } catch (err) {
        // The palette closed as it opened: a webview that was still loading took the focus. Open it again.
        if (Date.now() > deadline) throw err;
        continue;
      }
      await this.pick(box, `>${want}`, matches, `command palette row "${want}"`, left(deadline, 1_000));
      return;
    }
  }
}
