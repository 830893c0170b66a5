/**
 * Cards the learner took out of the quiz: suspended, marked "not a question", or buried until
 * tomorrow. Kept by card key (the normalised question, stable across re-indexing), never in the
 * notes. Undoing an action writes a `cleared` entry rather than deleting, so merging an older copy
 * of the progress (another window, an import) cannot bring a flag back: the later entry wins.
 */
import { isGeneratedKey } from './cardKinds/types';
import type { CardGroup } from '../index/noteIndex';
import { matchOrphans, DEFAULT_SIMILARITY, type IdentityMatch } from './similarity';

export type HideKind = 'suspended' | 'notQuestion' | 'buried';
export const HIDE_KINDS: readonly HideKind[] = ['suspended', 'notQuestion', 'buried'];

export interface CardFlag {
  kind: HideKind | 'cleared';
  /** When the flag was set or cleared (ISO): the later entry wins a merge. */
  at: string;
  /** The question when flagged: shown in the tree, and matched when the question is edited. */
  question: string;
  /** Buried: hidden until this time (ISO), the start of the next study day. */
  until?: string;
  /** The notes the card was in, so only flags of notes still indexed follow an edited question. */
  files?: string[];
}

/** A flag that hides its card at `now`. */
export function hides(flag: CardFlag | undefined, now: Date): boolean {
  if (!flag || flag.kind === 'cleared') return false;
  if (flag.kind === 'buried') return !!flag.until && Date.parse(flag.until) > now.getTime();
  return true;
}

/** Of two flags of one card, the later wins (ties: the one that hides, so an action is not lost). */
export function newerFlag(a: CardFlag, b: CardFlag): CardFlag {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (ta !== tb) return tb > ta ? b : a;
  return a.kind === 'cleared' ? b : a;
}

/** The hidden cards a tree group lists: what each is, and when. */
export interface HiddenCard {
  key: string;
  question: string;
  kind: HideKind;
  at: string;
  until?: string;
}

export class CardFlags {
  private map = new Map<string, CardFlag>();
  /** Bumped on every change (callers cache per version). */
  version = 0;

  constructor(entries?: Record<string, CardFlag>) {
    if (entries) this.replace(entries);
  }

  get(key: string): CardFlag | undefined {
    return this.map.get(key);
  }

  isHidden(key: string, now: Date): boolean {
    return hides(this.map.get(key), now);
  }

  /** True when some card is hidden at all (a quick check before filtering 10k cards). */
  get size(): number {
    return this.map.size;
  }

  set(key: string, kind: HideKind, question: string, now: Date, extra: { until?: Date; files?: string[] } = {}): void {
    const flag: CardFlag = { kind, at: now.toISOString(), question };
    if (extra.until) flag.until = extra.until.toISOString();
    if (extra.files?.length) flag.files = [...extra.files];
    this.map.set(key, flag);
    this.version++;
  }

  /** Undoes whatever hides the card. Returns false when nothing did. */
  clear(key: string, now: Date): boolean {
    const flag = this.map.get(key);
    if (!flag || flag.kind === 'cleared') return false;
    this.map.set(key, { kind: 'cleared', at: now.toISOString(), question: flag.question });
    this.version++;
    return true;
  }

  /** The cards hidden at `now`, most recent first. */
  hidden(now: Date): HiddenCard[] {
    const out: HiddenCard[] = [];
    for (const [key, f] of this.map) {
      if (!hides(f, now) || f.kind === 'cleared') continue;
      const item: HiddenCard = { key, question: f.question, kind: f.kind, at: f.at };
      if (f.until) item.until = f.until;
      out.push(item);
    }
    return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.key < b.key ? -1 : 1));
  }

  /** Merges another record: per card, the later entry wins. Returns how many entries changed. */
  merge(other: Record<string, CardFlag>): number {
    let changed = 0;
    for (const [key, flag] of Object.entries(other)) {
      const mine = this.map.get(key);
      const pick = mine ? newerFlag(mine, flag) : flag;
      if (pick !== mine) {
        this.map.set(key, pick);
        changed++;
      }
    }
    if (changed) this.version++;
    return changed;
  }

  replace(entries: Record<string, CardFlag>): void {
    this.map = new Map(Object.entries(entries));
    this.version++;
  }

  /**
   * Drops what no longer matters: burials that ended, and `cleared` entries older than `keepMs`
   * (long enough for every copy to have merged them).
   */
  prune(now: Date, keepMs = 90 * 86_400_000): boolean {
    let changed = false;
    for (const [key, f] of this.map) {
      const ended = f.kind === 'buried' && !hides(f, now);
      const old = f.kind === 'cleared' && now.getTime() - Date.parse(f.at) > keepMs;
      if (ended || old) {
        this.map.delete(key);
        changed = true;
      }
    }
    if (changed) this.version++;
    return changed;
  }

  /**
   * A flagged question that was edited keeps its flag: flags whose key left the index, last seen in
   * a note still indexed, move to the most similar unflagged question (as progress does).
   */
  reconcile(groups: readonly CardGroup[], threshold = DEFAULT_SIMILARITY): IdentityMatch[] {
    if (!this.map.size) return [];
    const present = new Set<string>();
    const indexedFiles = new Set<string>();
    const fresh: Array<{ key: string; question: string; files: string[] }> = [];
    for (const g of groups) {
      present.add(g.key);
      const files = [...new Set(g.places.map((p) => p.file))].sort();
      for (const f of files) indexedFiles.add(f);
      if (!this.map.has(g.key) && !isGeneratedKey(g.key)) fresh.push({ key: g.key, question: g.question, files });
    }
    const orphans: Array<{ key: string; question: string }> = [];
    for (const [key, f] of this.map) {
      if (f.kind !== 'cleared' && !present.has(key) && !isGeneratedKey(key) && f.files?.some((file) => indexedFiles.has(file)))
        orphans.push({ key, question: f.question });
    }
    if (!orphans.length || !fresh.length) return [];
    const moved = matchOrphans(orphans, fresh, threshold);
    const freshByKey = new Map(fresh.map((f) => [f.key, f]));
    for (const m of moved) {
      const flag = this.map.get(m.from)!;
      const to = freshByKey.get(m.to)!;
      this.map.delete(m.from);
      this.map.set(m.to, { ...flag, question: to.question, files: to.files });
    }
    if (moved.length) this.version++;
    return moved;
  }

  toJSON(): Record<string, CardFlag> {
    const out: Record<string, CardFlag> = {};
    for (const key of [...this.map.keys()].sort()) out[key] = this.map.get(key)!;
    return out;
  }
}

/** Checks the `flags` of a progress file; bad entries are reported through `fail`. */
export function validateFlags(json: unknown, fail: (msg: string) => void): Record<string, CardFlag> {
  const out: Record<string, CardFlag> = {};
  if (json === undefined) return out;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    fail('"flags" is not an object');
    return out;
  }
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    const where = `flags[${JSON.stringify(key)}]`;
    if (typeof value !== 'object' || value === null) {
      fail(`${where} is not an object`);
      continue;
    }
    const v = value as Record<string, unknown>;
    const kind = v.kind;
    if (kind !== 'cleared' && !(HIDE_KINDS as readonly unknown[]).includes(kind)) {
      fail(`${where}.kind is not one of ${[...HIDE_KINDS, 'cleared'].join(', ')}`);
      continue;
    }
    if (typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at))) {
      fail(`${where}.at is not a date`);
      continue;
    }
    if (typeof v.question !== 'string') {
      fail(`${where}.question is not a string`);
      continue;
    }
    if (v.until !== undefined && (typeof v.until !== 'string' || Number.isNaN(Date.parse(v.until)))) {
      fail(`${where}.until is not a date`);
      continue;
    }
    if (kind === 'buried' && v.until === undefined) {
      fail(`${where}.until is missing (a buried card needs an end)`);
      continue;
    }
    if (v.files !== undefined && (!Array.isArray(v.files) || !v.files.every((f) => typeof f === 'string'))) {
      fail(`${where}.files is not a list of paths`);
      continue;
    }
    if (!key) continue;
    const flag: CardFlag = { kind: kind as CardFlag['kind'], at: new Date(v.at).toISOString(), question: v.question };
    if (typeof v.until === 'string') flag.until = new Date(v.until).toISOString();
    if (Array.isArray(v.files)) flag.files = [...(v.files as string[])];
    out[key] = flag;
  }
  return out;
}
