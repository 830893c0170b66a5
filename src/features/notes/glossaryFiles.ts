import * as vscode from 'vscode';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import type { GlossaryOrigin } from '../../core/index/glossary';

/** The user's glossary beside their notes; `glossary.yaml` is still read where it sits beside a note (older setups). */
export const USER_GLOSSARY = /(^|[\\/])til-glossary\.ya?ml$/i;
export const LEGACY_GLOSSARY = /(^|[\\/])glossary\.ya?ml$/i;
/** A glossary file, ours or theirs: what the file watcher reacts to. */
export const ANY_GLOSSARY = /(^|[\\/])(til-)?glossary\.ya?ml$/i;

export interface GlossaryDiscovery {
  /** Every glossary to read, ours first, with whose it is. */
  files: Map<string, GlossaryOrigin>;
  skipped: string[];
}

/**
 * Which glossaries to read. Ours always, whether the starter notes are on or not: it maps code to concepts, not to
 * our notes. Theirs: `til-glossary.yaml` anywhere in the workspace or the extra folders, `glossary.yaml` beside one of
 * their notes, and the files in `tilCompanion.glossary.files` (relative to a workspace folder, or absolute). Whether a
 * file may be read at all (inside the workspace or a notes folder, under the size cap) is loadGlossaryFile's check.
 */
export async function discoverGlossaries(options: {
  bundled: string;
  /** Glossaries found while walking the extra folders and in the workspace. */
  found: Iterable<string>;
  /** The user's note files: a legacy `glossary.yaml` counts only beside one of them. */
  notes: Iterable<string>;
  settingFiles: string[];
}): Promise<GlossaryDiscovery> {
  const files = new Map<string, GlossaryOrigin>([[options.bundled, 'bundled']]);
  const skipped: string[] = [];
  const noteFolders = new Set([...options.notes].map((f) => path.dirname(f)));
  for (const file of options.found) {
    if (files.has(file)) continue;
    if (USER_GLOSSARY.test(file) || (LEGACY_GLOSSARY.test(file) && noteFolders.has(path.dirname(file)))) files.set(file, 'user');
  }
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  for (const entry of options.settingFiles) {
    const resolved = await resolveSettingFile(entry, folders);
    if (resolved) files.set(resolved, 'user');
    else skipped.push(`Glossary ${entry} (setting tilCompanion.glossary.files) was not found in the workspace.`);
  }
  return { files, skipped };
}

async function resolveSettingFile(entry: string, folders: string[]): Promise<string | undefined> {
  if (!entry.trim()) return undefined;
  const tries = path.isAbsolute(entry) ? [entry] : folders.map((f) => path.join(f, entry));
  for (const file of tries) {
    if (await fs.stat(file).then((s) => s.isFile(), () => false)) return path.resolve(file);
  }
  return undefined;
}
