// The editor area: open a file by Quick Open, scroll to a line, find where a word is drawn on screen.
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Palette } from './palette';
import { debug, pollInterval } from './util';

export interface WordTarget {
  /** 1-based line number; only that line is searched */
  line?: number;
  /** which whole-word occurrence (0-based): on `line` if given, else among all lines on screen */
  nth?: number;
  /** only check that `line` is rendered on screen (returns its middle) */
  probeLine?: boolean;
}

export class Editor {
  /** absolute path of the file last opened with openFile() */
  activeFile: string | undefined;

  constructor(
    private readonly page: Page,
    private readonly palette: Palette,
    private readonly folder: string,
  ) {}

  /** Ctrl+P, type the path, open it; resolves when its editor is active. */
  async openFile(relativePath: string, timeoutMs = 20_000): Promise<Locator> {
    const rel = relativePath.split(path.sep).join('/');
    const base = path.posix.basename(rel);
    const dir = path.posix.dirname(rel);
    const box = await this.palette.open('Control+P', timeoutMs);
    debug(`quick open is open for ${rel}`);
    // An absolute path resolves directly, without waiting for the workspace file search.
    await this.palette.pick(
      box,
      path.join(this.folder, rel),
      // Several files can share the name: the aria-label holds the folder too.
      (label, aria) => (label !== base ? 'no' : dir === '.' || aria.includes(dir) ? 'exact' : 'partial'),
      `quick-open row for ${rel}`,
      timeoutMs,
    );
    debug(`picked ${rel}`);
    const tab = this.page.locator(`.tabs-container .tab.active[aria-label*="${base.replace(/"/g, '\\"')}"]`).first();
    try {
      await tab.waitFor({ state: 'visible', timeout: timeoutMs });
      await this.page
        .locator('.part.editor .editor-instance .monaco-editor .view-lines')
        .first()
        .waitFor({ state: 'visible', timeout: timeoutMs });
    } catch (err) {
      throw new Error(`${rel} did not open in an active editor tab within ${timeoutMs} ms`, { cause: err });
    }
    this.activeFile = path.join(this.folder, rel);
    debug(`editor for ${rel} is active`);
    return this.page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
  }

  /** Scrolls the active editor to `line` with Go to Line (Ctrl+G); resolves once the line is drawn. */
  async revealLine(line: number, timeoutMs: number): Promise<void> {
    const box = await this.palette.open('Control+G', timeoutMs);
    await box.fill(`:${line}`);
    await box.press('Enter');
    await this.palette.closed(timeoutMs);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await this.findWordOnScreen('', { line, probeLine: true })) return;
      await pollInterval(100);
    }
    throw new Error(`line ${line} did not scroll into view within ${timeoutMs} ms`);
  }

  /**
   * Viewport coordinates of the middle of a whole-word occurrence of `text` in the active editor's
   * rendered lines (Monaco renders only the lines on screen), or undefined if it is not on screen.
   * Works on the text of whole lines, so a word split across token spans is found too; line
   * numbers come from the gutter.
   */
  async findWordOnScreen(text: string, target: WordTarget = {}): Promise<{ x: number; y: number } | undefined> {
    const found = await this.page.evaluate(
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
          for (let from = 0; ;) {
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
}

/** The line (1-based) and index within that line of the nth whole-word occurrence of `needle` in `text`. */
export function locateInFile(text: string, needle: string, nth: number): { line: number; nthInLine: number } | undefined {
  const isWordChar = (c: string | undefined) => !!c && /[\w$]/.test(c);
  const lines = text.split(/\r?\n/);
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    let inLine = 0;
    for (let from = 0; ;) {
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
