import * as vscode from 'vscode';
import type { AnswerShape } from '../core/notes/answerShape';

/** "1 question" / "5 questions", localised (a count of one reads wrong in the plural). */
export function questionsText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 question') : vscode.l10n.t('{0} questions', n);
}

/** "1 term" / "5 terms", localised. */
export function termsText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 term') : vscode.l10n.t('{0} terms', n);
}

/** "1 file" / "5 files", localised. */
export function filesText(n: number): string {
  return n === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', n);
}

/**
 * What a card shows instead of an answer that is only a picture or only links (core `answerShape`): where the answer
 * is, never the note's picture or link itself (notes are untrusted). Undefined: the answer has words, show it.
 */
export function answerElsewhereText(shape: AnswerShape): string | undefined {
  if (shape === 'picture') return vscode.l10n.t('The answer in your note is a picture: open the note to see it.');
  if (shape === 'links') return vscode.l10n.t('The answer in your note is links: open the note to follow them.');
  return undefined;
}
