// What the extension host does with parsed glossaries, apart from parsing them (parseGlossary runs in a parse worker):
// kept out of glossary.ts so that the host's bundle does not carry the YAML parser.
import type { Glossary } from './glossary';
import { termKey } from '../text';

/** A glossary is a hand-written list; one this large is not one (and would only slow every activation). */
export const MAX_GLOSSARY_CHARS = 1024 * 1024;

/**
 * The glossaries to look up, ours first, with every identifier the user's glossaries define taken out of ours (their
 * senses replace ours), and the concept names joined into groups (a user's `Mutex: [상호 배제 잠금]` extends our
 * `뮤텍스: [Mutex]`): each name's key → the other names' keys.
 */
export function mergeGlossaries(
  glossaries: Glossary[],
  keyOf: (code: string) => string,
): { glossaries: Glossary[]; conceptKeys: Map<string, string[]> } {
  const theirs = glossaries.filter((g) => g.origin === 'user');
  const ours = glossaries.filter((g) => g.origin !== 'user');
  const overridden = new Set(theirs.flatMap((g) => g.entries.map((e) => keyOf(e.code))));
  const merged = [...ours.map((g) => ({ ...g, entries: g.entries.filter((e) => !overridden.has(keyOf(e.code))) })), ...theirs];
  const groups = new Map<string, Set<string>>();
  for (const g of merged) {
    for (const concept of g.concepts ?? []) {
      const keys = concept.names.map(termKey).filter(Boolean);
      const group = new Set<string>(keys);
      for (const k of keys) for (const member of groups.get(k) ?? []) group.add(member);
      for (const k of group) groups.set(k, group);
    }
  }
  const conceptKeys = new Map<string, string[]>();
  for (const [k, group] of groups)
    conceptKeys.set(
      k,
      [...group].filter((m) => m !== k),
    );
  return { glossaries: merged, conceptKeys };
}

/** Why a glossary file was left unread (the checks before reading, or the read itself failed). */
const NOT_READ = new Set(['outside-workspace', 'too-large', 'unreadable']);

/** The user's glossary files that were read: what "you have a glossary" means to the walkthrough and the command. */
export function userGlossaryFiles(glossaries: readonly Glossary[]): string[] {
  return glossaries.filter((g) => g.origin === 'user' && !g.problems.some((p) => NOT_READ.has(p.code))).map((g) => g.file);
}

/**
 * The glossary to open when the user has several: a `til-glossary.yaml` before a legacy `glossary.yaml` or a file of
 * the settings, one in the first workspace folder before one elsewhere; else the first given.
 */
export function preferredGlossary(files: readonly string[], firstFolder?: string): string | undefined {
  const rank = (file: string) =>
    (/(^|[\\/])til-glossary\.ya?ml$/i.test(file) ? 0 : 2) + (firstFolder && isUnder(file, firstFolder) ? 0 : 1);
  let best: string | undefined;
  for (const file of files) if (best === undefined || rank(file) < rank(best)) best = file;
  return best;
}

function isUnder(file: string, folder: string): boolean {
  const root = /[\\/]$/.test(folder) ? folder : folder + (folder.includes('\\') && !folder.includes('/') ? '\\' : '/');
  return file.startsWith(root);
}
