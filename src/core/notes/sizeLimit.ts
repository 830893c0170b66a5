import type { Problem } from '../model';

export const DEFAULT_MAX_NOTE_BYTES = 2 * 1024 * 1024;

/** The problem of a note over the size limit: made by the parser, or before reading from the file's size. */
export function tooLargeProblem(file: string, size: number, maxBytes: number): Problem {
  return {
    file, severity: 'warning', code: 'too-large',
    message: `Skipped: the note is ${formatSize(size)}, over the ${formatSize(maxBytes)} limit for notes.`,
  };
}

/** A size as people read it: `512 KB` under a megabyte (a limit set in KB must not read "0.0 MB"), else `2.5 MB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1048576) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
