import type { Topic } from '../../model';
import { hasHangul, splitIdentifier, stripParticles, termKey } from '../../text';
import type { GlossaryEntry } from '../glossary';
import { defaultForms, glossaryKey, isTelling, type GlossaryLookup } from '../glossaryLookup';
import type { CodeForm } from '../glossaryScope';
import type { DocumentContext } from './documentContext';
import { occurrenceAt, type Occurrence, type Word } from './occurrence';
import { KEYWORDS } from './signals';
import { SHARED_COMMON_CODE_WORDS } from '../commonCodeWords';

/** What the context matcher asks of the index. */
export interface ContextResolver {
  readonly glossary: GlossaryLookup;
  /** Does a note explain this key under one of these topics? */
  hasTermIn(key: string, topics: ReadonlySet<Topic>): boolean;
  hasTerm(key: string): boolean;
}

export interface ContextMatch {
  key: string;
  matched: string;
  start: number;
  end: number;
  viaGlossary: boolean;
}

// Too common in code to be explained by a note's word, whatever the notes say.
const COMMON_CODE_WORDS = new Set([
  ...SHARED_COMMON_CODE_WORDS,
  'run',
  'start',
  'stop',
  'init',
  'open',
  'close',
  'read',
  'write',
  'send',
  'event',
  'events',
  'handler',
  'request',
  'response',
  'service',
  'server',
  'client',
  'controller',
  'model',
  'view',
  'user',
  'owner',
  'config',
  'options',
  'context',
  'table',
  'entry',
  'buffer',
  'lock',
  'wait',
  'signal',
  'exit',
  'task',
  'job',
  'queue',
  'stack',
  'heap',
  'memory',
  'process',
  'thread',
  'port',
  'host',
  'label',
  'labels',
  'template',
  'image',
  'record',
  'records',
  'track',
  'tracks',
  'stream',
  'channel',
  'candidate',
  'offer',
  'answer',
  'peer',
  'media',
  'ready',
  'running',
  'mode',
  'path',
  'url',
  'body',
  'args',
  'env',
  'spec',
  'kind',
  'types',
  'source',
  'target',
  'cpu',
  'cpus',
  // Everyday English the notes also use as terms (`create`와 `apply`, 대기 상태(Waiting), WAS, TURN): in code and
  // comments these are words, not the concept.
  'apply',
  'create',
  'destroy',
  'program',
  'waiting',
  'terminated',
  'turn',
  'was',
  'top',
  'nice',
  'dispatch',
  'equal',
  'equals',
  'mixing',
  'recording',
  'protection',
  'communication',
  'tradeoff',
]);
const MIN_PART = 4;
// Words that begin or end a phrase in prose, never a multi-word term (`to p` is not `top`).
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'to', 'of', 'on', 'in', 'at', 'by', 'for', 'and', 'or', 'is', 'it', 'as', 'if', 'be']);

/** The term under the cursor when the document's context decides which topics, senses and forms may explain it. */
export function matchInContext(
  line: string,
  column: number,
  context: DocumentContext,
  resolver: ContextResolver,
  lineNumber?: number,
): ContextMatch | undefined {
  const yamlish = context.yaml || context.kinds.has('lang:shellscript') || context.kinds.has('lang:dockerfile');
  const facts = lineNumber === undefined ? undefined : context.lines;
  const occ = occurrenceAt(line, column, context.syntax, yamlish, !!facts?.proseLines?.has(lineNumber!));
  if (!occ) return undefined;
  const pattern = matchPattern(line, occ, context, resolver);
  if (pattern) return pattern;
  if (occ.form === 'string') {
    // Only senses the glossary writes for string literals (`'recvonly'`): other words in strings are text.
    const entry = pickSense(resolver, glossaryKey(occ.word.text), context, 'string');
    return entry && { key: termKey(entry.term), matched: occ.word.text, start: occ.word.start, end: occ.word.end, viaGlossary: true };
  }
  if (occ.form === 'annotation') {
    const entry = pickSense(resolver, `@${termKey(occ.word.text)}`, context, 'annotation');
    return (
      entry && { key: termKey(entry.term), matched: `@${occ.word.text}`, start: occ.word.start - 1, end: occ.word.end, viaGlossary: true }
    );
  }
  if (context.yaml && !occ.inComment) {
    const yaml = matchYaml(line, occ, context, resolver, facts?.yamlParents?.[lineNumber!]);
    if (yaml !== undefined) return yaml || undefined;
  }
  return matchCodeWord(line, occ, context, resolver);
}

function matchCodeWord(line: string, occ: Occurrence, context: DocumentContext, resolver: ContextResolver): ContextMatch | undefined {
  const { word, words, at } = occ;
  const form: CodeForm = occ.inComment ? 'word' : occ.form;
  const found = (key: string, w: Word, viaGlossary: boolean, last = w): ContextMatch => ({
    key,
    matched: line.slice(w.start, last.end),
    start: w.start,
    end: last.end,
    viaGlossary,
  });

  // 1. The glossary names the identifier, in a sense that fits here. In comments, an everyday word (`wait`,
  // `signal`) is English unless written as a call.
  const entry = pickSense(resolver, glossaryKey(word.text), context, occ.inComment && occ.call ? 'call' : form, word.text);
  // Written like code: camelCase, snake_case, or in capitals as the glossary writes it (`SIGCHLD`, not a shouted `KIND`).
  const codeLike = entry && (/[a-z][A-Z]|_/.test(word.text) || (/^[A-Z0-9]+$/.test(word.text) && word.text === entry.code));
  const englishInComment = entry && occ.inComment && !occ.call && !isTelling(entry.code) && !codeLike;
  if (entry && !englishInComment) return found(termKey(entry.term), word, true);
  if (form === 'member') return undefined; // a member of some other object: not ours to explain

  // 2. In comments, words are prose: multi-word terms ("round robin"), Korean with particles.
  if (occ.inComment) {
    for (let span = 3; span >= 2; span--) {
      for (let first = Math.max(0, at - span + 1); first <= at && first + span <= words.length; first++) {
        const group = words.slice(first, first + span);
        if (group.some((w, i) => (i > 0 && group[i - 1].end + 1 !== w.start) || w.text.length < 2)) continue;
        if (FUNCTION_WORDS.has(group[0].text.toLowerCase()) || FUNCTION_WORDS.has(group[span - 1].text.toLowerCase())) continue;
        const key = noteTerm(group.map((w) => w.text).join(' '), context, resolver);
        if (key) return found(key, group[0], false, group[span - 1]);
      }
    }
  }

  // 3. The word itself, when it is no keyword or everyday name, and the glossary has not scoped this very identifier
  // to other places (its `toString` is a record's, not every class's).
  const lower = word.text.toLowerCase().replace(/^_+|_+$/g, '');
  // In code only a deliberate scope counts (`Semaphore` listed under java does not silence a C `struct semaphore`); in a
  // comment, a word the glossary gives this field but did not match here is English (`Kill the process…`).
  const scopedAway = resolver.glossary
    .sensesOf(glossaryKey(word.text))
    .some((e) => (e.scope || (occ.inComment && context.topics.has(e.topic))) && identifierKey(e.code) === identifierKey(word.text));
  if (!scopedAway && !KEYWORDS.has(lower) && !COMMON_CODE_WORDS.has(lower)) {
    const key = noteTerm(word.text, context, resolver);
    if (key) return found(key, word, false);
  }

  // 4. Parts of an identifier: my_mutex → mutex, tickslock → no; longest run of parts first.
  const parts = splitIdentifier(word.text);
  if (parts.length > 1) {
    for (let span = parts.length - 1; span >= 1; span--) {
      for (let first = 0; first + span <= parts.length; first++) {
        const piece = parts.slice(first, first + span).join(' ');
        // A three-letter suffix names the class's role by convention (MemberDto, UserDao): it counts as a part.
        const roleSuffix = span === 1 && first === parts.length - 1 && first > 0 && /^[A-Z][A-Za-z]{2}$/.test(piece);
        if (
          span === 1 &&
          ((piece.length < MIN_PART && !roleSuffix) || COMMON_CODE_WORDS.has(piece.toLowerCase()) || KEYWORDS.has(piece.toLowerCase()))
        )
          continue;
        const sense = pickSense(resolver, termKey(piece), context, 'word', parts.slice(first, first + span).join('_'));
        if (sense && !sense.scope?.forms) return found(termKey(sense.term), word, true);
        // The glossary scoped this name to other places (`toString` is a record's): no note word explains it here either.
        const senses = resolver.glossary.sensesOf(termKey(piece));
        if (senses.some((e) => e.scope) && !senses.some((e) => fits(e, context, 'word', true))) continue;
        const key = noteTerm(piece, context, resolver);
        if (key) return found(key, word, false);
      }
    }
  }
  return undefined;
}

/** `kind: StatefulSet`, `namespace:`, `imagePullPolicy: Always`: keys and values in the senses the glossary gives them. */
const YAML_LINE = /^(\s*(?:-\s+)?)([A-Za-z_][\w.-]*)(\s*:(?:\s+|$))([^#]*?)\s*(?:#.*)?$/;
function matchYaml(
  line: string,
  occ: Occurrence,
  context: DocumentContext,
  resolver: ContextResolver,
  parent: string | undefined,
): ContextMatch | null | undefined {
  const m = line.match(YAML_LINE);
  const col = occ.word.start;
  if (!m) {
    // A list item or continuation: its words are values.
    const entry = pickSense(resolver, glossaryKey(occ.word.text), context, 'value');
    return entry ? { key: termKey(entry.term), matched: occ.word.text, start: occ.word.start, end: occ.word.end, viaGlossary: true } : null;
  }
  const keyStart = m[1].length;
  const keyEnd = keyStart + m[2].length;
  const valueStart = keyEnd + m[3].length;
  const rawValue = m[4];
  const value = rawValue.replace(/^["']|["']$/g, '');
  const valueEnd = valueStart + rawValue.length;
  const lastKey = m[2].split('.').pop()!;
  const inKey = col >= keyStart && col < keyEnd;
  const inValue = value.length > 0 && col >= valueStart && col < valueEnd;
  if (value && (inKey || inValue)) {
    const pair = pickSense(resolver, `${termKey(lastKey)}:${termKey(value)}`, context, 'value');
    if (pair) return { key: termKey(pair.term), matched: `${lastKey}: ${value}`, start: keyStart, end: valueEnd, viaGlossary: true };
  }
  if (inKey) {
    const entry = pickSense(resolver, termKey(lastKey), context, 'key', undefined, parent);
    return entry ? { key: termKey(entry.term), matched: lastKey, start: keyStart, end: keyEnd, viaGlossary: true } : null;
  }
  if (inValue) {
    const entry = pickSense(resolver, glossaryKey(occ.word.text), context, 'value');
    return entry ? { key: termKey(entry.term), matched: occ.word.text, start: occ.word.start, end: occ.word.end, viaGlossary: true } : null;
  }
  return undefined;
}

/** Glossary entries written with punctuation, found as text around the cursor (`stun:`, `typ host`, `kubectl get`). */
function matchPattern(line: string, occ: Occurrence, context: DocumentContext, resolver: ContextResolver): ContextMatch | undefined {
  const candidates = resolver.glossary.patternsWith(occ.word.text);
  if (!candidates.length) return undefined;
  const lower = line.toLowerCase();
  let best: ContextMatch | undefined;
  for (const { entry, text } of candidates) {
    if (!fits(entry, context, occ.form === 'string' ? 'string' : 'word', true) || !resolver.hasTerm(termKey(entry.term))) continue;
    for (let from = Math.max(0, occ.word.start - text.length); ;) {
      const i = lower.indexOf(text, from);
      if (i === -1 || i > occ.word.start) break;
      const end = i + text.length;
      const bounded = !/[\w$]/.test(line[i - 1] ?? '') || !/[\w$]/.test(text[0]);
      const boundedEnd = !/[\w$]/.test(line[end] ?? '') || !/[\w$]/.test(text[text.length - 1]);
      if (end >= occ.word.end && bounded && boundedEnd && (!best || end - i > best.end - best.start)) {
        best = { key: termKey(entry.term), matched: line.slice(i, end), start: i, end, viaGlossary: true };
      }
      from = i + 1;
    }
  }
  return best;
}

/**
 * The first sense of `key` that fits. With `written`, the entry must name that identifier itself: term keys drop
 * underscores, but `__exit` is not `_exit` and `sig_atomic_t` does not contain `_Atomic`.
 */
function pickSense(
  resolver: ContextResolver,
  key: string,
  context: DocumentContext,
  form: CodeForm,
  written?: string,
  parent?: string,
): GlossaryEntry | undefined {
  for (const entry of resolver.glossary.sensesOf(key)) {
    if (written !== undefined && identifierKey(entry.code) !== identifierKey(written)) continue;
    if (fits(entry, context, form, false, parent) && resolver.hasTerm(termKey(entry.term))) return entry;
  }
  return undefined;
}

function identifierKey(code: string): string {
  return code.toLowerCase().replace(/[-.]/g, '');
}

/** Does a glossary sense apply to this document and this way of writing the identifier? */
export function fits(entry: GlossaryEntry, context: DocumentContext, form: CodeForm, asPattern: boolean, parent?: string): boolean {
  const scope = entry.scope;
  if (scope?.under && (parent === undefined || !scope.under.includes(parent))) return false;
  if (scope?.languages && !scope.languages.includes(context.languageId)) return false;
  if (!context.prose && !scope?.languages && !context.topics.has(entry.topic)) return false;
  if (scope?.files && !scope.files.some((f) => context.kinds.has(f))) return false;
  if (asPattern) return !scope?.forms || scope.forms.includes(form);
  return (scope?.forms ?? defaultForms(entry.code)).includes(form);
}

function noteTerm(text: string, context: DocumentContext, resolver: ContextResolver): string | undefined {
  const key = termKey(text);
  if (key.length >= 3 && resolver.hasTermIn(key, context.topics)) return key;
  if (hasHangul(text)) {
    for (const stem of stripParticles(text)) {
      const k = termKey(stem);
      if (resolver.hasTermIn(k, context.topics)) return k;
    }
  }
  return undefined;
}
