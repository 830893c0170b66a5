import * as vscode from 'vscode';
import { Commands, type Services } from '../services';
import { chooseNotesFolder } from './chooseNotes';
import { addGlossaryEntries, openWalkthroughOnFirstRun, tryHover, WALKTHROUGH_ID } from './walkthrough';

/** The first five minutes: choosing the notes, and the walkthrough's one-click steps. */
export function registerOnboarding(services: Services): vscode.Disposable {
  const { context } = services;
  const disposables = [
    vscode.commands.registerCommand(Commands.chooseNotesFolder, (folder?: unknown) =>
      chooseNotesFolder(services, typeof folder === 'string' ? folder : undefined),
    ),
    vscode.commands.registerCommand(Commands.tryHover, () => tryHover(context)),
    vscode.commands.registerCommand(Commands.addGlossaryEntries, () => addGlossaryEntries(context)),
    vscode.commands.registerCommand(Commands.openWalkthrough, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false),
    ),
  ];
  void openWalkthroughOnFirstRun(context, services.output);
  return vscode.Disposable.from(...disposables);
}
