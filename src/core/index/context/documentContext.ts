import type { Topic } from '../../model';
import { lineFacts, type LineFacts } from './lineFacts';
import { C_FAMILY, JS_FAMILY, PROSE_LANGUAGES, SIGNALS } from './signals';

/**
 * What a document is about, computed once per document version: the topics whose terms may explain its identifiers,
 * the kinds of file it is (`kernel`, `kubernetes-manifest`, `browser`…) and how its lines are written.
 */
export interface DocumentContext {
  languageId: string;
  /** Prose (Markdown, plain text): every topic fits and words are matched as in the notes. */
  prose: boolean;
  /** YAML keys and values are read as such (`kind: Deployment`). */
  yaml: boolean;
  topics: ReadonlySet<Topic>;
  kinds: ReadonlySet<string>;
  syntax: LineSyntax;
  /** Why each topic or kind was chosen, for `inspect` and tests. */
  reasons: string[];
  /**
   * Multi-document YAML: from which 0-based line each `---` document starts, with the context of that document alone
   * (an Ingress's `rules` are not a Role's). See contextAtLine.
   */
  parts?: Array<{ fromLine: number; context: DocumentContext }>;
  /** Facts a single line cannot tell (block comments across lines, YAML parent keys), by 0-based line. */
  lines?: LineFacts;
}

/** The context that applies on one 0-based line (the YAML document it is in), or the whole document's. */
export function contextAtLine(context: DocumentContext, line: number): DocumentContext {
  const parts = context.parts;
  if (!parts?.length) return context;
  let lo = 0;
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (parts[mid].fromLine <= line) lo = mid;
    else hi = mid - 1;
  }
  return parts[lo].fromLine <= line ? parts[lo].context : context;
}

/** How comments and strings are written, for telling code from literals on one line. */
export interface LineSyntax {
  lineComment: string[];
  quotes: string;
  /** `'` starts a lifetime or a char, not a string (Rust). */
  blockCommentLines: boolean;
}

/** What the context needs to know of the glossary: identifiers that give a topic away when a document uses them. */
export interface Vocabulary {
  topicOfIdentifier(identifier: string): Topic | undefined;
  /** Changes whenever the glossary does: part of the cache key. */
  readonly generation: number;
}

// Signals are looked for in the head of a document (imports, apiVersion/kind) and vocabulary in a bounded prefix: a
// huge generated file costs the same as a large one.
const HEAD_CHARS = 64 * 1024;
const VOCABULARY_CHARS = 256 * 1024;
/** Distinct telling identifiers of a topic that make it fit a document whose language does not say so. */
const VOCABULARY_THRESHOLD = 2;

const HASH_COMMENT = new Set([
  'python',
  'shellscript',
  'bash',
  'sh',
  'zsh',
  'yaml',
  'helm',
  'dockerfile',
  'ruby',
  'perl',
  'makefile',
  'toml',
  'properties',
  'ini',
  'r',
  'powershell',
  'nginx',
  'apacheconf',
  'dotenv',
]);

export function documentContext(languageId: string, text: string, vocabulary?: Vocabulary): DocumentContext {
  const lang = languageId.toLowerCase();
  const prose = PROSE_LANGUAGES.has(lang);
  const topics = new Set<Topic>();
  const kinds = new Set<string>();
  const reasons: string[] = [];
  if (prose) {
    for (const t of ['os', 'kubernetes', 'webrtc', 'web', 'java', 'other'] as Topic[]) topics.add(t);
    return {
      languageId: lang,
      prose,
      yaml: false,
      topics,
      kinds: new Set(['prose']),
      syntax: syntaxOf(lang),
      reasons: ['prose: every topic'],
    };
  }
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  for (const signal of SIGNALS) {
    if (signal.languages && !signal.languages.includes(lang)) continue;
    if (signal.pattern && !signal.pattern.test(head)) continue;
    if (signal.allOf && !signal.allOf.every((p) => p.test(head))) continue;
    for (const t of signal.topics ?? []) topics.add(t);
    for (const k of signal.kinds ?? []) kinds.add(k);
    reasons.push(`${[...(signal.topics ?? []), ...(signal.kinds ?? [])].join('+')}: ${signal.why}`);
  }
  if (kinds.has('kubernetes-manifest')) {
    // Fields mean different things in different kinds (`rules` of an Ingress or of a Role): every kind in the file.
    for (const m of head.matchAll(/^\s*kind:\s*([A-Z]\w*)/gm)) kinds.add(`k8s:${m[1]}`);
  }
  if (C_FAMILY.includes(lang) && !kinds.has('kernel')) kinds.add('userspace');
  if (JS_FAMILY.includes(lang) && !kinds.has('browser') && /\b(?:document|window|navigator)\./.test(head)) kinds.add('browser');
  if (vocabulary) {
    for (const [topic, identifiers] of vocabularyOf(text, vocabulary)) {
      if (topics.has(topic) || identifiers.size < VOCABULARY_THRESHOLD) continue;
      topics.add(topic);
      reasons.push(`${topic}: uses ${[...identifiers].slice(0, 4).join(', ')}`);
    }
  }
  kinds.add(`lang:${lang}`);
  const yaml = lang === 'yaml' || lang === 'helm';
  const syntax = syntaxOf(lang);
  const whole: DocumentContext = { languageId: lang, prose, yaml, topics, kinds, syntax, reasons, lines: lineFacts(text, syntax, yaml) };
  if (kinds.has('kubernetes-manifest')) whole.parts = manifestParts(text, whole);
  return whole;
}

/** One context per `---` document, each knowing only its own top-level `kind:`. One pass over the text. */
function manifestParts(text: string, whole: DocumentContext): DocumentContext['parts'] {
  const generic = new Set([...whole.kinds].filter((k) => !k.startsWith('k8s:')));
  const parts: NonNullable<DocumentContext['parts']> = [];
  let fromLine = 0;
  let kind: string | undefined;
  const close = () => {
    const kinds = new Set(generic);
    if (kind) kinds.add(`k8s:${kind}`);
    parts.push({ fromLine, context: { ...whole, kinds, parts: undefined } });
  };
  let line = 0;
  for (let at = 0; at <= text.length; line++) {
    const end = text.indexOf('\n', at);
    const lineText = text.slice(at, end === -1 ? text.length : end);
    if (/^---(?:\s|$)/.test(lineText)) {
      close();
      fromLine = line + 1;
      kind = undefined;
    } else if (!kind) {
      kind = /^kind:\s*([A-Z]\w*)/.exec(lineText)?.[1];
    }
    if (end === -1) break;
    at = end + 1;
  }
  close();
  return parts.length > 1 ? parts : undefined;
}

function vocabularyOf(text: string, vocabulary: Vocabulary): Map<Topic, Set<string>> {
  const found = new Map<Topic, Set<string>>();
  const body = text.length > VOCABULARY_CHARS ? text.slice(0, VOCABULARY_CHARS) : text;
  const seen = new Set<string>();
  for (const m of body.matchAll(/[A-Za-z_$][\w$]{4,}/g)) {
    const word = m[0];
    if (seen.has(word)) continue;
    seen.add(word);
    const topic = vocabulary.topicOfIdentifier(word);
    if (!topic) continue;
    let set = found.get(topic);
    if (!set) found.set(topic, (set = new Set()));
    set.add(word);
  }
  return found;
}

function syntaxOf(lang: string): LineSyntax {
  if (HASH_COMMENT.has(lang))
    return { lineComment: ['#'], quotes: lang === 'yaml' || lang === 'helm' ? '' : `"'`, blockCommentLines: false };
  if (lang === 'rust') return { lineComment: ['//'], quotes: '"', blockCommentLines: true };
  if (lang === 'go') return { lineComment: ['//'], quotes: '"`\'', blockCommentLines: true };
  if (lang === 'sql' || lang === 'lua' || lang === 'haskell') return { lineComment: ['--'], quotes: `"'`, blockCommentLines: false };
  return { lineComment: ['//'], quotes: `"'\``, blockCommentLines: true };
}

/**
 * Document contexts by document and version: the hover asks for every position, the context is computed once per
 * edit. Bounded, least recently used first out.
 */
export class DocumentContextCache {
  private readonly entries = new Map<string, { version: number; generation: number; context: DocumentContext }>();
  constructor(private readonly capacity = 32) {}

  get(key: string, version: number, generation: number, compute: () => DocumentContext): DocumentContext {
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.generation === generation) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.context;
    }
    const context = compute();
    this.entries.delete(key);
    this.entries.set(key, { version, generation, context });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return context;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
