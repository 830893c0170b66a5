import * as vscode from 'vscode';
import type { NoteIndex, TermMatch } from '../../core/index/noteIndex';
import type { DiagramRef } from '../../core/diagrams/link';
import type { TermMastery } from '../../core/quiz/mastery';
import { buildHoverMarkdown, HOVER_COMMANDS } from '../../core/hover/buildHover';
import type { TilConfig } from '../config';
import { contextOf } from '../documentContexts';

export { HOVER_COMMANDS } from '../../core/hover/buildHover';

export interface HoverDeps {
  index: NoteIndex;
  config: () => TilConfig;
  /** Diagrams to offer for what the hover matched (core diagramsForMatch: builtin titles in English, translated by the hover). */
  diagramsFor?: (match: TermMatch) => DiagramRef[];
  /** The quiz's view of the term: the hover gets shorter for a known term, leads with "Quiz me" for a due one. */
  masteryOf?: (termKey: string) => TermMastery | undefined;
  /** Whether the user's notes are still being read for the first time (a starter answer is for the meantime). */
  readingNotes?: () => boolean;
  /** A hover answered (the walkthrough's hover step). */
  onShown?: () => void;
}

/**
 * Explains terms from the notes in code of any language. The lookup is an index lookup: no I/O, no
 * parsing. The Markdown comes from the core's buildHoverMarkdown (the CLI's `hover` prints the same);
 * this edge only wraps it: no HTML, and only our hover commands trusted.
 */
export class TermHoverProvider implements vscode.HoverProvider {
  constructor(private readonly deps: HoverDeps) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const config = this.deps.config();
    if (!config.hoverEnabled || !languageEnabled(config.hoverLanguages, document.languageId)) return undefined;
    const match = this.deps.index.matchAt(
      document.lineAt(position.line).text,
      position.character,
      contextOf(this.deps.index, document),
      position.line,
    );
    if (!match) return undefined;
    const markdown = buildHoverMarkdown({
      match,
      index: this.deps.index,
      excerptLength: config.hoverExcerptLength,
      diagrams: this.deps.diagramsFor?.(match) ?? [],
      t: vscode.l10n.t,
      mastery: this.deps.masteryOf?.(match.key),
      readingNotes: this.deps.readingNotes?.(),
    });
    const range = new vscode.Range(position.line, match.start, position.line, match.end);
    // The walkthrough's hover step is done however the hover came up (the mouse, or Ctrl+K Ctrl+I).
    this.deps.onShown?.();
    return new vscode.Hover(trustedHoverMarkdown(markdown), range);
  }
}

/** Markdown built only from escaped note text and our own links: no HTML, theme icons on, only HOVER_COMMANDS run. */
export function trustedHoverMarkdown(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, true);
  md.supportHtml = false;
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  return md;
}

export function languageEnabled(languages: string[], languageId: string): boolean {
  return languages.includes('*') ? !languages.includes(`!${languageId}`) : languages.includes(languageId);
}

export function registerHover(deps: HoverDeps): vscode.Disposable {
  return vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new TermHoverProvider(deps));
}
