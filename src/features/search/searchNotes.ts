import * as vscode from 'vscode';
import { isTermLinkArgs } from '../../core/hover/links';
import * as path from 'node:path';
import type { NoteIndex } from '../../core/index/noteIndex';
import { plainPreview } from '../../core/plainPreview';
import { Commands, type Services } from '../services';

interface Pick extends vscode.QuickPickItem {
  file?: string;
  line?: number;
}

const PREVIEW_CHARS = 120;

/** Note text shown as written: the quick pick would draw `$(name)` as a theme icon. */
const literal = (text: string) => text.replace(/\$\(/g, '\\$(');

/** Quick pick over terms, questions and sections; accepting opens the note at the spot. */
export function buildSearchItems(index: NoteIndex): Pick[] {
  const items: Pick[] = [];
  items.push({ label: vscode.l10n.t('Terms'), kind: vscode.QuickPickItemKind.Separator });
  for (const t of index.terms()) {
    items.push({
      label: `$(symbol-key) ${literal(t.term)}`,
      description: literal(t.allAliases.join(', ')),
      detail: literal(plainPreview(t.summary, PREVIEW_CHARS)),
      file: t.file,
      line: t.line,
    });
  }
  items.push({ label: vscode.l10n.t('Questions'), kind: vscode.QuickPickItemKind.Separator });
  for (const g of index.cardGroups()) {
    const p = g.places[0];
    items.push({
      label: `$(question) ${literal(g.question)}`,
      description: `${literal(path.basename(p.file))}:${p.line}`,
      detail: literal(plainPreview(g.answer, PREVIEW_CHARS)),
      file: p.file,
      line: p.line,
    });
  }
  items.push({ label: vscode.l10n.t('Sections'), kind: vscode.QuickPickItemKind.Separator });
  for (const s of index.sections()) {
    if (s.question) continue;
    items.push({
      label: `$(symbol-namespace) ${literal(s.title)}`,
      description: `${literal(path.basename(s.file))}:${s.line}`,
      file: s.file,
      line: s.line,
    });
  }
  return items;
}

export function registerSearch(services: Services): vscode.Disposable {
  // The argument: a query, or `{ term }` from a hover link (the term's name is looked up, not carried).
  return vscode.commands.registerCommand(Commands.search, async (initial?: unknown) => {
    const pick = vscode.window.createQuickPick<Pick>();
    pick.placeholder = vscode.l10n.t('Search terms, questions and sections in your TIL notes');
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    pick.items = buildSearchItems(services.index);
    if (typeof initial === 'string') pick.value = initial;
    else if (isTermLinkArgs(initial)) pick.value = services.index.term(initial.term)?.term ?? '';
    const chosen = await new Promise<Pick | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    if (chosen?.file && chosen.line) await services.openLocation(chosen.file, chosen.line);
  });
}
