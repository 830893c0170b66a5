import type { Code, Root } from 'mdast';
import type { Problem } from '../model';
import { endOffset, startLine } from './positions';

/** HTML blocks that run until their closing tag, however far (CommonMark's HTML block type 1). */
const RAW_HTML_OPEN = /^[ \t]*<(pre|script|style|textarea)(?=[\s>]|$)/i;

/** Constructs Markdown silently runs to the end of the file when they are not closed. */
export function findUnclosedConstructs(file: string, root: Root, code: Code[], text: string): Problem[] {
  const problems: Problem[] = [];
  const noteEnd = text.trimEnd().length;
  for (const node of code) {
    const raw = text.slice(node.position?.start.offset ?? 0, endOffset(node));
    const fence = raw.match(/^\s*(`{3,}|~{3,})/)?.[1];
    if (!fence) continue;
    const lines = raw.trimEnd().split('\n');
    // Inside a blockquote or list the closing fence carries the container's `>` and indentation.
    const last = lines[lines.length - 1].replace(/^[\s>]*/, '');
    const closed = lines.length >= 2 && last.startsWith(fence[0].repeat(fence.length));
    // An open fence inside a quote or list item ends with its container: only one that runs to the end swallows the note.
    if (!closed && endOffset(node) >= noteEnd) {
      problems.push({
        file, line: startLine(node), severity: 'warning', code: 'unclosed-fence',
        message: `A code block opened with ${fence} is never closed; the rest of the note is read as code.`,
      });
    }
  }
  for (const node of root.children) {
    if (node.type !== 'html') continue;
    const tag = RAW_HTML_OPEN.exec(node.value)?.[1]?.toLowerCase();
    if (tag && !new RegExp(`</${tag}\\s*>`, 'i').test(node.value)) {
      problems.push({
        file, line: startLine(node), severity: 'warning', code: 'unclosed-html',
        message: `A <${tag}> block is never closed with </${tag}>; the rest of the note is read as raw HTML.`,
      });
    }
  }
  if (/^---[ \t]*\n/.test(text) && root.children[0]?.type !== 'yaml' && /^---[ \t]*\n[\w"'-]+[ \t]*:/.test(text)) {
    problems.push({
      file, line: 1, severity: 'warning', code: 'unclosed-frontmatter',
      message: 'Front matter starts with --- but is not closed by a second --- line; it was read as text.',
    });
  }
  return problems;
}
