/**
 * Merging two copies of the progress file that both moved on from a common copy (two VS Code windows
 * reviewing at once, each saving what it has). Entry by entry, three-way:
 * - an entry only one side changed (or removed) takes that side's change;
 * - an entry both changed takes the later one (the later review, the later flag); a change beats a
 *   removal, so a reset or a moved question in one window never undoes a review made meanwhile in the other;
 * - list sections (the review log) hold entries that never change: the union, less what one side removed.
 * Pure: the store reads and writes, this decides.
 */
import { emptyProgress, PROGRESS_SECTIONS, type ProgressData, type ProgressSection, type ProgressSectionName } from './progressFormat';

export { newer } from './progressFormat';

/**
 * `mine` and `theirs` both started from `base` (undefined: no common copy, every difference is a
 * conflict). Returns the merged data; `updated` is left to the writer.
 */
export function mergeProgress(base: ProgressData | undefined, mine: ProgressData, theirs: ProgressData): ProgressData {
  const merged = emptyProgress();
  const out = merged as unknown as Record<string, unknown>;
  for (const sec of PROGRESS_SECTIONS) {
    if (sec.kind === 'list') {
      const list = mergeList(sec, list_(base, sec.name), list_(mine, sec.name), list_(theirs, sec.name));
      if (list.length) out[sec.name] = list;
      continue;
    }
    const b = section(base, sec.name);
    const m = section(mine, sec.name);
    const t = section(theirs, sec.name);
    const entries: Array<[string, unknown]> = [];
    for (const key of new Set([...Object.keys(m), ...Object.keys(t)])) {
      const pick = mergeEntry(own(b, key), own(m, key), own(t, key), sec.newer);
      if (pick !== undefined) entries.push([key, pick]);
    }
    entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    if (entries.length || sec.name === 'cards' || sec.name === 'terms') out[sec.name] = Object.fromEntries(entries);
  }
  return merged;
}

function mergeEntry(base: unknown, mine: unknown, theirs: unknown, newer: (a: unknown, b: unknown) => unknown): unknown {
  if (sameEntry(mine, theirs)) return mine;
  if (sameEntry(base, theirs)) return mine; // only mine changed (or was removed)
  if (sameEntry(base, mine)) return theirs; // only theirs changed (or was removed)
  if (mine === undefined) return theirs;
  if (theirs === undefined) return mine;
  return newer(mine, theirs);
}

function mergeList(sec: Extract<ProgressSection, { kind: 'list' }>, base: unknown[], mine: unknown[], theirs: unknown[]): unknown[] {
  const ids = (list: unknown[]) => new Set(list.map(sec.id));
  const inBase = ids(base);
  const inMine = ids(mine);
  const inTheirs = ids(theirs);
  const out = mine.filter((e) => inTheirs.has(sec.id(e)) || !inBase.has(sec.id(e)));
  for (const e of theirs) if (!inMine.has(sec.id(e)) && !inBase.has(sec.id(e))) out.push(e);
  const at = (e: unknown) => String((e as { at?: unknown }).at ?? '');
  out.sort((x, y) => (at(x) < at(y) ? -1 : at(x) > at(y) ? 1 : 0));
  return out.length > sec.max ? out.slice(out.length - sec.max) : out;
}

function list_(data: ProgressData | undefined, name: ProgressSectionName): unknown[] {
  const value = (data as unknown as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(value) ? value : [];
}

export type Section = Record<string, unknown>;

export function section(data: ProgressData | undefined, name: ProgressSectionName): Section {
  return (data as unknown as Record<string, Section | undefined> | undefined)?.[name] ?? {};
}

export function own(record: Section, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Same content, whatever the order of fields (a file read back has its own field order). */
export function sameEntry(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as object).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
