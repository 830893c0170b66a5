import { parse as parseYaml } from 'yaml';
import type { Problem, Topic } from '../model';
import { topicFromName } from '../notes/topics';
import { readGlossaryValue, type GlossaryScope } from './glossaryScope';

/** One line of the glossary: a code identifier (or a `key: value` manifest pattern) → a term in the notes. */
export interface GlossaryEntry {
  code: string;
  term: string;
  topic: Topic;
  line: number;
  /** Where the entry applies (language, file kind, form); absent: wherever its topic fits the document. */
  scope?: GlossaryScope;
}

export interface Glossary {
  file: string;
  entries: GlossaryEntry[];
  problems: Problem[];
}

/**
 * ```yaml
 * os:
 *   fork: fork
 *   pthread_mutex_lock: 뮤텍스
 * kubernetes:
 *   "kind: Deployment": Deployment
 * ```
 * A value may also be scoped, or a list of senses: `sleep: [{ term: sleep과 wakeup, files: [kernel] }, 정보 유지]`.
 */
export function parseGlossary(file: string, text: string): Glossary {
  const problems: Problem[] = [];
  const entries: GlossaryEntry[] = [];
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 50 });
  } catch (error) {
    problems.push({ file, severity: 'error', code: 'invalid-frontmatter', message: `The glossary is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : error}` });
    return { file, entries, problems };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    if (data != null) problems.push({ file, severity: 'error', code: 'parse-failed', message: 'The glossary should map topics to { code identifier: term } maps.' });
    return { file, entries, problems };
  }
  const lines = text.split('\n');
  const lineOf = (code: string) => {
    const i = lines.findIndex((l) => l.includes(code));
    return i === -1 ? 1 : i + 1;
  };
  for (const [topicName, map] of Object.entries(data as Record<string, unknown>)) {
    const topic = topicFromName(topicName) ?? 'other';
    if (!map || typeof map !== 'object' || Array.isArray(map)) {
      problems.push({ file, line: lineOf(topicName), severity: 'warning', code: 'parse-failed', message: `Glossary section "${topicName}" should be a map of code identifier → term.` });
      continue;
    }
    for (const [code, value] of Object.entries(map as Record<string, unknown>)) {
      const line = lineOf(code);
      const read = readGlossaryValue(code, value, (message) => problems.push({ file, line, severity: 'warning', code: 'parse-failed', message }));
      for (const sense of read.terms) entries.push(sense.scope ? { code: read.code, term: sense.term, topic, line, scope: sense.scope } : { code: read.code, term: sense.term, topic, line });
    }
  }
  return { file, entries, problems };
}
