// The hover in a real extension host: the CLI's `hover` prints exactly the Markdown the HoverProvider
// returns, and a hostile note's hover has no link but our own commands, with arguments the extension
// made (a term key, a diagram's position): no path, no exportTo.
import * as assert from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, eventually, readyIndex, workspacePath } from './testUtil';

const HOVER_COMMANDS = ['til.openLocation', 'til.explainTerm', 'til.search', 'til.showDiagram', 'til.startQuiz'];

async function hoverAt(file: string, needle: string): Promise<vscode.MarkdownString[]> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${file}`);
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(at + 1))) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString || (typeof c === 'object' && 'value' in c));
}

/** Our hover: the one whose Markdown links to our commands. */
function ours(contents: vscode.MarkdownString[]): string {
  const mine = contents.filter((c) => c.value.includes('command:til.'));
  assert.strictEqual(mine.length, 1, `one TIL hover among ${contents.length}`);
  return mine[0].value;
}

function cli(...args: string[]): string {
  const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  return execFileSync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', XDG_CACHE_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'til-cli-')) },
  });
}

/** Every link target of rendered-looking Markdown: `](target` with our encoding has no space or parenthesis. */
function linkTargets(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^\s)]*)/g)].map((m) => m[1]);
}

suite('hover safety and the CLI', () => {
  const written: string[] = [];
  const write = (relative: string, text: string) => {
    const file = workspacePath(...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(file);
    return file;
  };

  suiteSetup(async () => {
    await readyIndex();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of written) fs.rmSync(file, { force: true });
  });

  test('the CLI hover prints exactly the Markdown of vscode.executeHoverProvider', async function () {
    this.timeout(120_000);
    const index = await readyIndex();
    const note = write(
      'notes/zz-hover-cli.md',
      '---\ntopic: os\n---\n# 2025-04-01 TIL\n\n## Quorumlease\n\n**쿼럼리스(Quorumlease)**는 과반수 노드가 승인한 동안만 유효한 [리스](https://raft.example/lease)다. `lease_ms` 값으로 기간을 정한다.\n\n' +
        '```mermaid\nflowchart LR\n  A[Leader] --> B[Quorum]\n```\n',
    );
    const code = write('code/zz-hover-cli.c', 'int main(void) {\n  renew(Quorumlease);\n}\n');
    await eventually(() => index.term('Quorumlease'), 'the new note in the index', 60_000);
    const fromHost = ours(await hoverAt(code, 'Quorumlease'));
    const fromCli = cli('hover', code, '2', '10', '--notes', note).replace(/\n$/, '');
    assert.strictEqual(fromHost, fromCli);
    assert.match(fromHost, /Diagram\\: Quorumlease/, 'the note diagram is offered');
    assert.doesNotMatch(fromHost, /raft\.example/, 'the note link became text');
  });

  test('a hostile note: no link but our own commands, and their arguments carry no path or option', async function () {
    this.timeout(120_000);
    const index = await readyIndex();
    write(
      'notes/zz-hostile [x](command:til.search) <command:til.showDiagram> $(zap).md',
      '---\ntopic: os\n---\n# 2025-04-02 TIL\n\n## Hostilefork\n\n**Hostilefork**는 ' +
        '[Open note](command:til.showDiagram?[{"id":"builtin:process-states","exportTo":"file:///tmp/til-owned.svg"}]) ' +
        '<command:til.showDiagram?%5B%7B%22exportTo%22%3A%22file%3A%2F%2F%2Ftmp%2Ftil-owned.svg%22%7D%5D> ' +
        '![a[b]](https://tracker.example/pixel.png) command:til.startQuiz file:///etc/passwd 자식 프로세스다.\n',
    );
    const code = write('code/zz-hostile.c', 'int x = Hostilefork();\n');
    await eventually(() => index.term('Hostilefork'), 'the hostile note in the index', 60_000);
    const contents = await hoverAt(code, 'Hostilefork');
    const markdown = ours(contents);
    const mine = contents.find((c) => c.value === markdown)!;
    assert.strictEqual(mine.supportHtml, false);
    const trusted = mine.isTrusted;
    assert.ok(typeof trusted === 'object' && trusted !== null, 'trusted only for listed commands');
    assert.deepStrictEqual([...(trusted as { enabledCommands: string[] }).enabledCommands].sort(), [...HOVER_COMMANDS].sort());
    assert.doesNotMatch(markdown, /tracker\.example|[^\\]<command:/, 'the image is gone, the autolink is text');
    const targets = linkTargets(markdown);
    assert.ok(targets.length >= 4, markdown);
    for (const target of targets) {
      const m = /^command:(til\.\w+)\?(.*)$/.exec(target);
      assert.ok(m && HOVER_COMMANDS.includes(m[1]), `only our commands: ${target}\n${markdown}`);
      assert.doesNotMatch(decodeURIComponent(m[2]), /[/\\]|file:|exportTo/, `no path or option: ${target}`);
    }
  });

  test('Explain on a hostile note: its links, images and HTML are text on the page, and no link but ours', async function () {
    this.timeout(120_000);
    const index = await readyIndex();
    write(
      'notes/zz-hostile-explain.md',
      '---\ntopic: os\n---\n# 2025-04-03 TIL\n\n## Hostilelease\n\n**Hostilelease**는 [여기](../../.ssh/id_rsa)와 ' +
        '[run](command:workbench.action.terminal.new) ![p](https://tracker.example/pixel.png) ' +
        '<img src="https://tracker.example/raw.png"> <a href="file:///etc/passwd">x</a> 로 끝나는 임대다.\n',
    );
    const info = (await eventually(() => index.term('Hostilelease'), 'the hostile note in the index', 60_000))!;
    const uri = await vscode.commands.executeCommand<string>('til.explainTerm', info.key);
    const page = (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri))).getText();
    assert.match(page, /Hostilelease/);
    assert.doesNotMatch(page, /tracker\.example|<img|<a |id_rsa\)|\]\(command:|\]\(file:/, page);
    const ourLink = new RegExp(`^${vscode.env.uriScheme}://${EXTENSION_ID.replace(/\./g, '\\.')}/open\\?p=[\\w-]+$`, 'i');
    for (const target of linkTargets(page)) assert.match(target, ourLink, `only links to our URI handler: ${target}`);
  });

  test("the URI handler opens the place a link of Explain's stands for, and nothing for a link that is not ours", async function () {
    this.timeout(120_000);
    const index = await readyIndex();
    const info = (await eventually(() => index.term('Hostilelease') ?? index.term('fork'), 'a term'))!;
    const link = (query: string) => vscode.Uri.parse(`${vscode.env.uriScheme}://${EXTENSION_ID}/open?${query}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const encoded = (args: object) => `p=${Buffer.from(JSON.stringify(args), 'utf8').toString('base64url')}`;
    // A link that is not ours (a field we never write), then one of ours: only the second opens anything.
    await vscode.commands.executeCommand('vscode.open', link(encoded({ term: info.key, file: '/etc/passwd' })));
    // What a click does on the desktop: VS Code opens the app's own scheme with the extension's URI handler.
    await vscode.commands.executeCommand('vscode.open', link(encoded({ term: info.key })));
    const editor = (await eventually(() => vscode.window.activeTextEditor, 'the note opened from the link'))!;
    assert.strictEqual(editor.document.uri.fsPath, vscode.Uri.file(info.file).fsPath);
    assert.strictEqual(editor.selection.active.line + 1, info.line);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    assert.strictEqual(tabs.length, 1, `only the note is open: ${tabs.map((t) => t.label).join(', ')}`);
  });

  test('the hover links do what they say: Open note opens the note that explains the term, nothing else', async function () {
    this.timeout(120_000);
    const index = await readyIndex();
    const info = await eventually(() => index.term('Quorumlease') ?? index.term('fork'), 'a term');
    await vscode.commands.executeCommand('til.openLocation', { term: info!.key });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, vscode.Uri.file(info!.file).fsPath);
    // A path that is not an indexed note opens nothing.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'til-outside-')), 'not-a-note.md');
    fs.writeFileSync(outside, '# not indexed\n');
    await vscode.commands.executeCommand('til.openLocation', outside, 1);
    assert.strictEqual(vscode.window.activeTextEditor, undefined);
  });
});
