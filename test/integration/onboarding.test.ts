// Choosing the notes folder: a folder in the workspace becomes the workspace's include glob, a folder
// elsewhere joins the user's extra folders; the index follows the choice.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually, readyIndex, workspacePath } from './testUtil';

interface NotesChoice {
  folder: string;
  setting: string;
  target: string;
}

suite('choosing the notes folder', () => {
  const config = () => vscode.workspace.getConfiguration('tilCompanion');

  test('a folder inside the workspace becomes the workspace include glob', async () => {
    const folder = workspacePath('notes');
    // The fixture workspace has its own include setting: put it back exactly as it was.
    const before = config().inspect<string[]>('notes.include')?.workspaceValue;
    try {
      const choice = (await vscode.commands.executeCommand('til.chooseNotesFolder', folder)) as NotesChoice;
      assert.deepStrictEqual({ setting: choice.setting, target: choice.target }, { setting: 'notes.include', target: 'workspace' });
      assert.deepStrictEqual(config().inspect<string[]>('notes.include')?.workspaceValue, ['notes/**/*.md']);
      const index = await readyIndex();
      await eventually(() => index.files().some((f) => f.startsWith(folder + path.sep)), 'the notes folder indexed');
    } finally {
      await config().update('notes.include', before, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a folder outside the workspace joins the user extra folders and is indexed', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'til-chosen-'));
    const before = config().inspect<string[]>('notes.extraFolders')?.globalValue;
    fs.writeFileSync(path.join(outside, '2025-03-02.md'), '# 2025-03-02\n\n## 선택한 폴더의 질문은 읽히나요?\n\n읽힌다.\n');
    try {
      const choice = (await vscode.commands.executeCommand('til.chooseNotesFolder', outside)) as NotesChoice;
      assert.deepStrictEqual({ setting: choice.setting, target: choice.target }, { setting: 'notes.extraFolders', target: 'user' });
      assert.ok(config().inspect<string[]>('notes.extraFolders')?.globalValue?.includes(outside));
      const index = await readyIndex();
      await eventually(
        () => index.cardGroups().some((c) => c.question.includes('선택한 폴더의 질문은 읽히나요')),
        'the chosen folder indexed',
        20_000,
      );
    } finally {
      await config().update('notes.extraFolders', before, vscode.ConfigurationTarget.Global);
      fs.rmSync(outside, { recursive: true, force: true });
      // Leave the index as the next suites expect it: without the chosen folder's question.
      const index = await readyIndex();
      await eventually(
        () => !index.cardGroups().some((c) => c.question.includes('선택한 폴더의 질문은 읽히나요')),
        'the chosen folder dropped from the index',
        20_000,
      );
    }
  });
});
