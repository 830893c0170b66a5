// The code and package.json agree: every setting the code reads is declared with a default, every command id is declared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SECTION, Setting } from '../../src/features/settingKeys';
import { Commands } from '../../src/features/services';
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
