import * as vscode from 'vscode';

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
