import type { Card, Section, Term, TermSource } from '../model';
import { BOLD_LABEL } from './terms/definingPassage';

/** Explain shows at most this many lines of one passage; the rest is a click away in the note. */
export const MAX_PASSAGE_LINES = 60;

const BULLET = /^(\s*)(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const NEXT_TOPIC: ReadonlySet<TermSource> = new Set(['definition', 'label']);
const RULE = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|<hr\s*\/?>)\s*$/i;

/**
 * The lines (1-based, inclusive) of the passage that explains a term, for Explain. It starts at the term's line and
 * stops where the next topic starts:
 * - a term a heading names keeps its section, sub-headings included, down to the next heading at its level or above;
 * - any other term stops at the next heading, the next question, the end of the answer it sits in, the next term
 *   the note defines, a rule or a bold label line, and, written as a list item, at the end of that item (its own
 *   sub-items included).
 * Reads at most MAX_PASSAGE_LINES lines of the note after the term, whatever the note's size.
 */
export function passageBounds(
  lines: readonly string[],
  note: { sections: readonly Section[]; cards: readonly Card[]; terms?: readonly Term[] } | undefined,
  term: { line: number; source: TermSource },
): { line: number; endLine: number } {
  const start = Math.max(1, Math.min(term.line, lines.length));
  let end = Math.min(lines.length, start + MAX_PASSAGE_LINES - 1);
  const sections = note?.sections ?? [];
  const cards = note?.cards ?? [];
  if (term.source === 'heading') {
    const own = sections.find((s) => s.line === start);
    if (own) end = Math.min(end, own.endLine);
    return { line: start, endLine: trimBlankEnd(lines, start, end) };
  }
  for (const s of sections) {
    // The innermost section the term sits in ends it; so does the next heading, at any level.
    if (s.line <= start && s.endLine >= start) end = Math.min(end, s.endLine);
    if (s.line > start) end = Math.min(end, s.line - 1);
  }
  for (const c of cards) {
    // The answer the term sits in ends it (its own question's answer too), and so does the next question.
    if (c.line <= start && c.endLine >= start) end = Math.min(end, c.endLine);
    if (c.line > start) end = Math.min(end, c.line - 1);
  }
  for (const t of note?.terms ?? []) {
    // The next term the note defines (`**X**는 …`, `X : …`, a bold label) starts the next topic.
    if (t.line > start && NEXT_TOPIC.has(t.source)) end = Math.min(end, t.line - 1);
  }
  end = Math.min(end, topicEnd(lines, start, end));
  return { line: start, endLine: trimBlankEnd(lines, start, end) };
}

/** The last line before a rule, a bold label line or (for a list item) the item's end, outside code fences. */
function topicEnd(lines: readonly string[], start: number, end: number): number {
  const bullet = BULLET.exec(lines[start - 1] ?? '');
  const itemIndent = bullet ? bullet[1].length : -1;
  let inFence = FENCE.test(lines[start - 1] ?? '');
  let afterBlank = false;
  for (let n = start + 1; n <= end; n++) {
    const line = lines[n - 1];
    if (FENCE.test(line)) {
      inFence = !inFence;
      if (inFence && bullet && indentOf(line) <= itemIndent) return n - 1;
      afterBlank = false;
      continue;
    }
    if (inFence) continue;
    if (line.trim() === '') {
      afterBlank = true;
      continue;
    }
    if (RULE.test(line) || BOLD_LABEL.test(line)) return n - 1;
    // A list item goes on while its lines are indented under it (or continue its text without a blank line); a
    // line at the bullet's indent or left of it is the next item or the text after the list.
    const lazy = !afterBlank && !BULLET.test(line);
    if (bullet && indentOf(line) <= itemIndent && !lazy) return n - 1;
    afterBlank = false;
  }
  return end;
}

function indentOf(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

function trimBlankEnd(lines: readonly string[], start: number, end: number): number {
  while (end > start && (lines[end - 1] ?? '').trim() === '') end--;
  return end;
}
