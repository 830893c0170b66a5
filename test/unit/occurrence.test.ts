// The word under the cursor is read from a short stretch of the line around it (a minified line holds hundreds of
// words): the words, the form and whether it is in a comment must come out as a reading of the whole line gives them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentContext } from '../../src/core/index/context/documentContext';
import { occurrenceAt, scanLine } from '../../src/core/index/context/occurrence';
import { seededRng } from '../../src/core/random';

const PIECES = [
  'fork',
  'sem_wait',
  '세마포어는',
  'node-port',
  'a',
  '-',
  '--',
  ' ',
  '  ',
  '.',
  '->',
  '(',
  ')',
  ';',
  '"',
  "'",
  '//',
  '#',
  '/*',
  '𝑥',
  '🙂',
  '$el',
  '3',
];

function wholeLineWords(line: string, hyphenated: boolean): Array<{ text: string; start: number; end: number }> {
  const re = hyphenated ? /[\p{L}\p{N}_$]+(?:-[\p{L}\p{N}_$]+)*/gu : /[\p{L}\p{N}_$]+/gu;
  return [...line.matchAll(re)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
}

test('occurrence: the words around the cursor, the form and the comment state match a reading of the whole line', () => {
  const rng = seededRng(7);
  let checked = 0;
  for (const languageId of ['c', 'javascript', 'yaml', 'python']) {
    const { syntax } = documentContext(languageId, '');
    for (const hyphenated of [false, true]) {
      for (let n = 0; n < 300; n++) {
        const line = Array.from({ length: 5 + Math.floor(rng() * 60) }, () => PIECES[Math.floor(rng() * PIECES.length)]).join('');
        const col = Math.floor(rng() * line.length);
        const occ = occurrenceAt(line, col, syntax, hyphenated);
        const all = wholeLineWords(line, hyphenated);
        // The cursor's own character decides, one UTF-16 unit as the editor gives it (or the one before: end of a word).
        const unit = (i: number) => /[\p{L}\p{N}_$]/u.test(line[i] ?? '');
        const cursor = unit(col) ? col : unit(col - 1) ? col - 1 : -1;
        const expectedAt = cursor === -1 ? -1 : all.findIndex((w) => w.start <= cursor && cursor < w.end);
        if (!occ) {
          assert.equal(expectedAt, -1, `${JSON.stringify(line)} @${col}: no word found`);
          continue;
        }
        checked++;
        const near = (words: typeof all, i: number) => words.slice(Math.max(0, i - 2), i + 3);
        assert.deepEqual(near(occ.words, occ.at), near(all, expectedAt), `${JSON.stringify(line)} @${col}`);
        const whole = scanLine(line, syntax);
        const span = whole.strings.find(([s, e]) => occ.word.start > s && occ.word.start < e);
        const commented = whole.commentAt !== -1 && occ.word.start >= whole.commentAt;
        assert.equal(occ.form === 'string', !!span, `string? ${JSON.stringify(line)} @${col}`);
        assert.equal(occ.inComment, commented && !span, `comment? ${JSON.stringify(line)} @${col}`);
      }
    }
  }
  assert.ok(checked > 1000, `only ${checked} cursor positions on a word`);
});

test('occurrence: a hover deep in a minified line reads the same words as one at the start of a short line', () => {
  const { syntax } = documentContext('javascript', 'const pc = new RTCPeerConnection(c);\n');
  const minified = 'x.push(y);'.repeat(300) + 'var q=new RTCPeerConnection(c);' + 'a.index=b.value;'.repeat(300);
  const col = minified.indexOf('RTCPeerConnection') + 3;
  const occ = occurrenceAt(minified, col, syntax, false)!;
  assert.equal(occ.word.text, 'RTCPeerConnection');
  assert.equal(occ.form, 'call');
  assert.deepEqual(
    occ.words.map((w) => w.text),
    ['q', 'new', 'RTCPeerConnection', 'c', 'a'],
  );
});
