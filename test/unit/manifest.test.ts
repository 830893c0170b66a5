// The code and package.json agree: every setting the code reads is declared with a default, every command id is declared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SECTION, Setting } from '../../src/features/settingKeys';
import { Commands } from '../../src/features/services';
import { isQuizScope } from '../../src/core/quiz/scope';
import { repoRoot } from './helpers';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

test('every setting the code reads is declared in package.json with a default', () => {
  const properties = manifest.contributes.configuration.properties as Record<string, { default?: unknown }>;
  for (const key of Object.values(Setting)) {
    const declared = properties[`${SECTION}.${key}`];
    assert.ok(declared, `${SECTION}.${key} is not declared`);
    assert.notEqual(declared.default, undefined, `${SECTION}.${key} has no default`);
  }
});

test('package.json declares exactly the command ids the code uses', () => {
  const declared = (manifest.contributes.commands as { command: string }[]).map((c) => c.command).sort();
  assert.deepEqual(declared, Object.values(Commands).sort());
});

interface WalkthroughStep {
  id: string;
  description: string;
  media: { image?: string | Record<string, string>; markdown?: string; svg?: string };
}
const walkthroughSteps = (manifest.contributes.walkthroughs as { steps: WalkthroughStep[] }[]).flatMap((w) => w.steps);
const nls = (locale: '' | '.ko') =>
  JSON.parse(fs.readFileSync(path.join(repoRoot, `package.nls${locale}.json`), 'utf8')) as Record<string, string>;
const localised = (value: string, strings: Record<string, string>) => (/^%(.+)%$/.test(value) ? strings[value.slice(1, -1)] : value);

test('every image and page the walkthrough shows ships in the repository', () => {
  const paths = walkthroughSteps.flatMap((s) => [
    ...(typeof s.media.image === 'string' ? [s.media.image] : Object.values(s.media.image ?? {})),
    ...(s.media.markdown ? [s.media.markdown] : []),
    ...(s.media.svg ? [s.media.svg] : []),
  ]);
  assert.ok(paths.length >= walkthroughSteps.length, 'every step shows something');
  for (const media of paths) assert.ok(fs.existsSync(path.join(repoRoot, media)), `${media} is missing`);
});

test("the walkthrough's buttons run commands that exist, with arguments a command accepts", () => {
  const declared = new Set((manifest.contributes.commands as { command: string }[]).map((c) => c.command));
  for (const locale of ['', '.ko'] as const) {
    const strings = nls(locale);
    for (const step of walkthroughSteps) {
      const description = localised(step.description, strings);
      assert.ok(description, `${step.id}: no description in package.nls${locale}.json`);
      for (const [, command, args] of description.matchAll(/\]\(command:([\w.]+)(?:\?([^)]*))?\)/g)) {
        assert.ok(declared.has(command) || command.startsWith('workbench.'), `${step.id}: ${command} is not a command`);
        if (args) assert.doesNotThrow(() => JSON.parse(decodeURIComponent(args)), `${step.id}: arguments of ${command} are JSON`);
      }
    }
  }
});

test('the quiz step says five questions, and its button starts a quiz of five', () => {
  const step = walkthroughSteps.find((s) => s.id === 'quiz')!;
  for (const [locale, five] of [
    ['', /\bfive questions\b/],
    ['.ko', /다섯/],
  ] as const) {
    const description = localised(step.description, nls(locale));
    assert.match(description, five, `package.nls${locale}.json`);
    const args = /\]\(command:til\.startQuiz\?([^)]*)\)/.exec(description);
    assert.ok(args, `package.nls${locale}.json: the button starts the quiz with an argument`);
    // A command link's argument is one value or an array of them.
    const parsed: unknown = JSON.parse(decodeURIComponent(args[1]));
    const scope: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
    assert.ok(isQuizScope(scope), `${JSON.stringify(scope)} is a quiz scope`);
    assert.equal(scope.size, 5);
  }
});

test('the notes view says what indexing is doing: reading, nothing found, or failed with a Retry button', () => {
  const welcome = (manifest.contributes.viewsWelcome as { view: string; contents: string; when: string }[]).filter(
    (w) => w.view === 'til.notesByDay',
  );
  const strings = nls('');
  // The when clauses are conjunctions of context keys, some negated: enough to evaluate here.
  const holds = (when: string, keys: Record<string, boolean>) =>
    when.split('&&').every((part) => {
      const term = part.trim();
      return term.startsWith('!') ? !keys[term.slice(1)] : !!keys[term];
    });
  const shown = (keys: Record<string, boolean>) => welcome.filter((w) => holds(w.when, keys)).map((w) => localised(w.contents, strings));
  assert.deepEqual(shown({}), [strings['view.loading']]);
  assert.deepEqual(shown({ 'til.indexed': true }), [strings['view.welcome']]);
  for (const indexed of [false, true]) {
    const [failed, ...more] = shown({ 'til.indexed': indexed, 'til.indexFailed': true });
    assert.equal(more.length, 0, 'one text at a time');
    assert.match(failed ?? '', /\[Retry\]\(command:til\.refresh\)/, 'a failed index offers a retry');
  }
});
