import * as vscode from 'vscode';
import type { NoteIndex, TermInfo, TermPlace } from '../../core/index/noteIndex';
import { isTermLinkArgs, markdownLink } from '../../core/hover/links';
import { lineLabel, relativeLineLink } from '../../core/notes/lineLink';
import { passageBounds } from '../../core/notes/passage';
import { termKey } from '../../core/text';
import { Commands, type Services } from '../services';
import { contextOf } from '../documentContexts';

const SCHEME = 'til-term';

/** Markdown that opens (or, where no link can reach, names) a place in the notes. */
export type PlaceLink = (place: { file: string; line: number }) => string;

/**
 * Links for an explanation stored at `documentPath` (a file URI path): relative to the note with `#L<line>`, the one
 * kind of link the Markdown preview follows to a file. Without a document path, or across drives, the place as text.
 */
export function placeLinks(documentPath: string | undefined): PlaceLink {
  return (place) => {
    const label = lineLabel(place.file, place.line);
    const target = documentPath && relativeLineLink(documentPath, vscode.Uri.file(place.file).path, place.line);
    if (!target) return `\`${label.replace(/`/g, "'")}\``;
    return markdownLink(vscode.l10n.t('Open in {0}', label).replace(/[\\[\]`*_<>]/g, '\\$&'), target);
  };
}

/** The full explanation of a term as a read-only Markdown document: the passage, its section, and the questions about it. */
export async function explanationMarkdown(
  index: NoteIndex,
  term: TermInfo,
  readFile: (file: string) => Promise<string>,
  openLink: PlaceLink,
): Promise<string> {
  const lines: string[] = [`# ${term.term}`, ''];
  if (term.allAliases.length) lines.push(`_${term.allAliases.join(' · ')}_`, '');
  let passage = term.summary;
  try {
    const text = (await readFile(term.file)).split(/\r?\n/);
    // From the term's line to where the next question, heading or topic starts (core/notes/passage).
    const bounds = passageBounds(text, index.note(term.file), term);
    passage =
      text
        .slice(bounds.line - 1, bounds.endLine)
        .join('\n')
        .trim() || term.summary;
  } catch {
    // the note went away: the indexed summary still explains the term
  }
  if (term.noteSource === 'starter')
    lines.push(`_${vscode.l10n.t('From the starter notes: your notes do not explain this term yet.')}_`, '');
  else if (term.mentionOnly) lines.push(`_${vscode.l10n.t('Your notes mention this term; none of them defines it.')}_`, '');
  lines.push(passage, '', openLink(term), '');
  if (term.others.length) {
    // Every other passage, best first: the hover shows a few, this lists them all.
    lines.push(`## ${vscode.l10n.t('Also in your notes ({0})', term.others.length)}`, '');
    for (const place of term.others) lines.push(...otherPlace(place, openLink));
  }
  const names = [term.term, ...term.allAliases].map((n) => n.toLowerCase()).filter((n) => n.length > 1);
  const related = index
    .cardGroups()
    .filter((g) => names.some((n) => g.question.toLowerCase().includes(n)))
    .slice(0, 8);
  if (related.length) {
    lines.push(`## ${vscode.l10n.t('Questions in your notes')}`, '');
    for (const g of related) lines.push(`### ${g.question}`, '', g.answer || vscode.l10n.t('_No answer yet._'), '');
  }
  return lines.join('\n');
}

function otherPlace(place: TermPlace, openLink: PlaceLink): string[] {
  const kind = place.mention ? vscode.l10n.t('mentioned') : vscode.l10n.t('explained');
  const quote = place.summary
    .trim()
    .split(/\r?\n/)
    .slice(0, 6)
    .map((l) => `> ${l}`);
  return [`### ${place.term} · ${kind}`, '', ...quote, ...(quote.length ? [''] : []), openLink(place), ''];
}

/** A file name from the term's name: readable in the preview's tab, nothing that could leave the folder. */
function fileNameOf(term: string): string {
  return (
    termKey(term)
      .replace(/[^\p{L}\p{N}+#-]+/gu, '-')
      .slice(0, 60) || 'term'
  );
}

export function registerExplain(services: Services): vscode.Disposable {
  const documents = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => documents.get(uri.path) ?? '',
  };
  const readFile = async (file: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));

  // The argument: a term key, or `{ term, topics }` from a hover link (the same look-up the hover made).
  const command = vscode.commands.registerCommand(Commands.explainTerm, async (key?: unknown) => {
    let term =
      typeof key === 'string'
        ? services.index.term(key)
        : isTermLinkArgs(key)
          ? services.index.termWithin(key.term, key.topics)
          : undefined;
    const editor = vscode.window.activeTextEditor;
    if (!term && editor) {
      const pos = editor.selection.active;
      const match = services.index.matchAt(
        editor.document.lineAt(pos.line).text,
        pos.character,
        contextOf(services.index, editor.document),
        pos.line,
      );
      term = match && services.index.termWithin(match.key, match.topics);
    }
    if (!term) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No term from your TIL notes at the cursor.'));
      return undefined;
    }
    const name = `${fileNameOf(term.term)}.md`;
    const stored = vscode.Uri.joinPath(services.context.globalStorageUri, 'explain', name);
    let uri = stored;
    try {
      if (stored.scheme !== 'file') throw new Error('relative links need a file');
      // A link to a note opens it in the editor only where the user chose "inEditor": by default the preview shows
      // the linked note in place of the explanation. There the places are text (Ctrl+P takes `note.md:12`).
      const inEditor = vscode.workspace.getConfiguration('markdown', stored).get('preview.openMarkdownLinks') === 'inEditor';
      const markdown = await explanationMarkdown(services.index, term, readFile, placeLinks(inEditor ? stored.path : undefined));
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(stored, '..'));
      await vscode.workspace.fs.writeFile(stored, new TextEncoder().encode(markdown));
    } catch {
      // No storage to write to: the same page as a virtual document, with places as text (no link could open them).
      uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}` });
      documents.set(uri.path, await explanationMarkdown(services.index, term, readFile, placeLinks(undefined)));
      changed.fire(uri);
    }
    // Locked, so the page stays when the user opens the note (an unlocked preview follows the active editor).
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
    return uri.toString();
  });
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider), command, changed);
}
