// UI-test helpers: a real VS Code workbench (code-server) in headless Debian Chromium, driven
// with playwright-core. Used by test/ui/*.test.ts (bundled by esbuild to out/test/ui/, run with
// `node --test`) and bench/uiBench.ts.
//
//   const wb = await openWorkbench({ folder: 'demo', vsixPath: 'til-companion.vsix' });
//   try {
//     await wb.openFile('c/processes.c');
//     const hover = await wb.hoverWord('fork', { contains: 'fork' });
//     await wb.screenshot('hover-fork');
//   } finally {
//     await wb.close();
//   }
//
// The parts are small page objects in ./workbench/: server (start and readiness), palette (quick input),
// editor (files, lines, words on screen), hover, notifications, webview, screenshots. Every helper waits
// for a condition with an explicit deadline and fails with a message that says what it was waiting for.
import type { CodeServer } from '../../../scripts/lib/codeServer.js';
import type { Locator, Page } from 'playwright-core';
import { Editor } from './workbench/editor';
import { Hovers, type HoverOptions } from './workbench/hover';
import { waitForNotification } from './workbench/notifications';
import { Palette } from './workbench/palette';
import { saveScreenshot, withScreenshotOnFailure } from './workbench/screenshots';
import { startWorkbench, type OpenWorkbenchOptions } from './workbench/server';
import { activeWebview } from './workbench/webview';

export type { HoverOptions } from './workbench/hover';
export type { OpenWorkbenchOptions } from './workbench/server';
export { RESULTS_DIR, SCREENSHOT_DIR, saveScreenshot, withScreenshotOnFailure } from './workbench/screenshots';
export { activeWebview } from './workbench/webview';

export interface Workbench {
  page: Page;
  server: CodeServer;
  folder: string;
  /** browser console errors and page errors seen so far */
  consoleErrors: string[];
  /** the page objects, for what the shortcuts below do not cover */
  palette: Palette;
  editor: Editor;
  hovers: Hovers;
  /** F1, type the title, click the matching command row */
  runCommand(title: string, opts?: { timeoutMs?: number }): Promise<void>;
  /** Ctrl+P, type the path, open it; resolves when its editor is active */
  openFile(relativePath: string, opts?: { timeoutMs?: number }): Promise<Locator>;
  /** mouse over the first on-screen occurrence of `text` in the active editor until a hover shows */
  hoverWord(text: string, opts?: HoverOptions): Promise<Locator>;
  /** a visible notification toast containing `text` */
  waitForNotification(text: string | RegExp, opts?: { timeoutMs?: number }): Promise<Locator>;
  /** the page inside the most recently shown webview panel */
  webview(): ReturnType<typeof activeWebview>;
  /** Escape a few times: closes quick input, hovers, find widget */
  dismiss(): Promise<void>;
  /** full-page screenshot into test-results/screenshots/<name>.png; returns the path */
  screenshot(name: string): Promise<string>;
  /** runs fn; on failure saves screenshots/failed-<name>.png and rethrows with the path added */
  captureOnFailure<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Installs/links the extension, starts an isolated code-server and opens `folder` in Chromium. */
export async function openWorkbench(opts: OpenWorkbenchOptions): Promise<Workbench> {
  const { page, server, folder, consoleErrors, cleanup } = await startWorkbench(opts);
  const palette = new Palette(page);
  const editor = new Editor(page, palette, folder);
  const hovers = new Hovers(page, editor);
  let closed: Promise<void> | undefined;
  const wb: Workbench = {
    page,
    server,
    folder,
    consoleErrors,
    palette,
    editor,
    hovers,
    runCommand: (title, o = {}) => palette.runCommand(title, o.timeoutMs),
    openFile: (relativePath, o = {}) => editor.openFile(relativePath, o.timeoutMs),
    hoverWord: (text, o) => hovers.hoverWord(text, o),
    waitForNotification: (text, o = {}) => waitForNotification(page, text, o.timeoutMs),
    webview: () => activeWebview(page),
    async dismiss() {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
      await page.mouse.move(2, 2);
    },
    screenshot: (name) => saveScreenshot(page, name),
    captureOnFailure: (name, fn) => withScreenshotOnFailure(wb, name, fn),
    close() {
      closed ??= cleanup();
      return closed;
    },
  };
  return wb;
}
