import type { Card, TermSource } from '../../model';
import type { CollectedNodes } from '../collect';

/** A term as one recogniser found it, before names are normalised and topics assigned. */
export interface TermDraft {
  /** The name as written (a heading, a bold label, the subject of a sentence…). */
  term: string;
  /** Other names the same passage gives it (`교착 상태(Deadlock)`, `SDP Offer / Answer`). */
  aliases?: string[];
  source: TermSource;
  line: number;
  /** The passage that explains it, as Markdown. */
  summary: string;
  /** Added to the recogniser's weight: how well this passage explains (a section that is only code explains less). */
  bonus?: number;
}

export interface NoteText {
  file: string;
  text: string;
  nodes: CollectedNodes;
  /** The note's question cards (already recognised by the structure walk). */
  cards: Card[];
  /** Source text between two offsets, trimmed and clipped to a summary's length. */
  slice(from: number, to: number): string;
}

/** One way people write a term in their notes. Each recogniser is one module and one row of RECOGNISERS. */
export interface TermRecogniser {
  name: TermSource;
  /** Higher wins when one note explains a term in several ways. */
  weight: number;
  recognise(note: NoteText, out: TermDraft[]): void;
}
