import * as vscode from 'vscode';
import { readWalkthroughOnFirstRun } from '../config';

/** The walkthrough's id as VS Code knows it: `<publisher>.<name>#<walkthrough id>`. */
export const WALKTHROUGH_ID = 'til-companion.til-companion#tilCompanion.firstSteps';
const SHOWN_KEY = 'til.walkthroughShown';

/**
 * Opens a small C file (untitled: nothing is written) with the cursor on `fork` and shows the hover there,
 * so the "hover a term" step happens in one click whatever the workspace holds.
 */
export async function tryHover(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const sample = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'media', 'walkthrough', 'sample.c'));
  const document = await vscode.workspace.openTextDocument({ language: 'c', content: new TextDecoder().decode(sample) });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const line = document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes('fork('));
  const column = document.lineAt(Math.max(0, line)).text.indexOf('fork') + 1;
  const position = new vscode.Position(Math.max(0, line), Math.max(0, column));
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');
  return editor;
}

/**
 * The first time the extension runs in a profile, open the walkthrough, unless `walkthrough.openOnFirstRun` is
 * off (test workbenches turn it off). VS Code's own `walkthroughs.openOnInstall` cannot serve: it is not visible
 * to a remote extension host (code-server), and an extension installed from the command line is never "installed".
 */
export async function openWalkthroughOnFirstRun(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  if (!readWalkthroughOnFirstRun()) return;
  await context.globalState.update(SHOWN_KEY, true);
  output.info('First run in this profile: opening the walkthrough');
  await vscode.commands
    .executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false)
    .then(undefined, (error) => output.warn(`Could not open the walkthrough: ${error}`));
}
