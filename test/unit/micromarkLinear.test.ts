// The build's micromark patch (scripts/micromarkLinear.js) matches the installed micromark, and changes no event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { repoRoot } from './helpers';

const requireHere = createRequire(path.join(repoRoot, 'package.json'));
const { linearDocument } = requireHere('./scripts/micromarkLinear.js') as { linearDocument: (source: string) => string };

test('the micromark patch applies to the installed micromark (both EditMap moves replaced)', () => {
  const file = path.join(path.dirname(requireHere.resolve('micromark')), 'lib', 'initialize', 'document.js');
  const patched = linearDocument(fs.readFileSync(file, 'utf8'));
  assert.doesNotMatch(patched, /editMap\.consume\(self\.events\)/);
  assert.equal(patched.match(/self\.events\.splice\(indexBeforeFlow \+ 1, 0, \.\.\.exits\)/g)?.length, 2);
  assert.throws(() => linearDocument('export const document = {}'), /expected 2 EditMap moves/);
});
