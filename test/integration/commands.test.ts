import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readyIndex } from './testUtil';

suite('commands', () => {
  test('every command in package.json is registered, and every til.* command is declared', async () => {
    await readyIndex();
    const extension = vscode.extensions.getExtension('til-companion.til-companion')!;
    const pkg = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, 'package.json'), 'utf8'));
    const declared: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    const registered = (await vscode.commands.getCommands(true)).filter(
      (c) =>
        c.startsWith('til.') &&
        !c.startsWith('til.notesBy') &&
        !c.includes('.focus') &&
        !c.includes('.resetViewLocation') &&
        !c.includes('.toggleVisibility') &&
        !c.includes('.removeView') &&
        !c.startsWith('til.test.'),
    );
    for (const c of declared) assert.ok(registered.includes(c), `${c} is declared but not registered`);
    for (const c of registered) assert.ok(declared.includes(c), `${c} is registered but not declared`);
  });
});
