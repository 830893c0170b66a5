import * as vscode from 'vscode';
import { Commands, type Services } from '../services';
import { SECTION, Setting } from '../settingKeys';
import { chooseNotesFolder } from './chooseNotes';
import { markStepDone } from './stepsDone';
import { addGlossaryEntries, openWalkthroughOnFirstRun, tryHover, WALKTHROUGH_ID } from './walkthrough';

const NOTES_SETTINGS = [Setting.include, Setting.extraFolders].map((key) => `${SECTION}.${key}`);

/** The first five minutes: choosing the notes, and the walkthrough's one-click steps. */
export function registerOnboarding(services: Services): vscode.Disposable {
  const { context } = services;
  // Notes chosen by editing the settings, or before this version ticked the step: it is done.
  if (NOTES_SETTINGS.some(isSetByUser)) markStepDone(services, 'chooseNotes');
  const disposables = [
    vscode.commands.registerCommand(Commands.chooseNotesFolder, (folder?: unknown) => {
      markStepDone(services, 'chooseNotes');
      return chooseNotesFolder(services, typeof folder === 'string' ? folder : undefined);
    }),
    vscode.commands.registerCommand(Commands.tryHover, () => {
      markStepDone(services, 'hover');
      return tryHover(context);
    }),
    vscode.commands.registerCommand(Commands.addGlossaryEntries, () => {
      markStepDone(services, 'glossary');
      return addGlossaryEntries(context);
    }),
    vscode.commands.registerCommand(Commands.openWalkthrough, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (NOTES_SETTINGS.some((key) => e.affectsConfiguration(key))) markStepDone(services, 'chooseNotes');
    }),
    notesFound(services),
  ];
  void openWalkthroughOnFirstRun(context, services.output);
  return vscode.Disposable.from(...disposables);
}

/** Notes found in the opened folder need no choosing: the step is done once the first of them is in the index. */
function notesFound(services: Services): vscode.Disposable {
  if (services.index.hasUserNotes()) {
    markStepDone(services, 'chooseNotes');
    return vscode.Disposable.from();
  }
  const listener = services.index.onDidChange(() => {
    if (!services.index.hasUserNotes()) return;
    markStepDone(services, 'chooseNotes');
    listener.dispose();
  });
  return listener;
}

/** A value in the user's, the workspace's or a folder's settings, not only the default. */
function isSetByUser(key: string): boolean {
  const seen = vscode.workspace.getConfiguration().inspect(key);
  return !!seen && [seen.globalValue, seen.workspaceValue, seen.workspaceFolderValue].some((v) => v !== undefined);
}
