// Hostile inputs from issue 10: each once took seconds to minutes. Each test compares the cost of n and 8n
// (a ratio of work, see growth.ts), so it fails on the quadratic code whatever the machine's speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Heading, Root } from 'mdast';
import { parseNote } from '../../src/core/notes/parseNote';
import { walkStructure } from '../../src/core/notes/structure';
import { dateFromFrontMatter } from '../../src/core/notes/dates';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseGlossary } from '../../src/core/index/glossary';
import { sanitizeHtml } from '../../src/core/quiz/sanitize';
import { secureMermaidSource } from '../../src/core/diagrams/secureSource';
import type { Day, ParsedNote, Section } from '../../src/core/model';
import { assertLinear } from './growth';

const TIMEOUT = { timeout: 120_000 };

/** A syntax tree of `count` headings, so the test times the structure pass, not remark. */
function headings(
  count: number,
  title: (i: number) => string,
  depth: (i: number) => Heading['depth'] = () => 2,
): { root: Root; text: string } {
  const lines: string[] = [];
  const children: Heading[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const line = `${'#'.repeat(depth(i))} ${title(i)}`;
    children.push({
      type: 'heading',
      depth: depth(i),
      children: [{ type: 'text', value: title(i) }],
      position: { start: { line: i + 1, column: 1, offset }, end: { line: i + 1, column: line.length + 1, offset: offset + line.length } },
    });
    lines.push(line);
    offset += line.length + 1;
  }
  return { root: { type: 'root', children }, text: lines.join('\n') + '\n' };
}

test('many top-level headings: topics are assigned in linear time', TIMEOUT, () => {
  assertLinear(
    'sections',
    (n) => headings(n, (i) => `plain heading ${i}`),
    ({ root, text }) => walkStructure('/h.md', root, text, { aliases: new Map() }, []),
    2_000,
  );
});

test('many equal day headings: day ids in linear time, still unique', TIMEOUT, () => {
  // A day heading, then a section in it: the same date again starts another day.
  const days = (n: number) =>
    headings(
      2 * n,
      (i) => (i % 2 ? `section ${i}` : '2025-01-13'),
      (i) => (i % 2 ? 2 : 1),
    );
  assertLinear('days', days, ({ root, text }) => walkStructure('/d.md', root, text, { aliases: new Map() }, []), 1_000);
  const { root, text } = days(4);
  const ids = walkStructure('/d.md', root, text, { aliases: new Map() }, []).days.map((d) => d.id);
  assert.deepEqual(ids, ['2025-01-13', '2025-01-13~2', '2025-01-13~3', '2025-01-13~4']);
});

test('NoteIndex.days() groups sections and cards in linear time and is cached until the index changes', TIMEOUT, () => {
  const note = (n: number): ParsedNote => {
    const days: Day[] = [];
    const sections: Section[] = [];
    for (let i = 0; i < n; i++) {
      days.push({ id: `d${i}`, title: `day ${i}`, date: '2025-01-13', file: '/d.md', line: 2 * i + 1, endLine: 2 * i + 2 });
      sections.push({
        id: `/d.md#L${2 * i + 2}`,
        title: 's',
        depth: 2,
        topic: 'other',
        dayId: `d${i}`,
        file: '/d.md',
        line: 2 * i + 2,
        endLine: 2 * i + 2,
      });
    }
    return { file: '/d.md', hash: '', days, sections, cards: [], terms: [], diagrams: [], problems: [] };
  };
  // Count the reads of the note's sections and cards (a filter per day read them all once per day: n²).
  let reads = 0;
  const counted = <T extends object>(items: T[]) =>
    new Proxy(items, {
      get: (target, key, receiver) => (typeof key === 'string' && /^\d+$/.test(key) && reads++, Reflect.get(target, key, receiver)),
    });
  const big = note(2_000);
  const index0 = new NoteIndex();
  index0.upsert({
    ...big,
    sections: counted(big.sections),
    cards: counted(
      big.sections.map((s, i) => ({
        key: `q${i}`,
        question: 'q?',
        answer: 'a',
        style: 'blockquote' as const,
        topic: 'other' as const,
        dayId: s.dayId,
        file: '/d.md',
        line: s.line,
        endLine: s.line,
      })),
    ),
  });
  reads = 0;
  index0.days();
  assert.ok(reads <= 3 * 2 * 2_000, `days() read sections and cards ${reads} times for 2,000 days`);
  const index = new NoteIndex();
  index.upsert(note(3));
  const first = index.days();
  assert.equal(first[0].entries.length, 3);
  assert.deepEqual(
    first[0].entries.map((e) => e.sections.length),
    [1, 1, 1],
  );
  assert.equal(index.days(), first, 'a second call reuses the answer');
  index.upsert(note(2));
  assert.equal(index.days()[0].entries.length, 2, 'a change drops the cached answer');
});

test('answer sanitizer: raw HTML like <div b<a b<a … in linear time, every stray < escaped', TIMEOUT, () => {
  assertLinear(
    'sanitizeHtml',
    (n) => '<div' + ' b<a'.repeat(n),
    (html) => sanitizeHtml(html),
    16_000,
  );
  assert.equal(sanitizeHtml('<div b<a b<a'), '&lt;div b&lt;a b&lt;a');
  assert.equal(sanitizeHtml('<b class="x">ok</b>'), '<b class="x">ok</b>');
});

test('front matter date: with long runs of spaces is read in linear time', TIMEOUT, () => {
  assertLinear('date', (n) => '2025-01-13' + ' '.repeat(n) + 'x', dateFromFrontMatter, 200_000);
  assertLinear(
    'front matter',
    (n) => `---\ndate: 2025-01-13${' '.repeat(n)}x\n---\n# 본문\n`,
    (text) => parseNote('/fm.md', text),
    200_000,
  );
  assert.equal(dateFromFrontMatter('2025-01-13   ')?.date, '2025-01-13');
  assert.equal(dateFromFrontMatter('2025-01-13 - 스터디')?.date, '2025-01-13');
});

test('Mermaid source filter: unclosed %%{ lines in linear time', TIMEOUT, () => {
  assertLinear(
    'secureMermaidSource',
    (n) => 'graph TD\n' + Array.from({ length: n }, (_, i) => `%%{ A${i}-->B`).join('\n'),
    secureMermaidSource,
    8_000,
    5,
  ); // many short strings: allocation-bound, noisier
  const closed = secureMermaidSource('%%{init: {"securityLevel": "loose"}}%%\ngraph TD\n%%{ unclosed\nA-->B');
  assert.deepEqual(closed.removed, ['init directive']);
  assert.equal(closed.source, '\ngraph TD\n%%{ unclosed\nA-->B');
});

test('glossary: entry lines found in linear time, and at the entry (not an earlier line containing it)', TIMEOUT, () => {
  assertLinear(
    'parseGlossary',
    (n) => 'os:\n' + Array.from({ length: n }, (_, i) => `  identifier_${i}: term ${i}`).join('\n'),
    (text) => parseGlossary('/g.yaml', text),
    1_000,
  );
  const g = parseGlossary('/g.yaml', 'os:\n  pthread_mutex_init: 뮤텍스\n  init: init\n  "kind: Pod": 파드\n');
  assert.deepEqual(
    g.entries.map((e) => [e.code, e.line]),
    [
      ['pthread_mutex_init', 2],
      ['init', 3],
      ['kind: Pod', 4],
    ],
  );
});

test('glossary: a file over the size cap is refused with a message, not parsed', () => {
  const g = parseGlossary('/g.yaml', 'os:\n' + '  x: y\n'.repeat(200_000));
  assert.equal(g.entries.length, 0);
  assert.equal(g.problems[0]?.code, 'too-large');
});

// ---- inside the Markdown parser: neutralised by the pre-scan (guard.ts), line numbers kept ----

const question = '\n\n> 프로세스는 무엇인가요?\n\n실행 중인 프로그램.\n';
const codesOf = (note: ParsedNote) => note.problems.map((p) => p.code);

test('alternating nesting "> - 1. " is flattened in linear time, with a warning', TIMEOUT, () => {
  assertLinear(
    'nesting',
    (n) => '# 0101 TIL\n\n' + '> - 1. '.repeat(n) + 'x' + question,
    (text) => parseNote('/n.md', text),
    2_000,
  );
  const note = parseNote('/n.md', '# 0101 TIL\n\n' + '> - 1. '.repeat(8_000) + 'x' + question);
  assert.ok(codesOf(note).includes('too-deep'));
  assert.equal(note.cards[0]?.line, 5, 'the question after it keeps its line');
});

test('emphasis runs *×n x *×n: linear time, no stack overflow, a warning', TIMEOUT, () => {
  assertLinear(
    'emphasis',
    (n) => '# 0101 TIL\n\n' + '*'.repeat(n) + 'x' + '*'.repeat(n) + question,
    (text) => parseNote('/e.md', text),
    4_000,
  );
  const note = parseNote('/e.md', '# 0101 TIL\n\n' + '*'.repeat(20_000) + 'x' + '*'.repeat(20_000) + question);
  assert.deepEqual(codesOf(note), ['too-complex']);
  assert.equal(note.cards[0]?.line, 5);
});

test('one long line full of inline Markdown parses in linear time', TIMEOUT, () => {
  assertLinear(
    'long line',
    (n) => '# 0101 TIL\n\n' + 'word *a* `c` [l](x) _b_ <i> a* b_ ['.repeat(n) + question,
    (text) => parseNote('/l.md', text),
    400,
  );
  const note = parseNote('/l.md', '# 0101 TIL\n\n' + 'word *a* `c` [l](x) _b_ <i> a* b_ ['.repeat(40_000) + question);
  assert.equal(note.cards[0]?.line, 5);
});

test('unclosed front matter: the rest is read as the note, with a warning', () => {
  const note = parseNote('/f.md', '---\ntitle: 스터디\ntopic: os\n\n# 0101 TIL' + question + '\n> 스레드는 무엇인가요?\n\n실행 흐름.\n');
  assert.deepEqual(codesOf(note), ['unclosed-frontmatter']);
  assert.deepEqual(
    note.cards.map((c) => [c.question, c.line]),
    [
      ['프로세스는 무엇인가요?', 7],
      ['스레드는 무엇인가요?', 11],
    ],
  );
  // Closed front matter and a note opening with a thematic break are left alone.
  assert.deepEqual(codesOf(parseNote('/f.md', '---\ntitle: 스터디\n---\n# 0101 TIL' + question)), []);
  assert.equal(parseNote('/f.md', '---\n\n# 0101 TIL' + question).cards.length, 1);
});

test('an unclosed <pre> or <script> block gets a warning naming it; a closed one does not', () => {
  for (const tag of ['pre', 'script', 'STYLE', 'textarea']) {
    const note = parseNote('/h.md', `# 0101 TIL\n\n<${tag}>\n코드` + question);
    const problem = note.problems.find((p) => p.code === 'unclosed-html');
    assert.equal(problem?.line, 3, tag);
    assert.match(problem!.message, new RegExp(`<${tag.toLowerCase()}>`));
  }
  const closed = parseNote('/h.md', '# 0101 TIL\n\n<pre>\n코드\n</pre>' + question);
  assert.deepEqual(codesOf(closed), []);
  assert.equal(closed.cards.length, 1);
});

test('the pre-scan leaves fenced code alone, however many markers it holds', () => {
  const code = '```c\n' + '/****/ a[i] = *p; <x>\n'.repeat(2_000) + '```\n';
  const note = parseNote('/c.md', '# 0101 TIL\n\n' + code + question);
  assert.deepEqual(codesOf(note), []);
  assert.equal(note.cards[0]?.line, 2_000 + 7);
});

test('many block-quote questions in one note parse in linear time (micromark patched, scripts/micromarkLinear.js)', TIMEOUT, () => {
  // Each block quote closing around a paragraph made micromark copy every event so far: n quotes cost n².
  assertLinear(
    'block quotes',
    (n) => '# 0101 TIL\n\n' + Array.from({ length: n }, (_, i) => `> 질문 ${i}?\n`).join('\n'),
    (text) => parseNote('/q.md', text),
    250,
  );
  // Lazy lines and quotes in list items, where the moved exits matter, still give the same cards.
  const note = parseNote('/q.md', '# 0101 TIL\n\n> 첫 질문인가요?\n\n답.\n\n- a\n  > 둘째 질문인가요?\n게으른 줄\n\n답 둘.\n');
  assert.deepEqual(
    note.cards.map((c) => [c.question, c.line]),
    [
      ['첫 질문인가요?', 3],
      ['둘째 질문인가요?', 8],
    ],
  );
});
