import * as vscode from 'vscode';
import type { NoteIndex, TermInfo, TermPlace } from '../../core/index/noteIndex';
import { isTermLinkArgs, markdownLink, type TermLinkArgs } from '../../core/hover/links';
import { escapeMarkdown, safeNoteMarkdown } from '../../core/hover/safeMarkdown';
import { lineLabel, relativeLineLink } from '../../core/notes/lineLink';
import { passageBounds } from '../../core/notes/passage';
import { termKey } from '../../core/text';
import { markStepDone } from '../onboarding/stepsDone';
import { Commands, type Services } from '../services';
import { contextOf } from '../documentContexts';
import { placeLinkTarget, registerPlaceLinks } from './placeLinks';

const SCHEME = 'til-term';

/** Markdown that opens a place in the notes: the term's own passage (`position` absent) or its n-th other place. */
export type PlaceLink = (place: { file: string; line: number }, position?: number) => string;

/** How the page's places link: to our URI handler, relative to the note (a stored page), or not at all (text). */
export type PlaceLinking =
  { kind: 'handler'; extensionId: string; lookup: TermLinkArgs } | { kind: 'relative'; documentPath: string } | { kind: 'text' };

/** Links for one page. Each stands for the look-up that found the term and a position, or the note's path and line. */
export function placeLinks(linking: PlaceLinking): PlaceLink {
  return (place, position) => {
    const label = lineLabel(place.file, place.line);
    const target =
      linking.kind === 'handler'
        ? placeLinkTarget(linking.extensionId, { ...linking.lookup, ...(position === undefined ? {} : { place: position }) })
        : linking.kind === 'relative'
          ? relativeLineLink(linking.documentPath, vscode.Uri.file(place.file).path, place.line)
          : undefined;
    if (!target) return `\`${label.replace(/`/g, "'")}\``;
    return markdownLink(vscode.l10n.t('Open in {0}', label).replace(/[\\[\]`*_<>]/g, '\\$&'), target);
  };
}

/**
 * Which links a preview can follow here. A preview hands a link with the app's own scheme to VS Code, which gives it
 * to our URI handler, on the desktop and where the scheme is `vscode` (vscode.dev); other browser builds such as
 * code-server drop it. There a relative link to the note works only where the user chose `inEditor` for
 * `markdown.preview.openMarkdownLinks` (by default the preview would show the note in place of the page); else text.
 */
function linkingFor(services: Services, lookup: TermLinkArgs, stored: vscode.Uri): PlaceLinking {
  if (vscode.env.uiKind === vscode.UIKind.Desktop || vscode.env.uriScheme === 'vscode')
    return { kind: 'handler', extensionId: services.context.extension.id, lookup };
  const inEditor = vscode.workspace.getConfiguration('markdown', stored).get('preview.openMarkdownLinks') === 'inEditor';
  return inEditor && stored.scheme === 'file' ? { kind: 'relative', documentPath: stored.path } : { kind: 'text' };
}

/**
 * The full explanation of a term as a read-only Markdown document: the passage, its section, and the questions about
 * it. Every piece of a note goes through safeNoteMarkdown / escapeMarkdown (the hover's rules): the page's only links
 * are ours, and a note's links, images and HTML show as text.
 */
export async function explanationMarkdown(
  index: NoteIndex,
  term: TermInfo,
  readFile: (file: string) => Promise<string>,
  openLink: PlaceLink,
): Promise<string> {
  const lines: string[] = [`# ${escapeMarkdown(term.term)}`, ''];
  if (term.allAliases.length) lines.push(`_${term.allAliases.map(escapeMarkdown).join(' · ')}_`, '');
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
  lines.push(safeNoteMarkdown(passage), '', openLink(term), '');
  if (term.others.length) {
    // Every other passage, best first: the hover shows a few, this lists them all.
    lines.push(`## ${vscode.l10n.t('Also in your notes ({0})', term.others.length)}`, '');
    term.others.forEach((place, position) => lines.push(...otherPlace(place, openLink(place, position))));
  }
  const names = [term.term, ...term.allAliases].map((n) => n.toLowerCase()).filter((n) => n.length > 1);
  const related = index
    .cardGroups()
    .filter((g) => names.some((n) => g.question.toLowerCase().includes(n)))
    .slice(0, 8);
  if (related.length) {
    lines.push(`## ${vscode.l10n.t('Questions in your notes')}`, '');
    for (const g of related)
      lines.push(`### ${escapeMarkdown(g.question)}`, '', g.answer ? safeNoteMarkdown(g.answer) : vscode.l10n.t('_No answer yet._'), '');
  }
  return lines.join('\n');
}

function otherPlace(place: TermPlace, link: string): string[] {
  const kind = place.mention ? vscode.l10n.t('mentioned') : vscode.l10n.t('explained');
  const quote = safeNoteMarkdown(place.summary.trim().split(/\r?\n/).slice(0, 6).join('\n'))
    .split('\n')
    .map((l) => `> ${l}`);
  return [`### ${escapeMarkdown(place.term)} · ${kind}`, '', ...quote, ...(quote.length ? [''] : []), link, ''];
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
    markStepDone(services, 'hover');
    // The look-up the page's links repeat when clicked: the same key and fields that found the term here.
    let lookup: TermLinkArgs | undefined =
      typeof key === 'string' ? { term: key } : isTermLinkArgs(key) ? { term: key.term, topics: key.topics } : undefined;
    let term = lookup && services.index.termWithin(lookup.term, lookup.topics);
    const editor = vscode.window.activeTextEditor;
    if (!term && editor) {
      const pos = editor.selection.active;
      const match = services.index.matchAt(
        editor.document.lineAt(pos.line).text,
        pos.character,
        contextOf(services.index, editor.document),
        pos.line,
      );
      lookup = match && { term: match.key, topics: match.topics };
      term = lookup && services.index.termWithin(lookup.term, lookup.topics);
    }
    if (!term || !lookup) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No term from your TIL notes at the cursor.'));
      return undefined;
    }
    const name = `${fileNameOf(term.term)}.md`;
    // A file in our storage: relative links need one, and a preview VS Code restores after a reload finds its page.
    let uri = vscode.Uri.joinPath(services.context.globalStorageUri, 'explain', name);
    try {
      const markdown = await explanationMarkdown(services.index, term, readFile, placeLinks(linkingFor(services, lookup, uri)));
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(markdown));
    } catch {
      // No storage to write to: the same page as a virtual document (no relative link can start from it).
      const virtual = vscode.Uri.from({ scheme: SCHEME, path: `/${name}` });
      const linking = linkingFor(services, lookup, virtual);
      const markdown = await explanationMarkdown(services.index, term, readFile, placeLinks(linking));
      uri = virtual;
      documents.set(uri.path, markdown);
      changed.fire(uri);
    }
    // Locked, so the page stays when the user opens the note (an unlocked preview follows the active editor).
    await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', uri);
    return uri.toString();
  });
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    command,
    changed,
    registerPlaceLinks(services.index, services.openLocation),
  );
}
