/**
 * Is this JSON a ParsedNote? The parse cache is a file on disk: a line may be damaged, hand-edited or
 * written by another build. An entry that fails is re-parsed instead of reaching the index, where one
 * wrong type (a `days` that is not a list, a card without a key) would fail the whole load.
 * Checks the fields the index and the features read; extra fields pass.
 */
import { TOPICS, type ParsedNote } from '../model';

type Json = Record<string, unknown>;
type Check = (v: unknown) => boolean;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const optStr: Check = (v) => v === undefined || typeof v === 'string';
const line: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optLine: Check = (v) => v === undefined || line(v);
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const optBool: Check = (v) => v === undefined || typeof v === 'boolean';
const topic: Check = (v) => (TOPICS as readonly unknown[]).includes(v);
const strings: Check = (v) => Array.isArray(v) && v.every(str);

/** Field checks of each list of a ParsedNote. */
const SHAPES: Record<'days' | 'sections' | 'cards' | 'terms' | 'diagrams' | 'problems', Record<string, Check>> = {
  days: { id: str, title: str, line, endLine: line, date: optStr },
  sections: { id: str, title: str, depth: line, topic, line, endLine: line, dayId: optStr, parentId: optStr, question: optBool },
  cards: { key: str, question: str, answer: str, style: str, topic, line, endLine: line, dayId: optStr, sectionId: optStr },
  terms: { term: str, aliases: strings, line, summary: str, topic, source: str, weight: num },
  diagrams: { id: str, title: str, source: str, topic, line, endLine: line, sectionId: optStr },
  problems: { severity: (v) => v === 'info' || v === 'warning' || v === 'error', code: str, message: str, line: optLine },
};

/** Why `value` is not a usable ParsedNote, or undefined when it is. */
export function noteShapeError(value: unknown): string | undefined {
  if (!isObject(value)) return 'not an object';
  if (typeof value.hash !== 'string' || !value.hash) return 'no hash';
  if (typeof value.file !== 'string') return 'no file';
  for (const [list, fields] of Object.entries(SHAPES)) {
    const items = value[list];
    if (!Array.isArray(items)) return `"${list}" is not a list`;
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      if (!isObject(item)) return `${list}[${i}] is not an object`;
      for (const [field, check] of Object.entries(fields)) if (!check(item[field])) return `${list}[${i}].${field} has the wrong type`;
    }
  }
  return undefined;
}

export function isParsedNote(value: unknown): value is ParsedNote {
  return noteShapeError(value) === undefined;
}
