import type { Topic } from '../model';
import { termKey } from '../text';
import type { Glossary, GlossaryEntry } from './glossary';
import type { CodeForm } from './glossaryScope';

/** A glossary entry written with punctuation (`stun:`, `typ host`, `kubectl get`, `List.copyOf`): found as text on the line. */
export interface GlossaryPattern {
  entry: GlossaryEntry;
  /** Lower-case text to find. */
  text: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const YAML_PAIR = /^([A-Za-z_][\w.-]*)\s*:\s+(\S.*)$/;
// Topics whose glossary identifiers, used in a document, tell what the document is about. Java and web names
// (toString, WebSocket…) turn up in too much ordinary code to count.
const TELLING_TOPICS = new Set<Topic>(['os', 'kubernetes', 'webrtc']);

/** Glossary entries by key, by the words of their patterns, and its telling identifiers: built once per glossary set. */
export class GlossaryLookup {
  readonly generation: number;
  private readonly senses = new Map<string, GlossaryEntry[]>();
  private readonly patterns = new Map<string, GlossaryPattern[]>();
  private readonly telling = new Map<string, Topic>();
  private static generations = 0;

  constructor(glossaries: readonly Glossary[] = []) {
    this.generation = ++GlossaryLookup.generations;
    for (const g of glossaries) for (const entry of g.entries) this.add(entry);
    // More specific senses first: a scoped sense is tried before the unscoped one.
    for (const list of this.senses.values()) list.sort((a, b) => specificity(b) - specificity(a));
  }

  private add(entry: GlossaryEntry): void {
    const code = entry.code.trim();
    const key = glossaryKey(code);
    push(this.senses, key, entry);
    if (!IDENTIFIER.test(code) && !YAML_PAIR.test(code) && !/^@[A-Za-z_]\w*$/.test(code)) {
      const text = code.toLowerCase();
      for (const w of new Set(text.match(/[a-z0-9_$]{2,}/g) ?? [])) push(this.patterns, w, { entry, text });
    }
    if (TELLING_TOPICS.has(entry.topic) && isTelling(code) && !entry.scope?.forms?.every((f) => f === 'key' || f === 'value')) {
      const previous = this.telling.get(code);
      this.telling.set(code, previous && previous !== entry.topic ? ('other' as Topic) : entry.topic);
    }
  }

  /** Senses of an identifier, a `key:value` pair or an `@Annotation`, most specific first. */
  sensesOf(key: string): readonly GlossaryEntry[] {
    return this.senses.get(key) ?? NONE;
  }
  firstTarget(key: string): string | undefined {
    const list = this.senses.get(key);
    if (!list) return undefined;
    return (list.find((e) => !e.scope) ?? list[0]).term;
  }
  patternsWith(word: string): readonly GlossaryPattern[] {
    return this.patterns.get(word.toLowerCase()) ?? NONE;
  }
  topicOfIdentifier(identifier: string): Topic | undefined {
    const topic = this.telling.get(identifier);
    return topic === 'other' ? undefined : topic;
  }
}

const NONE: readonly never[] = [];

/** `pthread_mutex_lock`, `RTCPeerConnection`, `setLocalDescription`: names nobody writes by accident. */
export function isTelling(code: string): boolean {
  return IDENTIFIER.test(code) && code.length >= 6 && (/[a-z0-9]_[a-z]/i.test(code) || /[a-z][A-Z]/.test(code));
}

/** Forms an unscoped entry accepts: anywhere in code, and as a member only when its name is telling. */
export function defaultForms(code: string): readonly CodeForm[] {
  if (code.startsWith('@')) return ['annotation'];
  return isTelling(code) ? ALL_BUT_STRING : NOT_MEMBER;
}
const ALL_BUT_STRING: readonly CodeForm[] = ['call', 'type', 'member', 'word', 'key', 'value'];
const NOT_MEMBER: readonly CodeForm[] = ['call', 'type', 'word', 'key', 'value'];

function specificity(e: GlossaryEntry): number {
  const s = e.scope;
  if (!s) return 0;
  return (s.under ? 8 : 0) + (s.files ? 4 : 0) + (s.languages ? 2 : 0) + (s.forms ? 1 : 0);
}

export function glossaryKey(code: string): string {
  if (code.startsWith('@')) return `@${termKey(code.slice(1))}`;
  const colon = code.indexOf(':');
  if (colon > 0) return `${termKey(code.slice(0, colon))}:${termKey(code.slice(colon + 1))}`;
  return termKey(code);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
