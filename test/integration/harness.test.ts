// Proves the harness: this suite runs inside a real extension host with the fixture folder open.
import * as assert from 'node:assert';
import * as path from 'node:path';
import * as vscode from 'vscode';

suite('harness', () => {
  test('the fixture folder is the one workspace folder', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1, `expected one workspace folder, got ${folders.length}`);
    const expected = process.env.TIL_TEST_WORKSPACE;
    if (expected) assert.strictEqual(path.resolve(folders[0].uri.fsPath), path.resolve(expected));
    assert.ok(folders[0].uri.fsPath.length > 1);
  });
});
