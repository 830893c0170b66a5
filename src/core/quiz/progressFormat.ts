/**
 * The progress file's format: what a version means, and how a file (or an import) is checked.
 *
 * Versioning: `version` changes only when an older reader would misread the file. Adding an optional
 * field, or a new keyed section (a row in PROGRESS_SECTIONS), is not such a change: older readers keep
 * fields they do not know (entries are checked field by field, unknown fields travel along untouched),
 * so a file written by a newer build of the same version loses nothing when an older one saves it.
 * A file of a higher version is read (what can be read) but never written: see ProgressStore.
 *
 * Damage is contained per entry: one invalid card is dropped with a reason; only a file that is not a
 * progress file at all (not an object, no "cards" object, another format) fails as a whole.
 */
import { newerFlag, validateFlags, type CardFlag } from './cardFlags';
import { MAX_LOG_ENTRIES, validateLog, type ReviewEntry } from './reviewLog';
import type { ReviewState } from './scheduler';

/** 2 added `flags` and `log`; version 1 files (without them) are read as they are. */
export const PROGRESS_VERSION = 2;
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

/** The sections of a progress file, each checked and merged on its own. */
export type ProgressSectionName = 'cards' | 'terms' | 'flags' | 'log';

export function emptyProgress(): ProgressData {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, cards: {}, terms: {} };
}

type Fail = (message: string) => void;
type Json = Record<string, unknown>;

/**
 * A section keyed by card or term key: checked entry by entry, merged entry by entry (a conflict goes to
 * `newer`). Or a list of entries that never change once written (the review log): merged as a set by `id`.
 * A new section is one row here (and one optional field in ProgressData).
 */
export type ProgressSection =
  | {
      name: ProgressSectionName;
      kind: 'keyed';
      /** Whether a file may lack the section (files older than the section). */
      optional: boolean;
      /** The entry as stored, or undefined (after calling `fail`) when it cannot be used. */
      check(value: Json, key: string, where: string, fail: Fail): unknown;
      /** Of two versions of one entry that both changed, the one to keep. */
      newer(a: unknown, b: unknown): unknown;
    }
  | {
      name: ProgressSectionName;
      kind: 'list';
      /** The usable entries; `fail` is called once per entry left out. */
      read(raw: unknown, fail: Fail): unknown[];
      id(entry: unknown): string;
      /** Entries kept (the newest). */
      max: number;
    };

export const PROGRESS_SECTIONS: readonly ProgressSection[] = [
  {
    name: 'cards',
    kind: 'keyed',
    optional: false,
    check(value, _key, where, fail) {
      const state = checkState(value, where, fail);
      if (!state) return undefined;
      if (typeof value.question !== 'string') return fail(`${where}.question is not a string`);
      const files = value.files;
      if (files !== undefined && (!Array.isArray(files) || !files.every((f) => typeof f === 'string')))
        return fail(`${where}.files is not a list of paths`);
      return { ...withState(value, state), question: value.question, ...(files ? { files: [...(files as string[])] } : {}) };
    },
    newer: (a, b) => newer(a as ReviewState, b as ReviewState),
  },
  {
    name: 'terms',
    kind: 'keyed',
    optional: true,
    check(value, _key, where, fail) {
      const state = checkState(value, where, fail);
      if (!state) return undefined;
      if (typeof value.term !== 'string') return fail(`${where}.term is not a string`);
      return { ...withState(value, state), term: value.term };
    },
    newer: (a, b) => newer(a as ReviewState, b as ReviewState),
  },
  {
    name: 'flags',
    kind: 'keyed',
    optional: true,
    check(value, key, _where, fail) {
      return validateFlags(Object.fromEntries([[key, value]]), fail)[key];
    },
    newer: (a, b) => newerFlag(a as CardFlag, b as CardFlag),
  },
  {
    name: 'log',
    kind: 'list',
    read: (raw, fail) => validateLog(raw, fail),
    id: (e) => {
      const entry = e as ReviewEntry;
      return `${entry.kind}\u0000${entry.key}\u0000${entry.at}\u0000${entry.rating}`;
    },
    max: MAX_LOG_ENTRIES,
  },
];

/** Of two records of the same card, the one reviewed last wins (then the one reviewed more). */
export function newer<T extends ReviewState>(a: T, b: T): T {
  const ta = a.last_review ? Date.parse(a.last_review) : -Infinity;
  const tb = b.last_review ? Date.parse(b.last_review) : -Infinity;
  if (ta !== tb) return tb > ta ? b : a;
  return b.reps > a.reps ? b : a;
}

export interface Validation {
  /** Set unless the whole file is unusable. */
  data?: ProgressData;
  /** Why the file is unusable (when `data` is not set), or why entries were dropped (at most MAX_REASONS). */
  errors: string[];
  /** How many entries were dropped. */
  dropped: number;
  /** Set when the file is of a higher version than this build writes: read what can be read, write nothing. */
  newerVersion?: number;
}

const MAX_REASONS = 5;

/** Checks parsed JSON. Entries that fail are dropped one by one; the rest is used. */
export function validateProgress(json: unknown): Validation {
  if (!isObject(json)) return { errors: ['not a JSON object'], dropped: 0 };
  if (json.format !== undefined && json.format !== PROGRESS_FORMAT)
    return { errors: [`unknown format ${JSON.stringify(json.format)}`], dropped: 0 };
  const version = json.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { errors: [`unsupported version ${JSON.stringify(version)} (expected ${PROGRESS_VERSION})`], dropped: 0 };
  const errors: string[] = [];
  let dropped = 0;
  const fail: Fail = (message) => {
    if (errors.length < MAX_REASONS) errors.push(message);
  };
  const data = emptyProgress();
  const out = data as unknown as Record<string, unknown>;
  for (const section of PROGRESS_SECTIONS) {
    const raw = json[section.name];
    if (section.kind === 'list') {
      const entries = section.read(raw, (m) => (dropped++, fail(m)));
      if (entries.length) out[section.name] = entries.slice(-section.max);
      continue;
    }
    if (raw === undefined && section.optional) continue;
    if (!isObject(raw)) {
      if (!section.optional) return { errors: [`"${section.name}" is not an object`], dropped: 0 };
      fail(`"${section.name}" is not an object`);
      dropped++;
      continue;
    }
    // Object.fromEntries defines keys as data properties: a key such as "__proto__" stays a plain key.
    const entries: Array<[string, unknown]> = [];
    for (const [key, value] of Object.entries(raw)) {
      const where = `${section.name}[${JSON.stringify(key)}]`;
      let ok = true;
      const checked = isObject(value)
        ? section.check(value, key, where, (m) => ((ok = false), fail(m)))
        : (fail(`${where} is not an object`), undefined);
      if (ok && checked && key) entries.push([key, checked]);
      else dropped++;
    }
    if (entries.length || !section.optional || section.name === 'terms') out[section.name] = Object.fromEntries(entries);
  }
  if (typeof json.updated === 'string') data.updated = json.updated;
  const result: Validation = { data, errors, dropped };
  if (version > PROGRESS_VERSION) result.newerVersion = version;
  return result;
}

/** The entry with its checked review state; fields this build does not know are kept as they are. */
function withState(value: Json, state: ReviewState): Json {
  const out: Json = { ...value, ...state };
  if (state.last_review === undefined) delete out.last_review;
  return out;
}

function checkState(value: Json, where: string, fail: Fail): ReviewState | undefined {
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

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
