// Starting a workbench: the extension installed into a fresh extensions folder, an isolated code-server,
// headless Chromium on the folder's URL, and a wait until the workbench has laid out its parts.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { installVsix, startCodeServer, type CodeServer } from '../../../../scripts/lib/codeServer.js';
import { launchChromium, type LaunchedChromium } from '../../../../scripts/lib/browser.js';
import { REPO_ROOT, saveScreenshot } from './screenshots';
import { debug } from './util';

export interface OpenWorkbenchOptions {
  /** folder to open (relative paths are resolved against the repo root) */
  folder: string;
  /** a packaged extension to install into a fresh, isolated extensions folder (default: env TIL_VSIX) */
  vsixPath?: string;
  /** or: an unpacked extension folder (e.g. the repo root after a build), linked into the extensions folder */
  extensionPath?: string;
  /** extra user settings */
  settings?: Record<string, unknown>;
  /** open the folder untrusted, in Restricted Mode (workspace trust on, no prompt) */
  restrictedMode?: boolean;
  /** extra environment for the server / extension host */
  env?: Record<string, string>;
  /** deadline for server start + workbench ready (default 120000) */
  timeoutMs?: number;
  /** browser viewport (default 1440x900) */
  viewport?: { width: number; height: number };
}

/** A workbench page that is up, with what it takes to shut it down. */
export interface StartedWorkbench {
  page: Page;
  server: CodeServer;
  folder: string;
  /** browser console errors and page errors seen so far */
  consoleErrors: string[];
  /** closes the browser, stops code-server and removes the extensions folder */
  cleanup(): Promise<void>;
}

function linkExtension(extensionPath: string, extensionsDir: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as {
    name: string;
    publisher: string;
    version: string;
  };
  const link = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase());
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(path.resolve(extensionPath), link, 'dir');
}

/** Installs/links the extension, starts an isolated code-server and opens `folder` in Chromium. */
export async function startWorkbench(opts: OpenWorkbenchOptions): Promise<StartedWorkbench> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const started = Date.now();
  const remaining = () => Math.max(5_000, timeoutMs - (Date.now() - started));
  const folder = path.resolve(REPO_ROOT, opts.folder);
  if (!fs.existsSync(folder)) throw new Error(`openWorkbench: folder does not exist: ${folder}`);

  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-ui-exts-'));
  let server: CodeServer | undefined;
  let browser: LaunchedChromium | undefined;
  const cleanup = async () => {
    if (browser) await browser.close();
    if (server) await server.stop();
    fs.rmSync(extensionsDir, { recursive: true, force: true });
  };
  try {
    const vsixPath = opts.vsixPath ?? (opts.extensionPath ? undefined : process.env.TIL_VSIX);
    if (vsixPath) {
      installVsix(path.resolve(REPO_ROOT, vsixPath), extensionsDir);
      debug(`installed ${vsixPath}`);
    }
    if (opts.extensionPath) linkExtension(path.resolve(REPO_ROOT, opts.extensionPath), extensionsDir);
    server = await startCodeServer({
      folder,
      smokeTestDriver: false, // the smoke-test driver hides notification toasts
      extensionsDir,
      settings: opts.settings,
      restrictedMode: opts.restrictedMode,
      env: opts.env,
      timeoutMs: remaining(),
    });
    debug(`code-server up at ${server.url}`);
    browser = await launchChromium({ viewport: opts.viewport });
    debug('chromium up');
    const page = browser.page;
    page.setDefaultTimeout(15_000);
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));

    await page.goto(server.folderUrl(folder), { waitUntil: 'domcontentloaded', timeout: remaining() });
    await waitForWorkbench(page, remaining());
    debug(`workbench ready after ${Date.now() - started} ms`);
    return { page, server, folder, consoleErrors, cleanup };
  } catch (err) {
    if (browser) {
      const shot = await saveScreenshot(browser.page, 'failed-openWorkbench');
      if (err instanceof Error) err.message += `\n  screenshot: ${shot}`;
    }
    if (server && err instanceof Error) err.message += `\n  code-server log tail:\n${server.logTail(20)}`;
    await cleanup();
    throw err;
  }
}

/** The workbench is ready when its parts are laid out and the explorer shows the folder. */
async function waitForWorkbench(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const left = () => Math.max(1_000, deadline - Date.now());
  const step = async (what: string, selector: string) => {
    try {
      await page.locator(selector).first().waitFor({ state: 'visible', timeout: left() });
    } catch (err) {
      throw new Error(`workbench not ready: no visible ${what} (${selector}) within ${timeoutMs} ms`, { cause: err });
    }
  };
  await step('workbench', '.monaco-workbench');
  await step('status bar', '.monaco-workbench .part.statusbar');
  await step('editor area', '.monaco-workbench .part.editor');
  await step('explorer row', '.explorer-folders-view .monaco-list-row');
}
