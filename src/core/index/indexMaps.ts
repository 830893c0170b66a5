// Small map helpers of the note index: terms' look-up keys, card groups, and lists kept per key.
import type { Card, Term } from '../model';
import type { CardGroup } from './noteIndex';
import { termKey } from '../text';

export function keysOf(term: Term): string[] {
  const keys = new Set([termKey(term.term), ...term.aliases.map(termKey)]);
  keys.delete('');
  return [...keys];
}

export function toGroup(key: string, cards: Card[]): CardGroup {
  // The fullest answer speaks for the group; every place is kept.
  let best = cards[0];
  for (const c of cards) if (c.answer.length > best.answer.length) best = c;
  return { key, question: best.question, answer: best.answer, topic: best.topic, places: [...cards] };
}

export function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function pull<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(value);
  if (i !== -1) list.splice(i, 1);
  if (!list.length) map.delete(key);
}

export function groupByDay<T extends { dayId?: string }>(items: T[]): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const item of items) if (item.dayId !== undefined) push(byDay, item.dayId, item);
  return byDay;
}
