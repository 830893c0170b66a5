import * as path from 'node:path';
import * as vscode from 'vscode';
import { noteCounts } from '../../core/index/noteCounts';
import { USER_SOURCES } from '../../core/index/sources';
import { filesText } from '../counts';
import type { Services } from '../services';

/** What the user picked, for tests and the walkthrough: where the choice was stored. */
export interface NotesChoice {
  readonly folder: string;
  readonly setting: 'notes.include' | 'notes.extraFolders';
  readonly target: 'workspace' | 'user';
}

const SECTION = 'tilCompanion';

/**
 * "TIL: Choose Notes Folder…": a preview of the notes found now, then a folder picker. A folder inside the
 * workspace becomes the workspace's include glob; a folder elsewhere joins the user's extra folders, so one
 * notes repository serves every window. `folder` (a path) skips the dialog, for the walkthrough's tests.
 */
export async function chooseNotesFolder(services: Services, folder?: string): Promise<NotesChoice | undefined> {
  const chosen = typeof folder === 'string' ? folder : await pickFolder(services);
  if (!chosen) return undefined;
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(chosen));
  const config = vscode.workspace.getConfiguration(SECTION);
  let choice: NotesChoice;
  if (workspaceFolder) {
    const relative = path.relative(workspaceFolder.uri.fsPath, chosen).split(path.sep).join('/');
    const glob = relative ? `${relative}/**/*.md` : '**/*.md';
    await config.update('notes.include', [glob], vscode.ConfigurationTarget.Workspace);
    choice = { folder: chosen, setting: 'notes.include', target: 'workspace' };
  } else {
    const current = config.inspect<string[]>('notes.extraFolders')?.globalValue ?? [];
    if (!current.includes(chosen)) await config.update('notes.extraFolders', [...current, chosen], vscode.ConfigurationTarget.Global);
    choice = { folder: chosen, setting: 'notes.extraFolders', target: 'user' };
  }
  services.output.info(`Notes folder chosen: ${chosen} (stored in ${choice.target} setting tilCompanion.${choice.setting})`);
  void vscode.window.showInformationMessage(vscode.l10n.t('TIL Companion now reads the notes in {0}.', chosen));
  return choice;
}

interface FoundPick extends vscode.QuickPickItem {
  readonly action: 'keep' | 'browse';
}

async function pickFolder(services: Services): Promise<string | undefined> {
  // The user's own notes, counted as the output channel and `inspect` count them (each question and term once).
  const own = noteCounts(services.index, USER_SOURCES);
  const items: FoundPick[] = [];
  if (own.notes) {
    items.push({
      action: 'keep',
      label: `$(check) ${vscode.l10n.t('Keep the notes found in this workspace')}`,
      description: filesText(own.notes),
      detail: vscode.l10n.t('{0} days, {1} questions, {2} terms, {3} problems', own.days, own.questions, own.terms, own.problems),
    });
  }
  items.push({
    action: 'browse',
    label: `$(folder-opened) ${vscode.l10n.t('Choose a folder…')}`,
    detail: vscode.l10n.t('A folder of Markdown notes, in this workspace or anywhere on this machine.'),
  });
  const picked = own.notes ? await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Your TIL notes') }) : items[0];
  if (!picked) return undefined;
  if (picked.action === 'keep') {
    void vscode.commands.executeCommand('workbench.view.extension.til');
    return undefined;
  }
  const uris = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: vscode.l10n.t('Use as Notes Folder'),
  });
  return uris?.[0]?.fsPath;
}
