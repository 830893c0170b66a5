// UI-test helpers: a real VS Code workbench (code-server) in headless Debian Chromium, driven
// with playwright-core. Used by test/ui/*.test.ts (bundled by esbuild to out/test/ui/, run with
// `node --test`).
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
// Every helper waits with an explicit deadline and fails with a message that says what it
// was waiting for. Screenshots go to test-results/screenshots/<name>.png.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { findRepoRoot, installVsix, startCodeServer, type CodeServer } from '../../../scripts/lib/codeServer.js';
import { launchChromium, type LaunchedChromium } from '../../../scripts/lib/browser.js';

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

export interface HoverOptions {
  /** wait until the hover contains this text (a hover can show "Loading..." or another provider first) */
  contains?: string | RegExp;
  /** total deadline (default 30000) */
  timeoutMs?: number;
  /** how long to wait for the hover after each mouse move (default 2500) */
  settleMs?: number;
  /**
   * Which whole-word occurrence to hover, 0-based. With a file opened by openFile(), counted in
   * the whole file and scrolled into view (Go to Line) when off screen; otherwise among the
   * occurrences on screen. Default: the first one on screen, else the first in the file.
   */
  nth?: number;
  /** hover the occurrence on this 1-based line (scrolled into view first) */
  line?: number;
}

export interface Workbench {
  page: Page;
  server: CodeServer;
  folder: string;
  /** browser console errors and page errors seen so far */
  consoleErrors: string[];
  /** F1, type the title, click the matching command row */
  runCommand(title: string, opts?: { timeoutMs?: number }): Promise<void>;
  /** Ctrl+P, type the path, open it; resolves when its editor is active */
  openFile(relativePath: string, opts?: { timeoutMs?: number }): Promise<Locator>;
  /** mouse over the first on-screen occurrence of `text` in the active editor until a hover shows */
  hoverWord(text: string, opts?: HoverOptions): Promise<Locator>;
  /** a visible notification toast containing `text` */
  waitForNotification(text: string | RegExp, opts?: { timeoutMs?: number }): Promise<Locator>;
  /** Escape a few times: closes quick input, hovers, find widget */
  dismiss(): Promise<void>;
  /** full-page screenshot into test-results/screenshots/<name>.png; returns the path */
  screenshot(name: string): Promise<string>;
  /** runs fn; on failure saves screenshots/failed-<name>.png and rethrows with the path added */
  captureOnFailure<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const REPO_ROOT = findRepoRoot(__dirname);
export const RESULTS_DIR = process.env.TIL_RESULTS_DIR ? path.resolve(process.env.TIL_RESULTS_DIR) : path.join(REPO_ROOT, 'test-results');
export const SCREENSHOT_DIR = path.join(RESULTS_DIR, 'screenshots');

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = '.quick-input-widget input';
const QUICK_INPUT_ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
const HOVER = '.monaco-hover:not(.hidden)';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** TIL_UI_DEBUG=1 prints each step with its time. */
const debug = process.env.TIL_UI_DEBUG === '1' ? (msg: string) => console.error(`[ui ${new Date().toISOString().slice(11, 23)}] ${msg}`) : () => {};

function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'screenshot';
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
export async function withScreenshotOnFailure<T>(wb: Workbench | Page | undefined, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (wb) {
      const page = 'page' in wb && 'server' in wb ? wb.page : (wb as Page);
      const shot = await saveScreenshot(page, `failed-${name}`);
      if (err instanceof Error) err.message += `\n  screenshot: ${shot}`;
    }
    throw err;
  }
}

function linkExtension(extensionPath: string, extensionsDir: string): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as { name: string; publisher: string; version: string };
  const link = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`.toLowerCase());
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync(path.resolve(extensionPath), link, 'dir');
}

/** Installs/links the extension, starts an isolated code-server and opens `folder` in Chromium. */
export async function openWorkbench(opts: OpenWorkbenchOptions): Promise<Workbench> {
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
    return makeWorkbench(page, server, folder, consoleErrors, cleanup);
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

function makeWorkbench(page: Page, server: CodeServer, folder: string, consoleErrors: string[], cleanup: () => Promise<void>): Workbench {
  let closed: Promise<void> | undefined;
  /** absolute path of the file last opened with openFile() */
  let activeFile: string | undefined;

  /** Scrolls the active editor to `line` with Go to Line (Ctrl+G). */
  async function revealLine(line: number, timeoutMs: number): Promise<void> {
    const box = await openQuickInput('Control+G', timeoutMs);
    await box.fill(`:${line}`);
    await box.press('Enter');
    await page.locator(QUICK_INPUT).first().waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => {});
    // wait until the line's number is rendered in the gutter
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await findWordOnScreen(page, '', { line, probeLine: true })) return;
      await sleep(100);
    }
    throw new Error(`line ${line} did not scroll into view within ${timeoutMs} ms`);
  }

  async function openQuickInput(key: string, timeoutMs: number): Promise<Locator> {
    const box = page.locator(QUICK_INPUT_BOX).first();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await page.keyboard.press('Escape');
      await page.keyboard.press(key);
      try {
        await box.waitFor({ state: 'visible', timeout: Math.min(3_000, Math.max(500, deadline - Date.now())) });
        return box;
      } catch {
        if (Date.now() > deadline) throw new Error(`quick input did not open after pressing ${key} within ${timeoutMs} ms`);
        // focus may be in a webview or nowhere yet: click the editor area / status bar and retry
        await page.locator('.monaco-workbench .part.statusbar').first().click({ position: { x: 5, y: 5 }, timeout: 2_000 }).catch(() => {});
      }
    }
  }

  /**
   * Types `query` and clicks the best row: the first 'exact' match, else the first 'partial' one.
   * Retypes until the deadline, since the list can be stale (extension not activated yet, file
   * index still building).
   */
  async function pickRow(
    box: Locator,
    query: string,
    matches: (label: string, ariaLabel: string) => 'exact' | 'partial' | 'no',
    what: string,
    timeoutMs: number,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastSeen: string[] = [];
    await box.fill(query);
    let lastTyped = Date.now();
    while (Date.now() < deadline) {
      const rows = page.locator(QUICK_INPUT_ROWS);
      const seen: [string, string][] = await rows.evaluateAll((els: any[]) =>
        els.map((el) => [String((el.querySelector('.label-name') ?? el).textContent ?? '').trim(), String(el.getAttribute('aria-label') ?? '')]),
      );
      lastSeen = seen.map(([label]) => label);
      const verdicts = seen.map(([label, aria]) => matches(label, aria));
      let index = verdicts.indexOf('exact');
      if (index < 0) index = verdicts.indexOf('partial');
      if (index >= 0) {
        await rows.nth(index).click({ timeout: 5_000 });
        await page.locator(QUICK_INPUT).first().waitFor({ state: 'hidden', timeout: Math.max(1_000, deadline - Date.now()) }).catch(() => {});
        return;
      }
      await sleep(150);
      // Retype now and then (not on every poll: retyping cancels a file search in progress).
      if ((await box.inputValue().catch(() => '')) !== query) await box.fill(query);
      else if (Date.now() - lastTyped > 3_000) {
        await box.press('End');
        await box.press('Space');
        await box.press('Backspace');
        lastTyped = Date.now();
      }
    }
    await page.keyboard.press('Escape');
    throw new Error(`no ${what} within ${timeoutMs} ms; rows seen: ${JSON.stringify(lastSeen.slice(0, 10))}`);
  }

  const wb: Workbench = {
    page,
    server,
    folder,
    consoleErrors,

    async runCommand(title, opts = {}) {
      const timeoutMs = opts.timeoutMs ?? 20_000;
      const box = await openQuickInput('F1', timeoutMs);
      const want = title.trim();
      await pickRow(
        box,
        `>${want}`,
        (label, aria) => (label === want ? 'exact' : label.includes(want) || aria.includes(want) ? 'partial' : 'no'),
        `command palette row "${want}"`,
        timeoutMs,
      );
    },

    async openFile(relativePath, opts = {}) {
      const timeoutMs = opts.timeoutMs ?? 20_000;
      const rel = relativePath.split(path.sep).join('/');
      const base = path.posix.basename(rel);
      const dir = path.posix.dirname(rel);
      const box = await openQuickInput('Control+P', timeoutMs);
      debug(`quick open is open for ${rel}`);
      // An absolute path resolves directly, without waiting for the workspace file search.
      await pickRow(
        box,
        path.join(folder, rel),
        // Several files can share the name: the aria-label holds the folder too.
        (label, aria) => (label !== base ? 'no' : dir === '.' || aria.includes(dir) ? 'exact' : 'partial'),
        `quick-open row for ${rel}`,
        timeoutMs,
      );
      debug(`picked ${rel}`);
      const tab = page.locator(`.tabs-container .tab.active[aria-label*="${base.replace(/"/g, '\\"')}"]`).first();
      try {
        await tab.waitFor({ state: 'visible', timeout: timeoutMs });
        await page.locator('.part.editor .editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
      } catch (err) {
        throw new Error(`${rel} did not open in an active editor tab within ${timeoutMs} ms`, { cause: err });
      }
      activeFile = path.join(folder, rel);
      debug(`editor for ${rel} is active`);
      return page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
    },

    async hoverWord(text, opts = {}) {
      const timeoutMs = opts.timeoutMs ?? 30_000;
      const settleMs = opts.settleMs ?? 2_500;
      const deadline = Date.now() + timeoutMs;
      const hover = page.locator(HOVER).first();
      // Where is the word? An explicit line, the nth occurrence in the file, or the first one on screen.
      let target: WordTarget = { nth: opts.nth ?? 0 };
      let fileLine: { line: number; nthInLine: number } | undefined;
      if (opts.line !== undefined) fileLine = { line: opts.line, nthInLine: 0 };
      else if (activeFile && fs.existsSync(activeFile)) {
        const onScreen = opts.nth === undefined ? await findWordOnScreen(page, text, target) : undefined;
        if (!onScreen) fileLine = locateInFile(fs.readFileSync(activeFile, 'utf8'), text, opts.nth ?? 0);
        if (!onScreen && !fileLine) throw new Error(`"${text}" occurs fewer than ${(opts.nth ?? 0) + 1} time(s) as a word in ${activeFile}`);
      }
      if (fileLine) {
        target = { line: fileLine.line, nth: fileLine.nthInLine };
        if (!(await findWordOnScreen(page, text, target))) await revealLine(fileLine.line, Math.max(2_000, deadline - Date.now()));
      }
      const point = await findWordOnScreen(page, text, target);
      if (!point) {
        const where = target.line ? `on line ${target.line}` : `(occurrence ${target.nth ?? 0})`;
        throw new Error(`"${text}" is not visible ${where} in the active editor (open the right file first, or pass { line })`);
      }
      let attempts = 0;
      let lastText = '';
      while (Date.now() < deadline) {
        attempts++;
        // Away first (a hover that was asked for before the extension activated stays empty), then onto the word.
        await page.mouse.move(2, 2);
        await sleep(attempts === 1 ? 50 : 250);
        const p = (await findWordOnScreen(page, text, target)) ?? point;
        await page.mouse.move(p.x - 1, p.y, { steps: 2 });
        await page.mouse.move(p.x, p.y, { steps: 2 });
        try {
          await hover.waitFor({ state: 'visible', timeout: Math.min(settleMs, Math.max(200, deadline - Date.now())) });
        } catch {
          continue;
        }
        if (!opts.contains) return settled(hover);
        // The content may still change (loading, a second provider): poll until it matches.
        const until = Math.min(deadline, Date.now() + settleMs);
        while (Date.now() < until) {
          lastText = (await hover.innerText().catch(() => '')) ?? '';
          const ok = typeof opts.contains === 'string' ? lastText.includes(opts.contains) : opts.contains.test(lastText);
          if (ok) return settled(hover);
          await sleep(150);
        }
      }
      const what = opts.contains ? `a hover containing ${String(opts.contains)}` : 'a hover';
      throw new Error(`no ${what} over "${text}" after ${attempts} attempt(s) in ${timeoutMs} ms${lastText ? `; last hover text: ${JSON.stringify(lastText.slice(0, 300))}` : ''}`);
    },

    async waitForNotification(text, opts = {}) {
      const timeoutMs = opts.timeoutMs ?? 15_000;
      const toast = page.locator('.notification-toast', { hasText: text }).first();
      try {
        await toast.waitFor({ state: 'visible', timeout: timeoutMs });
      } catch (err) {
        const seen = await page.locator('.notification-toast').allInnerTexts().catch(() => []);
        throw new Error(`no notification matching ${String(text)} within ${timeoutMs} ms; visible: ${JSON.stringify(seen)}`, { cause: err });
      }
      return toast;
    },

    async dismiss() {
      for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
      await page.mouse.move(2, 2);
    },

    screenshot(name) {
      return saveScreenshot(page, name);
    },

    captureOnFailure(name, fn) {
      return withScreenshotOnFailure(wb, name, fn);
    },

    close() {
      closed ??= cleanup();
      return closed;
    },
  };
  return wb;
}

interface WordTarget {
  /** 1-based line number; only that line is searched */
  line?: number;
  /** which whole-word occurrence (0-based): on `line` if given, else among all lines on screen */
  nth?: number;
  /** only check that `line` is rendered on screen (returns its middle) */
  probeLine?: boolean;
}

/** The line (1-based) and index within that line of the nth whole-word occurrence of `needle` in `text`. */
function locateInFile(text: string, needle: string, nth: number): { line: number; nthInLine: number } | undefined {
  const isWordChar = (c: string | undefined) => !!c && /[\w$]/.test(c);
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    let inLine = 0;
    for (let from = 0; ; ) {
      const idx = lines[i].indexOf(needle, from);
      if (idx < 0) break;
      from = idx + 1;
      if (isWordChar(needle[0]) && isWordChar(lines[i][idx - 1])) continue;
      if (isWordChar(needle[needle.length - 1]) && isWordChar(lines[i][idx + needle.length])) continue;
      if (seen++ === nth) return { line: i + 1, nthInLine: inLine };
      inLine++;
    }
  }
  return undefined;
}

/**
 * Viewport coordinates of the middle of a whole-word occurrence of `text` in the active editor's
 * rendered lines (Monaco renders only the lines on screen), or undefined if it is not on screen.
 * Works on the text of whole lines, so a word split across token spans is found too; line
 * numbers come from the gutter.
 */
async function findWordOnScreen(page: Page, text: string, target: WordTarget = {}): Promise<{ x: number; y: number } | undefined> {
  const found = await page.evaluate(
    ([needle, want]: [string, WordTarget]) => {
      let skip = want.nth ?? 0;
      const g = globalThis as any;
      const doc = g.document;
      const editors: any[] = Array.from(doc.querySelectorAll('.part.editor .editor-group-container.active .monaco-editor'));
      const editor = editors.find((e) => e.offsetParent !== null) ?? doc.querySelector('.monaco-editor');
      if (!editor) return undefined;
      const scrollable = editor.querySelector('.monaco-scrollable-element.editor-scrollable') ?? editor;
      const box = scrollable.getBoundingClientRect();
      const visible = (r: any) => r.bottom > box.top && r.top < box.bottom;
      const isWordChar = (c: string | undefined) => !!c && /[\w$]/.test(c);
      let lines: any[] = Array.from(editor.querySelectorAll('.view-lines .view-line'));
      if (want.line !== undefined) {
        // The gutter's line number sits at the same height as its line.
        const numbers: any[] = Array.from(editor.querySelectorAll('.margin-view-overlays .line-numbers'));
        const num = numbers.find((n) => String(n.textContent).trim() === String(want.line));
        if (!num) return undefined;
        const nr = num.getBoundingClientRect();
        if (!visible(nr)) return undefined;
        const mid = (nr.top + nr.bottom) / 2;
        lines = lines.filter((l) => {
          const r = l.getBoundingClientRect();
          return r.top <= mid && r.bottom >= mid;
        });
        if (want.probeLine) return lines.length ? { x: box.left + 1, y: mid } : undefined;
      }
      lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
      for (const line of lines) {
        const r = line.getBoundingClientRect();
        if (!visible(r)) continue;
        // Collect text nodes of the line with their offsets.
        const walker = doc.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
        const nodes: { node: any; start: number }[] = [];
        let all = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n, start: all.length });
          all += n.nodeValue ?? '';
        }
        all = all.replace(/\u00a0/g, ' ');
        for (let from = 0; ; ) {
          const idx = all.indexOf(needle, from);
          if (idx < 0) break;
          from = idx + 1;
          // Whole words only: skip "forked" when looking for "fork".
          if (isWordChar(needle[0]) && isWordChar(all[idx - 1])) continue;
          if (isWordChar(needle[needle.length - 1]) && isWordChar(all[idx + needle.length])) continue;
          const mid = idx + Math.floor(needle.length / 2);
          const hit = nodes.find((x, i) => mid >= x.start && (i === nodes.length - 1 || mid < nodes[i + 1].start));
          if (!hit) continue;
          const range = doc.createRange();
          const offset = mid - hit.start;
          range.setStart(hit.node, offset);
          range.setEnd(hit.node, Math.min(offset + 1, (hit.node.nodeValue ?? '').length));
          const rr = range.getBoundingClientRect();
          const x = rr.left + rr.width / 2;
          const y = rr.top + rr.height / 2;
          if (x < box.left || x > box.right || y < box.top || y > box.bottom) continue;
          if (skip-- > 0) continue;
          return { x, y };
        }
      }
      return undefined;
    },
    [text, target] as [string, WordTarget],
  );
  return found ?? undefined;
}

/** Waits (briefly) for the hover's fade-in to finish, so screenshots show it fully opaque. */
async function settled(hover: Locator): Promise<Locator> {
  const deadline = Date.now() + 1_500;
  while (Date.now() < deadline) {
    const opacity = await hover
      .evaluate((el: any) => {
        let min = 1;
        for (let e = el; e; e = e.parentElement) min = Math.min(min, Number((globalThis as any).getComputedStyle(e).opacity));
        return min;
      })
      .catch(() => 1);
    if (opacity >= 0.99) break;
    await sleep(50);
  }
  return hover;
}
