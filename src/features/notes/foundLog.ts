/** How many newly found note files the log names one by one. */
export const FOUND_LISTED = 200;

/**
 * The log entry for note files found for the first time: one message, naming the first FOUND_LISTED files (a line
 * per file as its own message was thousands of messages in one turn of the extension host for a large folder).
 */
export function foundFilesMessage(files: readonly string[], describe: (file: string) => string): string {
  const listed = files.slice(0, FOUND_LISTED).map((file) => `  ${describe(file)}`);
  if (files.length > FOUND_LISTED) listed.push(`  … and ${files.length - FOUND_LISTED} more`);
  return [`Found ${files.length} new note file(s):`, ...listed].join('\n');
}
