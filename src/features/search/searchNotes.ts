import * as vscode from 'vscode';
import { isTermLinkArgs } from '../../core/hover/links';
import * as path from 'node:path';
import type { NoteIndex } from '../../core/index/noteIndex';
import { plainPreview } from '../../core/plainPreview';
import { foundByName, searchEntries, type SearchEntry } from '../../core/index/searchEntries';
import { Commands, type Services } from '../services';

interface Pick extends vscode.QuickPickItem {
  file?: string;
  line?: number;
  entry?: SearchEntry;
}

const PREVIEW_CHARS = 120;

/** Note text shown as written: the quick pick would draw `$(name)` as a theme icon. */
const literal = (text: string) => text.replace(/\$\(/g, '\\$(');

const ICONS = { term: 'symbol-key', question: 'question', section: 'symbol-namespace' } as const;

/**
 * Quick pick over terms, questions and sections, each place of the notes once (core `searchEntries`); accepting
 * opens the note at the spot. The place leads the detail line, where a long question cannot push it out of sight.
 */
export function buildSearchItems(index: NoteIndex): Pick[] {
  const entries = searchEntries(index);
  const items: Pick[] = [];
  const separators = { term: vscode.l10n.t('Terms'), question: vscode.l10n.t('Questions'), section: vscode.l10n.t('Sections') };
  let kind: SearchEntry['kind'] | undefined;
  for (const e of entries) {
    if (e.kind !== kind) {
      kind = e.kind;
      items.push({ label: separators[kind], kind: vscode.QuickPickItemKind.Separator });
    }
    const place = `${path.basename(e.file)}:${e.line}`;
    const preview = e.passage ? plainPreview(e.passage, PREVIEW_CHARS) : '';
    items.push({
      label: `$(${ICONS[e.kind]}) ${literal(e.title)}`,
      description: e.alsoCalled.length ? vscode.l10n.t('also called {0}', literal(e.alsoCalled.join(', '))) : undefined,
      detail: literal(preview ? `${place} · ${preview}` : place),
      file: e.file,
      line: e.line,
      entry: e,
    });
  }
  return items;
}

/**
 * The items, those a search for `query` finds by a name (core `foundByName`: any spelling, and the names that only
 * restate the title, which are not shown) always shown: the quick pick itself matches only the text it shows.
 */
export function withNameMatches(items: readonly Pick[], query: string): Pick[] {
  return items.map((item) => {
    const found = item.entry !== undefined && foundByName(item.entry, query);
    return found === Boolean(item.alwaysShow) ? item : { ...item, alwaysShow: found };
  });
}

export function registerSearch(services: Services): vscode.Disposable {
  // The argument: a query, or `{ term }` from a hover link (the term's name is looked up, not carried).
  return vscode.commands.registerCommand(Commands.search, async (initial?: unknown) => {
    const pick = vscode.window.createQuickPick<Pick>();
    pick.placeholder = vscode.l10n.t('Search terms, questions and sections in your TIL notes');
    // Names are found by `withNameMatches` (any spelling): the description's "also called" would match every row.
    pick.matchOnDescription = false;
    pick.matchOnDetail = true;
    const items = buildSearchItems(services.index);
    pick.items = items;
    const showFoundByName = (query: string) => {
      const next = withNameMatches(items, query);
      // Setting the items again resets the highlighted row: only when what is always shown changed.
      if (next.some((item, i) => Boolean(item.alwaysShow) !== Boolean(pick.items[i]?.alwaysShow))) pick.items = next;
    };
    pick.onDidChangeValue(showFoundByName);
    if (typeof initial === 'string') pick.value = initial;
    else if (isTermLinkArgs(initial)) pick.value = services.index.term(initial.term)?.term ?? '';
    showFoundByName(pick.value);
    const chosen = await new Promise<Pick | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    if (chosen?.file && chosen.line) await services.openLocation(chosen.file, chosen.line);
  });
}
