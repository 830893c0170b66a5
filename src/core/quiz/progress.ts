/**
 * Quiz progress as plain JSON: one review state per card (by question key) and per term (by term
 * key), the cards the learner hid (cardFlags.ts) and the review log (reviewLog.ts). Kept apart from
 * the notes. `ProgressBook` is the in-memory form the session updates; the file's format and its
 * checks are in progressFormat.ts, merging two windows' copies in progressMerge.ts.
 */
import { isGeneratedKey } from './cardKinds/types';
import type { CardGroup } from '../index/noteIndex';
import { CardFlags, type HideKind } from './cardFlags';
import { emptyProgress, type CardProgress, type ProgressData, type TermProgress } from './progressFormat';
import { PROGRESS_SECTIONS } from './progressFormat';
import { mergeProgress, newer, own, sameEntry, section } from './progressMerge';
import { ReviewLog, type ReviewEntry } from './reviewLog';
import { matchOrphans, DEFAULT_SIMILARITY, type IdentityMatch } from './similarity';
import { Emitter } from '../dispose';

export { emptyProgress, validateProgress, PROGRESS_FORMAT, PROGRESS_VERSION, PROGRESS_SECTIONS } from './progressFormat';
export type { CardProgress, TermProgress, ProgressData, Validation } from './progressFormat';
export { newer, mergeProgress } from './progressMerge';

// ---- the in-memory book ----

export interface ReconcileResult {
  migrated: IdentityMatch[];
  /** Something changed (a migration, or recorded files updated): worth saving. */
  changed?: boolean;
}

/** The distinct files of a card's places, sorted. */
export function filesOf(group: Pick<CardGroup, 'places'>): string[] {
  return [...new Set(group.places.map((p) => p.file))].sort();
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export class ProgressBook {
  private cards = new Map<string, CardProgress>();
  private terms = new Map<string, TermProgress>();
  /** Hidden cards; change them through hide() / unhide() so listeners hear of it. */
  readonly flags = new CardFlags();
  /** Grades given; add through logReview(). */
  readonly log = new ReviewLog();
  private readonly changes = new Emitter<void>();

  constructor(data?: ProgressData) {
    if (data) this.replace(data, false);
  }

  /** Fires after any change to the progress. */
  readonly onDidChange = this.changes.event;
  private fire(): void {
    this.changes.fire();
  }

  card(key: string): CardProgress | undefined {
    return this.cards.get(key);
  }
  term(key: string): TermProgress | undefined {
    return this.terms.get(key);
  }
  get cardCount(): number {
    return this.cards.size;
  }
  get termCount(): number {
    return this.terms.size;
  }

  setCard(key: string, value: CardProgress): void {
    this.cards.set(key, value);
    this.fire();
  }
  setTerm(key: string, value: TermProgress): void {
    this.terms.set(key, value);
    this.fire();
  }

  hide(key: string, kind: HideKind, question: string, now: Date, extra: { until?: Date; files?: string[] } = {}): void {
    this.flags.set(key, kind, question, now, extra);
    this.fire();
  }
  /** Undoes suspend / not-a-question / bury. Returns false when the card was not hidden. */
  unhide(key: string, now: Date): boolean {
    const changed = this.flags.clear(key, now);
    if (changed) this.fire();
    return changed;
  }
  logReview(entry: ReviewEntry): void {
    this.log.add(entry);
  }

  replace(data: ProgressData, notify = true): void {
    this.cards = new Map(Object.entries(data.cards));
    this.terms = new Map(Object.entries(data.terms));
    this.flags.replace(data.flags ?? {});
    this.log.replace(data.log ?? []);
    if (notify) this.fire();
  }

  clear(): void {
    this.cards.clear();
    this.terms.clear();
    this.flags.replace({});
    this.log.replace([]);
    this.fire();
  }

  /**
   * Takes in what a save found on disk: `sent` is what this book handed to the store, `merged` what
   * the store wrote after merging another window's changes. Entries the merge changed are taken,
   * unless this book changed them again while the save ran. Returns how many entries changed.
   */
  absorb(sent: ProgressData, merged: ProgressData): number {
    // Three-way again: `sent` is the common copy, this book one side, what is on disk the other.
    const current = this.toData();
    const next = mergeProgress(sent, current, merged);
    let changed = 0;
    for (const sec of PROGRESS_SECTIONS) {
      if (sec.kind === 'list') {
        const [a, b] = [current, next].map((d) => (d as unknown as Record<string, unknown[] | undefined>)[sec.name] ?? []);
        if (a.length !== b.length || a.some((e, i) => e !== b[i])) changed++;
        continue;
      }
      const a = section(current, sec.name);
      const b = section(next, sec.name);
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) if (!sameEntry(own(a, key), own(b, key))) changed++;
    }
    if (changed) this.replace(next);
    return changed;
  }

  /** Imports another record: for a card both sides know, the later review wins. Returns how many entries changed. */
  merge(data: ProgressData): number {
    let changed = 0;
    for (const [key, value] of Object.entries(data.cards)) {
      const mine = this.cards.get(key);
      const pick = mine ? newer(mine, value) : value;
      if (pick !== mine) {
        this.cards.set(key, pick);
        changed++;
      }
    }
    for (const [key, value] of Object.entries(data.terms)) {
      const mine = this.terms.get(key);
      const pick = mine ? newer(mine, value) : value;
      if (pick !== mine) {
        this.terms.set(key, pick);
        changed++;
      }
    }
    changed += this.flags.merge(data.flags ?? {});
    changed += this.log.merge(data.log ?? []);
    if (changed) this.fire();
    return changed;
  }

  /**
   * Keeps progress attached to questions that were edited: progress whose key no longer exists in
   * `groups`, last seen in a note that is still indexed, moves to the most similar question without
   * progress (similarity ≥ threshold). Progress of questions that merely disappeared stays (the note
   * may come back); progress of notes that are not indexed (another workspace) is never taken.
   * Also refreshes the recorded files of known questions (a renamed note).
   */
  reconcile(groups: readonly CardGroup[], threshold = DEFAULT_SIMILARITY): ReconcileResult {
    const movedFlags = this.flags.reconcile(groups, threshold);
    if (movedFlags.length) this.fire();
    if (!this.cards.size) return { migrated: movedFlags, changed: movedFlags.length > 0 };
    const present = new Set<string>();
    const indexedFiles = new Set<string>();
    const fresh: Array<{ key: string; question: string; files: string[] }> = [];
    let changed = false;
    for (const g of groups) {
      present.add(g.key);
      const files = filesOf(g);
      for (const f of files) indexedFiles.add(f);
      const p = this.cards.get(g.key);
      if (!p) {
        if (!isGeneratedKey(g.key)) fresh.push({ key: g.key, question: g.question, files });
      } else if (p.files && !sameList(p.files, files)) {
        this.cards.set(g.key, { ...p, files });
        changed = true;
      }
    }
    const orphans: Array<{ key: string; question: string }> = [];
    if (fresh.length) {
      for (const [key, p] of this.cards) {
        // A generated card (cloze, reverse, diagram) whose kind is off is not an orphan: its key never moves.
        if (!present.has(key) && !isGeneratedKey(key) && p.files?.some((f) => indexedFiles.has(f)))
          orphans.push({ key, question: p.question });
      }
    }
    const migrated = matchOrphans(orphans, fresh, threshold);
    if (migrated.length) {
      const freshByKey = new Map(fresh.map((f) => [f.key, f]));
      for (const m of migrated) {
        const p = this.cards.get(m.from)!;
        const f = freshByKey.get(m.to)!;
        this.cards.delete(m.from);
        this.cards.set(m.to, { ...p, question: f.question, files: f.files });
      }
      changed = true;
    }
    if (changed) this.fire();
    for (const m of movedFlags) if (!migrated.some((x) => x.from === m.from)) migrated.push(m);
    return { migrated, changed: changed || movedFlags.length > 0 };
  }

  toData(now?: Date): ProgressData {
    const data = emptyProgress();
    if (now) data.updated = now.toISOString();
    const keys = (m: Map<string, unknown>) => [...m.keys()].sort();
    for (const k of keys(this.cards)) data.cards[k] = this.cards.get(k)!;
    for (const k of keys(this.terms)) data.terms[k] = this.terms.get(k)!;
    if (this.flags.size) data.flags = this.flags.toJSON();
    if (this.log.size) data.log = this.log.toJSON();
    return data;
  }
}
