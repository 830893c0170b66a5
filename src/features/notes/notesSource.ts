import * as vscode from 'vscode';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Disposable, toDisposable } from '../../core/dispose';
import type { NoteIndex } from '../../core/index/noteIndex';
import type { NoteSource, ParsedNote, Problem } from '../../core/model';
import type { GlossaryOrigin } from '../../core/index/glossary';
import { NoteLoader } from '../../node/noteLoader';
import { isInside, outsideProblem } from '../../node/fileChecks';
import { problemNote } from '../../node/files';
import { ParseCache } from '../../node/parseCache';
import { ParsePool } from '../../node/parsePool';
import { LoadTimeline } from '../../node/loadTimeline';
import { readStarterPack, type StarterPack } from '../../node/starterPack';
import { indexFiles, indexSummary } from '../../node/indexing';
import { onDidChangeSettings, readConfig, type TilConfig } from '../config';
import { ANY_GLOSSARY } from './glossaryFiles';
import { foundFilesMessage } from './foundLog';
import { readGlossaries } from './glossaryRead';
import { NOTE_GLOB_EXT } from './walkFolder';
import { discoverNotes, type DiscoveredNotes } from './discoverNotes';

const RESCAN_DELAY_MS = 150;

/**
 * Where notes come from (the workspace by include globs, extra folders, the starter notes in notes/), kept in the
 * index with their source: a first full load with progress, then only changed files. Reads through workspace.fs;
 * parses in workers. With `includeBundled: "auto"` the starter notes are loaded only while none of the user's are
 * found, decided again whenever a note of theirs appears or goes.
 */
export class NotesSource extends Disposable {
  private readonly pool: ParsePool;
  private readonly cache: ParseCache;
  private readonly loader: NoteLoader;
  private readonly pending = new Map<string, 'change' | 'delete'>();
  private flushTimer: NodeJS.Timeout | undefined;
  private files = new Set<string>();
  /** Where each note file came from (set on the parse before it enters the index, never cached with it). */
  private sources = new Map<string, NoteSource>();
  /** Ours (always) and the user's glossary files, with whose each is. */
  private glossaryFiles = new Map<string, GlossaryOrigin>();
  /** Folders notes and glossaries must stay inside (links resolved): the workspace folders and the notes roots. */
  private roots: string[] = [];
  /** Files of the problems found before reading (see setSourceProblems), kept in the index as entries of their own. */
  private sourceProblemFiles: string[] = [];
  /** Globs already reported at their file limit in this window, so the notification shows once. */
  private readonly toldLimit = new Set<string>();
  /** Tests only (`til.test.failNextIndex`): the next load asked for throws, as a broken cache or file system would. */
  private failNextLoad = false;
  /** The first load's search, started with the starter pack's read (reload). */
  private firstDiscovery: Promise<DiscoveredNotes> | undefined;
  /** Whether the first load has decided to start a worker ahead (warmWorker). */
  private warmed = false;
  private state: 'reading' | 'indexed' | 'failed' = 'reading';
  private loading: Promise<void> | undefined;
  /** The starter notes and bundled glossary parsed at build time (dist/starter-index.json), once read. */
  private starterPack: StarterPack | undefined;
  readonly ready: Promise<void>;
  private resolveReady!: () => void;
  /** Set once the first discovery has looked for the user's notes (or the first load failed). */
  private discovered = false;
  /** Where the first load's time goes (one line in the log when it ends), counted from activation. */
  private readonly timeline = new LoadTimeline();
  private readonly discoveredEvent = this._register(new vscode.EventEmitter<void>());
  /** Fires once, when the first discovery is done: from then on the views may show the starter notes. */
  readonly onDidDiscover = this.discoveredEvent.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly index: NoteIndex,
    private readonly output: vscode.LogOutputChannel,
  ) {
    super();
    this.ready = new Promise((r) => (this.resolveReady = r));
    // One pack of parses per workspace: windows on different workspaces do not overwrite each other's.
    const cacheDir = path.join((context.storageUri ?? context.globalStorageUri).fsPath, 'parse-cache');
    this.cache = new ParseCache(cacheDir);
    this.pool = new ParsePool({
      workerFile: path.join(context.extensionPath, 'dist', 'parseWorker.js'),
      onTiming: (timing) => this.timeline.parsed(timing),
    });
    this.loader = new NoteLoader({
      pool: this.pool,
      cache: this.cache,
      read: (file) => this.read(file),
      size: (file) => this.size(file),
      maxBytes: () => readConfig().maxNoteSizeKB * 1024,
    });
    this._register(toDisposable(() => void this.pool.dispose()));
    this._register(toDisposable(() => clearTimeout(this.flushTimer)));
    this._register(onDidChangeSettings(['notes', 'glossary'], () => void this.reload()));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()));
    this.watch();
    if (context.extensionMode === vscode.ExtensionMode.Test) {
      this._register(vscode.commands.registerCommand('til.test.failNextIndex', () => {
        this.failNextLoad = true;
      }));
      this._register(vscode.commands.registerCommand('til.test.indexState', () => this.state));
    }
  }

  /** A load is under way and none has ended well yet: the user's notes may still be on their way into the index. */
  isReading(): boolean {
    return this.state === 'reading';
  }

  /** Load everything (first run shows progress); later calls re-scan and re-read only what changed. */
  reload(showProgress = false): Promise<void> {
    const run = () => this.load(showProgress).then(
      () => this.setState('indexed'),
      (error) => {
        this.output.error(`Indexing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        this.setState('failed');
      },
    ).finally(() => {
      this.markDiscovered(); // a failed first load too: the views never hide the starter notes for good
      this.resolveReady();
    });
    if (!this.loading) {
      // The first load's search for notes starts now, beside the starter pack's read: it is mostly a wait on the
      // workbench (slow while the window is still starting), and nothing it finds is used before the pack is in.
      this.firstDiscovery = this.discover(readConfig());
      this.firstDiscovery.catch(() => undefined); // its failure is the first load's, reported there
    }
    this.loading = (this.loading ?? this.preload()).then(run, run);
    return this.loading;
  }

  /**
   * Before anything is discovered or parsed: the starter notes and bundled glossary from the pack built with the
   * package, so hovers and the tree answer at once, before any worker starts. The full load that follows keeps or
   * drops the starter notes as the settings say, and takes their parses from the pack instead of parsing again.
   */
  /**
   * Whether the views may show the starter notes the index holds. In auto mode not before the first discovery: the
   * pack puts them in the index at once (hovers answer), but they go as soon as a note of the user's is found, and a
   * "Starter notes" root shown meanwhile flashed up and vanished.
   */
  showsStarterNotes(): boolean {
    return this.discovered || readConfig().includeBundledNotes !== 'auto';
  }

  private markDiscovered(): void {
    if (this.discovered) return;
    this.discovered = true;
    this.discoveredEvent.fire();
  }

  private async preload(): Promise<void> {
    const pack = await readStarterPack(this.context.extensionPath).catch(() => undefined);
    if (!pack) return; // a development build without the pack: the full load parses them
    this.starterPack = pack;
    this.loader.seed(pack.notes);
    if (readConfig().includeBundledNotes !== false) {
      this.index.upsertMany(pack.notes);
      for (const note of pack.notes) this.files.add(note.file);
    }
    this.index.setGlossary([pack.glossary]);
    this.timeline.mark('starter notes in the index');
  }

  private async load(showProgress: boolean): Promise<void> {
    const started = Date.now();
    if (this.state === 'failed') {
      this.state = 'reading'; // a retry: "reading your notes" again while it runs
      setContext('til.indexFailed', false);
    }
    // Only a load the user asked for (til.refresh): one a file watcher starts meanwhile must not take the failure.
    if (this.failNextLoad && showProgress) {
      this.failNextLoad = false;
      throw new Error('indexing failed on purpose (test)');
    }
    const config = readConfig();
    void this.warmWorker(config);
    // A setting changed meanwhile queues another load, which searches again.
    const discovery = this.firstDiscovery ?? this.discover(config);
    this.firstDiscovery = undefined;
    const { notes, sources, glossaries, skipped, reasons, sourceProblems, roots } = await discovery;
    this.roots = roots;
    this.timeline.mark('notes found');
    for (const s of skipped) this.output.warn(s);
    this.logFound(notes, reasons);
    const found = new Set(notes);
    const removed = [...this.files].filter((f) => !found.has(f));
    for (const f of removed) this.index.remove(f);
    this.markDiscovered();
    this.files = found;
    this.sources = sources;
    this.setSourceProblems(sourceProblems);
    this.glossaryFiles = glossaries;
    const readAll = async (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      // Merged in slices that yield to the event loop (node/indexing.ts): the host never stalls on a large folder.
      await indexFiles(this.loader, this.index, notes, {
        prepare: (note) => {
          const prepared = this.withSource(note);
          if (prepared.source !== 'starter') this.timeline.mark('first of your notes in the index'); // merged right after
          return prepared;
        },
        progress: (done, total, batch) => progress?.report({ message: vscode.l10n.t('{0} of {1} notes', done, total), increment: (batch / Math.max(1, total)) * 100 }),
      });
      this.timeline.mark('all notes in the index');
      await this.loadGlossaries();
      this.timeline.mark('glossaries read');
    };
    if (showProgress && notes.length > 0) {
      // In the status bar, not a notification: the starter notes already answer, the user's fill in behind them.
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing TIL notes'), cancellable: false }, readAll);
    } else {
      await readAll();
    }
    await this.report(Date.now() - started);
    const account = this.timeline.finish(notes.length);
    if (account) this.output.info(account);
  }

  private discover(config: TilConfig): Promise<DiscoveredNotes> {
    return discoverNotes(config, this.context.extensionPath, () => this.timeline.mark('workspace searched'));
  }

  /**
   * On the first load without a parse cache (a fresh window on this workspace) and with a folder to search, a parse is
   * all but certain: a worker starts while the files are found, instead of after.
   */
  private async warmWorker(config: TilConfig): Promise<void> {
    if (this.warmed) return;
    this.warmed = true;
    if (!vscode.workspace.workspaceFolders?.length && !(vscode.workspace.isTrusted && config.extraFolders.length)) return;
    if (await fs.access(this.cache.file).then(() => true, () => false)) return; // warm start: parses come from the pack
    this.pool.warm();
  }

  /**
   * The views' welcome text follows this: "reading your notes" until the first load ends, then "no notes found",
   * or after a failed load "indexing failed" with a Retry button (til.refresh), never "reading" for good.
   */
  private setState(state: 'indexed' | 'failed'): void {
    this.state = state;
    if (state === 'indexed') setContext('til.indexed', true);
    setContext('til.indexFailed', state === 'failed');
  }

  /**
   * Problems found before reading (a link out of the workspace, a file over the size limit, a glob at its file
   * limit): entries of the index like the notes' problems, so the log lists them; a glob's limit is also told once.
   */
  private setSourceProblems(problems: Problem[]): void {
    for (const file of this.sourceProblemFiles) if (!this.files.has(file)) this.index.remove(file);
    this.sourceProblemFiles = problems.map((p) => p.file);
    this.index.upsertMany(problems.map(problemNote));
    for (const problem of problems) {
      if (problem.code !== 'too-many-files' || this.toldLimit.has(problem.message)) continue;
      this.toldLimit.add(problem.message);
      void vscode.window.showWarningMessage(problem.message);
    }
  }

  /** Every note file found for the first time, and why it was taken, so a user can see what the globs caught. */
  private logFound(notes: string[], reasons: Map<string, string>): void {
    const added = notes.filter((f) => !this.files.has(f));
    if (!added.length) return;
    this.output.info(foundFilesMessage(added, (file) => `${vscode.workspace.asRelativePath(file)} — ${reasons.get(file) ?? 'found'}`));
  }

  /** The load's summary in the output channel; counted a query per turn of the event loop (node/indexing.ts). */
  private async report(ms: number): Promise<void> {
    const summary = await indexSummary(this.index);
    this.output.info(`Indexed ${summary.notes} notes (${summary.cards} questions, ${summary.terms} terms, ${summary.diagrams} diagrams) in ${ms} ms`);
    for (const p of summary.problems) {
      const where = `${vscode.workspace.asRelativePath(p.file)}${p.line ? `:${p.line}` : ''}`;
      const line = `${where} ${p.message}`;
      if (p.severity === 'error') this.output.error(line);
      else if (p.severity === 'warning') this.output.warn(line);
      else this.output.info(line);
    }
    const unresolved = summary.unresolvedGlossary;
    // Not a problem: the glossary answers these on its own. The count for everyone, the list for who asks for it.
    if (unresolved.length) {
      this.output.info(`${unresolved.length} glossary entries are answered by the glossary alone (no note explains their term)`);
      this.output.debug(`Glossary entries no note explains: ${unresolved.map((e) => e.code).join(', ')}`);
    }
  }

  private withSource(note: ParsedNote): ParsedNote {
    return { ...note, source: this.sources.get(note.file) ?? 'workspace' };
  }

  private async loadGlossaries(): Promise<void> {
    this.index.setGlossary(
      await readGlossaries(this.glossaryFiles, {
        roots: this.roots,
        pool: this.pool,
        pack: this.starterPack?.glossary,
        read: (f) => this.read(f),
        size: (f) => this.size(f),
      }),
    );
  }

  private async read(file: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.file(file));
  }

  private async size(file: string): Promise<number> {
    return (await vscode.workspace.fs.stat(vscode.Uri.file(file))).size;
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yaml,yml}');
    const queue = (uri: vscode.Uri, kind: 'change' | 'delete') => {
      if (uri.scheme !== 'file') return;
      const file = uri.fsPath;
      const known = this.files.has(file) || this.glossaryFiles.has(file);
      if (!known && kind === 'delete') return;
      if (!known && !NOTE_GLOB_EXT.test(file) && !ANY_GLOSSARY.test(file)) return;
      this.pending.set(file, kind);
      clearTimeout(this.flushTimer);
      this.flushTimer = setTimeout(() => void this.flush(), RESCAN_DELAY_MS);
    };
    // Unsaved edits are not indexed: the notes on disk are the source of truth.
    this._register(watcher);
    this._register(watcher.onDidChange((u) => queue(u, 'change')));
    this._register(watcher.onDidCreate((u) => queue(u, 'change')));
    this._register(watcher.onDidDelete((u) => queue(u, 'delete')));
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending];
    this.pending.clear();
    const created = batch.some(([f, kind]) => kind === 'change' && !this.files.has(f) && !this.glossaryFiles.has(f));
    if (created) return this.reload(); // a new file: let the include globs decide
    const changed: ParsedNote[] = [];
    for (const [file, kind] of batch) {
      if (this.glossaryFiles.has(file)) continue;
      if (kind === 'delete') {
        this.files.delete(file);
        this.index.remove(file);
      } else {
        // The checks of the first load, again: a note may have grown past the limit (the loader asks its size
        // before reading) or been replaced by a link out of the workspace since.
        const inside = await isInside(file, this.roots);
        changed.push(inside ? this.withSource(await this.loader.loadOne(file)) : problemNote(outsideProblem(file, 'note')));
      }
    }
    if (changed.length) this.index.upsertMany(changed);
    // The user's last note went: in auto mode the starter notes come back (a new note goes through reload above).
    if (batch.some(([, kind]) => kind === 'delete') && readConfig().includeBundledNotes === 'auto' && !this.index.hasUserNotes()) return this.reload();
    this.loader.persist();
    if (batch.some(([f]) => this.glossaryFiles.has(f))) await this.loadGlossaries();
    this.output.info(`Re-indexed ${batch.length} changed file(s)`);
  }
}

function setContext(key: string, value: boolean): void {
  void vscode.commands.executeCommand('setContext', key, value);
}
