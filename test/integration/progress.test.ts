// Quiz progress shared with another window, in a real extension host: a second ProgressStore on the
// same storage folder plays the other VS Code window. Both save at the same moment; neither review
// is lost, and the extension takes the other window's review in (its due count drops).
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { emptyProgress, type ProgressData } from '../../src/core/quiz/progress';
import { Scheduler } from '../../src/core/quiz/scheduler';
import { ProgressStore } from '../../src/node/progressStore';
import { eventually, readyIndex, webviewTabs } from './testUtil';

interface QuizTestState {
  dueCount: number;
  dueKeys: string[];
  current?: { key: string };
  progressFile: string;
}

const state = () => vscode.commands.executeCommand<QuizTestState>('til.test.quiz.state');
const grade = (g: 1 | 2 | 3 | 4) => vscode.commands.executeCommand<QuizTestState>('til.test.quiz.gradeCurrent', g);

suite('quiz progress shared by two windows', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    await readyIndex();
    await vscode.commands.executeCommand('til.resetProgress', { confirm: false });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually(() => webviewTabs('til.quiz').length === 0, 'quiz tabs to close', 5_000);
    await vscode.commands.executeCommand('til.resetProgress', { confirm: false });
  });

  test('a review saved by another window at the same moment is kept, and taken in', async function () {
    this.timeout(30_000);
    await vscode.commands.executeCommand('til.startQuiz', { scope: 'due' });
    const before = await state();
    const mine = before.current!.key;
    const theirs = before.dueKeys.find((k) => k !== mine)!;
    assert.ok(mine && theirs, 'two due cards');

    // The other window: it read the file earlier, reviewed `theirs`, and saves while we grade `mine`.
    const other = new ProgressStore({ dir: path.dirname(before.progressFile) });
    const start = (await other.load()).data;
    const data: ProgressData = { ...emptyProgress(), cards: { ...start.cards }, terms: { ...start.terms } };
    data.cards[theirs] = { ...new Scheduler().review(undefined, 4, new Date()), question: 'reviewed in the other window' };
    await Promise.all([other.save(data), grade(4), other.save(data)]);

    const disk = JSON.parse(fs.readFileSync(before.progressFile, 'utf8')) as ProgressData;
    assert.ok(disk.cards[mine], 'this window’s review is on disk');
    assert.ok(disk.cards[theirs], 'the other window’s review is on disk');

    // This window's next save takes the other review in: `theirs` is no longer due here.
    const next = (await state()).current!.key;
    const after = await grade(4);
    assert.ok(!after.dueKeys.includes(theirs), `the other window's card is no longer due: ${after.dueKeys.join(', ')}`);
    assert.strictEqual(after.dueCount, before.dueCount - (next === theirs ? 2 : 3));
    const final = JSON.parse(fs.readFileSync(before.progressFile, 'utf8')) as ProgressData;
    assert.deepStrictEqual(
      [mine, theirs, next].filter((k) => !final.cards[k]),
      [],
      'all three reviews are on disk',
    );
  });
});
