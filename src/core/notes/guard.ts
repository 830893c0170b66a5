import type { Problem } from '../model';
import { limitNesting } from './decode';

/**
 * Linear pre-scan of a note before remark sees it: neutralises the constructs that make Markdown parsers
 * superlinear or lose content, never adding or removing a line, so every line number stays exact. Ordinary notes
 * come back unchanged (the same string).
 *
 * - Blockquotes/lists nested deeper than a sane depth are flattened (limitNesting).
 * - Front matter opened with `---` and never closed would swallow the note: the opening line is blanked, the rest
 *   read as body.
 * - A paragraph with hundreds of runs of inline markers, or one very long run (`*`, `_`, backticks, brackets, `<`): micromark matches
 *   emphasis, code spans and links by walking back over every earlier marker of the block, which is quadratic;
 *   such a block has its markers swapped for their full-width look-alikes (`＊` for `*`; one UTF-16 unit each, so
 *   offsets stay exact too) and is read as plain text. Backslash escapes would do, but cost micromark far more.
 */
export function guardMarkdown(file: string, input: string, problems: Problem[]): string {
  let text = limitNesting(file, input, problems);
  text = openUnclosedFrontMatter(file, text, problems);
  return escapeMarkerFloods(file, text, problems);
}

/**
 * More runs of inline markers than this in one paragraph, or one run longer than MAX_MARKER_RUN, and the paragraph
 * is read as plain text. micromark's cost per paragraph grows with the square of its marker runs; this bound keeps
 * a note tiled with such paragraphs within a few times the cost of a plain one. Real paragraphs stay far below.
 */
export const MAX_MARKER_RUNS = 256;
export const MAX_MARKER_RUN = 32;

const FRONT_MATTER_OPEN = /^---[ \t]*\n/;

function openUnclosedFrontMatter(file: string, text: string, problems: Problem[]): string {
  if (!FRONT_MATTER_OPEN.test(text)) return text;
  // A closing `---` line anywhere below (the front-matter extension closes at the first one).
  if (/\n---[ \t]*(?:\n|$)/.test(text)) return text;
  // The front-matter extension would swallow the note either way; warn when it looks like front matter (a `key:`
  // line next), not for a note that opens with a thematic break.
  if (!/^---[ \t]*\n[\w"'-]+[ \t]*:/.test(text)) return text.replace(FRONT_MATTER_OPEN, '\n');
  problems.push({
    file, line: 1, severity: 'warning', code: 'unclosed-frontmatter',
    message: 'Front matter starts with --- but is never closed by a second --- line; it was read as part of the note.',
  });
  return text.replace(FRONT_MATTER_OPEN, '\n');
}

const CONTAINER = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*/;
const FENCE = /^(`{3,}|~{3,})/;
const MARKER = /[\\`*_[\]<]/g;
const LOOK_ALIKE: Record<string, string> = { '\\': '＼', '`': '｀', '*': '＊', _: '＿', '[': '［', ']': '］', '<': '＜' };

function isMarker(c: number): boolean {
  // \ ` * _ [ ] <
  return c === 92 || c === 96 || c === 42 || c === 95 || c === 91 || c === 93 || c === 60;
}

/** A line that starts a new paragraph-like block: a list item, a heading, an HTML block. */
const BLOCK_START = /^(?:[ \t]*(?:>[ \t]*)*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[ \t]*(?:>[ \t]*)*(?:#|<))/;

function escapeMarkerFloods(file: string, text: string, problems: Problem[]): string {
  // Fast path: few marker runs in the whole note, and none long.
  let total = 0;
  let longest = 0;
  for (let i = 0, run = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isMarker(c)) run = 0;
    else if (run > 0 && c === text.charCodeAt(i - 1)) longest = Math.max(longest, ++run);
    else {
      run = 1;
      total++;
    }
  }
  if (total <= MAX_MARKER_RUNS && longest <= MAX_MARKER_RUN) return text;

  const lines = text.split('\n');
  let fence: string | undefined;
  let blockStart = -1;
  let runs = 0;
  let tooLong = false;
  let firstLine = 0;
  const closeBlock = (end: number) => {
    if (blockStart >= 0 && (runs > MAX_MARKER_RUNS || tooLong)) {
      for (let i = blockStart; i < end; i++) {
        const prefix = CONTAINER.exec(lines[i])![0];
        lines[i] = prefix + lines[i].slice(prefix.length).replace(MARKER, (c) => LOOK_ALIKE[c]);
      }
      firstLine ||= blockStart + 1;
    }
    blockStart = -1;
    runs = 0;
    tooLong = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const content = line.slice(CONTAINER.exec(line)![0].length);
    if (fence) {
      // Inside a fenced code block: code, not inline Markdown; never touched.
      if (content[0] === fence[0] && content.startsWith(fence) && /^[`~]*\s*$/.test(content.slice(fence.length))) fence = undefined;
      continue;
    }
    const open = FENCE.exec(content);
    if (open) {
      closeBlock(i);
      fence = open[1];
      continue;
    }
    if (content.trim() === '') {
      closeBlock(i);
      continue;
    }
    if (BLOCK_START.test(line)) closeBlock(i);
    if (blockStart < 0) blockStart = i;
    for (let k = 0, run = 0; k < content.length; k++) {
      const c = content.charCodeAt(k);
      if (!isMarker(c)) run = 0;
      else if (run > 0 && c === content.charCodeAt(k - 1)) tooLong ||= ++run > MAX_MARKER_RUN;
      else {
        run = 1;
        runs++;
      }
    }
  }
  closeBlock(lines.length);
  if (!firstLine) return text;
  problems.push({
    file, line: firstLine, severity: 'warning', code: 'too-complex',
    message: `A paragraph holds more than ${MAX_MARKER_RUNS} runs of Markdown markers (* _ \` [ ] <) or a run longer than ${MAX_MARKER_RUN}; it was read as plain text so the note stays fast to read.`,
  });
  return lines.join('\n');
}
