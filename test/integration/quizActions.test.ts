// Per-card quiz actions in a real extension host: a suspended card stays hidden through a re-index
// and through an edit of its note (even of its question), the tree's undo brings it back and that
// also survives; bury siblings and "not a question"; the daily new-card limit from the settings.
// Actions go through the test-only command `til.test.quiz.act`; the webview buttons are in the UI test.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { NoteIndex } from '../../src/core/index/noteIndex';
import { eventually, readyIndex, webviewTabs, workspacePath } from './testUtil';

interface HiddenCard {
  key: string;
  question: string;
  kind: 'suspended' | 'notQuestion' | 'buried';
}
interface QuizTestState {
  dueCount: number;
  dueKeys: string[];
  current?: { key: string; text: string };
  position?: { total: number };
  progressFile: string;
  limits?: { newPerDay: number; newLeft: number };
  hidden: HiddenCard[];
}

const state = () => vscode.commands.executeCommand<QuizTestState>('til.test.quiz.state');
const act = (action: string) => vscode.commands.executeCommand<QuizTestState>('til.test.quiz.act', action);

const Q1 = '스풀링은 무엇을 위해 쓰나요?';
const Q1_EDITED = '스풀링은 주로 무엇을 위해 쓰나요?';
const Q2 = '버퍼와 캐시는 어떻게 다른가요?';
const Q3 = '다른 절의 질문도 묻히나요?';

function note(q1: string, extra = ''): string {
  return `# 2025-06-02 TIL\n\n## 입출력\n\n> ${q1}\n\n느린 장치의 작업을 디스크에 모아 두었다가 차례로 보낸다.${extra}\n\n> ${Q2}\n\n버퍼는 옮기는 중의 데이터, 캐시는 다시 쓸 데이터의 사본.\n\n## 다른 절\n\n> ${Q3}\n\n아니다.\n`;
}

suite('quiz card actions', () => {
  const file = workspacePath('notes', 'quiz-actions-til.md');
  let index: NoteIndex;
  const keyOf = (question: string) => index.cardGroups().find((g) => g.question === question)?.key;

  suiteSetup(async function () {
    this.timeout(60_000);
    index = await readyIndex();
    await vscode.commands.executeCommand('til.resetProgress', { confirm: false });
    fs.writeFileSync(file, note(Q1));
    await eventually(() => keyOf(Q1) && keyOf(Q3), 'the new note to be indexed');
  });

  suiteTeardown(async function () {
    this.timeout(30_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(file, { force: true });
    await eventually(() => !keyOf(Q2), 'the note to leave the index');
    await vscode.commands.executeCommand('til.resetProgress', { confirm: false });
  });

  test('suspend survives a re-index and an edit of the question; undo survives them too', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('til.startQuiz', { scope: 'note', value: file });
    await eventually(() => webviewTabs('til.quiz').length === 1, 'the quiz panel');
    const key = keyOf(Q1)!;
    assert.strictEqual((await state()).current?.key, key, 'note order: the first question first');
    const after = await act('suspend');
    assert.deepStrictEqual(
      after.hidden.map((h) => [h.key, h.kind]),
      [[key, 'suspended']],
    );
    assert.strictEqual(after.current?.key, keyOf(Q2), 'the quiz moved on');
    assert.ok(!after.dueKeys.includes(key), 'not due while suspended');
    const saved = JSON.parse(fs.readFileSync(after.progressFile, 'utf8'));
    assert.strictEqual(saved.flags[key].kind, 'suspended', 'kept in the progress file');
    assert.strictEqual(fs.readFileSync(file, 'utf8'), note(Q1), 'the note itself is never written');

    // A full re-index: still hidden (identity is the question, not the file position).
    await vscode.commands.executeCommand('til.refresh');
    await eventually(() => keyOf(Q1), 're-indexed');
    let s = await state();
    assert.deepStrictEqual(
      s.hidden.map((h) => h.key),
      [key],
    );
    assert.ok(!s.dueKeys.includes(key));

    // An edit of the note that rewords the question: the flag follows it.
    fs.writeFileSync(file, note(Q1_EDITED, ' 프린터가 대표적이다.'));
    await eventually(() => keyOf(Q1_EDITED), 'the edited question');
    const editedKey = keyOf(Q1_EDITED)!;
    s = (await eventually(async () => {
      const x = await state();
      return x.hidden.some((h) => h.key === editedKey) ? x : undefined;
    }, 'the suspension to follow the edited question'))!;
    assert.ok(!s.dueKeys.includes(editedKey), 'the edited question stays out of the quiz');

    // Undo (the tree's inline button runs this command with the card).
    assert.strictEqual(await vscode.commands.executeCommand('til.unhideCard', { key: editedKey }), true);
    s = await state();
    assert.deepStrictEqual(s.hidden, []);
    assert.ok(s.dueKeys.includes(editedKey), 'due again (a new card)');
    // ... and survives another edit and a re-index.
    fs.writeFileSync(file, note(Q1_EDITED, ' 인쇄 대기열도 그렇다.'));
    await eventually(async () => (await readyIndex()).cardGroups().some((g) => g.answer.includes('인쇄 대기열')), 'the second edit');
    await vscode.commands.executeCommand('til.refresh');
    s = await state();
    assert.deepStrictEqual(s.hidden, []);
    assert.ok(s.dueKeys.includes(editedKey));
    const file2 = JSON.parse(fs.readFileSync(s.progressFile, 'utf8'));
    assert.strictEqual(file2.flags[editedKey].kind, 'cleared', 'the undo is recorded, so a merge cannot revive the flag');
  });

  test('bury siblings hides the other questions of the section until tomorrow; "not a question" hides one', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('til.startQuiz', { scope: 'note', value: file });
    const first = (await state()).current!;
    assert.strictEqual(first.key, keyOf(Q1_EDITED));
    let s = await act('burySiblings');
    assert.deepStrictEqual(
      s.hidden.map((h) => [h.question, h.kind]),
      [[Q2, 'buried']],
      'only the same section',
    );
    assert.strictEqual(s.current?.key, first.key, 'the card itself stays');
    s = await act('notQuestion');
    assert.deepStrictEqual(s.hidden.map((h) => h.kind).sort(), ['buried', 'notQuestion']);
    assert.strictEqual(s.current?.key, keyOf(Q3), 'only the other section is left');
    for (const h of s.hidden) await vscode.commands.executeCommand('til.unhideCard', h.key);
    assert.deepStrictEqual((await state()).hidden, []);
  });

  test('the daily new-card limit from the settings caps a due quiz and shows in its state', async function () {
    this.timeout(30_000);
    const config = vscode.workspace.getConfiguration('tilCompanion');
    await config.update('quiz.newCardsPerDay', 2, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('til.resetProgress', { confirm: false });
      await vscode.commands.executeCommand('til.startQuiz', { scope: 'due' });
      let s = await state();
      assert.strictEqual(s.position?.total, 2);
      assert.strictEqual(s.dueCount, 2, 'the status bar counts what a quiz would ask');
      assert.deepStrictEqual([s.limits?.newPerDay, s.limits?.newLeft], [2, 2]);
      s = await vscode.commands.executeCommand<QuizTestState>('til.test.quiz.gradeCurrent', 4);
      assert.strictEqual(s.limits?.newLeft, 1);
    } finally {
      await config.update('quiz.newCardsPerDay', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
