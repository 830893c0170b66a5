import type { NoteSource } from '../model';
import type { NoteIndex } from './noteIndex';

/**
 * What the notes hold, counted one way on every surface that says it (Choose Notes Folder, the output channel after a
 * load, `til-companion inspect`), so the numbers agree:
 * - a question once, however many times it is written (the trees say how many are written again);
 * - a term once, under its own name, whatever else the notes call it (`Mutex` and `뮤텍스` are one term), and only
 *   when a note explains it: a name the notes merely mention is not a term;
 * - a day once, however many files write it.
 * With sources, only what those notes hold (Choose Notes counts the user's own, not the starter notes).
 */
export interface NoteCounts {
  notes: number;
  days: number;
  questions: number;
  terms: number;
  diagrams: number;
  problems: number;
}

export type CountedIndex = Pick<NoteIndex, 'allNotes' | 'sourceOf' | 'days' | 'cardGroups' | 'termKeys' | 'listedTerm'>;

/** The terms listed under these keys (every key by default): what `index.terms()` lists, without building the list. */
export function countTerms(index: CountedIndex, keys: Iterable<string> = index.termKeys(), sources?: readonly NoteSource[]): number {
  let count = 0;
  for (const key of keys) {
    const info = index.listedTerm(key);
    if (info && (!sources || sources.includes(info.noteSource))) count++;
  }
  return count;
}

export function noteCounts(index: CountedIndex, sources?: readonly NoteSource[]): NoteCounts {
  const notes = sources ? index.allNotes().filter((n) => sources.includes(index.sourceOf(n.file))) : index.allNotes();
  return {
    notes: notes.length,
    days: index.days(sources).length,
    questions: index.cardGroups(sources).length,
    terms: countTerms(index, index.termKeys(), sources),
    diagrams: notes.reduce((sum, n) => sum + n.diagrams.length, 0),
    problems: notes.reduce((sum, n) => sum + n.problems.length, 0),
  };
}
