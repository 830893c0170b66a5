import * as vscode from 'vscode';
import * as path from 'node:path';
import type { NoteIndex, TermMatch } from '../../core/index/noteIndex';
import { hoverExcerpt } from '../../core/index/excerpt';
import type { TilConfig } from '../config';
import { commandLink, Commands } from '../services';
import { contextOf } from '../documentContexts';

/** Commands a hover link may run; nothing else in hover Markdown is trusted. */
export const HOVER_COMMANDS = [Commands.openLocation, Commands.explainTerm, Commands.search, Commands.showDiagram, Commands.startQuiz];

export interface HoverDeps {
  index: NoteIndex;
  config: () => TilConfig;
  /** Diagrams to offer for a term: ids for til.showDiagram. */
  diagramsFor?: (termKey: string) => Array<{ id: string; title: string }>;
}

/** Explains terms from the notes in code of any language. The lookup is an index lookup: no I/O, no parsing. */
export class TermHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: HoverDeps) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const config = this.deps.config();
    if (!config.hoverEnabled || !languageEnabled(config.hoverLanguages, document.languageId)) return undefined;
    const match = this.deps.index.matchAt(document.lineAt(position.line).text, position.character, contextOf(this.deps.index, document), position.line);
    if (!match) return undefined;
    const range = new vscode.Range(position.line, match.start, position.line, match.end);
    return new vscode.Hover(hoverMarkdown(match, config.hoverExcerptLength, this.deps.diagramsFor?.(match.key) ?? []), range);
  }
}

export function languageEnabled(languages: string[], languageId: string): boolean {
  return languages.includes('*') ? !languages.includes(`!${languageId}`) : languages.includes(languageId);
}

export function hoverMarkdown(match: TermMatch, excerptLength: number, diagrams: Array<{ id: string; title: string }>): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: HOVER_COMMANDS };
  md.appendMarkdown('$(book) **');
  md.appendText(match.term);
  md.appendMarkdown('**');
  if (match.allAliases.length) {
    md.appendMarkdown(' · _');
    md.appendText(match.allAliases.slice(0, 4).join(', '));
    md.appendMarkdown('_');
  }
  if (match.viaGlossary && match.matched.toLowerCase() !== match.term.toLowerCase()) {
    md.appendMarkdown('  \n');
    md.appendText(vscode.l10n.t('`{0}` in your notes', match.matched).replace(/`/g, ''));
  }
  md.appendMarkdown('\n\n');
  md.appendMarkdown(hoverExcerpt(match.summary, excerptLength) || vscode.l10n.t('_Mentioned in your notes._'));
  md.appendMarkdown('\n\n---\n\n');
  const where = `${path.basename(match.file)}:${match.line}`;
  md.appendMarkdown(`[$(go-to-file) ${vscode.l10n.t('Open note')} (${escapeLinkText(where)})](${commandLink(Commands.openLocation, [match.file, match.line])} "${vscode.l10n.t('Open the note at this passage')}")`);
  md.appendMarkdown(` · [$(book) ${vscode.l10n.t('Explain')}](${commandLink(Commands.explainTerm, [match.key])})`);
  md.appendMarkdown(` · [$(search) ${vscode.l10n.t('Search notes')}](${commandLink(Commands.search, [match.term])})`);
  for (const d of diagrams.slice(0, 2)) {
    md.appendMarkdown(` · [$(type-hierarchy) ${escapeLinkText(vscode.l10n.t('Diagram: {0}', d.title))}](${commandLink(Commands.showDiagram, [{ id: d.id }])})`);
  }
  md.appendMarkdown(` · [$(mortar-board) ${vscode.l10n.t('Quiz me on this')}](${commandLink(Commands.startQuiz, [{ scope: 'term', value: match.key }])})`);
  return md;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, '\\$&');
}

export function registerHover(deps: HoverDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new TermHoverProvider(deps));
}
