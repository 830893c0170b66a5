import * as assert from 'node:assert';
import * as vscode from 'vscode';
import { readyIndex, workspacePath } from './testUtil';

async function hoverText(file: string, needle: string, offset = 1): Promise<string> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(workspacePath(file)));
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${file}`);
  const position = document.positionAt(at + offset);
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

suite('hovers in code', () => {
  suiteSetup(async () => {
    await readyIndex();
  });

  const cases: Array<[string, string, RegExp, number?]> = [
    ['code/main.c', 'fork', /\*\*fork\*\*[\s\S]*자식 프로세스/],
    ['code/main.c', 'pthread_mutex_lock', /뮤텍스[\s\S]*임계 구역/, 3],
    ['code/main.c', 'sem_wait', /세마포어[\s\S]*카운터/],
    ['code/deploy.yaml', 'Deployment', /\*\*Deployment\*\*[\s\S]*ReplicaSet/],
    ['code/deploy.yaml', 'nodePort', /NodePort[\s\S]*30000/],
    ['code/call.js', 'RTCPeerConnection', /RTCPeerConnection[\s\S]*브라우저/],
    ['code/call.js', 'createOffer', /SDP Offer/],
  ];
  for (const [file, word, expected, offset] of cases) {
    test(`${word} in ${file} is explained from the notes`, async () => {
      const text = await hoverText(file, word, offset);
      assert.match(text, expected);
      assert.match(text, /command:til\.openLocation/, 'links into the note');
      assert.doesNotMatch(text, /<img|<script/i, 'no raw HTML');
    });
  }

  test('plain words like index and value get no hover', async () => {
    for (const word of ['index = 0', 'value = index']) {
      const text = await hoverText('code/main.c', word);
      assert.doesNotMatch(text, /command:til\./, word);
    }
  });

  test('hovers can be turned off in settings', async () => {
    const config = vscode.workspace.getConfiguration('tilCompanion');
    await config.update('hover.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.doesNotMatch(await hoverText('code/main.c', 'fork'), /command:til\./);
    } finally {
      await config.update('hover.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('a term two notes explain: the hover lists the other note, and its link opens that passage', async () => {
    const text = await hoverText('code/main.c', 'sem_wait');
    const also =
      /_(?:Also in 1 other note|다른 노트 1개에도)\\?:_ \[days\\-and\\-questions\\\.md\\:(\d+)\]\((command:til\.openLocation\?[^ )]+)/.exec(
        text,
      );
    assert.ok(also, text);
    const args = JSON.parse(decodeURIComponent(also[2].slice('command:til.openLocation?'.length))) as unknown[];
    assert.deepEqual(Object.keys(args[0] as object).sort(), ['place', 'term'], 'a look-up key and a position, no path');
    await vscode.commands.executeCommand('til.openLocation', ...args);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor opened');
    assert.ok(editor.document.uri.fsPath.endsWith('days-and-questions.md'), editor.document.uri.fsPath);
    assert.equal(editor.selection.active.line + 1, Number(also[1]));
  });

  test('Explain Term at Cursor opens the full explanation', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(workspacePath('code/main.c')));
    const editor = await vscode.window.showTextDocument(document);
    const at = document.positionAt(document.getText().indexOf('sem_wait') + 1);
    editor.selection = new vscode.Selection(at, at);
    const uri = await vscode.commands.executeCommand<string>('til.explainTerm');
    assert.ok(uri, 'a document was opened');
    const explained = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    assert.match(explained.getText(), /^# 세마포어/);
    // The passage stops where the note goes on to the next term it defines (교착 상태, on the next paragraph).
    const passage = explained.getText().split('\n## ')[0];
    assert.match(passage, /카운터/);
    assert.doesNotMatch(passage, /교착 상태|Round Robin/, passage);
    assert.match(explained.getText(), /## Questions in your notes|## 노트의 질문/);
    // Every other passage is listed, not just the best one.
    assert.match(explained.getText(), /## (Also in your notes|내 노트의 다른 곳) \(1\)[\s\S]*days-and-questions\.md:\d+/);
    if (vscode.env.uiKind === vscode.UIKind.Desktop || vscode.env.uriScheme === 'vscode') {
      // The preview hands the app's own scheme to our URI handler: places are links with the look-up, never a path.
      assert.match(explained.getText(), /\[[^\]]*days-and-questions\.md:\d+[^\]]*\]\([\w-]+:\/\/[\w.-]+\/open\?p=[\w-]+\)/);
    } else {
      // A browser build such as code-server drops that link, and with the default openMarkdownLinks a relative link
      // would show the note in place of the page: places are text.
      assert.match(explained.getText(), /`days-and-questions\.md:\d+`/);
    }
    assert.doesNotMatch(explained.getText(), /\]\((?:file|command):|\]\([^)]*\.md/);
  });
});
