// The Diagrams feature in a real extension host: each command opens a panel titled by its diagram,
// panels are reused per diagram, the rendered SVG holds the diagram's words (read through the test-only
// `til.test.diagram.svg`; the user's export always goes through a save dialog, see the UI test),
// and a note diagram follows its note when the note changes.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BUILTIN_DIAGRAMS } from '../../src/core/diagrams/builtin';
import type { NoteIndex } from '../../src/core/index/noteIndex';
import { acceptQuickPick, eventually, readyIndex, workspacePath, webviewTabs } from './testUtil';

interface Shown {
  id: string;
  title: string;
}

/** The rendered SVG of a diagram, through the command registered only under ExtensionMode.Test. */
async function renderedSvg(id: string): Promise<string> {
  const shown = (await vscode.commands.executeCommand('til.test.diagram.svg', { id })) as (Shown & { svg: string }) | undefined;
  assert.ok(shown, `diagram ${id} rendered`);
  return shown.svg;
}

const DIAGRAM_VIEW = 'til.diagram';

const diagramTabs = () => webviewTabs(DIAGRAM_VIEW);

const tabLabels = () => diagramTabs().map((t) => t.label);

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await eventually(() => diagramTabs().length === 0, 'diagram tabs to close', 5_000);
}

function tmpFile(name: string): vscode.Uri {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-diagrams-'));
  return vscode.Uri.file(path.join(dir, name));
}

suite('diagrams', () => {
  let index: NoteIndex;

  suiteSetup(async function () {
    this.timeout(60_000);
    index = await readyIndex();
  });
  teardown(closeAll);

  test('til.showDiagram {id} opens each built-in diagram in a panel titled by it, one panel per diagram', async function () {
    this.timeout(60_000);
    for (const d of BUILTIN_DIAGRAMS) {
      const shown = (await vscode.commands.executeCommand(`til.showDiagram`, { id: d.id })) as Shown;
      assert.strictEqual(shown.id, d.id);
      assert.strictEqual(shown.title, d.title, 'an English UI shows the English title');
      await eventually(() => tabLabels().includes(d.title), `a tab labelled ${d.title}; tabs: ${JSON.stringify(tabLabels())}`);
    }
    assert.strictEqual(diagramTabs().length, BUILTIN_DIAGRAMS.length);
    // asking again reveals the same panel
    await vscode.commands.executeCommand('til.showDiagram', { id: 'builtin:process-states' });
    await vscode.commands.executeCommand('til.showDiagram', 'builtin:process-states');
    assert.strictEqual(tabLabels().filter((l) => l === 'Process States').length, 1);
    await eventually(
      () => vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'Process States',
      `the revealed panel to be the active tab; active: ${vscode.window.tabGroups.activeTabGroup.activeTab?.label}`,
    );
  });

  test('til.showDiagram without an argument offers every diagram in a quick pick', async function () {
    this.timeout(30_000);
    const shown = await acceptQuickPick(
      vscode.commands.executeCommand('til.showDiagram') as Thenable<Shown | undefined>,
      'til.showDiagram',
    );
    assert.strictEqual(shown?.title, BUILTIN_DIAGRAMS[0].title, 'the first item is the first built-in diagram');
    await eventually(() => tabLabels().includes(BUILTIN_DIAGRAMS[0].title), 'the picked diagram');
  });

  test('an unknown id opens nothing', async () => {
    const shown = await vscode.commands.executeCommand('til.showDiagram', { id: 'builtin:nope' });
    assert.strictEqual(shown, undefined);
    assert.strictEqual(diagramTabs().length, 0);
  });

  test('the rendered SVG holds the diagram text (WebRTC: offer, answer, ICE)', async function () {
    this.timeout(60_000);
    const svg = await renderedSvg('builtin:webrtc-signaling');
    assert.ok(svg.includes('<svg'), svg.slice(0, 200));
    for (const word of ['offer', 'answer', 'ICE']) assert.ok(svg.includes(word), `${word} in the SVG`);
    assert.ok(!/<script/i.test(svg));

    const text = await renderedSvg('builtin:process-states');
    for (const word of ['<svg', 'Ready', 'Running', 'Waiting']) assert.ok(text.includes(word), word);
  });

  test('a hover link that carries the word in the code opens the diagram drawing that word', async function () {
    this.timeout(60_000);
    // The glossary can lead `RTCPeerConnection` to a note on WebRTC: the link then names the word, and the command
    // looks the diagram up with it, as the hover did.
    const term = 'a-term-no-diagram-names';
    const shown = (await vscode.commands.executeCommand('til.showDiagram', { term, diagram: 0, word: 'RTCPeerConnection' })) as Shown;
    assert.strictEqual(shown?.id, 'builtin:webrtc-signaling');
    await eventually(() => tabLabels().includes(shown.title), `a tab labelled ${shown.title}`);
    assert.strictEqual(await vscode.commands.executeCommand('til.showDiagram', { term, diagram: 0 }), undefined, 'without the word: none');
  });

  test('til.showDiagram takes no exportTo: a command link with one opens the diagram and writes nothing', async function () {
    this.timeout(60_000);
    const target = tmpFile('hostile.svg');
    fs.writeFileSync(target.fsPath, 'keep me');
    const shown = (await vscode.commands.executeCommand('til.showDiagram', {
      id: 'builtin:process-states',
      exportTo: target.toString(),
    })) as Shown;
    assert.strictEqual(shown.id, 'builtin:process-states');
    await renderedSvg('builtin:process-states');
    assert.strictEqual(fs.readFileSync(target.fsPath, 'utf8'), 'keep me', 'the file is untouched');
  });

  test('til.openMermaidBlock opens a note block titled by its section; til.showNoteDiagrams shows the active note’s blocks', async function () {
    this.timeout(60_000);
    const blocks = index.diagrams();
    assert.ok(blocks.length > 0, 'the notes have mermaid blocks');
    const block = blocks[0];
    const shown = (await vscode.commands.executeCommand('til.openMermaidBlock', block.id)) as Shown;
    assert.strictEqual(shown.id, block.id);
    await eventually(() => tabLabels().includes(block.title), `a tab labelled ${block.title}; tabs: ${JSON.stringify(tabLabels())}`);
    assert.ok((await renderedSvg(block.id)).includes('<svg'));
    await closeAll();

    // the note with the most blocks, opened in an editor
    const byFile = new Map<string, number>();
    for (const b of blocks) byFile.set(b.file, (byFile.get(b.file) ?? 0) + 1);
    const [file, count] = [...byFile].sort((a, b) => b[1] - a[1])[0];
    const uri = /^[a-z][\w+.-]+:/i.test(file) && !/^[a-z]:[\\/]/i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
    await vscode.window.showTextDocument(uri);
    const all = (await vscode.commands.executeCommand('til.showNoteDiagrams', { all: true })) as Shown[];
    assert.strictEqual(all.length, count);
    const titles = blocks.filter((b) => b.file === file).map((b) => b.title);
    await eventually(
      () => titles.every((t) => tabLabels().includes(t)),
      `tabs ${JSON.stringify(titles)}; seen ${JSON.stringify(tabLabels())}`,
    );
    assert.strictEqual(diagramTabs().length, count);
  });

  test('a note diagram follows its note: edited, it re-renders under the new title; removed, it says so', async function () {
    this.timeout(60_000);
    const file = workspacePath('notes', 'zz-diagram-follow.md');
    const write = (text: string) => vscode.workspace.fs.writeFile(vscode.Uri.file(file), new TextEncoder().encode(text));
    const note = (heading: string, node: string) =>
      `# 2025-02-01 TIL\n\n## ${heading}\n\n\`\`\`mermaid\nflowchart LR\n  A[${node}] --> B[End]\n\`\`\`\n`;
    try {
      await write(note('Follow Me', 'Start'));
      const block = (await eventually(
        () => index.diagrams().find((b) => b.file.endsWith('zz-diagram-follow.md')),
        'the new note in the index',
        15_000,
      ))!;
      assert.strictEqual(block.title, 'Follow Me');
      await vscode.commands.executeCommand('til.openMermaidBlock', block.id);
      await eventually(() => tabLabels().includes('Follow Me'), 'the note diagram tab');

      await write(note('Followed', 'Changed'));
      await eventually(() => tabLabels().includes('Followed'), `the renamed tab; seen ${JSON.stringify(tabLabels())}`, 15_000);
      assert.ok((await renderedSvg(block.id)).includes('Changed'), 'the panel shows the edited source');

      await write('# 2025-02-01 TIL\n\n## Followed\n\nNo diagram any more.\n');
      await eventually(
        () => tabLabels().some((l) => l.startsWith('Followed') && l !== 'Followed'),
        `a "removed" tab; seen ${JSON.stringify(tabLabels())}`,
        15_000,
      );
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.file(file)).then(undefined, () => undefined);
      await eventually(
        () =>
          !index.diagrams().some((b) => b.file.endsWith('zz-diagram-follow.md')) &&
          !index.files().some((f) => f.endsWith('zz-diagram-follow.md')),
        'the note to leave the index',
        15_000,
      ).catch(() => undefined);
    }
  });

  test('a note without diagrams opens nothing', async () => {
    const withoutBlocks = index.files().find((f) => !index.diagrams().some((b) => b.file === f));
    if (!withoutBlocks) return;
    const uri =
      /^[a-z][\w+.-]+:/i.test(withoutBlocks) && !/^[a-z]:[\\/]/i.test(withoutBlocks)
        ? vscode.Uri.parse(withoutBlocks)
        : vscode.Uri.file(withoutBlocks);
    const shown = (await vscode.commands.executeCommand('til.showNoteDiagrams', { uri })) as Shown[];
    assert.deepStrictEqual(shown, []);
    assert.strictEqual(diagramTabs().length, 0);
  });
});
