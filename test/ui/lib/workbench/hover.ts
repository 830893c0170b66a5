// Hovers in the editor: move the mouse onto a word until a hover (with the wanted text) shows.
import * as fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { locateInFile, type Editor, type WordTarget } from './editor';
import { left } from './util';

const HOVER = '.monaco-hover:not(.hidden)';

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

export class Hovers {
  constructor(
    private readonly page: Page,
    private readonly editor: Editor,
  ) {}

  /** Mouse over an occurrence of `text` in the active editor until a hover shows (containing `contains`). */
  async hoverWord(text: string, opts: HoverOptions = {}): Promise<Locator> {
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const settleMs = opts.settleMs ?? 2_500;
    const deadline = Date.now() + timeoutMs;
    const target = await this.target(text, opts, deadline);
    const point = await this.editor.findWordOnScreen(text, target);
    if (!point) {
      const where = target.line ? `on line ${target.line}` : `(occurrence ${target.nth ?? 0})`;
      throw new Error(`"${text}" is not visible ${where} in the active editor (open the right file first, or pass { line })`);
    }
    const anyHover = this.page.locator(HOVER).first();
    const wanted = opts.contains ? this.page.locator(HOVER, { hasText: opts.contains }).first() : anyHover;
    let attempts = 0;
    while (Date.now() < deadline) {
      attempts++;
      // Away first, until any hover has gone (one asked for before the extension activated stays empty), then onto the word.
      await this.page.mouse.move(2, 2);
      await anyHover.waitFor({ state: 'hidden', timeout: Math.min(1_000, left(deadline)) }).catch(() => {});
      const p = (await this.editor.findWordOnScreen(text, target)) ?? point;
      await this.page.mouse.move(p.x - 1, p.y, { steps: 2 });
      await this.page.mouse.move(p.x, p.y, { steps: 2 });
      try {
        await anyHover.waitFor({ state: 'visible', timeout: Math.min(settleMs, left(deadline)) });
        // The content may still change (loading, a second provider): wait for the wanted text.
        await wanted.waitFor({ state: 'visible', timeout: Math.min(settleMs, left(deadline)) });
        return await settled(wanted);
      } catch {
        continue;
      }
    }
    const lastText = (await anyHover.innerText({ timeout: 500 }).catch(() => '')) ?? '';
    const what = opts.contains ? `a hover containing ${String(opts.contains)}` : 'a hover';
    throw new Error(
      `no ${what} over "${text}" after ${attempts} attempt(s) in ${timeoutMs} ms${lastText ? `; last hover text: ${JSON.stringify(lastText.slice(0, 300))}` : ''}`,
    );
  }

  /** Where the word is: an explicit line, the nth occurrence in the file (scrolled to), or the first one on screen. */
  private async target(text: string, opts: HoverOptions, deadline: number): Promise<WordTarget> {
    const activeFile = this.editor.activeFile;
    let fileLine: { line: number; nthInLine: number } | undefined;
    if (opts.line !== undefined) fileLine = { line: opts.line, nthInLine: 0 };
    else if (activeFile && fs.existsSync(activeFile)) {
      const onScreen = opts.nth === undefined ? await this.editor.findWordOnScreen(text, { nth: 0 }) : undefined;
      if (!onScreen) fileLine = locateInFile(fs.readFileSync(activeFile, 'utf8'), text, opts.nth ?? 0);
      if (!onScreen && !fileLine) throw new Error(`"${text}" occurs fewer than ${(opts.nth ?? 0) + 1} time(s) as a word in ${activeFile}`);
    }
    if (!fileLine) return { nth: opts.nth ?? 0 };
    const target = { line: fileLine.line, nth: fileLine.nthInLine };
    if (!(await this.editor.findWordOnScreen(text, target))) await this.editor.revealLine(fileLine.line, left(deadline, 2_000));
    return target;
  }
}

/** Waits for the hover's fade-in animations to finish, so screenshots show it fully opaque (at most 1.5 s). */
async function settled(hover: Locator): Promise<Locator> {
  await hover
    .evaluate((el: any) => {
      const animations: any[] = el.getAnimations({ subtree: true });
      for (let e = el.parentElement; e; e = e.parentElement) animations.push(...e.getAnimations());
      const done = Promise.all(animations.map((a) => a.finished.catch(() => undefined)));
      return Promise.race([done, new Promise((resolve) => setTimeout(resolve, 1_500))]);
    })
    .catch(() => undefined);
  return hover;
}
