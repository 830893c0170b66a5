import * as vscode from 'vscode';
import type { NoteIndex } from '../core/index/noteIndex';

/** What every feature may use. Built once in activate(); features take it as their only argument. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly index: NoteIndex;
  readonly output: vscode.LogOutputChannel;
  /** Open a note at a 1-based line, revealing it in the centre; in `viewColumn` when given, else the active group. */
  openLocation(file: string, line: number, viewColumn?: vscode.ViewColumn): Promise<void>;
}

/** Command ids, in one place: package.json declares exactly these (a unit test checks). */
export const Commands = {
  refresh: 'til.refresh',
  search: 'til.search',
  explainTerm: 'til.explainTerm',
  openLocation: 'til.openLocation',
  showOutput: 'til.showOutput',
  showDiagram: 'til.showDiagram',
  showNoteDiagrams: 'til.showNoteDiagrams',
  openMermaidBlock: 'til.openMermaidBlock',
  startQuiz: 'til.startQuiz',
  practiceQuiz: 'til.practiceQuiz',
  unhideCard: 'til.unhideCard',
  showQuizStats: 'til.showQuizStats',
  exportProgress: 'til.exportProgress',
  exportAnkiCards: 'til.exportAnkiCards',
  importProgress: 'til.importProgress',
  resetProgress: 'til.resetProgress',
  chooseNotesFolder: 'til.chooseNotesFolder',
  tryHover: 'til.tryHover',
  addGlossaryEntries: 'til.addGlossaryEntries',
  openWalkthrough: 'til.openWalkthrough',
} as const;

export { commandLink } from '../shared/commands';
