// The walkthrough and the views' welcome texts as VS Code reads them from the installed extension (its manifest,
// localised by VS Code): a step description or a welcome text renders links only, so a `code span` would show its
// backticks; and each step shows its own picture, named after the step, never another step's.
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './testUtil';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; markdown?: string; altText?: string };
}

function contributed() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const contributes = extension.packageJSON.contributes as {
    walkthroughs: { steps: Step[] }[];
    viewsWelcome: { view: string; contents: string }[];
  };
  return { root: extension.extensionPath, steps: contributes.walkthroughs.flatMap((w) => w.steps), welcome: contributes.viewsWelcome };
}

/** The walkthrough's texts and the welcome texts in every language the extension ships. */
function everyLanguage(root: string): { file: string; key: string; text: string }[] {
  return fs
    .readdirSync(root)
    .filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f))
    .flatMap((file) =>
      Object.entries(JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>)
        .filter(([key]) => /^(walkthrough\.|view\.(welcome|loading|indexFailed))/.test(key))
        .map(([key, text]) => ({ file, key, text })),
    );
}

suite('walkthrough', () => {
  test('no step description and no welcome text shows a backtick (VS Code renders links only there)', () => {
    const { root, steps, welcome } = contributed();
    assert.ok(steps.length >= 5, 'the walkthrough has its steps');
    for (const step of steps) {
      assert.ok(!/^%.+%$/.test(step.description), `${step.id}: VS Code localised the description`);
      assert.ok(!step.description.includes('`'), `${step.id}: a backtick in "${step.description}"`);
    }
    for (const w of welcome) assert.ok(!w.contents.includes('`'), `${w.view}: a backtick in "${w.contents}"`);
    const texts = everyLanguage(root);
    assert.ok(texts.length > steps.length, 'the nls files were read');
    for (const t of texts) assert.ok(!t.text.includes('`'), `${t.file} ${t.key}: a backtick in "${t.text}"`);
  });

  test('each step shows its own picture, named after the step, and says what it shows', () => {
    const { root, steps } = contributed();
    const images = steps.filter((s) => s.media.image).map((s) => s.media.image!);
    assert.strictEqual(new Set(images).size, images.length, `no picture shown by two steps: ${images.join(', ')}`);
    for (const step of steps) {
      const media = step.media.image ?? step.media.markdown;
      assert.ok(media, `${step.id} shows something`);
      assert.ok(fs.existsSync(path.join(root, media)), `${media} ships with the extension`);
      if (step.media.image) {
        assert.strictEqual(path.basename(step.media.image, '.png'), step.id, `${step.id} shows ${step.media.image}`);
        assert.ok(step.media.altText && !/^%.+%$/.test(step.media.altText), `${step.id}: the picture is described`);
      }
    }
  });

  test('the notes views: each pane has its own welcome text, the topic one short', () => {
    const { welcome } = contributed();
    const byView = (view: string) => welcome.filter((w) => w.view === view).map((w) => w.contents);
    const topic = byView('til.notesByTopic');
    assert.strictEqual(topic.length, 1, 'the topic view says what it shows when empty');
    assert.ok(!byView('til.notesByDay').includes(topic[0]), 'not the day view’s text again');
    assert.ok(topic[0].length <= 120, `short: ${topic[0]}`);
  });
});
