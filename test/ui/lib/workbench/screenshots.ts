// Screenshots of the workbench: test-results/screenshots/<name>.png (TIL_RESULTS_DIR moves test-results).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { findRepoRoot } from '../../../../scripts/lib/codeServer.js';

export const REPO_ROOT = findRepoRoot(__dirname);
export const RESULTS_DIR = process.env.TIL_RESULTS_DIR ? path.resolve(process.env.TIL_RESULTS_DIR) : path.join(REPO_ROOT, 'test-results');
export const SCREENSHOT_DIR = path.join(RESULTS_DIR, 'screenshots');

function safeName(name: string): string {
  return (
    name
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 120) || 'screenshot'
  );
}

/** Saves a screenshot of `page` as test-results/screenshots/<name>.png; never throws. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${safeName(name)}.png`);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  try {
    await page.screenshot({ path: file, timeout: 10_000, animations: 'disabled', caret: 'hide' });
  } catch (err) {
    return `${file} (failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)})`;
  }
  return file;
}

/**
 * Runs `fn`; if it throws, saves `failed-<name>.png` of the workbench (when there is one) and
 * rethrows with the screenshot path in the message. For node:test:
 *   test('hover shows the note', (t) => withScreenshotOnFailure(wb, t.name, async () => { ... }));
 */
export async function withScreenshotOnFailure<T>(wb: { page: Page } | Page | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (wb) {
      const page = 'page' in wb && typeof wb.page === 'object' ? wb.page : (wb as Page);
      const shot = await saveScreenshot(page, `failed-${name}`);
      if (err instanceof Error) err.message += `\n  screenshot: ${shot}`;
    }
    throw err;
  }
}
