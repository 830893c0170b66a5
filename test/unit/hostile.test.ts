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
function headings(count: number, title: (i: number) => string, depth: Heading['depth'] = 2): { root: Root; text: string } {
  const lines: string[] = [];
  const children: Heading[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const line = `${'#'.repeat(depth)} ${title(i)}`;
    children.push({
      type: 'heading', depth, children: [{ type: 'text', value: title(i) }],
      position: { start: { line: i + 1, column: 1, offset }, end: { line: i + 1, column: line.length + 1, offset: offset + line.length } },
    });
    lines.push(line);
    offset += line.length + 1;
  }
  return { root: { type: 'root', children }, text: lines.join('\n') + '\n' };
}

test('many top-level headings: topics are assigned in linear time', TIMEOUT, () => {
  assertLinear('sections', (n) => headings(n, (i) => `plain heading ${i}`), ({ root, text }) => walkStructure('/h.md', root, text, { aliases: new Map() }, []), 2_000);
});

test('many equal day headings: day ids in linear time, still unique', TIMEOUT, () => {
  assertLinear('days', (n) => headings(n, () => '2025-01-13', 1), ({ root, text }) => walkStructure('/d.md', root, text, { aliases: new Map() }, []), 2_000);
  const { root, text } = headings(4, () => '2025-01-13', 1);
  const ids = walkStructure('/d.md', root, text, { aliases: new Map() }, []).days.map((d) => d.id);
  assert.deepEqual(ids, ['2025-01-13', '2025-01-13~2', '2025-01-13~3', '2025-01-13~4']);
});

test('NoteIndex.days() groups sections and cards in linear time and is cached until the index changes', TIMEOUT, () => {
  const note = (n: number): ParsedNote => {
    const days: Day[] = [];
    const sections: Section[] = [];
    for (let i = 0; i < n; i++) {
      days.push({ id: `d${i}`, title: `day ${i}`, date: '2025-01-13', file: '/d.md', line: 2 * i + 1, endLine: 2 * i + 2 });
      sections.push({ id: `/d.md#L${2 * i + 2}`, title: 's', depth: 2, topic: 'other', dayId: `d${i}`, file: '/d.md', line: 2 * i + 2, endLine: 2 * i + 2 });
    }
    return { file: '/d.md', hash: '', days, sections, cards: [], terms: [], diagrams: [], problems: [] };
  };
  assertLinear('days()', note, (parsed) => {
    const index = new NoteIndex();
    index.upsert(parsed);
    index.days();
  }, 4_000);
  const index = new NoteIndex();
  index.upsert(note(3));
  const first = index.days();
  assert.equal(first[0].entries.length, 3);
  assert.deepEqual(first[0].entries.map((e) => e.sections.length), [1, 1, 1]);
  assert.equal(index.days(), first, 'a second call reuses the answer');
  index.upsert(note(2));
  assert.equal(index.days()[0].entries.length, 2, 'a change drops the cached answer');
});

test('answer sanitizer: raw HTML like <div b<a b<a … in linear time, every stray < escaped', TIMEOUT, () => {
  assertLinear('sanitizeHtml', (n) => '<div' + ' b<a'.repeat(n), (html) => sanitizeHtml(html), 16_000);
  assert.equal(sanitizeHtml('<div b<a b<a'), '&lt;div b&lt;a b&lt;a');
  assert.equal(sanitizeHtml('<b class="x">ok</b>'), '<b class="x">ok</b>');
});

test('front matter date: with long runs of spaces is read in linear time', TIMEOUT, () => {
  assertLinear('date', (n) => '2025-01-13' + ' '.repeat(n) + 'x', dateFromFrontMatter, 200_000);
  assertLinear('front matter', (n) => `---\ndate: 2025-01-13${' '.repeat(n)}x\n---\n# 본문\n`, (text) => parseNote('/fm.md', text), 200_000);
  assert.equal(dateFromFrontMatter('2025-01-13   ')?.date, '2025-01-13');
  assert.equal(dateFromFrontMatter('2025-01-13 - 스터디')?.date, '2025-01-13');
});

test('Mermaid source filter: unclosed %%{ lines in linear time', TIMEOUT, () => {
  assertLinear('secureMermaidSource', (n) => 'graph TD\n' + Array.from({ length: n }, (_, i) => `%%{ A${i}-->B`).join('\n'), secureMermaidSource, 8_000);
  const closed = secureMermaidSource('%%{init: {"securityLevel": "loose"}}%%\ngraph TD\n%%{ unclosed\nA-->B');
  assert.deepEqual(closed.removed, ['init directive']);
  assert.equal(closed.source, '\ngraph TD\n%%{ unclosed\nA-->B');
});

test('glossary: entry lines found in linear time, and at the entry (not an earlier line containing it)', TIMEOUT, () => {
  assertLinear('parseGlossary', (n) => 'os:\n' + Array.from({ length: n }, (_, i) => `  identifier_${i}: term ${i}`).join('\n'), (text) => parseGlossary('/g.yaml', text), 1_000);
  const g = parseGlossary('/g.yaml', 'os:\n  pthread_mutex_init: 뮤텍스\n  init: init\n  "kind: Pod": 파드\n');
  assert.deepEqual(g.entries.map((e) => [e.code, e.line]), [['pthread_mutex_init', 2], ['init', 3], ['kind: Pod', 4]]);
});

test('glossary: a file over the size cap is refused with a message, not parsed', () => {
  const g = parseGlossary('/g.yaml', 'os:\n' + '  x: y\n'.repeat(200_000));
  assert.equal(g.entries.length, 0);
  assert.equal(g.problems[0]?.code, 'too-large');
});
