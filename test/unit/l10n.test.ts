// Every UI string is localised: package.json's %keys% in both nls files, every vscode.l10n.t() string in the Korean bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './helpers';

const read = (p: string) => fs.readFileSync(path.join(repoRoot, p), 'utf8');

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(repoRoot, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** The first argument of each l10n.t('…') call: a plain string literal, as the l10n tooling requires. */
function l10nStrings(): Set<string> {
  const strings = new Set<string>();
  for (const file of sourceFiles('src')) {
    // `l10n.t('…')`, and `t('…')` where a translate function is passed in (the core's hover sections, quiz strings).
    for (const m of read(file).matchAll(/(?:\bl10n\.t|(?<![\w.$])t)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g))
      strings.add(m[2].replace(/\\(['"`\\])/g, '$1'));
  }
  return strings;
}

test('package.json strings exist in English and Korean', () => {
  const keys = [...read('package.json').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
  const en = JSON.parse(read('package.nls.json'));
  const ko = JSON.parse(read('package.nls.ko.json'));
  for (const key of keys) {
    assert.ok(en[key], `package.nls.json lacks ${key}`);
    assert.ok(ko[key], `package.nls.ko.json lacks ${key}`);
  }
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
});

test('every vscode.l10n.t string has a Korean translation', () => {
  const bundle = JSON.parse(read('l10n/bundle.l10n.ko.json')) as Record<string, string>;
  const missing = [...l10nStrings()].filter((s) => !bundle[s]);
  assert.deepEqual(missing, []);
  for (const [source, translated] of Object.entries(bundle)) {
    const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
    assert.equal(placeholders(translated), placeholders(source), `placeholders of "${source}"`);
  }
});
