/**
 * The card kinds table and the deck: the notes' own questions plus the cards of every kind that is
 * switched on, generated once per index change (or switch change) and cached.
 */
import { Disposable } from '../../dispose';
import type { CardGroup, NoteIndex } from '../../index/noteIndex';
import type { NoteSource, Section } from '../../model';
import { sectionAt } from '../../notes/sectionAt';
import type { ScopeIndex } from '../scope';
import { clozeCards } from './cloze';
import { diagramCards } from './diagram';
import { reverseCards } from './reverse';
import {
  ENGLISH_DIAGRAM_PHRASES,
  type CardKind,
  type CardKindGenerator,
  type CardKindSwitches,
  type CardSource,
  type DiagramPhrases,
  type SectionLookup,
} from './types';

export * from './types';
export { clozeOf } from './cloze';
export { reverseQuestion } from './reverse';
export { readOffQuestions, MAX_QUESTIONS_PER_DIAGRAM } from './diagram';

/** One row per kind. */
export const CARD_KINDS: readonly CardKindGenerator[] = [clozeCards, reverseCards, diagramCards];

export const ALL_KINDS_OFF: CardKindSwitches = { cloze: false, reverse: false, diagram: false };

/** The cards of the kinds switched on, in table order. */
export function generatedCards(
  source: CardSource,
  switches: CardKindSwitches,
  phrases: DiagramPhrases = ENGLISH_DIAGRAM_PHRASES,
): CardGroup[] {
  const sectionOf = sectionLookup(source);
  const out: CardGroup[] = [];
  for (const row of CARD_KINDS) if (switches[row.kind]) out.push(...row.generate(source, { sectionOf, phrases }));
  return out;
}

/** Sections per file, looked up by line (a file's sections are in line order). */
function sectionLookup(source: CardSource): SectionLookup {
  let byFile: Map<string, Section[]> | undefined;
  return (file, line) => {
    byFile ??= new Map(source.allNotes().map((n) => [n.file, n.sections]));
    const sections = byFile.get(file);
    return sections ? sectionAt(sections, line) : undefined;
  };
}

/**
 * What quizzes draw from: the index's questions plus the generated cards of the kinds switched on.
 * Answers the same queries as the index for scopes, so a session over the deck covers every kind.
 */
export class CardDeck extends Disposable implements ScopeIndex {
  private cache: { switches: string; groups: CardGroup[] } | undefined;
  /** Questions and generated cards together, built once per change (a quiz, the due count and the tree all ask), per
   * set of sources asked for ('*': every note). */
  private all: { generated: CardGroup[]; bySources: Map<string, CardGroup[]> } | undefined;

  constructor(
    private readonly index: NoteIndex,
    private readonly switches: () => CardKindSwitches,
    private readonly phrases: () => DiagramPhrases = () => ENGLISH_DIAGRAM_PHRASES,
  ) {
    super();
    this._register(
      index.onDidChange(() => {
        this.cache = undefined;
        this.all = undefined;
      }),
    );
  }

  /** Forget the generated cards (the switches or the wording changed). */
  invalidate(): void {
    this.cache = undefined;
    this.all = undefined;
  }

  /** Generated cards only. */
  generated(): CardGroup[] {
    const switches = this.switches();
    const id = (Object.keys(switches) as CardKind[]).filter((k) => switches[k]).join(',');
    if (this.cache?.switches !== id) this.cache = { switches: id, groups: generatedCards(this.index, switches, this.phrases()) };
    return this.cache.groups;
  }

  /**
   * Every card (shared between callers until the next change: read it, do not change it). With sources: the notes'
   * questions and generated cards of those notes, and the built-in diagrams' (they are in no one's notes).
   */
  cardGroups(sources?: readonly NoteSource[]): CardGroup[] {
    const generated = this.generated();
    if (this.all?.generated !== generated) this.all = { generated, bySources: new Map() };
    const key = sources ? sources.join(',') : '*';
    let groups = this.all.bySources.get(key);
    if (!groups) {
      const fromSources = (g: CardGroup) =>
        !g.places.length || g.places.some((p) => !this.index.note(p.file) || sources!.includes(this.index.sourceOf(p.file)));
      groups = [...this.index.cardGroups(sources), ...(sources ? generated.filter(fromSources) : generated)];
      this.all.bySources.set(key, groups);
    }
    return groups;
  }
  cardGroup(key: string): CardGroup | undefined {
    return this.index.cardGroup(key) ?? this.generated().find((g) => g.key === key);
  }
  days: NoteIndex['days'] = (sources) => this.index.days(sources);
  sections: NoteIndex['sections'] = () => this.index.sections();
  terms: NoteIndex['terms'] = (options) => this.index.terms(options);
  term: NoteIndex['term'] = (name) => this.index.term(name);
  hasUserNotes: NoteIndex['hasUserNotes'] = () => this.index.hasUserNotes();
}
