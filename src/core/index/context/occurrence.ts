import type { CodeForm } from '../glossaryScope';
import type { LineSyntax } from './documentContext';

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** The word under the cursor and how it is written: the form decides which glossary senses may explain it. */
export interface Occurrence {
  words: Word[];
  at: number;
  word: Word;
  form: CodeForm;
  /** Also a call when written as a member (`pc.getStats()`). */
  call: boolean;
  inComment: boolean;
  /** Where the string literal around the cursor starts and ends, when it is in one. */
  string?: { start: number; end: number };
}

const WORD_CHAR = /[\p{L}\p{N}_$]/u;
const CODE_WORDS = /[\p{L}\p{N}_$]+/gu;
const HYPHEN_WORDS = /[\p{L}\p{N}_$]+(?:-[\p{L}\p{N}_$]+)*/gu;
// Before a type name in declarations, after which the identifier names a type.
const TYPE_BEFORE = /(?:\bstruct|\benum|\bunion|\bnew|\bclass|\bextends|\bimplements|\binstanceof|\bas|\bsizeof\s*\(|[:<]|\(\s*)\s*$/;

// `os.fork()`, `syscall.Kill`, `unix.Mmap`: members of a systems module are the calls themselves, not some object's.
const SYSTEM_MODULE = /(?:^|[^\w$.])(?:os|posix|syscall|unix|libc|nix|signal|mmap|threading|multiprocessing|subprocess|_thread)\.\s*$/;

/**
 * Spans of strings and where a line comment starts, in one pass (a line, not the file: the window is short). With
 * `until`, the pass stops at the first column past it outside a string: what comes later cannot change that column.
 */
export function scanLine(line: string, syntax: LineSyntax, until = Infinity): { strings: Array<[number, number]>; commentAt: number } {
  const strings: Array<[number, number]> = [];
  let quote = '';
  let from = 0;
  const trimmed = line.trimStart();
  // `#include <sys/wait.h>`: a path, read like a string.
  const include = syntax.blockCommentLines ? /^#\s*(?:include|import)\s*/.exec(trimmed) : null;
  if (include) {
    const from = line.length - trimmed.length + include[0].length;
    return { strings: [[from - 1, line.length]], commentAt: -1 };
  }
  if (syntax.blockCommentLines && (trimmed.startsWith('*') || trimmed.startsWith('/*')))
    return { strings, commentAt: line.length - trimmed.length };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (!quote && i >= until) return { strings, commentAt: -1 };
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) {
        strings.push([from, i + 1]);
        quote = '';
      }
      continue;
    }
    if (syntax.quotes.includes(ch)) {
      quote = ch;
      from = i;
      continue;
    }
    for (const c of syntax.lineComment)
      if (line.startsWith(c, i) && (c !== '#' || i === 0 || /\s/.test(line[i - 1])))
        return { strings: [...strings, ...quotedInComment(line, i, syntax)], commentAt: i };
    if (syntax.blockCommentLines && ch === '/' && line[i + 1] === '*')
      return { strings: [...strings, ...quotedInComment(line, i, syntax)], commentAt: i };
  }
  if (quote) strings.push([from, line.length]);
  return { strings, commentAt: -1 };
}

/**
 * Quoted text inside a comment (commented-out code: `// { urls: 'turn:host' }`). A quote opens only after a non-letter
 * and closes only before one, so the apostrophes of English (`it's`, `scheduler's`) are not strings.
 */
function quotedInComment(line: string, from: number, syntax: LineSyntax): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let i = from; i < line.length; i++) {
    const q = line[i];
    if (!syntax.quotes.includes(q) || /[\p{L}\p{N}]/u.test(line[i - 1] ?? '')) continue;
    let j = line.indexOf(q, i + 1);
    while (j !== -1 && /[\p{L}\p{N}]/u.test(line[j + 1] ?? '')) j = line.indexOf(q, j + 1);
    if (j === -1) break;
    found.push([i, j + 1]);
    i = j;
  }
  return found;
}

/** `proseLine`: the whole line is comment or embedded text (inside a block comment begun on an earlier line). */
export function occurrenceAt(
  line: string,
  column: number,
  syntax: LineSyntax,
  hyphenated: boolean,
  proseLine = false,
): Occurrence | undefined {
  let col = column;
  if (col < 0 || col >= line.length || !WORD_CHAR.test(line[col])) {
    // The cursor may sit just after a word (end of selection): look one to the left.
    if (col > 0 && WORD_CHAR.test(line[col - 1] ?? '')) col -= 1;
    else return undefined;
  }
  const near = wordsNear(line, col, hyphenated);
  if (!near) return undefined;
  const { words, at } = near;
  const word = words[at];
  const { strings, commentAt } = proseLine ? { strings: quotedInComment(line, 0, syntax), commentAt: 0 } : scanLine(line, syntax, word.end);
  const inComment = commentAt !== -1 && word.start >= commentAt;
  const span = strings.find(([s, e]) => word.start > s && word.start < e);
  const commentedCode = inComment && !!span;
  const before = line.slice(Math.max(0, word.start - 24), word.start);
  const after = line.slice(word.end, word.end + 24);
  // In prose a parenthesis after a space opens an aside (`ready (accepting connections)`), not arguments.
  const call = inComment ? /^(?:\(|\s+\((?![A-Za-z]))/.test(after) : /^\s*\(/.test(after);
  let form: CodeForm;
  if (span) form = 'string';
  else if (before.endsWith('@')) form = 'annotation';
  else if (/(?:\.|->)\s*$/.test(before) && !/\.\.\s*$/.test(before) && !SYSTEM_MODULE.test(before)) form = 'member';
  else if (call) form = 'call';
  else if (
    TYPE_BEFORE.test(before) ||
    /^\s*(?:\*+\s*)?[A-Za-z_]\w*\s*[;,=)[]/.test(after) ||
    /^\s*(?:<|\[\]|&)/.test(after) ||
    /^\s+[A-Za-z_]\w*\s*$/.test(after)
  )
    form = 'type';
  else form = 'word';
  return {
    words,
    at,
    word,
    form,
    call,
    inComment: inComment && !commentedCode,
    string: span ? { start: span[0], end: span[1] } : undefined,
  };
}

// Multi-word terms span at most three words, so two words on either side of the cursor's are all a match can use.
const NEIGHBOURS = 2;

/**
 * The word under `col` and up to NEIGHBOURS words on either side, as the word pattern reads them over the whole line.
 * Only that stretch is read, so the cost does not grow with the line (a minified line holds hundreds of words).
 */
function wordsNear(line: string, col: number, hyphenated: boolean): { words: Word[]; at: number } | undefined {
  // By code point, as the word pattern reads (`𝑥` is a letter in two UTF-16 units).
  const before = (i: number) => (i >= 2 && /[\uDC00-\uDFFF]/.test(line[i - 1]) && /[\uD800-\uDBFF]/.test(line[i - 2]) ? i - 2 : i - 1);
  const after = (i: number) => i + (line.codePointAt(i)! > 0xffff ? 2 : 1);
  const isWord = (i: number) => i >= 0 && i < line.length && WORD_CHAR.test(String.fromCodePoint(line.codePointAt(i)!));
  // A hyphen joins two words into one only in hyphenated text (YAML keys, shell flags).
  const joins = (i: number) => hyphenated && line[i] === '-' && i > 0 && isWord(before(i)) && isWord(i + 1);
  const wordBefore = (i: number) => i > 0 && (isWord(before(i)) || joins(i - 1));
  let lo = col;
  for (let n = 0; n <= NEIGHBOURS && lo > 0; n++) {
    if (n > 0) while (lo > 0 && !wordBefore(lo)) lo = before(lo);
    while (wordBefore(lo)) lo = before(lo);
  }
  let hi = col;
  for (let n = 0; n <= NEIGHBOURS && hi < line.length; n++) {
    if (n > 0) while (hi < line.length && !isWord(hi) && !joins(hi)) hi = after(hi);
    while (hi < line.length && (isWord(hi) || joins(hi))) hi = after(hi);
  }
  const words: Word[] = [];
  let at = -1;
  for (const m of line.slice(lo, hi).matchAll(hyphenated ? HYPHEN_WORDS : CODE_WORDS)) {
    const start = lo + m.index!;
    const end = start + m[0].length;
    if (start <= col && col < end) at = words.length;
    words.push({ text: m[0], start, end });
  }
  return at === -1 ? undefined : { words, at };
}
