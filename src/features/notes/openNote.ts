import * as vscode from 'vscode';
import type { NoteIndex } from '../../core/index/noteIndex';
import { isTermLinkArgs } from '../../core/hover/links';

/**
 * Opens notes at a spot, for the tree, hovers, search, the quiz and the diagram panels alike. The starter notes
 * open read-only from where the extension keeps them: an edit there would change the installed copy (gone at the
 * next update) or, under `npm start`, the clone's `notes/` through the temporary extensions folder's link.
 */
export function noteOpener(index: NoteIndex) {
  return async function openLocation(file: string, line: number, viewColumn?: vscode.ViewColumn): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const position = new vscode.Position(Math.max(0, line - 1), 0);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn,
      selection: new vscode.Range(position, position),
      preview: true,
    });
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    // showTextDocument made it the active editor, which is the one this command marks.
    if (index.sourceOf(file) === 'starter') await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
  };
}

/**
 * `til.openLocation`: from a hover link `{ term }` (the note that explains the term), or from the tree
 * and pickers `(file, line)` for a note the index holds. A command link can run this too, so it opens
 * nothing the index does not know.
 */
export async function openIndexedLocation(
  index: NoteIndex,
  openLocation: (file: string, line: number) => Promise<void>,
  target: unknown,
  line: unknown,
): Promise<void> {
  if (isTermLinkArgs(target)) {
    // The same look-up the hover made (its fields), then the passage it showed or one of the others it listed.
    const term = index.termWithin(target.term, target.topics);
    const place = target.place === undefined ? term : term?.others[target.place];
    if (place) await openLocation(place.file, place.line);
    return;
  }
  if (typeof target === 'string' && index.note(target)) {
    await openLocation(target, typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : 1);
  }
}
