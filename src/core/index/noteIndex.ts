import {
  isUserSource,
  type Card,
  type CardKind,
  type MermaidBlock,
  type NoteSource,
  type ParsedNote,
  type Problem,
  type Section,
  type Term,
  type Topic,
} from '../model';
import { Emitter } from '../dispose';
import { termKey } from '../text';
import { keysOf, pull, push } from './indexMaps';
import { CardGroupCache } from './cardGroups';
import { dayGroups, prepareNoteDays, type DayGroup } from './dayGroups';
import type { Glossary, GlossaryEntry } from './glossary';
import { mergeGlossaries, userGlossaryFiles } from './glossaryMerge';
import { explanationOf } from './ranking';
import { GlossaryLookup, glossaryKey } from './glossaryLookup';
import { contextAtLine, documentContext, type DocumentContext } from './context/documentContext';
import type { ContextResolver } from './context/contextMatcher';
import { matchTermAt, type MatchedWord, type TermResolver } from './termMatcher';

/** A question as the user sees it: one card even when written on several days or in several notes. */
export interface CardGroup {
  key: string;
  question: string;
  answer: string;
  topic: Topic;
  /** Where it is written (none: a card from a built-in diagram). */
  places: Card[];
  /** Absent: a question the notes ask; else a card the quiz generated from a definition, an explanation or a diagram. */
  kind?: CardKind;
  /** Diagram cards: the diagram they ask about (a built-in id or a note's Mermaid block id). */
  diagramId?: string;
}

/** Another note that explains (or mentions) the same term. */
export interface TermPlace {
  term: string;
  file: string;
  line: number;
  noteSource: NoteSource;
  mention: boolean;
  /** The passage, as the note wrote it (escape before showing; see core/index/excerpt). */
  summary: string;
}

/** A term by its best explanation, with everything the notes say it is also called. */
export interface TermInfo extends Term {
  key: string;
  allAliases: string[];
  /** Where the best explanation comes from: the user's own notes rank ahead of the starter notes. */
  noteSource: NoteSource;
  /** Nothing defines the term; the user's notes only mention it (`fork()` in a sentence). */
  mentionOnly: boolean;
  /** Other passages about it, best first (starter notes only when the user has none). */
  others: TermPlace[];
}

export interface TermMatch extends TermInfo {
  matched: string;
  start: number;
  end: number;
  viaGlossary: boolean;
  /** The fields of the document the explanation was chosen for (absent: any); `termWithin` answers the same again. */
  topics?: Topic[];
}

export type { DayGroup };

export interface IndexChange {
  files: string[];
}

/**
 * Everything known about the notes, merged across files. Updates are per file and incremental, so
 * re-indexing one edited note costs that note, not the corpus.
 */
export class NoteIndex implements TermResolver, ContextResolver {
  private readonly notes = new Map<string, ParsedNote>();
  private readonly cardsByKey = new Map<string, Card[]>();
  private readonly termsByKey = new Map<string, Term[]>();
  private glossaryLookup = new GlossaryLookup();
  private glossaryList: GlossaryEntry[] = [];
  /** Names the glossary says belong to one concept (세마포어 ↔ Semaphore), each key → its concept's other keys. */
  private conceptKeys = new Map<string, string[]>();
  private glossaryProblems: Problem[] = [];
  private userGlossaries: string[] = [];
  private readonly changes = new Emitter<IndexChange>();
  /** Answers by key (and by key + fields), dropped on every update (an answer also depends on its aliases' entries):
   *  a hover asks the same few terms over and over, and a term can have hundreds of entries in a big corpus. */
  private readonly termInfoCache = new Map<string, TermInfo | null>();
  private readonly termTopicsCache = new Map<string, ReadonlySet<Topic>>();
  private readonly daysCache = new Map<string, DayGroup[]>();
  private readonly groups = new CardGroupCache(this.cardsByKey, (file) => this.sourceOf(file));
  /** The files in order, kept until one is added or removed (every query over all notes walks them in this order). */
  private fileOrder: string[] | undefined;

  /** Fires after every update with the files it touched (empty: everything may have changed). */
  readonly onDidChange = this.changes.event;

  upsert(note: ParsedNote, notify = true): void {
    this.detach(note.file);
    if (!this.notes.has(note.file)) this.fileOrder = undefined;
    this.notes.set(note.file, note);
    prepareNoteDays(note);
    for (const card of note.cards) {
      push(this.cardsByKey, card.key, card);
      this.groups.drop(card.key);
    }
    for (const term of note.terms) for (const key of keysOf(term)) push(this.termsByKey, key, term);
    this.dropTermCaches();
    if (notify) this.fire([note.file]);
  }

  upsertMany(notes: ParsedNote[]): void {
    for (const note of notes) this.upsert(note, false);
    if (notes.length) this.fire(notes.map((n) => n.file));
  }

  remove(file: string): void {
    if (!this.notes.has(file)) return;
    this.detach(file);
    this.notes.delete(file);
    this.fileOrder = undefined;
    this.fire([file]);
  }

  /** Forget every note (the benchmark frees one corpus before the next). */
  clear(): void {
    const files = [...this.notes.keys()];
    this.notes.clear();
    this.fileOrder = undefined;
    this.cardsByKey.clear();
    this.groups.clear();
    this.termsByKey.clear();
    this.dropTermCaches();
    this.fire(files);
  }

  /** Our glossary and the user's glossary files: the user's senses of an identifier replace ours. */
  setGlossary(glossaries: Glossary[]): void {
    const merged = mergeGlossaries(glossaries, glossaryKey);
    this.glossaryLookup = new GlossaryLookup(merged.glossaries);
    this.glossaryList = merged.glossaries.flatMap((g) => g.entries);
    this.conceptKeys = merged.conceptKeys;
    this.glossaryProblems = glossaries.flatMap((g) => g.problems);
    this.userGlossaries = userGlossaryFiles(glossaries);
    this.dropTermCaches();
    this.fire([]);
  }

  private detach(file: string): void {
    const old = this.notes.get(file);
    if (!old) return;
    for (const card of old.cards) {
      pull(this.cardsByKey, card.key, card);
      this.groups.drop(card.key);
    }
    for (const term of old.terms) for (const key of keysOf(term)) pull(this.termsByKey, key, term);
    this.dropTermCaches();
  }

  private dropTermCaches(): void {
    this.termInfoCache.clear();
    this.termTopicsCache.clear();
  }

  private fire(files: string[]): void {
    this.daysCache.clear();
    this.groups.changed();
    this.changes.fire({ files });
  }

  // ---- queries ----

  get size(): number {
    return this.notes.size;
  }
  files(): string[] {
    return [...this.sortedFiles()];
  }
  private sortedFiles(): readonly string[] {
    this.fileOrder ??= [...this.notes.keys()].sort();
    return this.fileOrder;
  }
  note(file: string): ParsedNote | undefined {
    return this.notes.get(file);
  }
  allNotes(): ParsedNote[] {
    return this.sortedFiles().map((f) => this.notes.get(f)!);
  }
  sourceOf(file: string): NoteSource {
    return this.notes.get(file)?.source ?? 'workspace';
  }
  /** Does the user have notes of their own (workspace or extra folders) in the index? */
  hasUserNotes(): boolean {
    for (const note of this.notes.values()) if (isUserSource(note.source)) return true;
    return false;
  }

  /** Questions, optionally only those written in notes of the given sources (places outside them dropped). */
  cardGroups(sources?: readonly NoteSource[]): CardGroup[] {
    return this.groups.groups(sources);
  }
  /** Shared between callers until one of its places changes: read it, do not change it. */
  cardGroup(key: string): CardGroup | undefined {
    return this.groups.group(key);
  }

  glossaryEntries(): GlossaryEntry[] {
    return [...this.glossaryList];
  }
  /** The user's glossary files the last setGlossary read (not those refused or unreadable), in the order given. */
  userGlossaryFiles(): string[] {
    return [...this.userGlossaries];
  }

  /** Days across the notes (of the given sources), the same date in two files shown as one day. Oldest first, by real date. */
  days(sources?: readonly NoteSource[]): DayGroup[] {
    // The tree asks on every refresh; the answer only changes when the index does.
    const key = sources ? sources.join(',') : '*';
    let days = this.daysCache.get(key);
    if (!days) this.daysCache.set(key, (days = dayGroups(this.allNotes(), sources)));
    return days;
  }

  sections(): Section[] {
    return this.allNotes().flatMap((n) => n.sections);
  }
  diagrams(): MermaidBlock[] {
    return this.allNotes().flatMap((n) => n.diagrams);
  }
  problems(): Problem[] {
    return [...this.glossaryProblems, ...this.allNotes().flatMap((n) => n.problems)];
  }

  // ---- terms ----

  /** Whether any note explains (or mentions) the term: its entries, without ranking them (glossary checks ask for hundreds). */
  hasTerm(key: string): boolean {
    // entriesFor() finds entries only by following ones it found under these keys: any entry under them is enough.
    const k = termKey(key);
    if (!k) return false;
    if (this.termsByKey.has(k)) return true;
    return (this.conceptKeys.get(k) ?? []).some((other) => this.termsByKey.has(other));
  }
  /** The concept a code identifier stands for. When no note explains the concept under the glossary's name but a
   *  note writes the identifier itself (`pipe()`), the identifier is the term. */
  glossaryTarget(key: string): string | undefined {
    const target = this.glossaryLookup.firstTarget(key);
    if (target === undefined || this.hasTerm(termKey(target)) || key.includes(':') || !this.hasTerm(key)) return target;
    return key;
  }
  get glossary(): GlossaryLookup {
    return this.glossaryLookup;
  }
  hasTermIn(key: string, topics: ReadonlySet<Topic>): boolean {
    // Most words hovered are no term at all: answer those without caching them (the cache would grow with the code).
    if (!this.termsByKey.has(key) && !this.conceptKeys.has(key)) return false;
    let present = this.termTopicsCache.get(key);
    if (!present) this.termTopicsCache.set(key, (present = new Set(this.entriesFor(key).map((t) => t.topic))));
    for (const topic of present) if (topics.has(topic)) return true;
    return false;
  }

  /** What a document is about (language, file kind, imports, vocabulary): compute once per document version. */
  documentContext(languageId: string, text: string): DocumentContext {
    return documentContext(languageId, text, this.glossaryLookup);
  }

  /** The best explanation of a term by any of its names. */
  term(nameOrKey: string): TermInfo | undefined {
    const key = termKey(nameOrKey);
    const cached = this.termInfoCache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const info = this.computeTerm(key);
    this.termInfoCache.set(key, info ?? null);
    return info;
  }

  /** The best explanation among the notes' entries of these topics (the overall best may be of another field).
   *  A hover's links ask again with the match's `topics`, so they open what the hover showed. */
  termWithin(nameOrKey: string, topics?: Iterable<Topic>): TermInfo | undefined {
    const best = this.term(nameOrKey);
    const within = topics && new Set(topics);
    if (!best || !within || within.has(best.topic)) return best;
    const key = termKey(nameOrKey);
    const cacheKey = `${key}\0${[...within].sort().join(',')}`;
    const cached = this.termInfoCache.get(cacheKey);
    if (cached !== undefined) return cached ?? undefined;
    const info = this.computeTerm(key, within);
    this.termInfoCache.set(cacheKey, info ?? null);
    return info;
  }

  /** Every entry about the concept: under the key, under the glossary's other names for it, and under the names
   *  those entries give themselves (one hop: `세마포어(Semaphore)` links the user's **Semaphore** to 세마포어). */
  private entriesFor(key: string): Term[] {
    if (!key) return [];
    const keys = new Set([key, ...(this.conceptKeys.get(key) ?? [])]);
    const found = new Set<Term>();
    for (const k of [...keys]) for (const e of this.termsByKey.get(k) ?? []) found.add(e);
    for (const e of [...found]) {
      if (e.source === 'mention') continue; // a mention names nothing else
      for (const k of keysOf(e)) {
        if (keys.has(k)) continue;
        keys.add(k);
        for (const other of this.termsByKey.get(k) ?? []) if (other.source !== 'mention') found.add(other);
      }
    }
    return [...found];
  }

  private computeTerm(key: string, topics?: ReadonlySet<Topic>): TermInfo | undefined {
    const all = this.entriesFor(key);
    const entries = topics ? all.filter((t) => topics.has(t.topic)) : all;
    if (!entries.length) return undefined;
    return explanationOf(entries, (file) => this.sourceOf(file));
  }

  /** Unique terms, each by its best entry, listed once under the key of its own name. Terms the notes only
   *  mention are left out (they explain nothing to quiz on or search for) unless asked for. */
  terms(options: { mentions?: boolean } = {}): TermInfo[] {
    const out: TermInfo[] = [];
    for (const key of this.termsByKey.keys()) {
      const info = this.listedTerm(key, options);
      if (info) out.push(info);
    }
    return out;
  }

  /** Every key a note writes a term under (its name or an alias): what `terms()` walks, for counting in slices. */
  termKeys(): string[] {
    return [...this.termsByKey.keys()];
  }

  /** The term `terms()` lists under this key, if any: only under its own name's key, so each concept once (another
   *  name of it, `뮤텍스` beside `Mutex`, lists nothing). */
  listedTerm(key: string, options: { mentions?: boolean } = {}): TermInfo | undefined {
    const info = this.term(key);
    return info?.key === key && (options.mentions || !info.mentionOnly) ? info : undefined;
  }

  /**
   * The term under a cursor position (0-based column) in a line of code or prose. Pass the document's context (see
   * documentContext) so that only terms whose topic and sense fit the document explain its identifiers, and the
   * 0-based line number so that a multi-document YAML file is read one document at a time.
   */
  matchAt(lineText: string, column: number, documentContext?: DocumentContext, line?: number): TermMatch | undefined {
    const context = documentContext && line !== undefined ? contextAtLine(documentContext, line) : documentContext;
    const word: MatchedWord | undefined = matchTermAt(lineText, column, this, context, line);
    if (!word) return undefined;
    const topics = context && !context.prose && !word.viaGlossary ? [...context.topics] : undefined;
    const info = this.termWithin(word.key, topics);
    if (!info) return undefined;
    const match: TermMatch = { ...info, matched: word.matched, start: word.start, end: word.end, viaGlossary: word.viaGlossary };
    // Only when the field changed the answer: links then carry the fields so they open what the hover showed.
    if (topics && info !== this.term(word.key)) match.topics = topics.sort();
    return match;
  }

  /** Glossary entries whose target is not a term of any note. */
  unresolvedGlossaryEntries(): GlossaryEntry[] {
    return this.glossaryEntries().filter((e) => !this.hasTerm(termKey(e.term)));
  }

  /** Glossary concepts the user's own notes explain (a mention counts only when asked), and how many there are. */
  glossaryCoverage(options: { mentions?: boolean } = {}): { fromUserNotes: number; concepts: number } {
    const concepts = new Set(this.glossaryEntries().map((e) => termKey(e.term)));
    let fromUserNotes = 0;
    for (const c of concepts) {
      const info = this.term(c);
      if (info && isUserSource(info.noteSource) && (options.mentions || !info.mentionOnly)) fromUserNotes++;
    }
    return { fromUserNotes, concepts: concepts.size };
  }
}

export { glossaryKey };
