// Quiz answers come from notes: their links open only inside the workspace or a notes folder, network
// paths go nowhere, remote images load only when a setting allows. And package.json's Restricted Mode
// claim names every setting a hostile workspace could use against the user.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveAnswerLink } from '../../src/core/quiz/answerLinks';
import { safeHref, sanitizeHtml } from '../../src/core/quiz/sanitize';
import { repoRoot } from './helpers';

const roots = ['/home/u/work', '/home/u/til'];
const note = '/home/u/work/notes/os.md';

test('answer links: relative links open inside the workspace or a notes folder, nothing else', () => {
  assert.deepEqual(resolveAnswerLink('scheduling.md#L12', note, roots), {
    kind: 'file',
    path: '/home/u/work/notes/scheduling.md',
    line: 12,
  });
  assert.deepEqual(resolveAnswerLink('../img/a.png', note, roots), { kind: 'file', path: '/home/u/work/img/a.png', line: undefined });
  assert.deepEqual(resolveAnswerLink('https://kubernetes.io/docs', note, roots), { kind: 'external', url: 'https://kubernetes.io/docs' });
  for (const [href, reason] of [
    ['../../../../etc/passwd', 'outside'],
    ['../../.ssh/id_rsa', 'outside'],
    ['%2e%2e/%2e%2e/%2e%2e/etc/shadow', 'outside'],
    ['/etc/passwd', 'absolute'],
    ['C:\\Windows\\win.ini', 'absolute'],
    ['//attacker.example/share/x.md', 'network'],
    ['\\\\attacker.example\\share\\x.md', 'network'],
    ['/\\attacker.example/x', 'network'],
    ['%5C%5Cattacker.example%5Cshare', 'network'],
    ['file:///etc/passwd', 'scheme'],
    ['command:til.resetProgress', 'scheme'],
    ['vscode://some.extension/x', 'scheme'],
  ] as const) {
    assert.deepEqual(resolveAnswerLink(href, note, roots), { kind: 'blocked', reason }, href);
  }
  // Windows paths: separators and drive-letter case do not matter, the root still does.
  assert.equal(resolveAnswerLink('b.md', 'C:\\Users\\u\\til\\a.md', ['c:\\users\\u\\til']).kind, 'file');
  assert.equal(resolveAnswerLink('..\\..\\x.md', 'C:\\Users\\u\\til\\a.md', ['C:\\Users\\u\\til']).kind, 'blocked');
});

test('answer HTML: network links are dropped, remote images show a placeholder unless allowed', () => {
  for (const href of ['//host/x', '\\\\host\\x', '/\\host', ' //host']) assert.equal(safeHref(href), false, href);
  assert.equal(safeHref('notes/a.md'), true);
  const html =
    '<p><a href="//attacker.example/x">a</a> <img src="https://tracker.example/p.png" alt="pixel"> <img src="//host/share/i.png" alt="unc"></p>';
  const placeholder = (alt: string) => `[image: ${alt}]`;
  const resolveImage = () => 'data:image/png;base64,AAAA';
  const off = sanitizeHtml(html, { imagePlaceholder: placeholder, resolveImage });
  assert.doesNotMatch(off, /attacker|tracker\.example|<img/, off);
  assert.match(off, /\[image: pixel\][\s\S]*\[image: unc\]/);
  const on = sanitizeHtml(html, { imagePlaceholder: placeholder, resolveImage, allowRemoteImages: true });
  assert.match(on, /<img src="https:\/\/tracker\.example\/p\.png"/);
  assert.doesNotMatch(on, /\/\/host|attacker/, 'network paths stay out even then');
});

test('Restricted Mode: the size limit has a maximum, and workspace settings that could hurt are restricted', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  const settings = manifest.contributes.configuration.properties;
  assert.equal(typeof settings['tilCompanion.notes.maxFileSizeKB'].maximum, 'number');
  assert.equal(settings['tilCompanion.quiz.remoteImages'].default, false);
  for (const key of ['tilCompanion.notes.extraFolders', 'tilCompanion.notes.maxFileSizeKB', 'tilCompanion.quiz.remoteImages']) {
    assert.ok(untrusted.restrictedConfigurations.includes(key), key);
    assert.ok(settings[key], `${key} is a setting`);
  }
});
