import * as vscode from 'vscode';
import * as path from 'node:path';
import type { NoteIndex } from '../../src/core/index/noteIndex';

export const EXTENSION_ID = 'til-companion.til-companion';

/** The activated extension's index, after its first load. */
export async function readyIndex(): Promise<NoteIndex> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const api = (await extension.activate()) as { ready(): Promise<NoteIndex> };
  return api.ready();
}

export function workspacePath(...parts: string[]): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return path.join(folder.uri.fsPath, ...parts);
}

/** Poll a condition with a deadline (the watcher and tree refresh are asynchronous). */
export async function eventually<T>(probe: () => T | Promise<T>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Accepts the selected item of the quick pick a running command shows, as Enter would: asks the workbench to
 * accept until the command has settled (accepting before the pick is open does nothing), then returns its result.
 */
export async function acceptQuickPick<T>(running: Thenable<T>, what: string, ms = 10_000): Promise<T> {
  let settled = false;
  const result = Promise.resolve(running).finally(() => {
    settled = true;
  });
  const deadline = Date.now() + ms;
  while (!settled) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for the quick pick of ${what}`);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([result.catch(() => undefined), new Promise((r) => setTimeout(r, 100))]);
  }
  return result;
}

/** Open tabs of our webview panels of one view type (the workbench may prefix the type). */
export function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}
