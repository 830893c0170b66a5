/**
 * A hover is a table of sections: each section is one module (src/core/hover/sections/) and one row
 * of HOVER_SECTIONS (./buildHover.ts). A section gets the context below and returns Markdown, or
 * nothing to be left out.
 *
 * The Markdown goes into a trusted MarkdownString (our own commands run from its links), so a
 * section must pass every piece of note text through `escapeMarkdown` (names, titles) or
 * `safeNoteMarkdown` (passages), and build command links only with `hoverLink`, whose arguments
 * are look-up keys the extension made (never a path or an option read from a note).
 */
import type { NoteIndex, TermMatch } from '../index/noteIndex';
import type { DiagramRef } from '../diagrams/link';
import type { TermMastery } from '../quiz/mastery';

/** `vscode.l10n.t` in the extension; the CLI passes the same bundle lookup. `{0}` placeholders. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** The index queries sections may use (NoteIndex satisfies it). Look-ups only: a hover must stay O(term). */
export type HoverIndex = Pick<NoteIndex, 'term' | 'note' | 'cardGroup' | 'glossaryTarget'>;

export interface HoverContext {
  readonly match: TermMatch;
  readonly index: HoverIndex;
  readonly excerptLength: number;
  /** Diagrams to offer for the term (core `diagramsForTerm`); builtin titles are English and get translated by the section. */
  readonly diagrams: readonly DiagramRef[];
  readonly t: Translate;
  /** How well the quiz says the term is known; absent (no progress, the CLI): the full hover. */
  readonly mastery?: TermMastery;
  /** The user's notes are still being read (the first load): a starter note's answer says it is for the meantime. */
  readonly readingNotes?: boolean;
}

export interface HoverSection {
  /** Stable id, for tests and for settings that may hide a section. */
  readonly id: string;
  render(context: HoverContext): string | undefined;
}

/** Formats `{0}`-style placeholders: the CLI's `t` (the extension uses vscode.l10n.t). */
export function translator(bundle: Record<string, string> = {}): Translate {
  return (message, ...args) =>
    (bundle[message] ?? message).replace(/\{(\d+)\}/g, (whole, n: string) =>
      args[Number(n)] !== undefined ? String(args[Number(n)]) : whole,
    );
}
