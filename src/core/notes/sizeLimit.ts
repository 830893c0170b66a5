import type { Problem } from '../model';

export const DEFAULT_MAX_NOTE_BYTES = 2 * 1024 * 1024;

/** The problem of a note over the size limit: made by the parser, or before reading from the file's size. */
export function tooLargeProblem(file: string, size: number, maxBytes: number): Problem {
  return {
    file, severity: 'warning', code: 'too-large',
    message: `Skipped: the note is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit for notes.`,
  };
}
