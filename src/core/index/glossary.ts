import { parse as parseYaml } from 'yaml';
import type { Problem, Topic } from '../model';
import { topicFromName } from '../notes/topics';

/** One line of the glossary: a code identifier (or a `key: value` manifest pattern) → a term in the notes. */
export interface GlossaryEntry {
  code: string;
  term: string;
  topic: Topic;
  line: number;
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
    for (const [code, term] of Object.entries(map as Record<string, unknown>)) {
      if (typeof term !== 'string' || !term.trim()) {
        problems.push({ file, line: lineOf(code), severity: 'warning', code: 'parse-failed', message: `Glossary entry "${code}" should name a term (text).` });
        continue;
      }
      entries.push({ code, term: term.trim(), topic, line: lineOf(code) });
    }
  }
  return { file, entries, problems };
}
