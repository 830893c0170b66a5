/**
 * Which workspace files are TIL notes by default, and why. The globs are the manifest's default for
 * `tilCompanion.notes.include` (a unit test keeps the two equal); the reason of the first glob that found a
 * file is what the output channel prints next to it.
 *
 * "TIL" must be a whole word: a letter on either side (`utils.md`, `until.md`, `Still.md`) disqualifies it.
 * VS Code globs have no word boundary, so the four forms below spell one out with `[!a-zA-Z]`.
 */
export interface NoteGlob {
  readonly glob: string;
  /** Why a file this glob found counts as a note, for the log. */
  readonly reason: string;
}

const TIL = '{TIL,til,Til}';
const NOT_LETTER = '[!a-zA-Z]';
const YEAR = '[12][0-9][0-9][0-9]';
const MONTH = '[01][0-9]';
const DAY = '[0-3][0-9]';

export const DEFAULT_NOTE_GLOBS: readonly NoteGlob[] = [
  { glob: `**/${TIL}.md`, reason: 'named TIL' },
  { glob: `**/${TIL}${NOT_LETTER}*.md`, reason: 'file name starts with the word TIL' },
  { glob: `**/*${NOT_LETTER}${TIL}.md`, reason: 'file name ends with the word TIL' },
  { glob: `**/*${NOT_LETTER}${TIL}${NOT_LETTER}*.md`, reason: 'file name contains the word TIL' },
  { glob: `**/*{today-i-learned,today_i_learned,TodayILearned,todayilearned}*.md`, reason: 'file name says "today I learned"' },
  { glob: `**/{${TIL.slice(1, -1)},today-i-learned,TodayILearned,todayilearned}/**/*.md`, reason: 'inside a TIL folder' },
  { glob: '**/notes/**/*.md', reason: 'inside a notes folder' },
  { glob: `**/${YEAR}-${MONTH}-${DAY}*.md`, reason: 'dated file name (YYYY-MM-DD)' },
  { glob: `**/${MONTH}-${DAY}-${YEAR}*.md`, reason: 'dated file name (MM-DD-YYYY)' },
  { glob: `**/${YEAR}${MONTH}${DAY}*.md`, reason: 'dated file name (YYYYMMDD)' },
  { glob: `**/[0-9][0-9]${MONTH}${DAY}.md`, reason: 'dated file name (YYMMDD)' },
];

/** The reason a file found by `glob` was taken: the default's own words, or the user's glob quoted. */
export function reasonForGlob(glob: string): string {
  return DEFAULT_NOTE_GLOBS.find((g) => g.glob === glob)?.reason ?? `matches your include glob ${glob}`;
}
