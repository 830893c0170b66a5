/**
 * Note text made safe for a trusted hover (a MarkdownString whose command links run): whatever a
 * note says, the Markdown built here has no link, image, autolink, HTML or theme icon of its own.
 *
 * - `escapeMarkdown` for names and titles: every ASCII punctuation character is escaped.
 * - `safeNoteMarkdown` for passages: emphasis, lists, headings, inline code and code fences stay;
 *   links become their text, images go (nested brackets too), HTML tags go, autolinks and bare
 *   URIs (`command:`, `file:`, `https:`, `www.`, e-mail) are shown as text.
 *
 * Safety does not rest on parsing the note exactly as the renderer would: everything that is kept
 * is written out again in a form whose meaning does not depend on context (code spans on one line
 * with single backticks, fences at column 0 after a blank line, every other `[`, `]`, `<`, `:`,
 * `@`, `$` and backtick escaped). Every pass is linear in the text's length (no regex backtracking,
 * brackets matched with a stack).
 */

/** Escapes every ASCII punctuation character; line breaks become spaces. For one-line names and titles. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\t\f\v]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

type Token =
  | { kind: 'text'; text: string } // emitted escaped where needed
  | { kind: 'raw'; text: string } // already safe (a backslash escape of the note)
  | { kind: 'code'; text: string } // inline code content
  | { kind: 'open' | 'close' | 'lparen' | 'rparen' | 'bang' };

/** A passage of note Markdown, safe for a trusted hover. */
export function safeNoteMarkdown(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let inline: string[] = [];
  const flush = () => {
    if (inline.length) out.push(safeInline(inline.join('\n')));
    inline = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open || (open[1][0] === '`' && open[2].includes('`'))) {
      inline.push(lines[i]);
      continue;
    }
    flush();
    const fence = open[1];
    const language = /^\s*([\w+#.-]{0,30})/.exec(open[2])?.[1] ?? '';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[j]);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) break;
      body.push(lines[j]);
    }
    // At column 0 after a blank line, a fence opens whatever came before; the note's own closing
    // fence (or the end of the passage) closes it.
    out.push(`\n${fence}${language}\n${body.map((l) => l + '\n').join('')}${fence}\n`);
    i = j;
  }
  flush();
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Inline Markdown (may span lines) outside code fences. */
function safeInline(text: string): string {
  const tokens = tokenize(text);
  const bracketMatch = matchPairs(tokens, 'open', 'close');
  const parenMatch = matchPairs(tokens, 'lparen', 'rparen');
  // Link closing brackets whose target is dropped: close index → index of the target's last token.
  const skips = new Map<number, number>();
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.kind) {
      case 'text':
        out += escapeText(t.text);
        break;
      case 'raw':
        out += t.text;
        break;
      case 'code':
        out += codeSpan(t.text);
        break;
      case 'bang': {
        const close = tokens[i + 1]?.kind === 'open' ? bracketMatch.get(i + 1) : undefined;
        if (close === undefined) {
          out += '!';
          break;
        }
        // An image: drop it with its description, destination or reference label, and attributes (`{width=600}`).
        i = skipTarget(tokens, close, bracketMatch, parenMatch) ?? close;
        const after = tokens[i + 1];
        if (after?.kind === 'text' && after.text.startsWith('{') && after.text.indexOf('}') > 0) {
          tokens[i + 1] = { kind: 'text', text: after.text.slice(after.text.indexOf('}') + 1) };
        }
        break;
      }
      case 'open': {
        const close = bracketMatch.get(i);
        const end = close === undefined ? undefined : skipTarget(tokens, close, bracketMatch, parenMatch);
        if (close !== undefined && end !== undefined) {
          // A link: keep its text, drop the target. The closing bracket and target are skipped below.
          skips.set(close, end);
          break;
        }
        out += '\\[';
        break;
      }
      case 'close': {
        const end = skips.get(i);
        if (end !== undefined) {
          i = end;
          break;
        }
        out += '\\]';
        break;
      }
      case 'lparen':
        out += '(';
        break;
      case 'rparen':
        out += ')';
        break;
    }
  }
  return out;
}

/** After `]` at `close`: the last token of a `(destination)` or `[label]` that follows, if any. */
function skipTarget(tokens: Token[], close: number, brackets: Map<number, number>, parens: Map<number, number>): number | undefined {
  const next = tokens[close + 1];
  if (next?.kind === 'lparen') return parens.get(close + 1);
  if (next?.kind === 'open') return brackets.get(close + 1);
  return undefined;
}

/** Pairs of openers and closers, matched with a stack (innermost first): opener index → closer index. */
function matchPairs(tokens: Token[], opener: Token['kind'], closer: Token['kind']): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind === opener) stack.push(i);
    else if (tokens[i].kind === closer && stack.length) pairs.set(stack.pop()!, i);
  }
  return pairs;
}

/** One left-to-right pass: backslash escapes, code spans, HTML tags and autolinks, brackets and parentheses. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const closers = new BacktickClosers(text);
  let plain = '';
  const push = (token: Token) => {
    if (plain) tokens.push({ kind: 'text', text: plain });
    plain = '';
    tokens.push(token);
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && ASCII_PUNCTUATION.test(text[i + 1])) {
      push({ kind: 'raw', text: text.slice(i, i + 2) });
      i += 2;
    } else if (c === '`') {
      let k = 1;
      while (text[i + k] === '`') k++;
      const closing = closers.next(k, i + k);
      if (closing >= 0) {
        push({ kind: 'code', text: text.slice(i + k, closing) });
        i = closing + k;
      } else {
        plain += '`'.repeat(k);
        i += k;
      }
    } else if (c === '<') {
      const end = angleEnd(text, i);
      if (end < 0) {
        plain += '<';
        i++;
      } else {
        const inner = text.slice(i + 1, end);
        // An autolink shows its address as text; an HTML tag or comment goes.
        if (/^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*$/.test(inner) || /^[^\s<>@]+@[^\s<>@]+$/.test(inner)) plain += inner;
        i = end + 1;
      }
    } else if (c === '[' || c === ']' || c === '(' || c === ')' || (c === '!' && text[i + 1] === '[')) {
      push({ kind: c === '[' ? 'open' : c === ']' ? 'close' : c === '(' ? 'lparen' : c === ')' ? 'rparen' : 'bang' });
      i++;
    } else {
      plain += c;
      i++;
    }
  }
  if (plain) tokens.push({ kind: 'text', text: plain });
  return tokens;
}

/**
 * Where the code span opened by a run of k backticks closes: the next run of exactly k backticks.
 * One cursor per run length, only moving forward as the scan does, so all look-ups together are linear.
 */
class BacktickClosers {
  private readonly byLength = new Map<number, number[]>();
  private readonly cursor = new Map<number, number>();

  constructor(text: string) {
    for (let i = text.indexOf('`'); i >= 0; i = text.indexOf('`', i)) {
      let k = 1;
      while (text[i + k] === '`') k++;
      const starts = this.byLength.get(k) ?? [];
      starts.push(i);
      this.byLength.set(k, starts);
      i += k;
    }
  }

  /** Start of the first run of exactly `length` backticks at or after `from`, or -1. */
  next(length: number, from: number): number {
    const starts = this.byLength.get(length);
    if (!starts) return -1;
    let c = this.cursor.get(length) ?? 0;
    while (c < starts.length && starts[c] < from) c++;
    this.cursor.set(length, c);
    return c < starts.length ? starts[c] : -1;
  }
}

/** The `>` that ends a tag or autolink opened at `start`, or -1. Stops at the next `<`, so scans do not overlap. */
function angleEnd(text: string, start: number): number {
  const next = text[start + 1];
  if (!next || !/[A-Za-z/!?]/.test(next)) return -1;
  for (let j = start + 1; j < text.length; j++) {
    if (text[j] === '>') return j;
    if (text[j] === '<') return -1;
  }
  return -1;
}

/** Plain text: characters that could start a link, autolink, HTML, code or theme icon are escaped. */
function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // `>` stays (block quotes): with every `<` escaped it can close nothing.
    if (c === '<' || c === '[' || c === ']' || c === ':' || c === '@' || c === '$' || c === '`' || c === '\\') out += '\\' + c;
    else if (c === '.' && i >= 3 && text.slice(i - 3, i).toLowerCase() === 'www') out += '\\.';
    else out += c;
  }
  return out;
}

/** Inline code on one line with single backticks, so no context can read it as a fence; with backticks inside, plain text. */
function codeSpan(content: string): string {
  const oneLine = content.replace(/\n/g, ' ');
  if (!oneLine.trim()) return escapeText(oneLine);
  if (oneLine.includes('`')) return escapeText(oneLine);
  return '`' + oneLine + '`';
}
