import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { preferredGlossary } from '../../core/index/glossaryMerge';
import { isInside } from '../../node/fileChecks';
import type { Services } from '../services';

/** The name a new glossary gets: read wherever it sits in the workspace (notes/glossaryFiles.ts). */
export const NEW_GLOSSARY_NAME = 'til-glossary.yaml';

/**
 * "TIL: Add Glossary Entries…": the glossary the index read, opened at its end; else the template in an untitled
 * document already named `<first folder>/til-glossary.yaml`, so Save puts it where it is read without asking. The
 * extension writes nothing: the user saves. Only a file the index read (inside the workspace, links resolved) is
 * opened, and a new document is never named after a file already there, so a save cannot write through a link.
 */
export async function addGlossaryEntries(services: Pick<Services, 'context' | 'index' | 'output'>): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  const read = preferredGlossary(services.index.userGlossaryFiles(), folder?.uri.fsPath);
  if (read) return openAtEnd(vscode.Uri.file(read));
  const template = await readTemplate(services.context);
  if (!folder) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Save this as til-glossary.yaml in your notes folder (a folder you open, or one in the setting tilCompanion.notes.extraFolders): TIL Companion reads it there.',
      ),
    );
    return openUntitled(template);
  }
  const target = path.join(folder.uri.fsPath, NEW_GLOSSARY_NAME);
  if (await exists(target)) {
    // Not read (yet): the first load may still be under way, or the file is refused (too large, a link out).
    if (await isInside(target, [folder.uri.fsPath])) return openAtEnd(vscode.Uri.file(target));
    services.output.warn(`Add Glossary Entries: ${target} leads outside the workspace; not opened, not read`);
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        '{0} leads outside the workspace, so TIL Companion does not read it: replace the link with a file of your own.',
        target,
      ),
    );
    return openUntitled(template);
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(target).with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  // Run twice, the command finds its own unsaved document: the template goes in once.
  if (!document.getText()) await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), template));
  return editor;
}

async function readTemplate(context: vscode.ExtensionContext): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', 'til-glossary.yaml'));
  return new TextDecoder().decode(bytes);
}

async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  return vscode.window.showTextDocument(document, { preview: false });
}

async function openAtEnd(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const end = document.lineAt(document.lineCount - 1).range.end;
  return vscode.window.showTextDocument(document, { preview: false, selection: new vscode.Range(end, end) });
}

/** lstat: a link is there even when what it points at is not (a save must not write through it). */
async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}
