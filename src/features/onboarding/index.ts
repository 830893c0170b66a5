import * as vscode from 'vscode';
import { Commands, type Services } from '../services';
import { SECTION, Setting } from '../settingKeys';
import { chooseNotesFolder } from './chooseNotes';
import { markStepDone, reportedSteps, type WalkthroughStep } from './stepsDone';
import { addGlossaryEntries } from './addGlossary';
import { openWalkthroughOnFirstRun, tryHover, WALKTHROUGH_ID } from './walkthrough';

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
      return addGlossaryEntries(services);
    }),
    vscode.commands.registerCommand(Commands.openWalkthrough, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (NOTES_SETTINGS.some((key) => e.affectsConfiguration(key))) markStepDone(services, 'chooseNotes');
    }),
    // Notes found in the opened folder need no choosing; a glossary of the user's the index read was added.
    doneOnceIndexed(services, 'chooseNotes', () => services.index.hasUserNotes()),
    doneOnceIndexed(services, 'glossary', () => services.index.userGlossaryFiles().length > 0),
  ];
  if (context.extensionMode === vscode.ExtensionMode.Test)
    disposables.push(vscode.commands.registerCommand('til.test.walkthroughStepsReported', () => reportedSteps(context)));
  void openWalkthroughOnFirstRun(context, services.output);
  return vscode.Disposable.from(...disposables);
}

/** The step is done once the index holds what doing it gives (`done`): at once, or when it first does. */
function doneOnceIndexed(services: Services, step: WalkthroughStep, done: () => boolean): vscode.Disposable {
  if (done()) {
    markStepDone(services, step);
    return vscode.Disposable.from();
  }
  const listener = services.index.onDidChange(() => {
    if (!done()) return;
    markStepDone(services, step);
    listener.dispose();
  });
  return listener;
}

/** A value in the user's, the workspace's or a folder's settings, not only the default. */
function isSetByUser(key: string): boolean {
  const seen = vscode.workspace.getConfiguration().inspect(key);
  return !!seen && [seen.globalValue, seen.workspaceValue, seen.workspaceFolderValue].some((v) => v !== undefined);
}
