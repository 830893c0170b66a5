/**
 * Explain's "Open in …" links where the URI handler cannot be reached from a preview (VS Code in a browser other than
 * vscode.dev, such as code-server: core/notes/placeLink.ts). The explanation is a Markdown file of ours (in the
 * extension's storage, never beside the notes) and the preview follows relative links from it, so a link is the
 * relative path from that file to the indexed note plus `#L<line>`. Only the indexed path and line go in.
 */

/**
 * The relative link from the document at `fromPath` to line `line` of `toPath` (`../../notes/til.md#L12`), or
 * undefined where no relative path exists (another drive, a path that is not absolute). Both are URI paths
 * (`vscode.Uri.path`: forward slashes, `/c:/…` on Windows). Every segment is percent-encoded, so spaces, brackets
 * and parentheses in a path cannot end the Markdown link.
 */
export function relativeLineLink(fromPath: string, toPath: string, line: number): string | undefined {
  const from = segmentsOf(fromPath);
  const to = segmentsOf(toPath);
  if (!from || !to || !from.length || !to.length) return undefined;
  const fromDir = from.slice(0, -1);
  const drive = /^[a-z]:$/i;
  const fromDrive = fromDir.length && drive.test(fromDir[0]) ? fromDir[0].toLowerCase() : '';
  const toDrive = drive.test(to[0]) ? to[0].toLowerCase() : '';
  if (fromDrive !== toDrive) return undefined;
  let common = 0;
  while (common < fromDir.length && common < to.length - 1 && sameSegment(fromDir[common], to[common], fromDrive !== ''))
    common++;
  const up = fromDir.slice(common).map(() => '..');
  const down = to.slice(common).map(encodeSegment);
  const fragment = Number.isInteger(line) && line > 0 ? `#L${line}` : '';
  return [...up, ...down].join('/') + fragment;
}

/** `name.md:12` as plain Markdown text: where a relative link cannot reach, the user still reads where to look. */
export function lineLabel(file: string, line: number): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return `${name}:${line}`;
}

function segmentsOf(uriPath: string): string[] | undefined {
  if (!uriPath.startsWith('/')) return undefined;
  const segments = uriPath.split('/').filter((s) => s !== '');
  // An indexed path is absolute and normalised; anything else is not ours to resolve.
  return segments.some((s) => s === '.' || s === '..') ? undefined : segments;
}

function sameSegment(a: string, b: string, windows: boolean): boolean {
  return windows ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
