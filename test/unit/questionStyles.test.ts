// Each question style has a fixture folder (test/fixtures/questions/<style>/note.md + expected-cards.json), written
// for these tests. Recall and precision are measured per style and overall; answers are checked for their bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Card } from '../../src/core/model';
import { parseNote } from '../../src/core/notes/parseNote';
import { questionKey } from '../../src/core/text';
import { fixtures } from './helpers';

interface Expected {
  question: string;
  answerIncludes?: string;
  answerExcludes?: string;
  unanswered?: boolean;
}

export interface Score {
  expected: number;
  found: number;
  matched: number;
  recall: number;
  precision: number;
}

export function score(cards: Card[], expected: Expected[]): Score {
  const wanted = new Set(expected.map((e) => questionKey(e.question)));
  const matched = cards.filter((c) => wanted.has(c.key)).length;
  return {
    expected: expected.length,
    found: cards.length,
    matched,
    recall: expected.length ? matched / expected.length : 1,
    precision: cards.length ? matched / cards.length : 1,
  };
}

const root = path.join(fixtures, 'questions');
const styles = fs
  .readdirSync(root)
  .filter((d) => fs.existsSync(path.join(root, d, 'expected-cards.json')))
  .sort();

function load(style: string): { cards: Card[]; expected: Expected[] } {
  const dir = path.join(root, style);
  const note = parseNote(`/fixtures/questions/${style}/note.md`, fs.readFileSync(path.join(dir, 'note.md')));
  return { cards: note.cards, expected: JSON.parse(fs.readFileSync(path.join(dir, 'expected-cards.json'), 'utf8')) as Expected[] };
}

test('every question style reaches recall >= 0.9 and precision >= 0.95 on its fixtures, and overall', () => {
  const total = { expected: 0, found: 0, matched: 0 };
  const rows: string[] = [];
  const failures: string[] = [];
  for (const style of styles) {
    const { cards, expected } = load(style);
    const s = score(cards, expected);
    total.expected += s.expected;
    total.found += s.found;
    total.matched += s.matched;
    rows.push(
      `${style.padEnd(10)} expected ${String(s.expected).padStart(2)}  found ${String(s.found).padStart(2)}  recall ${s.recall.toFixed(2)}  precision ${s.precision.toFixed(2)}`,
    );
    if (s.recall < 0.9 || s.precision < 0.95) {
      const wanted = new Set(expected.map((e) => questionKey(e.question)));
      const got = new Set(cards.map((c) => c.key));
      failures.push(
        `${style}: missed [${expected
          .filter((e) => !got.has(questionKey(e.question)))
          .map((e) => e.question)
          .join(' | ')}], extra [${cards
          .filter((c) => !wanted.has(c.key))
          .map((c) => c.question)
          .join(' | ')}]`,
      );
    }
  }
  const recall = total.matched / total.expected;
  const precision = total.matched / total.found;
  console.log(
    `# question styles\n# ${rows.join('\n# ')}\n# overall    recall ${recall.toFixed(3)}  precision ${precision.toFixed(3)} (${total.matched}/${total.expected} expected, ${total.found} found)`,
  );
  assert.deepEqual(failures, []);
  assert.ok(recall >= 0.9 && precision >= 0.95, `overall recall ${recall}, precision ${precision}`);
});

test('answers are bounded: each includes what answers it and stops before what follows; empty answers stay cards', () => {
  const problems: string[] = [];
  for (const style of styles) {
    const { cards, expected } = load(style);
    for (const e of expected) {
      const card = cards.find((c) => c.key === questionKey(e.question));
      if (!card) continue; // counted by the recall test
      if (e.answerIncludes && !card.answer.includes(e.answerIncludes))
        problems.push(`${style} "${e.question}": answer lacks "${e.answerIncludes}": ${JSON.stringify(card.answer)}`);
      if (e.answerExcludes && card.answer.includes(e.answerExcludes))
        problems.push(`${style} "${e.question}": answer runs into "${e.answerExcludes}"`);
      if (e.unanswered && card.answer !== '')
        problems.push(`${style} "${e.question}": expected no answer, got ${JSON.stringify(card.answer)}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('answers carry no quote markers or list indentation from where they were written', () => {
  const blockquote = load('blockquote').cards.find((c) => c.question.startsWith('3-way'))!;
  assert.equal(blockquote.answer.startsWith('>'), false);
  const nested = load('blockquote').cards.find((c) => c.question.startsWith('혼잡'))!;
  assert.ok(!/^\s*>/m.test(nested.answer), nested.answer);
  const list = load('list').cards.find((c) => c.question.startsWith('디플로이먼트'))!;
  assert.ok(list.answer.includes('\n```bash\nkubectl rollout undo'), list.answer);
});

test('each style folder names the style its cards are written in', () => {
  for (const style of styles) {
    if (style === 'decoys' || style === 'fragments' || style === 'english') continue;
    const { cards } = load(style);
    assert.ok(
      cards.every((c) => c.style === style),
      `${style}: ${cards.map((c) => c.style).join(', ')}`,
    );
  }
});
