// Quiz answers come from notes: in a real extension host, a relative link that climbs out of the
// workspace opens nothing, a network path opens nothing, a link inside opens; the answer renderer
// shows a placeholder for a remote image unless the setting allows it, and drops `//host` links.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { QuizSession } from '../../src/core/quiz/session';
import { openAnswerLink } from '../../src/features/quiz/navigation';
import { AnswerRenderer } from '../../src/features/quiz/render';
import { answerHtml } from '../../src/features/quiz/views';
import type { Services } from '../../src/features/services';
import { readyIndex, workspacePath } from './testUtil';

suite('quiz answers from untrusted notes', () => {
  let services: Services;
  const output = vscode.window.createOutputChannel('TIL answer links test', { log: true });
  const note = () => workspacePath('notes', 'terms-and-diagrams.md');
  const session = () => ({ current: () => ({ kind: 'term', key: 'fork', file: note(), line: 1 }) }) as unknown as QuizSession;
  const roots = () => (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  const activeFile = () => vscode.window.activeTextEditor?.document.uri.fsPath;

  suiteSetup(async () => {
    const index = await readyIndex();
    services = {
      context: undefined as never,
      index,
      output,
      openLocation: async (file) => {
        await vscode.window.showTextDocument(vscode.Uri.file(file));
      },
    };
  });

  setup(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(() => output.dispose());

  test('a relative link out of the workspace, an absolute path or a network path opens nothing', async function () {
    this.timeout(60_000);
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'til-outside-')), 'secret.md');
    fs.writeFileSync(outside, '# not yours to open\n');
    const climbing = path.relative(path.dirname(note()), outside).split(path.sep).join('/');
    assert.match(climbing, /^\.\.\//);
    for (const href of [climbing, outside, '//attacker.invalid/share/x.md', 'file://' + outside]) {
      await openAnswerLink(services, session(), href, roots());
      assert.strictEqual(activeFile(), undefined, `${href} opened ${activeFile()}`);
    }
    // A link inside the workspace still opens.
    await openAnswerLink(services, session(), 'days-and-questions.md', roots());
    assert.strictEqual(activeFile(), workspacePath('notes', 'days-and-questions.md'));
  });

  test('a remote image shows a placeholder unless the setting allows it; //host links are dropped', async function () {
    this.timeout(60_000);
    const markdown = 'Before ![pixel](https://tracker.invalid/p.png) and [share](//attacker.invalid/share) after.';
    const off = await new AnswerRenderer(roots, output, () => false).render(markdown, note());
    assert.doesNotMatch(off, /<img|tracker\.invalid|attacker\.invalid/, off);
    assert.match(off, /pixel/, 'the placeholder names the image');
    const on = await new AnswerRenderer(roots, output, () => true).render(markdown, note());
    assert.match(on, /<img src="https:\/\/tracker\.invalid\/p\.png"/, on);
    assert.doesNotMatch(on, /attacker\.invalid/);
  });

  test('Korean bold closed before a particle renders bold, not with its asterisks, and a script in it stays inert', async function () {
    this.timeout(60_000);
    const html = await new AnswerRenderer(roots, output, () => false).render(
      '**프로브(Probe)**는 컨테이너를 살핀다. **x)<script>alert(1)</script>**가',
      note(),
    );
    assert.match(html, /<strong>프로브\(Probe\)<\/strong>는/, html);
    assert.doesNotMatch(html, /\*\*|<script/, html);
  });

  test('a card whose answer is only a picture or only links says where it is, and shows none of them, even with remote images on', async function () {
    this.timeout(60_000);
    const renderer = new AnswerRenderer(roots, output, () => true);
    const picture = await answerHtml(renderer, '![chart](https://tracker.invalid/p.png){width=500}', note());
    assert.match(picture, /picture: open the note/, picture);
    const links = await answerHtml(renderer, '- [one](https://tracker.invalid/a)\n- <https://tracker.invalid/b>', note());
    assert.match(links, /links: open the note/, links);
    for (const html of [picture, links]) assert.doesNotMatch(html, /<img|<a |tracker\.invalid/, html);
    // An answer in words with a link keeps both, as before.
    assert.match(await answerHtml(renderer, 'See [one](https://example.com/a) first.', note()), /See/);
  });
});
