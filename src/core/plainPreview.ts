import { safeNoteMarkdown } from './hover/safeMarkdown';
import { cleanInline } from './text';

/**
 * How much of a passage is read for a preview, per character shown: room for what is dropped on the way
 * (link targets, images, HTML, fences). Only this prefix is read, so a preview costs the same for any note.
 */
const READ_PER_CHAR = 8;

// Whole lines that show nothing: fence lines (safeNoteMarkdown writes them at column 0) and rules (`---`, `***`).
const BLANK_LINE = /^(?:(?:`{3,}|~{3,})[\w+#.-]*|[-*_ ]{3,})$/;
// What opens a line: quote markers, then a heading, list or task marker (`\[ \]`: safeNoteMarkdown escapes brackets).
const LINE_MARKS = /^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\\\[[ xX]\\\][ \t]+)?)?/;
// A backslash escape (kept as its character) or an emphasis marker that hugs a word (`*so*`, `_so_`, `~~so~~`).
const INLINE_MARKS = /\\([!-/:-@[-`{-~])|(^|[\s(])(?:[*_]+|~~)(?=\S)|(?<=\S)(?:[*_]+|~~)(?=$|[\s).,!?:;\\])/g;

/**
 * A passage of note Markdown as one line of plain text for a list (the search's details): links become their
 * text, images and HTML go (safeNoteMarkdown), then fences, quote, heading, list and emphasis markers and code
 * backticks go, and the line is cut at a word to at most `maxChars` (and ` …`). Bounded and linear: note text
 * is untrusted, and a list shows one of these per question.
 */
export function plainPreview(markdown: string, maxChars: number): string {
  const read = markdown.slice(0, maxChars * READ_PER_CHAR);
  const lines = safeNoteMarkdown(read)
    .split('\n')
    .filter((line) => !BLANK_LINE.test(line.trim()))
    .map((line) => line.replace(LINE_MARKS, ''));
  const plain = cleanInline(lines.join(' ').replace(INLINE_MARKS, (_m, escaped?: string, before?: string) => escaped ?? before ?? ''));
  if (plain.length <= maxChars && read.length === markdown.length) return plain;
  if (plain.length <= maxChars) return `${plain} …`;
  const cut = plain.lastIndexOf(' ', maxChars);
  return `${plain.slice(0, cut > maxChars / 2 ? cut : maxChars).trimEnd()} …`;
}
