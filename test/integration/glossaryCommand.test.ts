// "TIL: Add Glossary Entries…" and the walkthrough's step: the glossary the index read opens at its end; without one,
// the template opens already named where the extension reads it, so Save puts it there without a dialog; a name that
// links out of the workspace is never opened nor reused. The extension itself writes nothing.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually, readyIndex, workspacePath } from './testUtil';

const ADD_GLOSSARY = 'til.addGlossaryEntries';
const refresh = () => vscode.commands.executeCommand('til.refresh');

async function closeWithoutSaving(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/** Runs the body without the fixture's glossary (notes/glossary.yaml, read beside the notes), then puts it back. */
async function withoutFixtureGlossary(body: () => Promise<void>): Promise<void> {
  const glossary = workspacePath('notes', 'glossary.yaml');
  const aside = `${glossary}.aside`;
  fs.renameSync(glossary, aside);
  try {
    await refresh();
    await eventually(async () => (await readyIndex()).userGlossaryFiles().length === 0, 'the fixture glossary gone from the index');
    await body();
  } finally {
    fs.renameSync(aside, glossary);
    await refresh();
    await eventually(async () => (await readyIndex()).userGlossaryFiles().includes(glossary), 'the fixture glossary read again');
  }
}

suite('adding glossary entries', () => {
  // First in this file, before anything runs the command (which ticks the step too).
  test('the walkthrough’s “Add glossary” step is done once the index has read a glossary of the user’s', async () => {
    const index = await readyIndex();
    assert.deepStrictEqual(index.userGlossaryFiles(), [workspacePath('notes', 'glossary.yaml')], 'the fixture glossary is read');
    await eventually(
      async () => ((await vscode.commands.executeCommand<string[]>('til.test.walkthroughStepsReported')) ?? []).includes('glossary'),
      'the glossary step reported',
    );
  });

  test('with a glossary the index read, the command opens that file with the cursor at its end', async () => {
    const glossary = workspacePath('notes', 'glossary.yaml');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>(ADD_GLOSSARY);
    try {
      assert.strictEqual(editor.document.uri.scheme, 'file');
      assert.strictEqual(editor.document.uri.fsPath, glossary);
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      assert.ok(editor.selection.active.isEqual(end), `cursor at the end, not ${JSON.stringify(editor.selection.active)}`);
      assert.strictEqual(editor.document.isDirty, false, 'nothing written into it');
    } finally {
      await closeWithoutSaving(editor);
    }
  });

  test('without one, the template opens named <folder>/til-glossary.yaml: nothing is written until Save, which asks nothing and the index reads', async () => {
    await withoutFixtureGlossary(async () => {
      const target = workspacePath('til-glossary.yaml');
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>(ADD_GLOSSARY);
      try {
        const { document } = editor;
        assert.strictEqual(document.uri.scheme, 'untitled');
        assert.strictEqual(path.normalize(document.uri.fsPath), target, 'named where the extension reads a glossary');
        assert.strictEqual(document.languageId, 'yaml');
        assert.match(document.getText(), /^os:\n {2}fork: fork$/m, 'the template');
        assert.ok(!fs.existsSync(target), 'the extension wrote nothing');
        // Again: the same document, the template in it once.
        const again = await vscode.commands.executeCommand<vscode.TextEditor>(ADD_GLOSSARY);
        assert.strictEqual(again.document.uri.toString(), document.uri.toString());
        assert.strictEqual(again.document.getText().match(/^os:$/gm)?.length, 1, 'the template once');
        // Save: no dialog (it would never answer here), the file where the document said.
        const saved = await Promise.race([
          vscode.workspace.save(document.uri),
          new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 15_000)),
        ]);
        assert.ok(saved, 'saved without a dialog');
        assert.strictEqual(saved.fsPath, target);
        assert.match(fs.readFileSync(target, 'utf8'), /^ {2}fork: fork$/m);
        await eventually(async () => (await readyIndex()).userGlossaryFiles().includes(target), 'the saved glossary read');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen'); // a save dialog, if one opened
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        fs.rmSync(target, { force: true });
      }
    });
  });

  test('a til-glossary.yaml that links out of the workspace is not opened, and the new document is not named after it', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'til-outside-'));
    const secret = path.join(outside, 'secret.yaml');
    fs.writeFileSync(secret, 'os:\n  outside_secret_fn: 비밀\n');
    const link = workspacePath('til-glossary.yaml');
    await withoutFixtureGlossary(async () => {
      try {
        // To a file outside (refused by the index), then to nothing there yet (a save would create it outside).
        for (const pointsAt of [secret, path.join(outside, 'not-yet.yaml')]) {
          fs.rmSync(link, { force: true });
          fs.symlinkSync(pointsAt, link);
          await refresh();
          assert.deepStrictEqual((await readyIndex()).userGlossaryFiles(), [], 'the link is not read');
          const editor = await vscode.commands.executeCommand<vscode.TextEditor>(ADD_GLOSSARY);
          try {
            assert.strictEqual(editor.document.uri.scheme, 'untitled', `${pointsAt}: not opened`);
            assert.notStrictEqual(path.normalize(editor.document.uri.fsPath), link, `${pointsAt}: not named after the link`);
            assert.ok(!editor.document.getText().includes('outside_secret_fn'), 'the outside file is not shown');
            assert.match(editor.document.getText(), /^os:$/m, 'the template instead');
          } finally {
            await closeWithoutSaving(editor);
          }
        }
        assert.ok(!fs.existsSync(path.join(outside, 'not-yet.yaml')), 'nothing written outside');
      } finally {
        fs.rmSync(link, { force: true });
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });
  });
});
