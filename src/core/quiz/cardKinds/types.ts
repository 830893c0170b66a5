/**
 * Card kinds: cards the quiz makes from what the notes already say, besides the questions they ask.
 * One module per kind and one row in the table in index.ts; each kind is switched by a setting.
 */
import type { CardGroup, TermInfo } from '../../index/noteIndex';
import type { CardKind, MermaidBlock, ParsedNote, Section } from '../../model';

export type { CardKind };

/** Which kinds are on (the `tilCompanion.quiz.*Cards` settings). */
export type CardKindSwitches = Readonly<Record<CardKind, boolean>>;

/** What the generators read: the index's notes, best term explanations and diagrams. */
export interface CardSource {
  allNotes(): ParsedNote[];
  terms(): TermInfo[];
  diagrams(): MermaidBlock[];
}

export interface CardKindGenerator {
  kind: CardKind;
  /** The kind's cards, with keys that stay the same while what they are made from does. */
  generate(source: CardSource, context: GenerateContext): CardGroup[];
}

export interface GenerateContext {
  /** The section (and day) a place belongs to, so day / section / note scopes include the card. */
  sectionOf: SectionLookup;
  phrases: DiagramPhrases;
}

export type SectionLookup = (file: string, line: number) => Section | undefined;

/**
 * How diagram questions are worded, translated on the host (`{title}`, `{from}`, `{label}`, `{to}`);
 * card keys never depend on them.
 */
export interface DiagramPhrases {
  /** State diagrams: the state a labelled transition leads to. */
  nextState: string;
  /** Sequence diagrams: who sends a message to someone else. */
  sender: string;
}

export const ENGLISH_DIAGRAM_PHRASES: DiagramPhrases = {
  nextState: '{title}: what state follows “{from}” on “{label}”?',
  sender: '{title}: who sends “{label}” to {to}?',
};

/**
 * Key prefixes of generated cards. A question's key is normalised text without punctuation
 * (questionKey), so a key with `:` can never collide with one.
 */
export const GENERATED_KEY_SEPARATOR = ':';

export function generatedKey(kind: CardKind, ...parts: string[]): string {
  return [kind, ...parts].join(GENERATED_KEY_SEPARATOR);
}

/** Is this the key of a generated card (not a question from the notes)? */
export function isGeneratedKey(key: string): boolean {
  return key.includes(GENERATED_KEY_SEPARATOR);
}

/** The blank a cloze or reverse card shows where the answer was. */
export const CLOZE_BLANK = '___';
