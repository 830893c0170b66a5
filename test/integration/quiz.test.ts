// The quiz in a real extension host: the command opens the panel (tab label), grading a card
// moves the due count, progress lands in the progress file, an import is validated and merged.
// Grades go through the test-only command `til.test.quiz.gradeCurrent` (registered only in
// ExtensionMode.Test); the webview itself is driven by the UI test.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { NoteIndex } from '../../src/core/index/noteIndex';
import { acceptQuickPick, eventually, readyIndex, webviewTabs } from './testUtil';

interface QuizTestState {
  dueCount: number;
  dueKeys: string[];
  cardCount: number;
  panelOpen: boolean;
  panelTitle?: string;
  current?: { key: string; kind: 'card' | 'term'; text: string };
  position?: { position: number; total: number; remaining: number; reviewed: number };
  progressFile: string;
}

const QUIZ_VIEW = 'til.quiz';

const quizTabs = () => webviewTabs(QUIZ_VIEW);
const tabLabels = () => quizTabs().map((t) => t.label);

const state = () => vscode.commands.executeCommand<QuizTestState>('til.test.quiz.state');
const grade = (g: 1 | 2 | 3 | 4) => vscode.commands.executeCommand<QuizTestState>('til.test.quiz.gradeCurrent', g);

suite('quiz', () => {
  let index: NoteIndex;

  suiteSetup(async function () {
    this.timeout(60_000);
    index = await readyIndex();
    await vscode.commands.executeCommand('til.resetProgress', { confirm: false });
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(() => quizTabs().length === 0, 'quiz tabs to close', 5_000);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('til.resetProgress', { confirm: false });
  });

  test('til.startQuiz opens the quiz panel, titled by its scope', async function () {
    this.timeout(30_000);
    assert.ok(index.cardGroups().length > 0, 'the fixtures have questions');
    await vscode.commands.executeCommand('til.startQuiz', { scope: 'due' });
    await eventually(
      () => tabLabels().includes('Quiz: Due for review'),
      `a tab "Quiz: Due for review"; tabs: ${JSON.stringify(tabLabels())}`,
    );
    const s = await state();
    assert.strictEqual(s.panelOpen, true);
    assert.strictEqual(s.dueCount, index.cardGroups().length, 'after a reset every card is new, so due');
    assert.strictEqual(s.position?.total, s.dueCount);
    assert.ok(s.current?.text, 'a card is shown');

    // Another scope reuses the panel and retitles it.
    await vscode.commands.executeCommand('til.startQuiz', { scope: 'topic', value: 'os' });
    await eventually(
      () => tabLabels().includes('Quiz: Operating systems'),
      `a tab "Quiz: Operating systems"; tabs: ${JSON.stringify(tabLabels())}`,
    );
    assert.strictEqual(quizTabs().length, 1);
  });

  test('without an argument a quick pick offers the scopes', async function () {
    this.timeout(30_000);
    await acceptQuickPick(vscode.commands.executeCommand('til.startQuiz'), 'til.startQuiz'); // "Everything due"
    await eventually(() => tabLabels().includes('Quiz: Due for review'), `the due quiz; tabs: ${JSON.stringify(tabLabels())}`);
  });

  test('grading a card updates the due count and the progress file', async function () {
    this.timeout(30_000);
    await vscode.commands.executeCommand('til.startQuiz', { scope: 'due' });
    const before = await state();
    const graded = before.current!;
    const after = await grade(4);
    assert.strictEqual(after.dueCount, before.dueCount - 1);
    assert.notStrictEqual(after.current?.key, graded.key, 'the next card is shown');
    assert.strictEqual(after.position?.reviewed, 1);
    const saved = JSON.parse(fs.readFileSync(after.progressFile, 'utf8'));
    assert.ok(saved.cards[graded.key], 'the graded card is in the progress file');
    assert.ok(Date.parse(saved.cards[graded.key].due) > Date.now(), 'and due later');

    // A new due session leaves the graded card out.
    await vscode.commands.executeCommand('til.startQuiz', { scope: 'due' });
    const again = await state();
    assert.strictEqual(again.position?.total, after.dueCount);
  });

  test('an import is validated, then merged', async function () {
    this.timeout(30_000);
    const before = await state();
    const key = before.dueKeys.find((k) => k !== before.current?.key)!;
    assert.ok(key, 'a due card to import progress for');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-quiz-import-'));
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"version": 1, "cards": ');
    await vscode.commands.executeCommand('til.importProgress', { file: bad, how: 'merge' });
    assert.strictEqual((await state()).dueCount, before.dueCount, 'a broken file changes nothing');

    const far = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const good = path.join(dir, 'good.json');
    fs.writeFileSync(
      good,
      JSON.stringify({
        format: 'til-companion/quiz-progress',
        version: 1,
        cards: {
          [key]: {
            due: far,
            stability: 30,
            difficulty: 5,
            elapsed_days: 0,
            scheduled_days: 30,
            learning_steps: 0,
            reps: 3,
            lapses: 0,
            state: 2,
            last_review: new Date().toISOString(),
            question: 'imported',
          },
        },
        terms: {},
      }),
    );
    await vscode.commands.executeCommand('til.importProgress', { file: good, how: 'merge' });
    const after = await state();
    const importedWasDue = before.dueCount - after.dueCount;
    assert.strictEqual(importedWasDue, 1, 'the imported card is no longer due');
  });
});
