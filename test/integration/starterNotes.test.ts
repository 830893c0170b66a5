// The starter notes stay apart from the user's: their own collapsed root in both trees, never merged into the user's
// days, and in "auto" mode present only while the user has no notes (decided again when a note appears or goes).
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { NoteIndex } from '../../src/core/index/noteIndex';
import type { TreeNode } from '../../src/features/notesTree/treeModel';
import { NotesTreeProvider } from '../../src/features/notesTree/notesTree';
import { NotesSource } from '../../src/features/notes/notesSource';
import { EXTENSION_ID, eventually, readyIndex, workspacePath } from './testUtil';

const config = () => vscode.workspace.getConfiguration('tilCompanion');
const starterFiles = async () => {
  const index = await readyIndex();
  return index.files().filter((f) => index.sourceOf(f) === 'starter');
};

/** Sets workspace settings for one test and puts the fixture workspace's own values back afterwards. */
async function withWorkspaceSettings(values: Record<string, unknown>, body: () => Promise<void>): Promise<void> {
  const before = Object.keys(values).map((key) => [key, config().inspect(key)?.workspaceValue] as const);
  try {
    for (const [key, value] of Object.entries(values)) await config().update(key, value, vscode.ConfigurationTarget.Workspace);
    await body();
  } finally {
    for (const [key, value] of before) await config().update(key, value, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('til.refresh');
  }
}

suite('starter notes', () => {
  test('when on, they sit under their own collapsed root; a day title both sources use is two rows', async function () {
    this.timeout(60_000);
    const index = await readyIndex();
    assert.deepStrictEqual(await starterFiles(), [], 'the fixture workspace turns them off');
    await withWorkspaceSettings({ 'notes.includeBundled': true }, async () => {
      await vscode.commands.executeCommand('til.refresh');
      await eventually(async () => (await starterFiles()).length > 0, 'the starter notes to load');
      // A note of the user's with a day title the starter notes use too.
      const starterDay = index.days(['starter'])[0];
      const same = workspacePath('notes', 'same-day-til.md');
      fs.writeFileSync(same, `# ${starterDay.title}\n\n> 내 노트의 그날 질문인가요?\n\n내가 쓴 답.\n`);
      try {
        await vscode.commands.executeCommand('til.refresh');
        const tree = new NotesTreeProvider(index, 'day');
        const roots = tree.getChildren();
        const starterRoot = roots.find((n) => n.kind === 'starter')!;
        assert.ok(starterRoot, 'a "Starter notes" root');
        assert.strictEqual(roots[roots.length - 1], starterRoot, "after the user's days");
        const item = tree.getTreeItem(starterRoot);
        assert.strictEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
        const userDays = roots.filter((n): n is TreeNode & { kind: 'day' } => n.kind === 'day');
        for (const day of userDays)
          for (const e of day.group.entries)
            assert.notStrictEqual(index.sourceOf(e.day.file), 'starter', `${day.group.title} holds only the user's notes`);
        const mine = userDays.find((d) => d.group.title === starterDay.title);
        assert.ok(mine, "the user's day of that title");
        assert.strictEqual(mine.count.questions, 1, "the starter notes' questions of that day are not merged into it");
        const starterDays = tree.getChildren(starterRoot);
        const theirs = starterDays.find((n) => n.kind === 'day' && n.group.title === starterDay.title);
        assert.ok(theirs, "the starter notes' day of that title, under their root");
        assert.notStrictEqual(theirs.id, mine.id, 'two rows, two ids');
        const ids = [...roots, ...starterDays].map((n) => n.id);
        assert.strictEqual(new Set(ids).size, ids.length, 'tree ids are unique');
        // The topic view too.
        const byTopic = new NotesTreeProvider(index, 'topic');
        const topicRoots = byTopic.getChildren();
        assert.strictEqual(topicRoots[topicRoots.length - 1].kind, 'starter');
        // The due count and the default quiz count the user's questions.
        const state = (await vscode.commands.executeCommand('til.test.quiz.state')) as { dueKeys: string[] };
        const userKeys = new Set(index.cardGroups(['workspace', 'extra']).map((g) => g.key));
        const starterOnly = index
          .cardGroups(['starter'])
          .map((g) => g.key)
          .filter((k) => !userKeys.has(k));
        assert.ok(starterOnly.length > 0);
        for (const key of state.dueKeys) assert.ok(!starterOnly.includes(key), `due card ${key} is not one of the starter notes' own`);
      } finally {
        fs.rmSync(same, { force: true });
      }
    });
  });

  test("a starter note opens read-only at the spot, from the tree and from a hover link; the user's notes stay editable", async function () {
    this.timeout(60_000);
    const index = await readyIndex();
    /**
     * Types into the active editor as an extension can: true when the text changed (then it is put back). `edit()`
     * itself says true in a read-only editor too (the workbench drops the edit), so the text is what counts.
     */
    const tryEdit = async (file: string, line: number) => {
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'an editor opened');
      assert.strictEqual(editor.document.uri.fsPath, vscode.Uri.file(file).fsPath, 'the note itself, where it is');
      assert.strictEqual(editor.selection.active.line, line - 1, 'at the spot');
      const before = editor.document.getText();
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'x'));
      const changed = editor.document.getText() !== before;
      if (changed) {
        // Taken out again and saved: the workbench may have saved the edit already (auto save).
        await editor.edit((b) => b.delete(new vscode.Range(0, 0, 0, 1)));
        await editor.document.save();
      }
      assert.strictEqual(editor.document.getText(), before);
      return changed;
    };
    try {
      await withWorkspaceSettings({ 'notes.includeBundled': true }, async () => {
        await vscode.commands.executeCommand('til.refresh');
        await eventually(async () => (await starterFiles()).length > 0, 'the starter notes to load');
        // The tree's rows run til.openLocation with a file and a line.
        const place = index.cardGroups(['starter'])[0].places[0];
        await vscode.commands.executeCommand('til.openLocation', place.file, place.line);
        assert.strictEqual(await tryEdit(place.file, place.line), false, 'the starter note is read-only');
        // A hover's "Open note" link names the term; a term only the starter notes explain opens theirs.
        const best = index
          .terms()
          .map((t) => index.term(t.key))
          .find((t) => t !== undefined && index.sourceOf(t.file) === 'starter');
        assert.ok(best, 'a term the starter notes explain');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('til.openLocation', { term: best.key });
        assert.strictEqual(await tryEdit(best.file, best.line), false, 'read-only from the hover link too');
        // The user's own note, opened the same way, can be edited.
        const mine = index.cardGroups(['workspace'])[0].places[0];
        await vscode.commands.executeCommand('til.openLocation', mine.file, mine.line);
        assert.strictEqual(await tryEdit(mine.file, mine.line), true, "the user's note is editable");
      });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  test("auto: the starter notes only while none of the user's are found, back when the last one goes", async function () {
    this.timeout(90_000);
    const index = await readyIndex();
    const folder = workspacePath('auto-mode-probe');
    // The folder exists first: a watcher may report a new folder and not the file written into it at once.
    fs.mkdirSync(folder, { recursive: true });
    await withWorkspaceSettings({ 'notes.includeBundled': 'auto', 'notes.include': ['auto-mode-probe/**/*.md'] }, async () => {
      await vscode.commands.executeCommand('til.refresh');
      await eventually(
        async () => !index.hasUserNotes() && (await starterFiles()).length > 0,
        "the starter notes in a window without the user's",
      );
      const tree = new NotesTreeProvider(index, 'day');
      assert.deepStrictEqual(
        tree.getChildren().map((n) => n.kind),
        ['starter'],
        'nothing but the starter root at the top',
      );
      const state = (await vscode.commands.executeCommand('til.test.quiz.state')) as { dueKeys: string[] };
      const starterKeys = new Set(index.cardGroups(['starter']).map((g) => g.key));
      // Generated cards (cloze, reverse, diagrams) have keys of their own; the questions among the due ones are ours.
      for (const key of state.dueKeys)
        if (index.cardGroup(key))
          assert.ok(starterKeys.has(key), "with no notes of the user's, the starter questions are the ones counted");

      const note = `${folder}/2025-06-01-til.md`;
      fs.writeFileSync(note, '# 2025-06-01 TIL\n\n> 자동 모드에서 내 노트가 생기면?\n\n시작 노트가 빠진다.\n');
      await eventually(
        async () => index.hasUserNotes() && (await starterFiles()).length === 0,
        "the starter notes to go when a note of the user's appears",
        20_000,
      );
      assert.deepStrictEqual(
        tree.getChildren().map((n) => n.kind),
        ['day'],
      );

      fs.rmSync(note);
      await eventually(
        async () => !index.hasUserNotes() && (await starterFiles()).length > 0,
        'the starter notes to come back when the last note goes',
        20_000,
      );
    }).finally(() => fs.rmSync(folder, { recursive: true, force: true }));
  });

  test("auto: no starter root while the first discovery is pending and the user's notes are there (no flash)", async function () {
    this.timeout(60_000);
    await readyIndex(); // the extension's own load is done: only the source made here reads the notes
    await withWorkspaceSettings({ 'notes.includeBundled': 'auto' }, async () => {
      // A fresh source over the fixture workspace (which holds the user's notes), as at activation: the starter pack
      // goes into the index at once, then discovery finds the user's notes and the starter notes go.
      const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'til-discovery-'));
      const context = {
        extensionPath: vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath,
        globalStorageUri: vscode.Uri.file(storage),
        storageUri: vscode.Uri.file(storage),
        extensionMode: vscode.ExtensionMode.Production, // the extension's own source registered the test commands
      } as unknown as vscode.ExtensionContext;
      const output = vscode.window.createOutputChannel('TIL Companion (discovery test)', { log: true });
      const index = new NoteIndex();
      const source = new NotesSource(context, index, output);
      const tree = new NotesTreeProvider(index, 'day', undefined, () => source.showsStarterNotes());
      // What the day view would show after each change of the index, and whether starter notes were in it then.
      const seen: Array<{ starterNotes: number; roots: string[] }> = [];
      const listening = index.onDidChange(() =>
        seen.push({
          starterNotes: index.files().filter((f) => index.sourceOf(f) === 'starter').length,
          roots: [...new Set(tree.getChildren().map((n) => n.kind))],
        }),
      );
      try {
        await source.reload();
        assert.ok(index.hasUserNotes(), "the fixture workspace's notes are found");
        assert.strictEqual(index.files().filter((f) => index.sourceOf(f) === 'starter').length, 0, 'the starter notes went');
        const pending = seen.filter((s) => s.starterNotes > 0);
        assert.ok(pending.length > 0, 'the starter pack was in the index before discovery (hovers answer at once)');
        for (const s of pending) assert.ok(!s.roots.includes('starter'), `no "Starter notes" root while discovery is pending: ${s.roots}`);
        assert.ok(!tree.getChildren().some((n) => n.kind === 'starter'));
        assert.ok(
          tree.getChildren().some((n) => n.kind === 'day'),
          "the user's days",
        );
      } finally {
        listening.dispose();
        source.dispose();
        output.dispose();
        fs.rmSync(storage, { recursive: true, force: true });
      }
    });
  });
});
