// The search quick pick's items in a real extension host: a note's answer shows as plain text (no Markdown
// markers, no link target or image), and note text never draws a theme icon.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildSearchItems } from '../../src/features/search/searchNotes';
import { eventually, readyIndex, workspacePath } from './testUtil';

suite('search', () => {
  const note = workspacePath('notes', 'zz-search-preview.md');

  suiteTeardown(() => fs.rmSync(note, { force: true }));

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
});
