import type { NoteSource } from '../model';

/** The user's own notes: the workspace and the extra folders from the settings. */
export const USER_SOURCES: readonly NoteSource[] = ['workspace', 'extra'];
/** The notes that ship with the extension. */
export const STARTER_SOURCES: readonly NoteSource[] = ['starter'];

/**
 * The notes that count when nothing else is said (the due count, "Due for review", a quiz over everything due,
 * a topic or a day): the user's own as soon as there are any, else every note (the starter notes alone).
 */
export function mainSources(index: { hasUserNotes(): boolean }): readonly NoteSource[] | undefined {
  return index.hasUserNotes() ? USER_SOURCES : undefined;
}

/** How `tilCompanion.notes.includeBundled` reads: `"auto"` uses the starter notes only while the user has none. */
export type StarterNotesMode = 'auto' | boolean;

export function useStarterNotes(mode: StarterNotesMode, userNotesFound: number): boolean {
  return mode === 'auto' ? userNotesFound === 0 : mode;
}
