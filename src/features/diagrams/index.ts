/**
 * The Diagrams feature: built-in diagrams and every ```mermaid block of the notes, rendered in a
 * webview panel (mermaid lives only in the webview bundle, dist/webview/diagram.js).
 *
 * Commands (ids in ../services.ts):
 *   til.showDiagram        the gallery (gallery.ts): every diagram, previewed under the cursor; arg `{ id }` opens one directly, and `{ term, diagram }`
 *                          (from hover links) the term's n-th diagram. No argument writes a file: export
 *                          always goes through the panel's save dialog.
 *   til.showNoteDiagrams   the mermaid blocks of the active note (or of the Uri the editor title menu passes);
 *                          arg `{ uri?, all? }` opens every block without asking
 *   til.openMermaidBlock   arg: a block id (`${file}#L${line}`), from the notes tree and hover links
 * Every command resolves to what it opened (`{ id, title }`, or a list), for tests. Under
 * `ExtensionMode.Test` only, `til.test.diagram.svg` (arg `{ id }`) resolves to the rendered SVG.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { onDidChangeSettings, Setting } from '../config';
import { Commands, type Services } from '../services';
import { BUILTIN_DIAGRAMS } from '../../core/diagrams/builtin';
import { blockSource, diagramCatalog, diagramsForTerm, findDiagram, type DiagramSource } from '../../core/diagrams/link';
import type { MermaidBlock } from '../../core/model';
import type { NoteIndex } from '../../core/index/noteIndex';
import { DIAGRAM_VIEW_TYPE, MAX_PREDRAW_SOURCE_LENGTH, MAX_PREDRAW_SOURCES, type DiagramViewState } from '../../shared/diagramProtocol';
import { predrawSources } from '../../core/diagrams/predraw';
import { isTermLinkArgs } from '../../core/hover/links';
import { pickDiagram } from './gallery';
import { DiagramPanel } from './panel';
import { SVG_STORE_FILE, SvgStore } from './svgStore';
import { SHIPPED_PICTURES_FILE, ShippedPictures } from './shippedPictures';

export { DiagramPanel } from './panel';

/** Context key: the active editor is a note with at least one mermaid block (editor title menu). */
export const HAS_DIAGRAMS_CONTEXT = 'til.activeNoteHasDiagrams';

export interface ShownDiagram {
  id: string;
  title: string;
  /** The node lit up for the term a hover link came from. */
  highlight?: string;
}

/** Commands registered only when the extension runs under test (`ExtensionMode.Test`). */
export const DiagramTestCommands = {
  /** Arg `{ id }`: shows the diagram, resolves to `{ id, title, svg }` once rendered. */
  svg: 'til.test.diagram.svg',
} as const;

interface ShowDiagramArgs {
  id?: string;
}

interface NoteDiagramsArgs {
  uri?: vscode.Uri | string;
  all?: boolean;
}

/** Every diagram (built-in first, then the notes' mermaid blocks), for the tree's Diagrams group. */
export function diagramList(index: NoteIndex): Array<{ id: string; title: string }> {
  return diagramCatalog(index)
    .map(localised)
    .map((d) => ({ id: d.id, title: d.title }));
}

/** URIs and file keys: the index keys notes by whatever the notes source gave it (fsPath or URI string). */
export function toUri(file: string): vscode.Uri {
  return /^[a-z][\w+.-]+:/i.test(file) && !/^[a-z]:[\\/]/i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
}

function fileKeys(uri: vscode.Uri): Set<string> {
  return new Set([uri.toString(), uri.toString(true), uri.fsPath, uri.path]);
}

function blocksOf(index: NoteIndex, uri: vscode.Uri): MermaidBlock[] {
  const keys = fileKeys(uri);
  return index.diagrams().filter((b) => keys.has(b.file) || keys.has(toUri(b.file).toString()));
}

function asUri(value: vscode.Uri | string | undefined): vscode.Uri | undefined {
  if (!value) return undefined;
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string') return toUri(value);
  // A Uri that went through JSON (command link arguments): { scheme, path, ... }
  const v = value as { scheme?: unknown; path?: unknown };
  if (typeof v.scheme === 'string' && typeof v.path === 'string') return vscode.Uri.from(value as vscode.Uri);
  return undefined;
}

/** Built-in titles are English in core; the UI shows them localised (l10n bundle keys are the English titles). */
function localised(d: DiagramSource): DiagramSource {
  return d.kind === 'builtin' ? { ...d, title: vscode.l10n.t(d.title) } : d;
}

/** A note's place in the workspace, for the gallery's separators; a starter note by its name, apart from yours. */
function noteLabelIn(index: NoteIndex): (file: string) => string {
  return (file) =>
    index.sourceOf(file) === 'starter'
      ? vscode.l10n.t('Starter notes: {0}', path.basename(file))
      : vscode.workspace.asRelativePath(toUri(file), false);
}

/** Finds the block a panel showed after its note changed: same id, else same title nearest by line, else same source. */
function relocateBlock(index: NoteIndex, old: DiagramSource): MermaidBlock | undefined {
  if (!old.file) return undefined;
  const blocks = blocksOf(index, toUri(old.file));
  const same = blocks.find((b) => b.id === old.id);
  if (same && (same.source === old.source || same.title === old.title)) return same;
  const byTitle = blocks
    .filter((b) => b.title === old.title)
    .sort((a, b) => Math.abs(a.line - (old.line ?? 0)) - Math.abs(b.line - (old.line ?? 0)));
  return byTitle[0] ?? blocks.find((b) => b.source === old.source) ?? same;
}

/** A panel restored after a reload: the diagram from its id, else what the webview remembered. */
function restoredDiagram(index: NoteIndex, state: DiagramViewState | undefined): DiagramSource | undefined {
  if (!state) return undefined;
  const known = state.diagramId ? findDiagram(index, state.diagramId) : undefined;
  if (known) return localised(known);
  if (typeof state.source !== 'string' || typeof state.title !== 'string') return undefined;
  const id = state.diagramId ?? `restored:${Date.now()}`;
  const m = /^(.*)#L(\d+)$/.exec(id);
  return { id, title: state.title, source: state.source, topic: 'other', kind: 'note', file: m?.[1], line: m ? Number(m[2]) : undefined };
}

export function registerDiagrams(services: Services): vscode.Disposable {
  const { index } = services;
  const disposables: vscode.Disposable[] = [];
  const { context } = services;
  const version = String((context.extension?.packageJSON as { version?: unknown } | undefined)?.version ?? 'dev');
  const shipped = new ShippedPictures(vscode.Uri.joinPath(context.extensionUri, SHIPPED_PICTURES_FILE).fsPath);
  const pictures = new SvgStore(path.join(context.globalStorageUri.fsPath, SVG_STORE_FILE), version, shipped);
  DiagramPanel.pictures = pictures;
  DiagramPanel.predrawSources = () =>
    predrawSources(
      index.diagrams().map((block) => ({ source: block.source, starter: index.sourceOf(block.file) === 'starter' })),
      (source) => pictures.hasDrawn(source),
      { maxSources: MAX_PREDRAW_SOURCES, maxSourceLength: MAX_PREDRAW_SOURCE_LENGTH },
    );

  async function open(source: DiagramSource, highlight?: string): Promise<ShownDiagram> {
    const diagram = localised(source);
    DiagramPanel.show(services, diagram, { highlight });
    return { id: diagram.id, title: diagram.title, highlight };
  }

  async function showDiagram(arg?: ShowDiagramArgs | string): Promise<ShownDiagram | undefined> {
    if (isTermLinkArgs(arg)) {
      // A hover link: the term's n-th diagram, looked up again (the link carries no id or path).
      const ref = diagramsForTerm(index, arg.term, arg.word)[arg.diagram ?? 0];
      const diagram = ref && findDiagram(index, ref.id);
      if (!diagram) {
        void vscode.window.showWarningMessage(vscode.l10n.t('That diagram is no longer in your notes.'));
        return undefined;
      }
      return open(diagram, ref.highlight);
    }
    const args: ShowDiagramArgs =
      typeof arg === 'string' ? { id: arg } : typeof arg === 'object' && arg !== null && typeof arg.id === 'string' ? { id: arg.id } : {};
    let diagram: DiagramSource | undefined;
    if (args.id) {
      diagram = findDiagram(index, args.id);
      if (!diagram) {
        void vscode.window.showWarningMessage(vscode.l10n.t('There is no diagram “{0}”.', args.id));
        return undefined;
      }
    } else {
      diagram = await pickDiagram(
        services,
        diagramCatalog(index).map(localised),
        vscode.l10n.t('Choose a diagram to show'),
        noteLabelIn(index),
      );
      if (!diagram) return undefined;
    }
    return open(diagram);
  }

  async function showNoteDiagrams(arg?: vscode.Uri | NoteDiagramsArgs): Promise<ShownDiagram[]> {
    const args: NoteDiagramsArgs = arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {});
    const uri = asUri(args.uri) ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a note to see its diagrams.'));
      return [];
    }
    const blocks = blocksOf(index, uri).map(blockSource);
    if (!blocks.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This note has no Mermaid diagrams.'));
      return [];
    }
    if (args.all || blocks.length === 1) {
      const shown: ShownDiagram[] = [];
      for (const block of blocks) shown.push(await open(block));
      return shown;
    }
    const chosen = await pickDiagram(services, blocks, vscode.l10n.t('Choose a diagram from this note'), noteLabelIn(index));
    return chosen ? [await open(chosen)] : [];
  }

  async function openMermaidBlock(arg?: string | { id?: string }): Promise<ShownDiagram | undefined> {
    const id = typeof arg === 'string' ? arg : arg?.id;
    if (!id) return showDiagram();
    const block = index.diagrams().find((b) => b.id === id);
    if (block) return open(blockSource(block));
    // The id came from an older parse (lines moved): the nearest block of the same note.
    const m = /^(.*)#L(\d+)$/.exec(id);
    if (m) {
      const line = Number(m[2]);
      const near = blocksOf(index, toUri(m[1])).sort((a, b) => Math.abs(a.line - line) - Math.abs(b.line - line))[0];
      if (near) return open(blockSource(near));
    }
    void vscode.window.showWarningMessage(vscode.l10n.t('That Mermaid block is no longer in the note.'));
    return undefined;
  }

  disposables.push(
    vscode.commands.registerCommand(Commands.showDiagram, showDiagram),
    vscode.commands.registerCommand(Commands.showNoteDiagrams, showNoteDiagrams),
    vscode.commands.registerCommand(Commands.openMermaidBlock, openMermaidBlock),
  );
  if (services.context.extensionMode === vscode.ExtensionMode.Test) {
    disposables.push(
      vscode.commands.registerCommand(DiagramTestCommands.svg, async (arg?: { id?: string }) => {
        const diagram = arg?.id ? findDiagram(index, arg.id) : undefined;
        if (!diagram) return undefined;
        const shown = await open(diagram);
        const panel = DiagramPanel.all().find((p) => p.diagram.id === diagram.id);
        return panel ? { ...shown, svg: await panel.renderedSvg() } : undefined;
      }),
    );
  }

  // Panels restored after a window reload.
  disposables.push(
    vscode.window.registerWebviewPanelSerializer(DIAGRAM_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const diagram = restoredDiagram(index, state as DiagramViewState | undefined);
        if (!diagram) {
          panel.dispose();
          return;
        }
        DiagramPanel.revive(services, panel, diagram);
      },
    }),
  );

  // Note diagrams follow their note: re-render when the block changes, re-key when it moves.
  let pending = new Set<string>();
  let all = false;
  let timer: NodeJS.Timeout | undefined;
  const refresh = () => {
    timer = undefined;
    const files = pending;
    const everything = all;
    pending = new Set();
    all = false;
    for (const panel of DiagramPanel.all()) {
      const d = panel.diagram;
      if (d.kind !== 'note' || !d.file) continue;
      if (!everything && !files.has(d.file)) continue;
      const block = relocateBlock(index, d);
      if (block) panel.update(blockSource(block));
      else panel.markRemoved();
    }
    void updateContext();
  };
  const indexChanged = index.onDidChange((change) => {
    if (!change.files.length) all = true;
    for (const f of change.files) pending.add(f);
    timer ??= setTimeout(refresh, 150);
  });
  disposables.push(indexChanged);
  disposables.push({ dispose: () => timer && clearTimeout(timer) });

  // The editor title button shows only on notes with diagrams.
  let lastContext: boolean | undefined;
  async function updateContext(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const has = !!doc && doc.languageId === 'markdown' && blocksOf(index, doc.uri).length > 0;
    if (has === lastContext) return;
    lastContext = has;
    await vscode.commands.executeCommand('setContext', HAS_DIAGRAMS_CONTEXT, has);
  }
  disposables.push(vscode.window.onDidChangeActiveTextEditor(() => void updateContext()));
  void updateContext();

  // The theme setting re-renders every open panel.
  disposables.push(
    onDidChangeSettings([Setting.diagramsTheme], () => {
      for (const panel of DiagramPanel.all()) panel.render();
    }),
  );

  disposables.push({ dispose: () => DiagramPanel.disposeAll() });
  disposables.push({
    dispose: () => {
      pictures.dispose();
      if (DiagramPanel.pictures === pictures) DiagramPanel.pictures = undefined;
    },
  });
  services.output.debug(`diagrams: ${BUILTIN_DIAGRAMS.length} built-in, ${index.diagrams().length} in notes`);
  return vscode.Disposable.from(...disposables);
}
