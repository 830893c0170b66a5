// Property-based fuzzing (fast-check) of notes that mix the hostile constructs of issue 10: nesting, emphasis
// runs, long lines, headings, raw HTML, front matter, Mermaid %%{, links and images. Two properties:
// 1. any mix parses without throwing, with every line number in range;
// 2. a mix costs at most HOSTILE_FACTOR times a plain note of the same size. A ratio, not a time limit: both are
//    measured alternately, best of several runs each (load only ever adds time), so a slow or busy machine
//    slows both sides. Quadratic work costs tens to hundreds of times a plain note at this size (the block-quote
//    quadratic this test found in micromark, fixed by scripts/micromarkLinear.js: 35×); 5× leaves room for noise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNote } from '../../src/core/notes/parseNote';
import { secureMermaidSource } from '../../src/core/diagrams/secureSource';
import { plainNote } from '../../bench/hostileInputs';
import { costRatio, remeasuredOver } from './growth';

const HOSTILE_FACTOR = 5;
const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));
const lines = (count: number, line: (i: number) => string) => Array.from({ length: Math.max(1, count) }, (_, i) => line(i)).join('\n');

/** One hostile construct as a block of about `bytes` bytes. */
const CONSTRUCTS: Record<string, (bytes: number) => string> = {
  nesting: (b) => fill('> - 1. ', b) + 'x',
  emphasisRuns: (b) => '*'.repeat(Math.ceil(b / 2)) + 'x' + '*'.repeat(Math.ceil(b / 2)),
  underscoreRuns: (b) => fill('_a__b_', b),
  longLine: (b) => fill('word *emph* `code` [link](x) _b_ <i> a* b_ [', b),
  starRuns: (b) => fill('a**b*c***d ', b),
  headings: (b) => lines(Math.ceil(b / 12), (i) => `## head ${i}`),
  equalDays: (b) => lines(Math.ceil(b / 14), () => '# 2025-01-13\n'),
  deepHeadings: (b) => lines(Math.ceil(b / 10), (i) => `${'#'.repeat(1 + (i % 6))} h${i}`),
  rawHtml: (b) => '<div' + fill(' b<a', b),
  unclosedPre: (b) => '<pre>\n' + fill('code <x> *y* ', b),
  unclosedScript: (b) => '<script>\n' + fill('if (a < b) { c(); }\n', b),
  mermaidDirectives: (b) => '```mermaid\ngraph TD\n' + lines(Math.ceil(b / 12), (i) => `%%{ A${i}-->B`) + '\n```',
  unclosedFence: (b) => '```\n' + fill('x *y* [z](w)\n', b),
  commandLinks: (b) => fill('[a](command:til.showDiagram?%5B%5D) <command:til.search> ', b),
  nestedImages: (b) => fill('![a[b[c]]](https://x.example/p.png) ', b),
  openBrackets: (b) => fill('[![', b),
  questions: (b) => fill('> 질문인가요?\n\n답이다.\n\n', b),
  blockquoteRuns: (b) => lines(Math.ceil(b / 20), (i) => '>'.repeat(1 + (i % 40)) + ' q?'),
  tableRows: (b) => '| a | b |\n| --- | --- |\n' + lines(Math.ceil(b / 10), () => '| x | *y |'),
  inlineAnswers: (b) => lines(Math.ceil(b / 16), (i) => (i % 3 ? '\\* 왜인가? : 답 ' : 'x '.repeat(30) + '?')),
  asides: (b) => '왜 그런가' + fill(' (a)', b),
  detailsRuns: (b) => lines(Math.ceil(b / 40), (i) => (i % 2 ? '<details><summary>Solution' : '**Task?**')),
};

const FRONT_MATTER = {
  none: '',
  spacedDate: (b: number) => `---\ndate: 2025-01-13${' '.repeat(b)}x\n---\n`,
  unclosed: () => '---\ntitle: 스터디\ntopic: os\n',
  closed: () => '---\ntitle: 스터디\n---\n',
};

type Block = [name: string, weight: number];
interface Mix {
  frontMatter: keyof typeof FRONT_MATTER;
  blocks: Block[];
  separator: string;
}

const mixArbitrary: fc.Arbitrary<Mix> = fc.record({
  frontMatter: fc.constantFrom(...(Object.keys(FRONT_MATTER) as Array<keyof typeof FRONT_MATTER>)),
  blocks: fc.array(fc.tuple(fc.constantFrom(...Object.keys(CONSTRUCTS)), fc.integer({ min: 1, max: 8 })), { minLength: 1, maxLength: 8 }),
  separator: fc.constantFrom('\n', '\n\n', '\r\n', '\n\n# 0101 TIL\n\n'),
});

/** A note of about `bytes` bytes: each block's share of them is its weight's share. */
function noteOf(mix: Mix, bytes: number): string {
  const total = mix.blocks.reduce((sum, [, w]) => sum + w, 0);
  const front = mix.frontMatter === 'none' ? '' : FRONT_MATTER[mix.frontMatter](Math.floor(bytes / (total + 1)));
  return (
    front + mix.blocks.map(([name, weight]) => CONSTRUCTS[name](Math.floor((bytes * weight) / (total + 1)))).join(mix.separator) + '\n'
  );
}

test('any mix of hostile constructs parses: no throw, every line number in range, diagrams through the Mermaid filter', () => {
  fc.assert(
    fc.property(mixArbitrary, fc.integer({ min: 16, max: 4_000 }), (mix, bytes) => {
      const text = noteOf(mix, bytes);
      const lineCount = text.split(/\r\n|\n|\r/).length;
      const note = parseNote('/fuzz.md', text);
      assert.ok(!note.problems.some((p) => p.code === 'parse-failed'), JSON.stringify(note.problems));
      for (const item of [...note.cards, ...note.sections, ...note.days, ...note.diagrams]) {
        assert.ok(
          item.line >= 1 && item.endLine >= item.line && item.endLine <= lineCount + 1,
          `lines ${item.line}-${item.endLine} of ${lineCount}`,
        );
      }
      for (const diagram of note.diagrams) secureMermaidSource(diagram.source);
    }),
    { seed: 20261201, numRuns: 150 },
  );
});

test(`any mix of hostile constructs costs at most ${HOSTILE_FACTOR}× a plain note of the same size`, { timeout: 300_000 }, () => {
  const BYTES = 48 * 1024;
  const plain = new Map<number, string>();
  const plainOfSize = (size: number) => plain.get(size) ?? plain.set(size, plainNote(size).slice(0, size)).get(size)!;
  let worst = { ratio: 0, mix: '' };
  fc.assert(
    fc.property(mixArbitrary, (mix) => {
      const text = noteOf(mix, BYTES);
      const ratio = remeasuredOver(HOSTILE_FACTOR, () =>
        costRatio(
          () => parseNote('/hostile.md', text),
          () => parseNote('/plain.md', plainOfSize(text.length)),
        ),
      );
      if (ratio > worst.ratio) worst = { ratio, mix: JSON.stringify(mix) };
      assert.ok(ratio <= HOSTILE_FACTOR, `${ratio.toFixed(1)}× a plain note of ${text.length} bytes: ${JSON.stringify(mix)}`);
    }),
    { seed: 20261201, numRuns: 12, endOnFailure: true },
  );
  console.log(`worst mix: ${worst.ratio.toFixed(2)}× a plain note, ${worst.mix}`);
});
