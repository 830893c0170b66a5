// The checks of the first load hold later too: a note that grows past the size limit or is replaced by a link
// out of the workspace after it was indexed is dropped with a problem; glossaries are checked like notes; a
// search that stops at its file limit says so; a failed index says so and can be retried.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { glossaryKey } from '../../src/core/index/glossaryLookup';
import { eventually, readyIndex, workspacePath } from './testUtil';

const refresh = () => vscode.commands.executeCommand('til.refresh');
const hasQuestion = async (question: string) => (await readyIndex()).cardGroups().some((c) => c.question === question);
const problemOf = async (file: string) => (await readyIndex()).problems().find((p) => p.file === file);
/** Sparse: over 2 GB by its size, no disk used. Reading it would fail (or fill the memory); a size check never reads. */
const growHuge = (file: string) => fs.truncateSync(file, 3 * 1024 ** 3);

suite('files checked again after load', () => {
  test('a note that grows over the size limit after load is dropped with a problem, never read', async () => {
    const note = workspacePath('notes', 'growing-til.md');
    fs.writeFileSync(note, '# 6월 1일 TIL\n\n> 자라는 노트의 질문인가요?\n\n처음에는 작다.\n');
    try {
      await refresh();
      assert.ok(await hasQuestion('자라는 노트의 질문인가요?'));
      growHuge(note);
      const problem = (await eventually(() => problemOf(note), 'a problem for the grown note'))!;
      assert.strictEqual(problem.code, 'too-large', problem.message);
      assert.ok(!(await hasQuestion('자라는 노트의 질문인가요?')));
    } finally {
      fs.rmSync(note, { force: true });
      await refresh();
    }
  });

  test('a note replaced by a link out of the workspace after load is dropped with a problem', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'til-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.md'), '# 6월 2일 TIL\n\n> 바깥 파일의 질문인가요?\n\n읽으면 안 된다.\n');
    const note = workspacePath('notes', 'swapped-til.md');
    fs.writeFileSync(note, '# 6월 2일 TIL\n\n> 바뀌기 전의 질문인가요?\n\n원래 내용.\n');
    try {
      await refresh();
      assert.ok(await hasQuestion('바뀌기 전의 질문인가요?'));
      // Replaced in one step (a rename over it), as a sync tool or `git checkout` would.
      const link = workspacePath('notes', 'swapped-link.tmp');
      fs.symlinkSync(path.join(outside, 'secret.md'), link);
      fs.renameSync(link, note);
      const problem = (await eventually(() => problemOf(note), 'a problem for the replaced note'))!;
      assert.strictEqual(problem.code, 'outside-workspace', problem.message);
      assert.ok(!(await hasQuestion('바뀌기 전의 질문인가요?')));
      assert.ok(!(await hasQuestion('바깥 파일의 질문인가요?')), 'the outside file is never read');
    } finally {
      fs.rmSync(note, { force: true });
      fs.rmSync(outside, { recursive: true, force: true });
      await refresh();
    }
  });

  test('glossaries: one that links out of the workspace is not read, one over the size cap is refused by its size', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'til-outside-'));
    fs.writeFileSync(path.join(outside, 'glossary.yaml'), 'os:\n  secret_outside_fn: 뮤텍스\n');
    const linkedDir = workspacePath('notes', 'linked-glossary');
    const bigDir = workspacePath('notes', 'big-glossary');
    fs.mkdirSync(linkedDir);
    fs.mkdirSync(bigDir);
    // til-glossary.yaml is read wherever it is; a plain glossary.yaml only beside a note.
    const linked = path.join(linkedDir, 'til-glossary.yaml');
    const big = path.join(bigDir, 'til-glossary.yml');
    fs.symlinkSync(path.join(outside, 'glossary.yaml'), linked);
    fs.writeFileSync(big, '');
    growHuge(big);
    try {
      await refresh();
      const index = await readyIndex();
      assert.strictEqual(index.glossary.firstTarget(glossaryKey('secret_outside_fn')), undefined, 'the linked glossary is not read');
      assert.strictEqual((await problemOf(linked))?.code, 'outside-workspace');
      assert.strictEqual((await problemOf(big))?.code, 'too-large');
      assert.ok(index.glossary.firstTarget(glossaryKey('pthread_mutex_lock')), 'the workspace glossary is still read');
    } finally {
      fs.rmSync(linkedDir, { recursive: true, force: true });
      fs.rmSync(bigDir, { recursive: true, force: true });
      fs.rmSync(outside, { recursive: true, force: true });
      await refresh();
    }
  });

  test('a notes search that stops at the 20,000-file limit says so, with a problem', async function () {
    // Writing 20,001 files and searching them takes seconds, more on a busy machine: a guard against a hang only.
    this.timeout(180_000);
    const config = vscode.workspace.getConfiguration('tilCompanion');
    const before = config.inspect<string[]>('notes.include')?.workspaceValue;
    const settingsFile = workspacePath('.vscode', 'settings.json');
    const settingsText = fs.readFileSync(settingsFile, 'utf8');
    const many = workspacePath('many-files');
    fs.mkdirSync(many);
    // Not Markdown: the search finds them, the index never parses them, so only the limit costs.
    for (let i = 0; i <= 20_000; i++) fs.writeFileSync(path.join(many, `${i}.txt`), '');
    try {
      await config.update('notes.include', [...(before ?? []), 'many-files/*.txt'], vscode.ConfigurationTarget.Workspace);
      await refresh();
      const problem = (await eventually(
        async () => (await readyIndex()).problems().find((p) => p.code === 'too-many-files'),
        'a too-many-files problem',
        120_000,
      ))!;
      assert.match(problem.message, /many-files\/\*\.txt" stopped at 20,000 files/);
      assert.ok(await hasQuestion('문맥 교환이 무엇인지 설명해 주세요.'), 'the notes are still read');
    } finally {
      await config.update('notes.include', before, vscode.ConfigurationTarget.Workspace);
      fs.writeFileSync(settingsFile, settingsText); // the same value, as the repository has it (update reformats)
      fs.rmSync(many, { recursive: true, force: true });
      await refresh();
    }
    assert.ok(!(await readyIndex()).problems().some((p) => p.code === 'too-many-files'), 'gone once the search fits');
  });

  test('a failed index says so (til.indexFailed) and Retry (til.refresh) reads the notes again', async () => {
    await vscode.commands.executeCommand('til.test.failNextIndex');
    await refresh();
    assert.strictEqual(await vscode.commands.executeCommand('til.test.indexState'), 'failed');
    await refresh(); // the Retry button of the view's failed text
    assert.strictEqual(await vscode.commands.executeCommand('til.test.indexState'), 'indexed');
    assert.ok(await hasQuestion('문맥 교환이 무엇인지 설명해 주세요.'));
  });
});
