// The search quick pick's items in a real extension host: a note's answer shows as plain text (no Markdown
// markers, no link target or image), and note text never draws a theme icon.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildSearchItems, withNameMatches } from '../../src/features/search/searchNotes';
import { eventually, readyIndex, workspacePath } from './testUtil';

suite('search', () => {
  const note = workspacePath('notes', 'zz-search-preview.md');
  const names = workspacePath('notes', 'zz-search-names.md');

  suiteTeardown(() => {
    fs.rmSync(note, { force: true });
    fs.rmSync(names, { force: true });
  });

  test('a question item previews its answer as plain text, and $(…) in a note stays text', async function () {
    this.timeout(120_000);
    const index = await readyIndex();
    fs.mkdirSync(path.dirname(note), { recursive: true });
    fs.writeFileSync(
      note,
      '---\ntopic: network\n---\n# 2025-05-02 TIL\n\n## Why does a slow reader stall the $(zap) writer?\n\n' +
        '**Backpressure**: the `socket` buffer fills, see [the guide](https://flow.example/bp) ![chart](https://tracker.example/p.png)\n\n' +
        '- the writer waits\n- $(zap) then resumes\n',
    );
    const found = await eventually(
      () => buildSearchItems(index).find((i) => i.label.includes('slow reader')),
      'the note in the search items',
      60_000,
    );
    const item = found!;
    // The place leads the detail line: a long question cannot push it out of sight.
    assert.strictEqual(
      item.detail,
      'zz-search-preview.md:6 · Backpressure: the socket buffer fills, see the guide the writer waits \\$(zap) then resumes',
    );
    assert.strictEqual(item.label, '$(question) Why does a slow reader stall the \\$(zap) writer?');
    assert.strictEqual(vscode.Uri.file(item.file!).fsPath, vscode.Uri.file(note).fsPath);
  });

  test('a row says its other names as "also called …"; a heading that only restates the title is not shown, and still finds it', async function () {
    this.timeout(120_000);
    const index = await readyIndex();
    fs.mkdirSync(path.dirname(names), { recursive: true });
    fs.writeFileSync(
      names,
      '# 2025-05-03 TIL\n\n## Ingress 설정 (아직 반영하지 않음)\n\nIngress 설정은 바깥 요청을 어느 서비스로 보낼지 적어 두는 규칙이다.\n\n' +
        '## 리더 선출 (Leader Election)\n\n리더 선출은 여러 복제본 가운데 하나만 일을 맡도록 고르는 방법이다.\n',
    );
    const items = await eventually(
      () => {
        const all = buildSearchItems(index);
        return all.some((i) => i.label.includes('Ingress 설정')) ? all : undefined;
      },
      'the note in the search items',
      60_000,
    );
    const row = (label: string) => items!.find((i) => i.label === label)!;
    assert.strictEqual(row('$(symbol-key) Ingress 설정').description, undefined);
    assert.strictEqual(row('$(symbol-key) 리더 선출').description, 'also called Leader Election');
    // The quick pick matches only what it shows: these rows are always shown for a search by their names.
    const found = (query: string) =>
      withNameMatches(items!, query)
        .filter((i) => i.alwaysShow)
        .map((i) => i.label);
    assert.deepStrictEqual(found('아직 반영하지'), ['$(symbol-key) Ingress 설정']);
    assert.ok(found('leader-election').includes('$(symbol-key) 리더 선출'));
    assert.deepStrictEqual(found(''), []);
  });
});
