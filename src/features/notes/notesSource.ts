import * as vscode from 'vscode';
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { Disposable, toDisposable } from '../../core/dispose';
import type { NoteIndex } from '../../core/index/noteIndex';
import type { ParsedNote } from '../../core/model';
import { NoteLoader } from '../../node/noteLoader';
import { ParseCache } from '../../node/parseCache';
import { ParsePool } from '../../node/parsePool';
import { reasonForGlob } from '../../core/notes/discovery';
import { onDidChangeSettings, readConfig, type TilConfig } from '../config';

const NOTE_GLOB_EXT = /\.(md|markdown)$/i;
const GLOSSARY = /(^|[\\/])glossary\.ya?ml$/i;
const RESCAN_DELAY_MS = 150;

/**
 * Where notes come from (bundled notes/, the workspace by include globs, extra folders), kept in the index:
 * a first full load with progress, then only changed files. Reads through workspace.fs; parses in workers.
 */
export class NotesSource extends Disposable {
  private readonly pool: ParsePool;
  private readonly loader: NoteLoader;
  private readonly pending = new Map<string, 'change' | 'delete'>();
  private flushTimer: NodeJS.Timeout | undefined;
  private files = new Set<string>();
  private glossaryFiles = new Set<string>();
  private loading: Promise<void> | undefined;
  readonly ready: Promise<void>;
  private resolveReady!: () => void;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly index: NoteIndex,
    private readonly output: vscode.LogOutputChannel,
  ) {
    super();
    this.ready = new Promise((r) => (this.resolveReady = r));
    // One pack of parses per workspace: windows on different workspaces do not overwrite each other's.
    const cacheDir = path.join((context.storageUri ?? context.globalStorageUri).fsPath, 'parse-cache');
    this.pool = new ParsePool({ workerFile: path.join(context.extensionPath, 'dist', 'parseWorker.js') });
    this.loader = new NoteLoader({
      pool: this.pool,
      cache: new ParseCache(cacheDir),
      read: (file) => this.read(file),
      maxBytes: () => readConfig().maxNoteSizeKB * 1024,
    });
    this._register(toDisposable(() => void this.pool.dispose()));
    this._register(toDisposable(() => clearTimeout(this.flushTimer)));
    this._register(onDidChangeSettings(['notes'], () => void this.reload()));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload()));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()));
    this.watch();
  }

  /** Load everything (first run shows progress); later calls re-scan and re-read only what changed. */
  reload(showProgress = false): Promise<void> {
    const run = () => this.load(showProgress).catch((error) => {
      this.output.error(`Indexing failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }).finally(() => this.resolveReady());
    this.loading = (this.loading ?? Promise.resolve()).then(run, run);
    return this.loading;
  }

  private async load(showProgress: boolean): Promise<void> {
    const started = Date.now();
    const config = readConfig();
    const { notes, glossaries, skipped, reasons } = await this.discover(config);
    for (const s of skipped) this.output.warn(s);
    this.logFound(notes, reasons);
    const found = new Set(notes);
    const removed = [...this.files].filter((f) => !found.has(f));
    for (const f of removed) this.index.remove(f);
    this.files = found;
    this.glossaryFiles = new Set(glossaries);
    const readAll = async (progress?: vscode.Progress<{ message?: string; increment?: number }>) => {
      let done = 0;
      await this.loader.loadMany(notes, (batch) => {
        this.index.upsertMany(batch);
        done += batch.length;
        progress?.report({ message: vscode.l10n.t('{0} of {1} notes', done, notes.length), increment: (batch.length / Math.max(1, notes.length)) * 100 });
      });
      await this.loadGlossaries();
    };
    if (showProgress && notes.length > 0) {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Indexing TIL notes'), cancellable: false },
        readAll,
      );
    } else {
      await readAll();
    }
    this.report(Date.now() - started);
    // The views' welcome text switches from "reading your notes" to "no notes found" only now.
    void vscode.commands.executeCommand('setContext', 'til.indexed', true);
  }

  /** Every note file found for the first time, and why it was taken, so a user can see what the globs caught. */
  private logFound(notes: string[], reasons: Map<string, string>): void {
    const added = notes.filter((f) => !this.files.has(f));
    if (!added.length) return;
    this.output.info(`Found ${added.length} new note file(s):`);
    for (const file of added) this.output.info(`  ${vscode.workspace.asRelativePath(file)} — ${reasons.get(file) ?? 'found'}`);
  }

  private report(ms: number): void {
    const cards = this.index.cardGroups().length;
    const problems = this.index.problems();
    this.output.info(`Indexed ${this.index.size} notes (${cards} questions, ${this.index.terms().length} terms, ${this.index.diagrams().length} diagrams) in ${ms} ms`);
    for (const p of problems) {
      const where = `${vscode.workspace.asRelativePath(p.file)}${p.line ? `:${p.line}` : ''}`;
      const line = `${where} ${p.message}`;
      if (p.severity === 'error') this.output.error(line);
      else if (p.severity === 'warning') this.output.warn(line);
      else this.output.info(line);
    }
    const unresolved = this.index.unresolvedGlossaryEntries();
    if (unresolved.length) this.output.warn(`Glossary entries whose term no note explains: ${unresolved.map((e) => e.code).join(', ')}`);
  }

  private async loadGlossaries(): Promise<void> {
    const glossaries = await Promise.all(
      [...this.glossaryFiles].map(async (file) => {
        try {
          return await this.pool.parseGlossary(file, new TextDecoder().decode(await this.read(file)));
        } catch (error) {
          return { file, origin: 'bundled' as const, entries: [], concepts: [], problems: [{ file, severity: 'error' as const, code: 'unreadable' as const, message: String(error) }] };
        }
      }),
    );
    this.index.setGlossary(glossaries);
  }

  private async read(file: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.file(file));
  }

  /** Every note file and glossary the settings point at; files over the size limit or behind outside links are skipped. */
  private async discover(config: TilConfig): Promise<{ notes: string[]; glossaries: string[]; skipped: string[]; reasons: Map<string, string> }> {
    const notes = new Set<string>();
    const reasons = new Map<string, string>();
    const glossaries = new Set<string>();
    const skipped: string[] = [];
    const roots: string[] = [];
    if (config.includeBundledNotes) roots.push(path.join(this.context.extensionPath, 'notes'));
    if (vscode.workspace.isTrusted) roots.push(...config.extraFolders.map(expandHome));
    const bundled = path.join(this.context.extensionPath, 'notes');
    for (const root of roots) {
      const before = notes.size;
      await this.walkFolder(root, notes, glossaries, skipped);
      const reason = root === bundled ? 'starter notes bundled with the extension' : `inside the extra notes folder ${root}`;
      if (notes.size > before) for (const file of notes) if (!reasons.has(file)) reasons.set(file, reason);
    }

    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length) {
      const exclude = `{**/node_modules/**,**/.git/**${config.exclude.map((e) => ',' + e).join('')}}`;
      const found = await Promise.all(config.include.map((glob) => vscode.workspace.findFiles(glob, exclude, 20_000)));
      const glossaryFiles = await vscode.workspace.findFiles('**/glossary.{yaml,yml}', exclude, 50);
      const allowedRoots = [...folders.map((f) => f.uri.fsPath), ...roots];
      for (const [i, uris] of found.entries()) for (const uri of uris) if (!reasons.has(uri.fsPath)) reasons.set(uri.fsPath, reasonForGlob(config.include[i]));
      for (const uri of found.flat()) {
        if (uri.scheme !== 'file' || !NOTE_GLOB_EXT.test(uri.fsPath)) continue;
        if (!(await this.isInside(uri.fsPath, allowedRoots))) {
          skipped.push(`Skipped ${uri.fsPath}: it links outside the workspace.`);
          continue;
        }
        notes.add(uri.fsPath);
      }
      for (const uri of glossaryFiles) if (uri.scheme === 'file') glossaries.add(uri.fsPath);
    }
    const sized = await Promise.all(
      [...notes].map(async (file) => {
        const stat = await vscode.workspace.fs.stat(vscode.Uri.file(file)).then(undefined, () => undefined);
        if (stat && stat.size > config.maxNoteSizeKB * 1024) {
          skipped.push(`Skipped ${file}: ${Math.round(stat.size / 1024)} KB is over the ${config.maxNoteSizeKB} KB limit (setting tilCompanion.notes.maxFileSizeKB).`);
          return undefined;
        }
        return file;
      }),
    );
    return { notes: sized.filter((f): f is string => !!f).sort(), glossaries: [...glossaries], skipped, reasons };
  }

  private async walkFolder(root: string, notes: Set<string>, glossaries: Set<string>, skipped: string[]): Promise<void> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(root));
    } catch {
      skipped.push(`Notes folder not found: ${root}`);
      return;
    }
    for (const [name, type] of entries) {
      const full = path.join(root, name);
      if (type & vscode.FileType.SymbolicLink) continue; // never follow links out of a notes folder
      if (type === vscode.FileType.Directory && !name.startsWith('.') && name !== 'node_modules') await this.walkFolder(full, notes, glossaries, skipped);
      else if (type === vscode.FileType.File && NOTE_GLOB_EXT.test(name) && !/^readme\.md$/i.test(name)) notes.add(full);
      else if (type === vscode.FileType.File && GLOSSARY.test(name)) glossaries.add(full);
    }
  }

  private async isInside(file: string, roots: string[]): Promise<boolean> {
    try {
      const real = await fs.realpath(file);
      if (real === file) return true;
      const realRoots = await Promise.all(roots.map((r) => fs.realpath(r).catch(() => r)));
      return realRoots.some((r) => real === r || real.startsWith(r + path.sep));
    } catch {
      return false;
    }
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,yaml,yml}');
    const queue = (uri: vscode.Uri, kind: 'change' | 'delete') => {
      if (uri.scheme !== 'file') return;
      const file = uri.fsPath;
      const known = this.files.has(file) || this.glossaryFiles.has(file);
      if (!known && kind === 'delete') return;
      if (!known && !NOTE_GLOB_EXT.test(file) && !GLOSSARY.test(file)) return;
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
        changed.push(await this.loader.loadOne(file));
      }
    }
    if (changed.length) this.index.upsertMany(changed);
    this.loader.persist();
    if (batch.some(([f]) => this.glossaryFiles.has(f))) await this.loadGlossaries();
    this.output.info(`Re-indexed ${batch.length} changed file(s)`);
  }
}

function expandHome(p: string): string {
  return p.startsWith('~') ? path.join(os.homedir(), p.slice(1)) : p;
}
