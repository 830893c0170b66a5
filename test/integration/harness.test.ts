// Proves the harness: this suite runs inside a real extension host with a folder open.
import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';

suite('harness', () => {
  test('a workspace folder is open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, `expected one workspace folder, got ${folders.length}`);
    const expected = process.env.TIL_TEST_WORKSPACE;
    if (expected) assert.strictEqual(path.resolve(folders[0].uri.fsPath), path.resolve(expected));
    assert.ok(folders[0].uri.fsPath.length > 1);
  });

  test('the command registry answers', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.length > 100, `only ${commands.length} commands`);
    assert.ok(commands.includes('workbench.action.files.save'));
  });

  test('a file from the workspace opens in an editor', async function () {
    const [uri] = await vscode.workspace.findFiles('**/*.{c,js,ts,yaml,md,java}', '**/node_modules/**', 1);
    if (!uri) this.skip(); // empty workspace: nothing to open
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.strictEqual(editor.document.uri.toString(), uri.toString());
    assert.ok(editor.document.lineCount > 0);
  });
});
