// A small held-out set written after the recognisers (test/fixtures/heldout, hand labels in labels.json):
// recall, precision and day accuracy are printed, and held to the issue's targets for unseen notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseNote } from '../../src/core/notes/parseNote';
import { questionKey } from '../../src/core/text';
import { fixtures } from './helpers';

interface Labels {
  files: Record<string, { day?: string; cards: string[] }>;
}

test('held-out notes: recall >= 0.8, precision >= 0.95, days right >= 90 % with no false days', () => {
  const root = path.join(fixtures, 'heldout');
  const labels = JSON.parse(fs.readFileSync(path.join(root, 'labels.json'), 'utf8')) as Labels;
  let expected = 0,
    found = 0,
    matched = 0,
    daysRight = 0,
    falseDays = 0;
  const misses: string[] = [];
  const entries = Object.entries(labels.files);
  for (const [name, label] of entries) {
    const note = parseNote(`/heldout/${name}`, fs.readFileSync(path.join(root, name)));
    const wanted = new Set(label.cards.map(questionKey));
    const keys = new Set(note.cards.map((c) => c.key));
    expected += wanted.size;
    found += note.cards.length;
    matched += note.cards.filter((c) => wanted.has(c.key)).length;
    for (const c of note.cards) if (!wanted.has(c.key)) misses.push(`${name}: extra "${c.question}"`);
    for (const q of label.cards) if (!keys.has(questionKey(q))) misses.push(`${name}: missed "${q}"`);
    const dates = note.days.map((d) => d.date);
    if (label.day && dates.length === 1 && dates[0] === label.day) daysRight++;
    falseDays += dates.filter((d) => d !== label.day).length;
  }
  const recall = matched / expected;
  const precision = found ? matched / found : 1;
  const dayAccuracy = daysRight / entries.length;
  console.log(
    `# held-out: recall ${recall.toFixed(2)} (${matched}/${expected}), precision ${precision.toFixed(2)} (${matched}/${found}), days right ${daysRight}/${entries.length}, false days ${falseDays}${misses.length ? `\n# ${misses.join('\n# ')}` : ''}`,
  );
  assert.ok(recall >= 0.8, `recall ${recall}`);
  assert.ok(precision >= 0.95, `precision ${precision}`);
  assert.ok(dayAccuracy >= 0.9 && falseDays === 0, `days ${daysRight}/${entries.length}, false ${falseDays}`);
});
