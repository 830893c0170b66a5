import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../../src/core/notes/parseNote';
import type { ParsedNote } from '../../src/core/model';
import { formatSize, tooLargeProblem } from '../../src/core/notes/sizeLimit';

const bytes = (s: string) => new TextEncoder().encode(s);
const codes = (n: ParsedNote) => n.problems.map((p) => p.code);

test('empty file: an info problem, nothing else', () => {
  const n = parseNote('/e.md', bytes(''));
  assert.deepEqual(codes(n), ['empty-file']);
  assert.equal(n.cards.length, 0);
});

test('BOM and CRLF are invisible to the parser', () => {
  const n = parseNote('/b.md', bytes('\uFEFF# 1월 2일 TIL\r\n\r\n> 질문인가요?\r\n\r\n답이다.\r\n'));
  assert.equal(n.days[0].date, '01-02');
  assert.equal(n.cards[0].question, '질문인가요?');
  assert.equal(n.cards[0].answer, '답이다.');
});

test('invalid UTF-8 is reported with its line and the rest is read', () => {
  const raw = new Uint8Array([...bytes('# 1월 2일 TIL\n\n> 깨진 글자 '), 0xff, 0xfe, ...bytes('인가요?\n\n답.\n')]);
  const n = parseNote('/u.md', raw);
  const p = n.problems.find((x) => x.code === 'invalid-utf8');
  assert.equal(p?.line, 3);
  assert.equal(n.cards.length, 1);
});

test('decomposed (NFD) Hangul reads like composed Hangul', () => {
  const nfd = '# 1월 2일 TIL\n\n> 프로세스가 무엇인가요?\n\n실행 중인 프로그램.\n'.normalize('NFD');
  const n = parseNote('/n.md', bytes(nfd));
  assert.equal(n.cards[0].question, '프로세스가 무엇인가요?');
  assert.equal(n.days[0].date, '01-02');
});

test('a 5 MB single line is skipped as too large, with a clear message', () => {
  const n = parseNote('/big.md', 'x'.repeat(5 * 1024 * 1024));
  assert.deepEqual(codes(n), ['too-large']);
  assert.match(n.problems[0].message, /5\.0 MB/);
});

test('a 1 MB single line under the limit parses', () => {
  const n = parseNote('/line.md', '# 0101 TIL\n\n' + 'word '.repeat(200_000));
  assert.equal(n.days.length, 1);
  assert.equal(n.problems.length, 0);
});

test('10,000-deep nested blockquotes and lists are flattened, not a stack overflow', () => {
  for (const prefix of ['>', '- ', '1. ']) {
    const n = parseNote('/deep.md', prefix.repeat(10_000) + ' 깊은 곳\n');
    assert.ok(codes(n).includes('too-deep'), prefix);
    assert.ok(!codes(n).includes('parse-failed'), prefix);
  }
  // Deep nesting by indentation: 1,000 levels is already 1 MB of spaces.
  const indented = Array.from({ length: 1_000 }, (_, i) => ' '.repeat(i * 2) + '- level').join('\n');
  const n = parseNote('/deep-indent.md', indented);
  assert.ok(codes(n).includes('too-deep'));
  assert.ok(!codes(n).includes('parse-failed'));
});

test('unclosed code fence, <aside> and front matter are reported', () => {
  assert.ok(codes(parseNote('/f.md', '# 0101 TIL\n\n```js\nconst a = 1;\n')).includes('unclosed-fence'));
  const aside = parseNote('/a.md', '# 0101 TIL\n\n<aside>\n❗**열린 콜아웃**\n\n## 다음 절\n');
  assert.ok(codes(aside).includes('unclosed-html'));
  assert.equal(aside.cards[0]?.question, '열린 콜아웃');
  assert.ok(codes(parseNote('/m.md', '---\ndate: 2025-01-01\n# 제목\n')).includes('unclosed-frontmatter'));
});

test('invalid YAML front matter is reported and the note still parses', () => {
  const n = parseNote('/y.md', '---\ndate: [unclosed\n---\n\n# 0101 TIL\n\n> 질문인가요?\n\n답.\n');
  assert.ok(codes(n).includes('invalid-frontmatter'));
  assert.equal(n.cards.length, 1);
});

test('the parser never writes to or mutates its input', () => {
  const input = bytes('# 0101 TIL\n\n> 질문인가요?\n\n답.\n');
  const copy = input.slice();
  parseNote('/r.md', input);
  assert.deepEqual(input, copy);
});

test('a size limit under a megabyte reads in KB, not "0.0 MB"', () => {
  assert.equal(formatSize(300 * 1024), '300 KB');
  assert.equal(formatSize(5 * 1048576), '5.0 MB');
  assert.match(tooLargeProblem('/n.md', 300 * 1024, 64 * 1024).message, /the note is 300 KB, over the 64 KB limit/);
});
