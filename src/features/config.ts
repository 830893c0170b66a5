import * as vscode from 'vscode';

export const SECTION = 'tilCompanion';

export interface TilConfig {
  include: string[];
  exclude: string[];
  extraFolders: string[];
  includeBundledNotes: boolean;
  maxNoteSizeKB: number;
  hoverEnabled: boolean;
  hoverLanguages: string[];
  hoverExcerptLength: number;
}

/** Settings, read fresh each time so changes apply without a reload. */
export function readConfig(): TilConfig {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    include: c.get<string[]>('notes.include', ['**/*.md']),
    exclude: c.get<string[]>('notes.exclude', []),
    extraFolders: c.get<string[]>('notes.extraFolders', []),
    includeBundledNotes: c.get<boolean>('notes.includeBundled', true),
    maxNoteSizeKB: c.get<number>('notes.maxFileSizeKB', 2048),
    hoverEnabled: c.get<boolean>('hover.enabled', true),
    hoverLanguages: c.get<string[]>('hover.languages', ['*']),
    hoverExcerptLength: c.get<number>('hover.excerptLength', 400),
  };
}
