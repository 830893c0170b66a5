import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { StatsTestState } from '../../src/features/stats';
import { eventually, readyIndex, workspacePath } from './testUtil';

const state = () => vscode.commands.executeCommand<StatsTestState>('til.test.stats.state');
const cardsIn = (headline: string) => Number(/of (\d+) cards/.exec(headline)?.[1] ?? NaN);

suite('quiz statistics', () => {
  test('an open statistics panel counts again when notes change (a note added, then removed)', async function () {
    this.timeout(60_000);
    await readyIndex();
    await vscode.commands.executeCommand('til.showQuizStats');
    const first = await eventually(async () => {
      const now = await state();
      return now?.headline ? now : undefined;
    }, 'the headline');
    const before = cardsIn(first!.headline);
    assert.ok(before > 0, `cards before: ${before}`);
    const file = workspacePath('notes', 'stats-added.md');
    fs.writeFileSync(
      file,
      '# 2025-03-20 TIL\n\n> 문맥 교환은 언제 일어나나요?\n\n타이머 인터럽트나 시스템 호출에서.\n\n> 페이지 폴트는 무엇인가요?\n\n없는 페이지에 접근할 때의 예외.\n',
    );
    try {
      await eventually(
        async () => cardsIn((await state())?.headline ?? '') > before || undefined,
        'the headline counts the new note',
        30_000,
      );
    } finally {
      fs.rmSync(file, { force: true });
    }
    await eventually(
      async () => cardsIn((await state())?.headline ?? '') === before || undefined,
      'the headline counts without it again',
      30_000,
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
