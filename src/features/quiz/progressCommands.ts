import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ProgressBook } from '../../core/quiz/progress';
import type { Clock } from '../../core/quiz/scheduler';
import { ImportError, ReadOnlyError, type ProgressProblem, type ProgressStore } from '../../node/progressStore';
import type { Services } from '../services';

/** What the progress commands act on, and how they tell the rest of the quiz. */
export interface ProgressDeps {
  readonly services: Services;
  readonly book: ProgressBook;
  readonly store: ProgressStore;
  readonly now: Clock;
  invalidateDue(): void;
  /** Restarts an open quiz so that it no longer shows the old progress. */
  restartOpenSession(): Promise<void>;
}

/** Export / import / reset of quiz progress, and the save and reconcile steps the session shares. */
export class ProgressCommands {
  private saveErrorShown = false;

  constructor(private readonly deps: ProgressDeps) {}

  /**
   * Saves, and takes in what another window saved meanwhile (the store merges on save).
   * A failure is logged, and shown to the user once until a save succeeds again.
   */
  save(): Promise<void> {
    const { services, store, book } = this.deps;
    return store.save(book.toData()).then(
      (result) => {
        this.saveErrorShown = false;
        if (result && book.absorb(result.sent, result.merged)) this.deps.invalidateDue();
      },
      (err: unknown) => {
        const reason = err instanceof Error ? err.message : String(err);
        services.output.error(`quiz: could not save progress to ${store.file}: ${reason}`);
        if (!this.saveErrorShown) {
          this.saveErrorShown = true;
          void vscode.window.showErrorMessage(vscode.l10n.t('Could not save quiz progress: {0}', reason));
        }
      },
    );
  }

  /** Moves progress of slightly edited questions to their new keys. */
  reconcile(): void {
    const { services, book } = this.deps;
    const { migrated, changed } = book.reconcile(services.index.cardGroups());
    if (!changed) return;
    for (const m of migrated) services.output.info(`quiz: progress of "${m.from}" moved to "${m.to}" (similarity ${m.score.toFixed(2)})`);
    void this.save();
  }

  async exportProgress(): Promise<void> {
    const stamp = this.deps.now().toISOString().slice(0, 10);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Quiz Progress'),
      saveLabel: vscode.l10n.t('Export'),
      defaultUri: folder ? vscode.Uri.joinPath(folder, `til-progress-${stamp}.json`) : undefined,
      filters: { [vscode.l10n.t('Progress (JSON)')]: ['json'] },
    });
    if (!target) return;
    try {
      await this.deps.store.exportTo(target.fsPath, this.deps.book.toData(this.deps.now()));
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Exported progress of {0} cards to {1}.', this.deps.book.cardCount, path.basename(target.fsPath)),
      );
    } catch (err) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Could not export quiz progress: {0}', err instanceof Error ? err.message : String(err)),
      );
    }
  }

  async importProgress(arg?: unknown): Promise<void> {
    const test = testArgs(this.deps.services, arg);
    let file: string | undefined = typeof test?.file === 'string' ? test.file : undefined;
    if (!file) {
      const picked = await vscode.window.showOpenDialog({
        title: vscode.l10n.t('Import Quiz Progress'),
        openLabel: vscode.l10n.t('Import'),
        canSelectMany: false,
        filters: { [vscode.l10n.t('Progress (JSON)')]: ['json'] },
      });
      file = picked?.[0]?.fsPath;
    }
    if (!file) return;
    let data;
    let dropped: number;
    try {
      ({ data, dropped } = await this.deps.store.importFrom(file));
    } catch (err) {
      const reason = err instanceof ImportError || err instanceof Error ? err.message : String(err);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not import {0}: {1}', path.basename(file), reason));
      return;
    }
    const merge = vscode.l10n.t('Merge');
    const replace = vscode.l10n.t('Replace');
    const how =
      test && (test.how === 'merge' || test.how === 'replace')
        ? test.how === 'merge'
          ? merge
          : replace
        : await vscode.window.showInformationMessage(
            vscode.l10n.t('Import progress of {0} cards?', Object.keys(data.cards).length),
            {
              modal: true,
              detail: [
                vscode.l10n.t('Merge keeps the most recent review of each card. Replace discards the current progress.'),
                ...(dropped ? [vscode.l10n.t('{0} invalid entries in the file are left out.', dropped)] : []),
              ].join('\n\n'),
            },
            merge,
            replace,
          );
    if (how === merge) this.deps.book.merge(data);
    else if (how === replace) this.deps.book.replace(data);
    else return;
    this.reconcile();
    if (how === replace) {
      // Written as it is: a merge with the file on disk would bring the replaced progress back.
      try {
        await this.deps.store.replace(this.deps.book.toData());
      } catch (err) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Could not save quiz progress: {0}', err instanceof Error ? err.message : String(err)),
        );
        return;
      }
    } else {
      await this.save();
    }
    this.deps.invalidateDue();
    if (dropped) this.deps.services.output.warn(`quiz: ${dropped} invalid entries of ${file} were left out of the import`);
    void vscode.window.showInformationMessage(
      dropped
        ? vscode.l10n.t('Imported quiz progress from {0}; {1} invalid entries were left out.', path.basename(file), dropped)
        : vscode.l10n.t('Imported quiz progress from {0}.', path.basename(file)),
    );
  }

  async resetProgress(arg?: unknown): Promise<void> {
    const skipConfirm = testArgs(this.deps.services, arg)?.confirm === false;
    if (!skipConfirm) {
      const reset = vscode.l10n.t('Reset Progress');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('Reset all quiz progress?'),
        {
          modal: true,
          detail: vscode.l10n.t('Every card becomes new again. A copy of the current progress file is kept in the extension storage.'),
        },
        reset,
      );
      if (choice !== reset) return;
    }
    await this.deps.store.flush();
    let backup: string | undefined;
    try {
      backup = await this.deps.store.reset();
    } catch (err) {
      const reason = err instanceof ReadOnlyError || err instanceof Error ? err.message : String(err);
      this.deps.services.output.error(`quiz: reset failed: ${reason}`);
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not reset quiz progress: {0}', reason));
      return;
    }
    this.deps.book.clear();
    this.deps.invalidateDue();
    await this.deps.restartOpenSession();
    if (!skipConfirm) {
      void vscode.window.showInformationMessage(
        backup
          ? vscode.l10n.t('Quiz progress reset. The previous progress was kept as {0}.', path.basename(backup))
          : vscode.l10n.t('Quiz progress reset.'),
      );
    }
  }
}

/** Tells the user that progress.json could not be read (in full) and what became of it. */
export function reportLoadProblem(output: vscode.LogOutputChannel, problem: ProgressProblem): void {
  output.error(
    `quiz: progress file ${problem.file} is ${problem.kind}: ${problem.message}${problem.backup ? `; copied to ${problem.backup}` : ''}`,
  );
  const backupName = problem.backup ? path.basename(problem.backup) : '';
  let message: string;
  if (problem.kind === 'newer') {
    message = vscode.l10n.t(
      'Quiz progress was saved by a newer version of TIL Companion (format {0}). It is left unchanged and reviews in this window are not saved; update TIL Companion to save them.',
      problem.version ?? '?',
    );
  } else if (problem.kind === 'dropped') {
    message = problem.backup
      ? vscode.l10n.t(
          '{0} invalid entries in the quiz progress file were left out; the rest of your progress is kept. The original file was kept as {1}.',
          problem.dropped ?? 0,
          backupName,
        )
      : vscode.l10n.t(
          '{0} invalid entries in the quiz progress file were left out; the rest of your progress is kept.',
          problem.dropped ?? 0,
        );
  } else {
    message = problem.backup
      ? vscode.l10n.t(
          'Quiz progress could not be read ({0}). Starting with empty progress; the old file was kept as {1}.',
          problem.kind,
          backupName,
        )
      : vscode.l10n.t('Quiz progress could not be read ({0}). Starting with empty progress.', problem.kind);
  }
  const showOutput = vscode.l10n.t('Show Output');
  const revealBackup = vscode.l10n.t('Reveal Backup');
  const actions = problem.backup ? [revealBackup, showOutput] : [showOutput];
  void vscode.window.showWarningMessage(message, ...actions).then((choice) => {
    if (choice === showOutput) output.show(true);
    else if (choice === revealBackup && problem.backup)
      void vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(problem.backup));
  });
}

/** Tests pass options that skip the dialogs; outside `ExtensionMode.Test` they are ignored. */
function testArgs(services: Services, arg: unknown): Record<string, unknown> | undefined {
  const test = services.context.extensionMode === vscode.ExtensionMode.Test && typeof arg === 'object' && arg !== null;
  return test ? (arg as Record<string, unknown>) : undefined;
}
