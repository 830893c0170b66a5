import { parse as parseYaml } from 'yaml';
import type { Problem, Topic } from '../model';
import { dateFromFrontMatter, type DayDate } from './dates';
import { topicFromName } from './topics';

export interface FrontMatter {
  date?: DayDate;
  title?: string;
  topic?: Topic;
  /** term → extra aliases, from `aliases:` or `terms:` */
  aliases: Map<string, string[]>;
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * Front matter a note may carry:
 * ```yaml
 * date: 2025-01-13
 * topic: os
 * aliases:
 *   교착 상태: [deadlock, 데드락]
 * ```
 */
export function readFrontMatter(file: string, yamlText: string, line: number, problems: Problem[]): FrontMatter {
  const result: FrontMatter = { aliases: new Map() };
  let data: unknown;
  try {
    // uniqueKeys: false because the yaml library compares each key with every earlier one (quadratic in keys).
    data = parseYaml(yamlText, { maxAliasCount: 50, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push({
      file, line, severity: 'warning', code: 'invalid-frontmatter',
      message: `Front matter is not valid YAML and was ignored: ${reason}`,
    });
    return result;
  }
  if (data === null || data === undefined) return result;
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, line, severity: 'warning', code: 'invalid-frontmatter', message: 'Front matter should be a YAML mapping (key: value); it was ignored.' });
    return result;
  }
  const record = data as Record<string, unknown>;
  result.date = dateFromFrontMatter(record.date);
  if (typeof record.title === 'string') result.title = record.title;
  result.topic = topicFromName(record.topic);
  for (const key of ['aliases', 'terms']) {
    const map = record[key];
    if (map && typeof map === 'object' && !Array.isArray(map)) {
      for (const [term, aliases] of Object.entries(map as Record<string, unknown>)) {
        result.aliases.set(term, [...(result.aliases.get(term) ?? []), ...asStrings(aliases)]);
      }
    }
  }
  return result;
}
