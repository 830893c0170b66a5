// The README is the user's manual: its settings table is the manifest's, its pictures and links exist and stay
// small, and the two commands a newcomer types are there as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { END, START, normaliseTable, settingsTable } from '../../scripts/lib/settingsTable.js';
import { repoRoot } from './helpers';

const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

test('the settings table lists every setting of package.json, with its default and description', () => {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  assert.ok(start >= 0 && end > start, 'README.md has the generated settings block');
  const table = readme.slice(start + START.length, end).trim();
  assert.equal(
    normaliseTable(table),
    normaliseTable(settingsTable(repoRoot)),
    'the settings table is stale: run `node scripts/lib/settingsTable.js --write`',
  );
  for (const key of Object.keys(manifest.contributes.configuration.properties))
    assert.ok(normaliseTable(table).includes(`|\`${key}\`|`), `${key} is in the table`);
});

test('every picture and file the README links to is in the repository, and the pictures are small PNGs', () => {
  const links = [...readme.matchAll(/(!?)\[[^\]]*\]\(([^)\s]+)\)/g)].map(([, bang, target]) => ({ image: bang === '!', target }));
  const local = links.filter((l) => !/^[a-z]+:/i.test(l.target) && !l.target.startsWith('#'));
  assert.ok(local.filter((l) => l.image).length >= 6, 'the README shows the product');
  for (const { image, target } of local) {
    const file = path.join(repoRoot, target.split('#')[0]);
    assert.ok(fs.existsSync(file), `${target} exists`);
    assert.ok(!path.relative(repoRoot, file).startsWith('..'), `${target} is inside the repository`);
    if (!image) continue;
    const bytes = fs.readFileSync(file);
    assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${target} is a PNG`);
    assert.ok(bytes.length < 200 * 1024, `${target} is ${Math.round(bytes.length / 1024)} KB; keep README pictures under 200 KB`);
  }
});

test('the README keeps the two commands to run the extension and its tests', () => {
  assert.ok(readme.includes('```bash\nnpm install && npm start\n```'), 'npm install && npm start');
  assert.ok(readme.includes('```bash\nnpm install && npm test\n```'), 'npm install && npm test');
});
