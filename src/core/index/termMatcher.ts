import { hasHangul, splitIdentifier, stripParticles, termKey } from '../text';
import type { DocumentContext } from './context/documentContext';
import { matchInContext, type ContextResolver } from './context/contextMatcher';
import { SHARED_COMMON_CODE_WORDS } from './commonCodeWords';

/** What the matcher needs from the index: term and glossary look-ups by normalised key. */
export interface TermResolver {
  hasTerm(key: string): boolean;
  /** Glossary target for a code identifier or `key:value` pattern key, already normalised. */
  glossaryTarget(key: string): string | undefined;
}

export interface MatchedWord {
  /** The term key to show. */
  key: string;
  /** The text in the code that matched, e.g. `fork`, `kind: Deployment`. */
  matched: string;
  /** 0-based [start, end) columns of the matched text on the line. */
  start: number;
  end: number;
  viaGlossary: boolean;
}

const WORD = /[\p{L}\p{N}_$]/u;
const WINDOW = 200;
// Words too common in code to explain unless the glossary names them explicitly.
const COMMON_CODE_WORDS = new Set([
  ...SHARED_COMMON_CODE_WORDS,
  'string',
  'number',
  'this',
  'self',
  'return',
  'var',
  'let',
  'const',
  'int',
  'void',
  'char',
  'true',
  'false',
  'null',
  'and',
  'for',
  'if',
  'else',
  'a',
  'an',
  'in',
  'is',
  'do',
]);
const YAML_LINE = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*)(\s*:\s*)([^#]*?)\s*(?:#.*)?$/;

/**
 * Find the explained term under `column` (0-based) of one line of code or prose. With a document context (code), the
 * context decides which topics, glossary senses and forms may explain a word; without one, or in prose, every term
 * matches as in the notes (the baseline the hover benchmark compares against).
 */
export function matchTermAt(
  lineText: string,
  column: number,
  resolver: TermResolver & Partial<ContextResolver>,
  context?: DocumentContext,
  lineNumber?: number,
): MatchedWord | undefined {
  let offset = 0;
  let line = lineText;
  if (line.length > WINDOW * 2) {
    offset = Math.max(0, column - WINDOW);
    line = line.slice(offset, column + WINDOW);
  }
  const col = column - offset;
  const shift = (m: MatchedWord | undefined) => (m && offset ? { ...m, start: m.start + offset, end: m.end + offset } : m);
  if (context && !context.prose && resolver.glossary && resolver.hasTermIn)
    return shift(matchInContext(line, col, context, resolver as ContextResolver, lineNumber));
  return shift(matchYaml(line, col, resolver) ?? matchWords(line, col, resolver));
}

function matchYaml(line: string, col: number, resolver: TermResolver): MatchedWord | undefined {
  const m = line.match(YAML_LINE);
  if (!m) return undefined;
  const keyStart = m[1].length;
  const keyEnd = keyStart + m[2].length;
  const valueStart = keyEnd + m[3].length;
  const value = m[4].replace(/^["']|["']$/g, '');
  const valueEnd = valueStart + m[4].length;
  const inKey = col >= keyStart && col < keyEnd;
  const inValue = value.length > 0 && col >= valueStart && col < valueEnd;
  if (!inKey && !inValue) return undefined;
  const lastKey = m[2].split('.').pop()!;
  if (value) {
    const pairTarget = resolver.glossaryTarget(`${termKey(lastKey)}:${termKey(value)}`);
    if (pairTarget && resolver.hasTerm(termKey(pairTarget))) {
      return { key: termKey(pairTarget), matched: `${lastKey}: ${value}`, start: keyStart, end: valueEnd, viaGlossary: true };
    }
  }
  if (inKey) {
    const target = resolver.glossaryTarget(termKey(lastKey));
    if (target && resolver.hasTerm(termKey(target)))
      return { key: termKey(target), matched: lastKey, start: keyStart, end: keyEnd, viaGlossary: true };
    return undefined; // other keys: fall through to ordinary word matching
  }
  return undefined;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsAround(line: string, col: number): { words: Word[]; at: number } | undefined {
  if (col < 0 || col >= line.length || !WORD.test(line[col])) {
    // The cursor may sit just after a word (end of selection): look one to the left.
    if (col > 0 && WORD.test(line[col - 1] ?? '')) col -= 1;
    else return undefined;
  }
  const words: Word[] = [];
  let at = -1;
  const re = /[\p{L}\p{N}_$]+(?:-[\p{L}\p{N}_$]+)*/gu;
  for (const m of line.matchAll(re)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (start <= col && col < end) at = words.length;
    words.push({ text: m[0], start, end });
  }
  return at === -1 ? undefined : { words, at };
}

function matchWords(line: string, col: number, resolver: TermResolver): MatchedWord | undefined {
  const found = wordsAround(line, col);
  if (!found) return undefined;
  const { words, at } = found;
  const word = words[at];
  const found1 = (key: string, matched: string, start: number, end: number, viaGlossary = false): MatchedWord => ({
    key,
    matched,
    start,
    end,
    viaGlossary,
  });

  // 1. The glossary names code identifiers explicitly.
  const target = resolver.glossaryTarget(termKey(word.text));
  if (target && resolver.hasTerm(termKey(target))) return found1(termKey(target), word.text, word.start, word.end, true);

  // 2. Multi-word terms around the cursor ("Round Robin", "교착 상태는"), longest first.
  for (let span = 3; span >= 2; span--) {
    for (let first = Math.max(0, at - span + 1); first <= at && first + span <= words.length; first++) {
      const group = words.slice(first, first + span);
      if (group.some((w, i) => i > 0 && w.start - group[i - 1].end > 1)) continue;
      const hit = resolveWord(group.map((w) => w.text).join(' '), resolver);
      if (hit) return found1(hit, line.slice(group[0].start, group[span - 1].end), group[0].start, group[span - 1].end);
    }
  }

  // 3. The word itself, with Korean particles stripped.
  if (!COMMON_CODE_WORDS.has(word.text.toLowerCase())) {
    const hit = resolveWord(word.text, resolver);
    if (hit) return found1(hit, word.text, word.start, word.end);
  }

  // 4. Parts of an identifier: pthread_mutex_lock → mutex lock → mutex.
  const parts = splitIdentifier(word.text);
  if (parts.length > 1) {
    for (let span = parts.length - 1; span >= 1; span--) {
      for (let first = 0; first + span <= parts.length; first++) {
        const piece = parts.slice(first, first + span).join(' ');
        if (span === 1 && (piece.length < 3 || COMMON_CODE_WORDS.has(piece.toLowerCase()))) continue;
        const viaGlossary = resolver.glossaryTarget(termKey(piece));
        if (viaGlossary && resolver.hasTerm(termKey(viaGlossary)))
          return found1(termKey(viaGlossary), word.text, word.start, word.end, true);
        const hit = resolveWord(piece, resolver);
        if (hit) return found1(hit, word.text, word.start, word.end);
      }
    }
  }
  return undefined;
}

function resolveWord(text: string, resolver: TermResolver): string | undefined {
  const key = termKey(text);
  if (key.length >= 2 && resolver.hasTerm(key)) return key;
  if (hasHangul(text)) {
    for (const stem of stripParticles(text)) {
      const k = termKey(stem);
      if (resolver.hasTerm(k)) return k;
    }
  }
  return undefined;
}
