// Notes the extension must not read: files over the size limit, and links that lead out of the workspace.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readyIndex, workspacePath } from './testUtil';

const hasQuestion = async (question: string) => (await readyIndex()).cardGroups().some((c) => c.question === question);

suite('notes source', () => {
  test('a note over the size limit is skipped; the others stay', async () => {
    const config = vscode.workspace.getConfiguration('tilCompanion');
    const big = workspacePath('notes', 'big-til.md');
    fs.writeFileSync(big, '# 5월 1일 TIL\n\n> 너무 큰 노트의 질문인가요?\n\n' + '긴 답. '.repeat(4000) + '\n');
    try {
      await vscode.commands.executeCommand('til.refresh');
      assert.ok(await hasQuestion('너무 큰 노트의 질문인가요?'), 'under the default limit it is read');
      await config.update('notes.maxFileSizeKB', 16, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('til.refresh');
      assert.ok(!(await hasQuestion('너무 큰 노트의 질문인가요?')), 'over the limit it is skipped');
      assert.ok(await hasQuestion('문맥 교환이 무엇인지 설명해 주세요.'), 'the other notes are still there');
    } finally {
      await config.update('notes.maxFileSizeKB', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(big, { force: true });
      await vscode.commands.executeCommand('til.refresh');
    }
  });

  test('a link in the notes folder that leads outside the workspace is not followed', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'til-outside-'));
    fs.writeFileSync(path.join(outside, 'secret-til.md'), '# 5월 2일 TIL\n\n> 밖에 있는 노트의 질문인가요?\n\n읽으면 안 된다.\n');
    const link = workspacePath('notes', 'linked-til.md');
    fs.symlinkSync(path.join(outside, 'secret-til.md'), link);
    try {
      await vscode.commands.executeCommand('til.refresh');
      assert.ok(!(await hasQuestion('밖에 있는 노트의 질문인가요?')));
      assert.ok(await hasQuestion('문맥 교환이 무엇인지 설명해 주세요.'));
    } finally {
      fs.rmSync(link, { force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
