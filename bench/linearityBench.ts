// Section 7 of `npm run bench`: linearity of parseNote in the size of one note, beside bare remark-parse.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { parseNote } from '../src/core/notes/parseNote';
import { generateText } from './corpus';
import { f, gc, msSince, now, round, table } from './benchUtil';

/** Section 7: one big note at three sizes; parseNote's µs per KB should stay flat. */
export function benchLinearity(seed: number) {
  const bare = unified().use(remarkParse);
  const decoder = new TextDecoder();
  const rows: Array<{ kb: number; parseNoteUsPerKB: number; bareUsPerKB: number; cards: number }> = [];
  parseNote('warm.md', Buffer.from(generateText(seed + 7, 100 * 1024)));
  for (const [kb, reps] of [
    [100, 2],
    [400, 1],
    [1600, 1],
  ] as const) {
    const bytes = Buffer.from(generateText(seed + 7, kb * 1024));
    const realKB = bytes.byteLength / 1024;
    const text = decoder.decode(bytes);
    let best = Infinity;
    let bestBare = Infinity;
    let cards = 0;
    for (let r = 0; r < reps; r++) {
      gc();
      const t0 = now();
      const note = parseNote('big.md', bytes);
      best = Math.min(best, msSince(t0));
      cards = note.cards.length;
      if (note.problems.some((p) => p.code === 'too-large' || p.code === 'parse-failed'))
        throw new Error(`big note not parsed at ${kb} KB`);
      const t1 = now();
      bare.parse(text);
      bestBare = Math.min(bestBare, msSince(t1));
    }
    rows.push({
      kb: round(realKB, 0),
      parseNoteUsPerKB: round((best * 1000) / realKB, 1),
      bareUsPerKB: round((bestBare * 1000) / realKB, 1),
      cards,
    });
  }
  const per = rows.map((r) => r.parseNoteUsPerKB);
  const spread = Math.max(...per) / Math.min(...per);
  table('7. Linearity: one note of growing size (best of reps)', [
    ['size', 'parseNote µs/KB', 'bare remark µs/KB', 'cards'],
    ...rows.map((r) => [`${r.kb} KB`, f(r.parseNoteUsPerKB, 1), f(r.bareUsPerKB, 1), r.cards]),
  ]);
  console.log(`  parseNote µs/KB max/min: ${f(spread)} (${spread <= 1.5 ? 'roughly flat' : 'NOT flat'})`);
  return { rows, spread: round(spread) };
}
