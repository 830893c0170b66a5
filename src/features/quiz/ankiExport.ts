import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { builtinDiagram } from '../../core/diagrams/builtin';
import type { CardGroup } from '../../core/index/noteIndex';
import { ankiTsv } from '../../core/quiz/ankiExport';

/**
 * "Export Quiz Cards for Anki…": every card the quiz asks (the notes' questions and the card kinds
 * switched on), except those marked "not a question", as a tab-separated file Anki imports. The file
 * goes where the user picks in the save dialog; nothing else is written.
 */
export async function exportAnkiCards(cards: readonly CardGroup[], now: Date): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `til-cards-${now.toISOString().slice(0, 10)}.txt`;
  const target = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Export Quiz Cards for Anki'),
    saveLabel: vscode.l10n.t('Export'),
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { [vscode.l10n.t('Anki text file (tab-separated)')]: ['txt', 'tsv'] },
  });
  if (!target) return undefined;
  const text = ankiTsv(cards, {
    // A link that opens the note at the card in VS Code (desktop) from Anki.
    sourceLink: (file, line) => `${vscode.env.uriScheme}://file${vscode.Uri.file(file).path}:${line}`,
    diagramTitle: (id) => builtinDiagram(id)?.title,
  });
  try {
    await fs.promises.writeFile(target.fsPath, text, 'utf8');
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Exported {0} cards for Anki to {1}.', cards.length, path.basename(target.fsPath)),
    );
    return target.fsPath;
  } catch (err) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the cards: {0}', err instanceof Error ? err.message : String(err)));
    return undefined;
  }
}
