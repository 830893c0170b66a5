import * as vscode from 'vscode';
import * as path from 'node:path';
import type { NoteIndex, TermInfo } from '../../core/index/noteIndex';
import { sectionAt } from '../../core/notes/sectionAt';
import { termKey } from '../../core/text';
import { Commands, type Services } from '../services';
import { contextOf } from '../documentContexts';

const SCHEME = 'til-term';

/** The full explanation of a term as a read-only Markdown document: the passage, its section, and the questions about it. */
export async function explanationMarkdown(index: NoteIndex, term: TermInfo, readFile: (file: string) => Promise<string>): Promise<string> {
  const lines: string[] = [`# ${term.term}`, ''];
  if (term.allAliases.length) lines.push(`_${term.allAliases.join(' · ')}_`, '');
  const note = index.note(term.file);
  const section = note ? sectionAt(note.sections, term.line) : undefined;
  let passage = term.summary;
  try {
    const text = (await readFile(term.file)).split(/\r?\n/);
    const end = section ? section.endLine : Math.min(text.length, term.line + 20);
    passage = text.slice(term.line - 1, Math.min(end, term.line + 60)).join('\n').trim() || term.summary;
  } catch {
    // the note went away: the indexed summary still explains the term
  }
  lines.push(passage, '', `[${vscode.l10n.t('Open in {0}', `${path.basename(term.file)}:${term.line}`)}](${vscode.Uri.file(term.file).toString()}#L${term.line})`, '');
  const names = [term.term, ...term.allAliases].map((n) => n.toLowerCase()).filter((n) => n.length > 1);
  const related = index.cardGroups().filter((g) => names.some((n) => g.question.toLowerCase().includes(n))).slice(0, 8);
  if (related.length) {
    lines.push(`## ${vscode.l10n.t('Questions in your notes')}`, '');
    for (const g of related) lines.push(`### ${g.question}`, '', g.answer || vscode.l10n.t('_No answer yet._'), '');
  }
  return lines.join('\n');
}

export function registerExplain(services: Services): vscode.Disposable {
  const documents = new Map<string, string>();
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = { onDidChange: changed.event, provideTextDocumentContent: (uri) => documents.get(uri.path) ?? '' };
  const readFile = async (file: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));

  const command = vscode.commands.registerCommand(Commands.explainTerm, async (key?: string) => {
    let term = typeof key === 'string' ? services.index.term(key) : undefined;
    const editor = vscode.window.activeTextEditor;
    if (!term && editor) {
      const pos = editor.selection.active;
      const match = services.index.matchAt(editor.document.lineAt(pos.line).text, pos.character, contextOf(services.index, editor.document), pos.line);
      term = match && services.index.term(match.key);
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
