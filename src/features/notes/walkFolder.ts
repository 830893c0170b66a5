import * as vscode from 'vscode';
import * as path from 'node:path';
import { ANY_GLOSSARY } from './glossaryFiles';

export const NOTE_GLOB_EXT = /\.(md|markdown)$/i;

/**
 * The note files (and glossary files) of a notes folder and its subfolders, read through workspace.fs. Links are
 * never followed out of the folder; hidden folders, node_modules and README.md are left out. A folder that cannot be
 * read is reported in `skipped`.
 */
export async function walkFolder(root: string, notes: Set<string>, glossaries: Set<string>, skipped: string[]): Promise<void> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(root));
  } catch {
    skipped.push(`Notes folder not found: ${root}`);
    return;
  }
  for (const [name, type] of entries) {
    const full = path.join(root, name);
    if (type & vscode.FileType.SymbolicLink) continue; // never follow links out of a notes folder
    if (type === vscode.FileType.Directory && !name.startsWith('.') && name !== 'node_modules') await walkFolder(full, notes, glossaries, skipped);
    else if (type === vscode.FileType.File && NOTE_GLOB_EXT.test(name) && !/^readme\.md$/i.test(name)) notes.add(full);
    else if (type === vscode.FileType.File && ANY_GLOSSARY.test(name)) glossaries.add(full);
  }
}
