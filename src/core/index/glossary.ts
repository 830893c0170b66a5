import { isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import type { Problem, Topic } from '../model';
import { topicFromName } from '../notes/topics';
import { readGlossaryValue, type GlossaryScope } from './glossaryScope';
import { LineIndex } from '../notes/positions';

import { MAX_GLOSSARY_CHARS } from './glossaryMerge';

/** Ours (shipped with the extension) or theirs (a `til-glossary.yaml` beside their notes, or a file in the settings). */
export type GlossaryOrigin = 'bundled' | 'user';

/** One line of the glossary: a code identifier (or a `key: value` manifest pattern) → a concept in the notes. */
export interface GlossaryEntry {
  code: string;
  term: string;
  topic: Topic;
  line: number;
  /** Where the entry applies (language, file kind, form); absent: wherever its topic fits the document. */
  scope?: GlossaryScope;
  origin?: GlossaryOrigin;
}

/** Names of one concept (`세마포어`, `Semaphore`): a note explaining any of them explains the concept. */
export interface GlossaryConcept {
  names: string[];
  line: number;
}

export interface Glossary {
  file: string;
  /** Absent: ours. */
  origin?: GlossaryOrigin;
  entries: GlossaryEntry[];
  concepts?: GlossaryConcept[];
  problems: Problem[];
}

/** The reserved top-level key for concept names; every other top-level key is a topic. */
export const CONCEPTS_KEY = 'concepts';

/**
 * ```yaml
 * os:
 *   fork: fork
 *   pthread_mutex_lock: 뮤텍스
 * kubernetes:
 *   "kind: Deployment": Deployment
 * concepts:
 *   뮤텍스: [Mutex]
 *   세마포어: Semaphore
 * ```
 * A value may also be scoped, or a list of senses: `sleep: [{ term: sleep과 wakeup, files: [kernel] }, 정보 유지]`.
 */
export function parseGlossary(file: string, text: string, origin: GlossaryOrigin = 'bundled'): Glossary {
  const problems: Problem[] = [];
  const entries: GlossaryEntry[] = [];
  const concepts: GlossaryConcept[] = [];
  if (text.length > MAX_GLOSSARY_CHARS) {
    problems.push({
      file,
      severity: 'error',
      code: 'too-large',
      message: `The glossary is over ${MAX_GLOSSARY_CHARS / 1048576} MB and was not read.`,
    });
    return { file, origin, entries, concepts, problems };
  }
  let data: unknown;
  let lineOfKey: KeyLines;
  try {
    // uniqueKeys: the yaml library checks each key against every earlier one (quadratic); keyLines checks once.
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length) throw doc.errors[0];
    data = doc.toJS({ maxAliasCount: 50 });
    lineOfKey = keyLines(doc.contents, new LineIndex(text));
    if (lineOfKey.duplicate)
      throw new Error(`Map keys must be unique: "${lineOfKey.duplicate.key}" again on line ${lineOfKey.duplicate.line}`);
  } catch (error) {
    problems.push({
      file,
      severity: 'error',
      code: 'invalid-frontmatter',
      message: `The glossary is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
    });
    return { file, origin, entries, concepts, problems };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    if (data != null)
      problems.push({
        file,
        severity: 'error',
        code: 'parse-failed',
        message: 'The glossary should map topics to { code identifier: term } maps.',
      });
    return { file, origin, entries, concepts, problems };
  }
  for (const [topicName, map] of Object.entries(data as Record<string, unknown>)) {
    const topic = topicFromName(topicName) ?? 'other';
    if (!map || typeof map !== 'object' || Array.isArray(map)) {
      problems.push({
        file,
        line: lineOfKey.topics.get(topicName) ?? 1,
        severity: 'warning',
        code: 'parse-failed',
        message: `Glossary section "${topicName}" should be a map of code identifier → term.`,
      });
      continue;
    }
    const codeLines = lineOfKey.codes.get(topicName);
    const lineOf = (code: string) => codeLines?.get(code) ?? lineOfKey.topics.get(topicName) ?? 1;
    if (topicName === CONCEPTS_KEY) {
      readConcepts(file, map as Record<string, unknown>, lineOf, concepts, problems);
      continue;
    }
    for (const [code, value] of Object.entries(map as Record<string, unknown>)) {
      const line = lineOf(code);
      const read = readGlossaryValue(code, value, (message) =>
        problems.push({ file, line, severity: 'warning', code: 'parse-failed', message }),
      );
      for (const sense of read.terms)
        entries.push(
          sense.scope
            ? { code: read.code, term: sense.term, topic, line, scope: sense.scope, origin }
            : { code: read.code, term: sense.term, topic, line, origin },
        );
    }
  }
  return { file, origin, entries, concepts, problems };
}

function readConcepts(
  file: string,
  map: Record<string, unknown>,
  lineOf: (s: string) => number,
  out: GlossaryConcept[],
  problems: Problem[],
): void {
  for (const [name, others] of Object.entries(map)) {
    const list = typeof others === 'string' ? [others] : Array.isArray(others) ? others : undefined;
    if (!list || !list.every((o) => typeof o === 'string' && o.trim())) {
      problems.push({
        file,
        line: lineOf(name),
        severity: 'warning',
        code: 'parse-failed',
        message: `Concept "${name}" should list its other names (text or a list of text).`,
      });
      continue;
    }
    out.push({ names: [name.trim(), ...list.map((o: string) => o.trim())], line: lineOf(name) });
  }
}

interface KeyLines {
  topics: Map<string, number>;
  codes: Map<string, Map<string, number>>;
  duplicate?: { key: string; line: number };
}

/** The line of every topic and entry key, from the YAML syntax tree (one pass, not a text search per entry). */
function keyLines(contents: unknown, lines: LineIndex): KeyLines {
  const result: KeyLines = { topics: new Map(), codes: new Map() };
  const lineOf = (node: { range?: [number, number, number] | null }) => lines.lineAt(node.range?.[0] ?? 0);
  if (!isMap(contents)) return result;
  for (const topic of (contents as YAMLMap).items) {
    if (!isScalar(topic.key)) continue;
    const name = String(topic.key.value);
    if (result.topics.has(name)) result.duplicate ??= { key: name, line: lineOf(topic.key) };
    else result.topics.set(name, lineOf(topic.key));
    if (!isMap(topic.value)) continue;
    const codes = new Map<string, number>();
    for (const entry of topic.value.items) {
      if (!isScalar(entry.key)) continue;
      const code = String(entry.key.value);
      if (codes.has(code)) result.duplicate ??= { key: code, line: lineOf(entry.key) };
      else codes.set(code, lineOf(entry.key));
    }
    result.codes.set(name, codes);
  }
  return result;
}
