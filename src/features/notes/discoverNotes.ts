import * as vscode from 'vscode';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NoteSource, Problem } from '../../core/model';
import type { GlossaryOrigin } from '../../core/index/glossary';
import { useStarterNotes } from '../../core/index/sources';
import { reasonForGlob } from '../../core/notes/discovery';
import { tooLargeProblem } from '../../core/notes/sizeLimit';
import { isInside, outsideProblem } from '../../node/fileChecks';
import type { TilConfig } from '../config';
import { discoverGlossaries } from './glossaryFiles';
import { NOTE_GLOB_EXT, walkFolder } from './walkFolder';

/** The most files one include glob's search returns (findFiles maxResults). */
export const FIND_FILES_LIMIT = 20_000;

export interface DiscoveredNotes {
  /** The note files to read, the user's and (when the settings say so) the starter notes. */
  notes: string[];
  sources: Map<string, NoteSource>;
  glossaries: Map<string, GlossaryOrigin>;
  skipped: string[];
  /** Why each note was taken, for the log. */
  reasons: Map<string, string>;
  sourceProblems: Problem[];
  /** Folders notes and glossaries must stay inside (links resolved): the workspace folders, the notes roots, ours. */
  roots: string[];
}

/**
 * Every note file (with its source) and glossary the settings point at; files over the size limit or behind outside
 * links are skipped. The user's notes are found first: in auto mode the starter notes join only when there are none.
 * `searched` is told when the workspace search has answered (the log's account of a first load).
 */
export async function discoverNotes(config: TilConfig, extensionPath: string, searched?: () => void): Promise<DiscoveredNotes> {
  const notes = new Set<string>();
  const sources = new Map<string, NoteSource>();
  const reasons = new Map<string, string>();
  const glossaries = new Set<string>();
  const skipped: string[] = [];
  const sourceProblems: Problem[] = [];
  const extraRoots = vscode.workspace.isTrusted ? config.extraFolders.map(expandHome) : [];
  for (const root of extraRoots) {
    await walkFolder(root, notes, glossaries, skipped);
    for (const file of notes) {
      if (sources.has(file)) continue;
      sources.set(file, 'extra');
      reasons.set(file, `inside the extra notes folder ${root}`);
    }
  }

  const bundled = path.join(extensionPath, 'notes');
  const folders = vscode.workspace.workspaceFolders ?? [];
  const allowedRoots = [...folders.map((f) => f.uri.fsPath), ...extraRoots];
  if (folders.length) {
    const exclude = `{**/node_modules/**,**/.git/**${config.exclude.map((e) => ',' + e).join('')}}`;
    // All at once, the glossaries' search too: each is a round trip through the workbench, slow while it starts.
    const [glossaryFiles, ...found] = await Promise.all([
      vscode.workspace.findFiles('**/{til-glossary,glossary}.{yaml,yml}', exclude, 50),
      ...config.include.map((glob) => vscode.workspace.findFiles(glob, exclude, FIND_FILES_LIMIT)),
    ]);
    searched?.();
    for (const [i, uris] of found.entries()) {
      if (uris.length < FIND_FILES_LIMIT) continue;
      sourceProblems.push({
        file: folders[0].uri.fsPath, severity: 'warning', code: 'too-many-files',
        message: `The notes search "${config.include[i]}" stopped at ${FIND_FILES_LIMIT.toLocaleString('en-US')} files; notes past them are left out. Narrow tilCompanion.notes.include or add folders to tilCompanion.notes.exclude.`,
      });
    }
    for (const [i, uris] of found.entries()) for (const uri of uris) if (!reasons.has(uri.fsPath)) reasons.set(uri.fsPath, reasonForGlob(config.include[i]));
    for (const uri of found.flat()) {
      if (uri.scheme !== 'file' || !NOTE_GLOB_EXT.test(uri.fsPath) || notes.has(uri.fsPath)) continue;
      if (!(await isInside(uri.fsPath, allowedRoots))) {
        sourceProblems.push(outsideProblem(uri.fsPath, 'note'));
        continue;
      }
      notes.add(uri.fsPath);
      sources.set(uri.fsPath, 'workspace');
    }
    for (const uri of glossaryFiles) if (uri.scheme === 'file') glossaries.add(uri.fsPath);
  }
  const sized = await Promise.all(
    [...notes].map(async (file) => {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.file(file)).then(undefined, () => undefined);
      if (stat && stat.size > config.maxNoteSizeKB * 1024) {
        sourceProblems.push(tooLargeProblem(file, stat.size, config.maxNoteSizeKB * 1024));
        return undefined;
      }
      return file;
    }),
  );
  const userNotes = sized.filter((f): f is string => !!f);

  const starterNotes = new Set<string>();
  if (useStarterNotes(config.includeBundledNotes, userNotes.length)) {
    await walkFolder(bundled, starterNotes, new Set(), skipped);
    for (const file of starterNotes) {
      sources.set(file, 'starter');
      reasons.set(file, config.includeBundledNotes === 'auto' ? 'starter notes (none of yours found yet)' : 'starter notes bundled with the extension');
    }
  }
  const glossary = await discoverGlossaries({ bundled: path.join(bundled, 'glossary.yaml'), found: glossaries, notes: userNotes, settingFiles: config.glossaryFiles });
  skipped.push(...glossary.skipped);
  return {
    notes: [...userNotes, ...starterNotes].sort(),
    sources,
    glossaries: glossary.files,
    skipped,
    reasons,
    sourceProblems,
    // Our folder too: the bundled glossary is read from it whether the starter notes are on or not.
    roots: [...allowedRoots, bundled],
  };
}

function expandHome(p: string): string {
  return p.startsWith('~') ? path.join(os.homedir(), p.slice(1)) : p;
}
