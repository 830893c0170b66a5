/**
 * Whether an answer says anything in words, or is only a picture or only links (a Notion export's `![image](…)`
 * under a question, a list of articles to read). Such an answer shows nothing on a card: the question is folded
 * into the question it was asked under, or the card says where the answer is instead of showing it.
 */
export type AnswerShape = 'text' | 'picture' | 'links' | 'empty';

/** How far a link's text or target is read: a longer one is not taken for a link (so the answer counts as text). */
const MAX_PART = 2000;

// Characters that carry no words: Markdown markers, table pipes, rules, whitespace.
const MARKERS = new Set([' ', '\t', '\n', '\r', '>', '-', '*', '+', '_', '#', '|', '=', '~']);

/**
 * One scan that stops at the first word: every image, link, autolink, bare URL, HTML tag, `{width=…}` attribute
 * and list number it passes is consumed once, and a piece it cannot read as one of those is text. Linear.
 */
export function answerShape(markdown: string): AnswerShape {
  let pictures = 0;
  let links = 0;
  let i = 0;
  /** Where the last image or link ended: a `{width=…}` right after it is its attributes. */
  let linkEndedAt = -1;
  const n = markdown.length;
  while (i < n) {
    const c = markdown[i];
    if (MARKERS.has(c)) {
      i++;
      continue;
    }
    let end = -1;
    const afterLink = linkEndedAt === i;
    if (c === '!' && markdown[i + 1] === '[') {
      end = linkEnd(markdown, i + 1);
      if (end !== -1) pictures++;
      linkEndedAt = end;
    } else if (c === '[') {
      end = linkEnd(markdown, i);
      if (end !== -1) links++;
      linkEndedAt = end;
    } else if (c === '<') {
      end = closing(markdown, i, '>');
      if (end !== -1 && /^<https?:/i.test(markdown.slice(i, i + 9))) links++;
    } else if (c === '{' && afterLink) {
      end = closing(markdown, i, '}');
    } else if (c === 'h' && /^https?:\/\//i.test(markdown.slice(i, i + 8))) {
      end = i;
      while (end < n && !/\s/.test(markdown[end])) end++;
      links++;
    } else if (c >= '0' && c <= '9') {
      // A list number (`1.`, `2)`), not a number said in words.
      end = i;
      while (end < n && end - i < 9 && markdown[end] >= '0' && markdown[end] <= '9') end++;
      end = markdown[end] === '.' || markdown[end] === ')' ? end + 1 : -1;
    }
    if (end === -1) return 'text';
    i = end;
  }
  return pictures ? 'picture' : links ? 'links' : 'empty';
}

/** `[text](target)` from the `[` at `at` (nested brackets and parentheses allowed): where it ends, or -1. */
function linkEnd(text: string, at: number): number {
  const label = balanced(text, at, '[', ']');
  if (label === -1 || text[label] !== '(') return -1;
  return balanced(text, label, '(', ')');
}

/** From the opening character at `at`, past its matching closing one on the same line: where it ends, or -1. */
function balanced(text: string, at: number, open: string, close: string): number {
  let depth = 0;
  for (let i = at; i < text.length && i - at < MAX_PART; i++) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
  }
  return -1;
}

/** Past the first `close` after `at` on the same line, or -1. */
function closing(text: string, at: number, close: string): number {
  for (let i = at + 1; i < text.length && i - at < MAX_PART; i++) {
    if (text[i] === '\n') return -1;
    if (text[i] === close) return i + 1;
  }
  return -1;
}
