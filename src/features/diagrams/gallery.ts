/**
 * The diagram gallery behind "TIL: Show Diagram…": every diagram, the built-in ones first, then the
 * ```mermaid blocks of the notes under one separator per note. The highlighted row is previewed in one panel
 * beside the picker, which keeps the focus, from the moment the gallery opens (like the colour theme picker):
 * the arrow keys, the mouse and typing move the preview along. Choosing keeps it, Escape closes it.
 */
import * as vscode from 'vscode';
import { galleryDetail, headingTrail, sectionsById } from '../../core/diagrams/galleryDetail';
import type { DiagramSource } from '../../core/diagrams/link';
import type { Section } from '../../core/model';
import type { Services } from '../services';
import { DiagramPanel } from './panel';

interface DiagramPick extends vscode.QuickPickItem {
  diagram?: DiagramSource;
}

/** How long the highlight rests on a row before its preview renders (arrowing or typing through rows renders nothing). */
const PREVIEW_DELAY_MS = 120;

/** The row's second line: the kind in words, and the headings around a note's block (core/diagrams/galleryDetail). */
function detailOf(diagram: DiagramSource, headings: HeadingsOf): string | undefined {
  return galleryDetail(diagram, diagram.kind === 'note' ? headings(diagram) : [], vscode.l10n.t) || undefined;
}

/** The note a file key names, as the workspace shows it. */
export type NoteLabel = (file: string) => string;

/** The headings a note's block sits under, outermost first (as the index knows them; none when it does not). */
export type HeadingsOf = (diagram: DiagramSource) => string[];

/** HeadingsOf from the notes' sections, each note's looked up once. */
export function headingsFrom(sectionsOf: (file: string) => readonly Section[] | undefined): HeadingsOf {
  const byNote = new Map<string, Map<string, Section>>();
  return (diagram) => {
    if (!diagram.file) return [];
    let sections = byNote.get(diagram.file);
    if (!sections) byNote.set(diagram.file, (sections = sectionsById(sectionsOf(diagram.file) ?? [])));
    return headingTrail(sections, diagram.sectionId);
  };
}

/** Built-in diagrams, then the notes' blocks grouped under a separator per note (in the order the notes come). */
export function galleryItems(diagrams: DiagramSource[], noteLabel: NoteLabel, headings: HeadingsOf): DiagramPick[] {
  const items: DiagramPick[] = [];
  const builtins = diagrams.filter((d) => d.kind === 'builtin');
  if (builtins.length) items.push({ label: vscode.l10n.t('Built-in diagrams'), kind: vscode.QuickPickItemKind.Separator });
  for (const d of builtins) items.push({ label: d.title, description: d.topic, detail: detailOf(d, headings), diagram: d });
  const byNote = new Map<string, DiagramSource[]>();
  for (const d of diagrams) {
    if (d.kind !== 'note') continue;
    const key = d.file ?? '';
    const list = byNote.get(key);
    if (list) list.push(d);
    else byNote.set(key, [d]);
  }
  for (const [file, blocks] of byNote) {
    items.push({ label: noteLabel(file), kind: vscode.QuickPickItemKind.Separator });
    for (const d of blocks)
      items.push({ label: d.title, description: vscode.l10n.t('line {0}', d.line ?? 0), detail: detailOf(d, headings), diagram: d });
  }
  return items;
}

/**
 * Shows the gallery; resolves to the chosen diagram (already on screen in a panel), or undefined when the
 * picker was dismissed (a preview panel the gallery opened is closed again).
 */
export function pickDiagram(
  services: Services,
  diagrams: DiagramSource[],
  placeHolder: string,
  noteLabel: NoteLabel,
): Promise<DiagramSource | undefined> {
  const picker = vscode.window.createQuickPick<DiagramPick>();
  picker.items = galleryItems(
    diagrams,
    noteLabel,
    headingsFrom((file) => services.index.note(file)?.sections),
  );
  picker.placeholder = placeHolder;
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  // Kept open on focus out: opened from the walkthrough, the page re-renders the step as done and takes focus back.
  picker.ignoreFocusOut = true;
  const alreadyOpen = new Set(DiagramPanel.all());
  let preview: DiagramPanel | undefined;
  let timer: NodeJS.Timeout | undefined;
  let previewed: string | undefined; // the id of the diagram the preview shows or is about to

  const show = (diagram: DiagramSource, accept?: number): DiagramPanel => {
    previewed = diagram.id;
    const open = DiagramPanel.get(diagram.id);
    if (open) {
      open.panel.reveal(undefined, true);
      return open;
    }
    // One preview panel follows the cursor; a panel the user opened before is never repurposed.
    if (preview && !preview.isDisposed && !alreadyOpen.has(preview)) {
      preview.update(diagram);
      preview.panel.reveal(undefined, true);
      return preview;
    }
    preview = DiagramPanel.show(services, diagram, { preserveFocus: true, marks: accept ? { accept } : undefined });
    return preview;
  };

  return new Promise((resolve) => {
    let chosen: DiagramSource | undefined;
    picker.onDidChangeActive((active) => {
      clearTimeout(timer);
      timer = undefined;
      const diagram = active[0]?.diagram;
      if (!diagram || diagram.id === previewed) return;
      timer = setTimeout(() => {
        timer = undefined;
        show(diagram);
      }, PREVIEW_DELAY_MS);
    });
    picker.onDidAccept(() => {
      const accept = Date.now();
      chosen = picker.selectedItems[0]?.diagram ?? picker.activeItems[0]?.diagram;
      clearTimeout(timer);
      if (chosen) show(chosen, accept).panel.reveal(undefined, false);
      picker.hide();
    });
    picker.onDidHide(() => {
      clearTimeout(timer);
      if (!chosen && preview && !alreadyOpen.has(preview)) preview.dispose();
      picker.dispose();
      resolve(chosen);
    });
    picker.show();
    // The first row is previewed with the picker, not when the workbench reports it highlighted (a round trip later).
    const firstRow = picker.items.find((item) => item.diagram)?.diagram;
    if (firstRow) show(firstRow);
  });
}
