import * as vscode from 'vscode';
import * as path from 'node:path';
import type { NoteIndex, TermInfo, TermPlace } from '../../core/index/noteIndex';
import { isTermLinkArgs } from '../../core/hover/links';
import { passageBounds } from '../../core/notes/passage';
import { termKey } from '../../core/text';
import { Commands, type Services } from '../services';
import { contextOf } from '../documentContexts';

const SCHEME = 'til-term';

/** The full explanation of a term as a read-only Markdown document: the passage, its section, and the questions about it. */
export async function explanationMarkdown(index: NoteIndex, term: TermInfo, readFile: (file: string) => Promise<string>): Promise<string> {
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
    for (const place of term.others) lines.push(...otherPlace(place));
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

function openLink(place: { file: string; line: number }): string {
  return `[${vscode.l10n.t('Open in {0}', `${path.basename(place.file)}:${place.line}`)}](${vscode.Uri.file(place.file).toString()}#L${place.line})`;
}

function otherPlace(place: TermPlace): string[] {
  const kind = place.mention ? vscode.l10n.t('mentioned') : vscode.l10n.t('explained');
  const quote = place.summary
    .trim()
    .split(/\r?\n/)
    .slice(0, 6)
    .map((l) => `> ${l}`);
  return [`### ${place.term} · ${kind}`, '', ...quote, ...(quote.length ? [''] : []), openLink(place), ''];
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
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${termKey(term.term) || 'term'}.md` });
    documents.set(uri.path, await explanationMarkdown(services.index, term, readFile));
    changed.fire(uri);
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    return uri.toString();
  });
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider), command, changed);
}
