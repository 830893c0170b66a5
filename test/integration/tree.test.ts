import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/features/notesTree/treeModel';
import { NotesTreeProvider } from '../../src/features/notesTree/notesTree';
import { eventually, readyIndex, workspacePath } from './testUtil';

function labels(provider: NotesTreeProvider, nodes: TreeNode[]): string[] {
  return nodes.map((n) => String(provider.getTreeItem(n).label));
}

suite('notes tree', () => {
  test('days → sections → questions of the fixture notes', async () => {
    const index = await readyIndex();
    const tree = new NotesTreeProvider(index, 'day');
    const days = tree.getChildren();
    assert.deepStrictEqual(labels(tree, days), ['3월 2일 TIL', '0303 TIL', '2025-03-04 TIL', '2025-03-05']);
    const sections = tree.getChildren(days[0]);
    assert.deepStrictEqual(labels(tree, sections), ['운영 체제', 'CKA']);
    const questions = tree.getChildren(sections[0]);
    assert.ok(labels(tree, questions).includes('세마포어는 뮤텍스와 무엇이 다른가요?'));
    const item = tree.getTreeItem(questions[0]);
    assert.strictEqual(item.command?.command, 'til.openLocation');
  });

  test('the topic grouping lists questions under their topic', async () => {
    const index = await readyIndex();
    const tree = new NotesTreeProvider(index, 'topic');
    const topics = tree.getChildren();
    assert.deepStrictEqual(labels(tree, topics), ['OS', 'Kubernetes', 'Web', 'Java']);
    const k8s = tree.getChildren(topics[1]);
    assert.ok(labels(tree, k8s).includes('배포는 어떻게 되돌릴까?'));
  });

  test('clicking a question opens the note at its line', async () => {
    const index = await readyIndex();
    const tree = new NotesTreeProvider(index, 'day');
    const question = tree.getChildren(tree.getChildren(tree.getChildren()[0])[0])[0];
    const command = tree.getTreeItem(question).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(path.basename(editor.document.fileName), 'days-and-questions.md');
    assert.strictEqual(editor.selection.active.line + 1, 5);
  });

  test('editing a note on disk updates the tree without a reload', async () => {
    const index = await readyIndex();
    const file = workspacePath('notes', 'added-during-test.md');
    fs.writeFileSync(file, '# 4월 1일 TIL\n\n## OS\n\n> 새로 추가한 질문인가요?\n\n그렇다.\n');
    try {
      await eventually(() => index.cardGroups().some((c) => c.question === '새로 추가한 질문인가요?'), 'the new note to be indexed');
      fs.writeFileSync(file, '# 4월 1일 TIL\n\n## OS\n\n> 고쳐 쓴 질문인가요?\n\n그렇다.\n');
      await eventually(() => index.cardGroups().some((c) => c.question === '고쳐 쓴 질문인가요?'), 'the edit to be indexed');
      const tree = new NotesTreeProvider(index, 'day');
      assert.ok(labels(tree, tree.getChildren()).includes('4월 1일 TIL'));
    } finally {
      fs.rmSync(file, { force: true });
    }
    await eventually(() => !index.cardGroups().some((c) => c.question === '고쳐 쓴 질문인가요?'), 'the deleted note to leave the index');
  });

  test('a question asked again on another day: both day rows and its topic row say it is written more than once', async () => {
    const index = await readyIndex();
    const days = new NotesTreeProvider(index, 'day');
    const topics = new NotesTreeProvider(index, 'topic');
    /** The first day's and the OS topic's "written more than once" counts, from their tooltips (0 when they say none). */
    const writtenAgain = () => {
      const os = topics.getChildren().find((n) => String(topics.getTreeItem(n).label) === 'OS');
      return [days.getTreeItem(days.getChildren()[0]), topics.getTreeItem(os!)].map((item) => {
        assert.match(String(item.description), /^\d+ questions?$/, 'the count alone, to read whole in the side bar');
        return Number(/Written more than once in your notes: (\d+)\./.exec(String(item.tooltip))?.[1] ?? 0);
      });
    };
    const before = writtenAgain();
    const file = workspacePath('notes', 'asked-again-during-test.md');
    // A question of the first day (written there once), asked again on a day of its own.
    fs.writeFileSync(file, '# 2025-07-01 TIL\n\n## OS\n\n> 교착 상태를 막는 방법은?\n\n조건 하나를 깬다.\n');
    try {
      const again = await eventually(
        () => days.getChildren().find((n) => String(days.getTreeItem(n).label) === '2025-07-01 TIL'),
        'the new day in the tree',
      );
      assert.strictEqual(days.getTreeItem(again!).description, '1 question');
      // Its tooltip says which day, how many, and where (a new user saw only "file.md:941").
      assert.strictEqual(
        days.getTreeItem(again!).tooltip,
        '2025-07-01 TIL\n1 question\nWritten more than once in your notes: 1. Such a question counts on each day it is on, and once in its topic.\nasked-again-during-test.md:1',
      );
      assert.deepStrictEqual(
        writtenAgain(),
        before.map((n) => n + 1),
      );
    } finally {
      fs.rmSync(file, { force: true });
    }
    await eventually(() => !index.files().includes(file), 'the deleted note to leave the index');
  });

  test("a heading that asks a question is one row under its day, with the question's icon and a safe answer", async () => {
    const index = await readyIndex();
    const file = workspacePath('notes', 'heading-question-during-test.md');
    fs.writeFileSync(
      file,
      '# 2025-08-01 TIL\n\n## 레코드를 전달 객체로 쓰는 까닭은?\n\n레코드는 값이 바뀌지 않는 클래스라 [안내](https://docs.example/record) ![도식](https://tracker.example/p.png) 그대로 넘기기 좋다.\n\n' +
        '### 예시\n\n> 생성자를 따로 써야 하나요?\n\n아니다. 컴파일러가 만든다.\n\n## 그림으로 본 흐름은?\n\n![흐름](./pictures/flow.png)\n',
    );
    try {
      const tree = new NotesTreeProvider(index, 'day');
      const day = await eventually(
        () => tree.getChildren().find((n) => String(tree.getTreeItem(n).label) === '2025-08-01 TIL'),
        'the new day in the tree',
      );
      const rows = tree.getChildren(day!);
      // Each heading question once: one row each, not a section row and a question row.
      assert.deepStrictEqual(labels(tree, rows), ['레코드를 전달 객체로 쓰는 까닭은?', '그림으로 본 흐름은?']);
      const [record, picture] = rows.map((n) => tree.getTreeItem(n));
      assert.strictEqual((record.iconPath as vscode.ThemeIcon).id, 'question');
      // Its contents, without the question again.
      assert.deepStrictEqual(labels(tree, tree.getChildren(rows[0])), ['예시']);
      // The answer in the tooltip: words kept, the note's link and image not live.
      const tooltip = (record.tooltip as vscode.MarkdownString).value;
      assert.match(tooltip, /레코드는 값이 바뀌지 않는 클래스라/);
      assert.doesNotMatch(tooltip, /\]\(|https:/, tooltip);
      // An answer that is only a picture says where it is.
      assert.strictEqual(picture.collapsibleState, vscode.TreeItemCollapsibleState.None);
      assert.match((picture.tooltip as vscode.MarkdownString).value, /picture/);
      assert.doesNotMatch((picture.tooltip as vscode.MarkdownString).value, /flow\.png/);
    } finally {
      fs.rmSync(file, { force: true });
    }
    await eventually(() => !index.files().includes(file), 'the deleted note to leave the index');
  });

  test('the extension never writes to the notes', async () => {
    await readyIndex();
    const dir = workspacePath('notes');
    const before = fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]);
    await vscode.commands.executeCommand('til.refresh');
    const after = fs.readdirSync(dir).map((f) => [f, fs.statSync(path.join(dir, f)).mtimeMs]);
    assert.deepStrictEqual(after, before);
  });

  test('"Due for review" tells new questions from reviews', async () => {
    const index = await readyIndex();
    const cards = index.cardGroups().slice(0, 3);
    assert.strictEqual(cards.length, 3);
    const describe = (fresh: number) => {
      const tree = new NotesTreeProvider(index, 'day', () => [{ kind: 'due', id: 'due', cards, fresh }]);
      const item = tree.getTreeItem(tree.getChildren()[0]);
      return { label: String(item.label), description: String(item.description), tooltip: String(item.tooltip ?? '') };
    };
    assert.deepStrictEqual(describe(0), { label: 'Due for review', description: '3', tooltip: '' });
    assert.strictEqual(describe(2).description, '1 to review · 2 new');
    assert.match(describe(2).tooltip, /2 new \(never answered\) and 1 due for review/);
    assert.strictEqual(describe(3).description, '3 new');
  });
});
