/**
 * Quiz progress as plain JSON: one review state per card (by question key) and per term (by term
 * key), the cards the learner hid (cardFlags.ts) and the review log (reviewLog.ts). Kept apart from
 * the notes. `ProgressBook` is the in-memory form the session updates;
 * `validateProgress` checks a file or an import before anything of it is used.
 */
import type { CardGroup } from '../index/noteIndex';
import { CardFlags, validateFlags, type CardFlag, type HideKind } from './cardFlags';
import { ReviewLog, validateLog, type ReviewEntry } from './reviewLog';
import { matchOrphans, DEFAULT_SIMILARITY, type IdentityMatch } from './similarity';
import { Emitter } from '../dispose';
import type { ReviewState } from './scheduler';

/** 2 added `flags` and `log`; version 1 files (without them) are read as they are. */
export const PROGRESS_VERSION = 2;
const READABLE_VERSIONS: readonly unknown[] = [1, 2];
export const PROGRESS_FORMAT = 'til-companion/quiz-progress';

export interface CardProgress extends ReviewState {
  /** The question as last seen: what a slightly edited question is compared with. */
  question: string;
  /** The notes the question was last seen in: only progress of a question that left a note still
   *  indexed moves to a similar new question (never progress of notes of another workspace). */
  files?: string[];
}

export interface TermProgress extends ReviewState {
  term: string;
}

export interface ProgressData {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  updated?: string;
  cards: Record<string, CardProgress>;
  terms: Record<string, TermProgress>;
  /** Suspended, "not a question" and buried cards, by card key. */
  flags?: Record<string, CardFlag>;
  /** Every grade given, oldest first (capped). */
  log?: ReviewEntry[];
}

export function emptyProgress(): ProgressData {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, cards: {}, terms: {} };
}

// ---- validation ----

export interface Validation {
  data?: ProgressData;
  errors: string[];
}

const MAX_ERRORS = 5;

/** Checks parsed JSON; `data` is set only when there are no errors (nothing half-valid is used). */
export function validateProgress(json: unknown): Validation {
  const errors: string[] = [];
  const fail = (msg: string) => {
    if (errors.length < MAX_ERRORS) errors.push(msg);
  };
  if (!isObject(json)) return { errors: ['not a JSON object'] };
  if (json.format !== undefined && json.format !== PROGRESS_FORMAT) fail(`unknown format ${JSON.stringify(json.format)}`);
  if (!READABLE_VERSIONS.includes(json.version)) fail(`unsupported version ${JSON.stringify(json.version)} (expected ${PROGRESS_VERSION})`);
  const cards: Record<string, CardProgress> = {};
  const terms: Record<string, TermProgress> = {};
  if (!isObject(json.cards)) fail('"cards" is not an object');
  else {
    for (const [key, value] of Object.entries(json.cards)) {
      const state = checkState(value, `cards[${JSON.stringify(key)}]`, fail);
      if (!state) continue;
      const question = (value as Record<string, unknown>).question;
      const files = (value as Record<string, unknown>).files;
      if (typeof question !== 'string') fail(`cards[${JSON.stringify(key)}].question is not a string`);
      else if (files !== undefined && (!Array.isArray(files) || !files.every((f) => typeof f === 'string'))) fail(`cards[${JSON.stringify(key)}].files is not a list of paths`);
      else if (key) cards[key] = files ? { ...state, question, files: [...files] } : { ...state, question };
    }
  }
  if (json.terms !== undefined) {
    if (!isObject(json.terms)) fail('"terms" is not an object');
    else {
      for (const [key, value] of Object.entries(json.terms)) {
        const state = checkState(value, `terms[${JSON.stringify(key)}]`, fail);
        if (!state) continue;
        const term = (value as Record<string, unknown>).term;
        if (typeof term !== 'string') fail(`terms[${JSON.stringify(key)}].term is not a string`);
        else if (key) terms[key] = { ...state, term };
      }
    }
  }
  const flags = validateFlags(json.flags, fail);
  const log = validateLog(json.log, fail);
  if (errors.length) return { errors };
  const data: ProgressData = { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, cards, terms };
  if (Object.keys(flags).length) data.flags = flags;
  if (log.length) data.log = log;
  if (typeof json.updated === 'string') data.updated = json.updated;
  return { data, errors };
}

function checkState(value: unknown, where: string, fail: (msg: string) => void): ReviewState | undefined {
  if (!isObject(value)) {
    fail(`${where} is not an object`);
    return undefined;
  }
  let ok = true;
  const num = (name: string, integer = false): number => {
    const v = value[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (integer && !Number.isInteger(v))) {
      fail(`${where}.${name} is not a ${integer ? 'whole ' : ''}number ≥ 0`);
      ok = false;
      return 0;
    }
    return v;
  };
  const date = (name: string, optional: boolean): string | undefined => {
    const v = value[name];
    if (v === undefined || v === null) {
      if (!optional) {
        fail(`${where}.${name} is missing`);
        ok = false;
      }
      return undefined;
    }
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) {
      fail(`${where}.${name} is not a date`);
      ok = false;
      return undefined;
    }
    return new Date(v).toISOString();
  };
  const due = date('due', false);
  const lastReview = date('last_review', true);
  const stability = num('stability');
  const difficulty = num('difficulty');
  const elapsed = num('elapsed_days');
  const scheduled = num('scheduled_days');
  const steps = num('learning_steps', true);
  const reps = num('reps', true);
  const lapses = num('lapses', true);
  const state = value.state;
  if (state !== 0 && state !== 1 && state !== 2 && state !== 3) {
    fail(`${where}.state is not 0, 1, 2 or 3`);
    ok = false;
  }
  if (!ok || !due) return undefined;
  const out: ReviewState = {
    due,
    stability,
    difficulty,
    elapsed_days: elapsed,
    scheduled_days: scheduled,
    learning_steps: steps,
    reps,
    lapses,
    state: state as ReviewState['state'],
  };
  if (lastReview) out.last_review = lastReview;
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Of two records of the same card, the one reviewed last wins (then the one reviewed more). */
export function newer<T extends ReviewState>(a: T, b: T): T {
  const ta = a.last_review ? Date.parse(a.last_review) : -Infinity;
  const tb = b.last_review ? Date.parse(b.last_review) : -Infinity;
  if (ta !== tb) return tb > ta ? b : a;
  return b.reps > a.reps ? b : a;
}

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
      if (!p) fresh.push({ key: g.key, question: g.question, files });
      else if (p.files && !sameList(p.files, files)) {
        this.cards.set(g.key, { ...p, files });
        changed = true;
      }
    }
    const orphans: Array<{ key: string; question: string }> = [];
    if (fresh.length) {
      for (const [key, p] of this.cards) {
        if (!present.has(key) && p.files?.some((f) => indexedFiles.has(f))) orphans.push({ key, question: p.question });
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
