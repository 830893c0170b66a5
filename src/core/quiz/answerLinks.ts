/**
 * Where a link clicked in a quiz answer may go. Answers come from notes, so a link is a stranger's:
 * web and mail links open outside (VS Code asks first); a relative link opens a file only when it
 * resolves inside the workspace or a notes folder; absolute paths, `//host/x`, UNC paths (`\\host\x`)
 * and every other scheme go nowhere. Pure: paths are compared with `/` separators.
 */

export type AnswerLinkTarget =
  | { kind: 'external'; url: string }
  | { kind: 'file'; path: string; line?: number }
  | { kind: 'blocked'; reason: 'scheme' | 'network' | 'absolute' | 'outside' | 'invalid' };

/** Two slashes or backslashes in a row at the start: a network path (`//host/x`, `\\host\x`, `/\host`). */
export function isNetworkPath(href: string): boolean {
  return /^[\\/]{2}/.test(href.replace(/[\u0000-\u0020\u007f-\u009f]+/g, ''));
}

/** A path of the local file system, absolute: `/x`, `C:\x`, `C:/x`. */
function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[a-zA-Z]:\//.test(p);
}

/** `a/./b/../c` → `a/c`; undefined when `..` climbs above the root. */
function normalise(p: string): string | undefined {
  const drive = /^[a-zA-Z]:/.exec(p)?.[0] ?? '';
  const parts: string[] = [];
  for (const part of p.slice(drive.length).split('/')) {
    if (!part || part === '.') continue;
    if (part === '..') {
      if (!parts.length) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return `${drive}/${parts.join('/')}`;
}

const slashes = (p: string) => p.replace(/\\/g, '/');

/** Is `file` inside `dir` (or `dir` itself)? Drive letters compare without case. */
export function isInsideFolder(file: string, dir: string): boolean {
  const f = normalise(slashes(file));
  const d = normalise(slashes(dir));
  if (!f || !d) return false;
  const windows = /^[a-zA-Z]:/.test(d);
  const [ff, dd] = windows ? [f.toLowerCase(), d.toLowerCase()] : [f, d];
  return ff === dd || ff.startsWith(dd.endsWith('/') ? dd : dd + '/');
}

/**
 * The target of `href`, clicked in an answer from `noteFile`; relative links must land inside one
 * of `roots` (the workspace folders and the notes folders).
 */
export function resolveAnswerLink(href: string, noteFile: string | undefined, roots: readonly string[]): AnswerLinkTarget {
  const clean = href.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  if (/^(https?|mailto):/i.test(clean)) return { kind: 'external', url: clean };
  if (isNetworkPath(clean)) return { kind: 'blocked', reason: 'network' };
  if (/^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(clean)) return { kind: 'blocked', reason: 'scheme' };
  if (!noteFile) return { kind: 'blocked', reason: 'invalid' };
  const [rawPath, fragment] = href.split('#');
  let rel: string;
  try {
    rel = slashes(decodeURIComponent(rawPath.split('?')[0]).trim());
  } catch {
    return { kind: 'blocked', reason: 'invalid' };
  }
  // Decoding can reveal what the raw text hid (`%5C%5Chost`, `%2F%2Fhost`).
  if (isNetworkPath(rel)) return { kind: 'blocked', reason: 'network' };
  if (isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return { kind: 'blocked', reason: 'absolute' };
  const base = slashes(noteFile);
  const dir = base.slice(0, base.lastIndexOf('/') + 1);
  const target = rel ? normalise(dir + rel) : normalise(base);
  if (!target || !roots.some((root) => isInsideFolder(target, root))) return { kind: 'blocked', reason: 'outside' };
  const line = /^L(\d{1,7})$/.exec(fragment ?? '')?.[1];
  return { kind: 'file', path: target, line: line ? Number(line) : undefined };
}
