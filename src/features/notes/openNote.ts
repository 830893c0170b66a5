import * as vscode from 'vscode';
import type { NoteIndex } from '../../core/index/noteIndex';
import { isTermLinkArgs, type TermLinkArgs } from '../../core/hover/links';

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
    const place = linkedPlace(index, target);
    if (place) await openLocation(place.file, place.line);
    return;
  }
  if (typeof target === 'string' && index.note(target)) {
    await openLocation(target, typeof line === 'number' && Number.isInteger(line) && line > 0 ? line : 1);
  }
}

/** The place a link's look-up stands for: the same look-up the hover made, then its passage or the n-th other place. */
export function linkedPlace(index: NoteIndex, args: TermLinkArgs): { file: string; line: number } | undefined {
  const term = index.termWithin(args.term, args.topics);
  return args.place === undefined ? term : term?.others[args.place];
}
