import type * as vscode from 'vscode';
import type { NoteIndex } from '../core/index/noteIndex';
import { DocumentContextCache, type DocumentContext } from '../core/index/context/documentContext';

const cache = new DocumentContextCache();

/**
 * The context of an open document (language, file kind, imports, vocabulary), computed once per document version and
 * glossary: every hover in an unchanged document reuses it.
 */
export function contextOf(index: NoteIndex, document: vscode.TextDocument): DocumentContext {
  return cache.get(document.uri.toString(), document.version, index.glossary.generation, () =>
    index.documentContext(document.languageId, document.getText()),
  );
}
