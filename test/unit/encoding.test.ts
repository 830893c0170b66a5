// Notes in other encodings: UTF-16 (with or without a byte order mark) and the legacy Korean EUC-KR/CP949
// are read; what cannot be read cleanly gets a message naming the encoding, and the rest of the note is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../../src/core/notes/parseNote';
import iconv from 'iconv-lite';
import { decodeBytes as decodeWith } from '../../src/core/notes/encoding';
import { decodeCp949 } from '../../src/core/notes/cp949';

/** As the parse worker decodes: with the full CP949 decoder. */
const decodeBytes = (file: string, bytes: Uint8Array) => decodeWith(file, bytes, decodeCp949);

const NOTE =
  '# 3월 4일 TIL\n\n## 페이지 교체\n\n> 페이지 폴트가 나면 무엇을 하나요?\n\n디스크에서 페이지를 읽어 프레임에 올린다.\n\n> 똠방각하는 CP949에만 있나요?\n\n네, 확장 완성형 글자다.\n';

function utf16le(text: string, bom = true): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let i = 0;
  if (bom) {
    out[i++] = 0xff;
    out[i++] = 0xfe;
  }
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    out[i++] = c & 0xff;
    out[i++] = c >> 8;
  }
  return out;
}

function utf16be(text: string): Uint8Array {
  const le = utf16le(text, false);
  const out = new Uint8Array(2 + le.length);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < le.length; i += 2) {
    out[2 + i] = le[i + 1];
    out[3 + i] = le[i];
  }
  return out;
}

function eucKr(text: string): Uint8Array {
  return new Uint8Array(iconv.encode(text, 'cp949'));
}

function assertReadsLikeUtf8(bytes: Uint8Array) {
  const expected = parseNote('/n.md', new TextEncoder().encode(NOTE));
  const n = parseNote('/n.md', bytes);
  assert.deepEqual(
    n.cards.map((c) => [c.question, c.answer]),
    expected.cards.map((c) => [c.question, c.answer]),
  );
  assert.equal(n.days[0].date, '03-04');
  assert.ok(!n.problems.some((p) => p.severity !== 'info'), JSON.stringify(n.problems));
  return n;
}

test('a UTF-16 (little-endian) note with a byte order mark reads like its UTF-8 twin', () => {
  const n = assertReadsLikeUtf8(utf16le(NOTE.replace(/\n/g, '\r\n')));
  assert.deepEqual(n.problems, []);
});

test('a UTF-16 (big-endian) note with a byte order mark reads like its UTF-8 twin', () => {
  assertReadsLikeUtf8(utf16be(NOTE));
});

test('a UTF-16 note without a byte order mark is recognised, with a note that says so', () => {
  const n = assertReadsLikeUtf8(utf16le(NOTE, false));
  assert.match(n.problems.find((p) => p.code === 'encoding')!.message, /no byte order mark.*UTF-16 \(little-endian\)/);
});

test('an EUC-KR/CP949 note (CP949-only syllables included) is decoded, with a message naming the encoding', () => {
  const n = assertReadsLikeUtf8(eucKr(NOTE));
  const p = n.problems.find((x) => x.code === 'encoding');
  assert.equal(p?.severity, 'info');
  assert.match(p!.message, /EUC-KR \(CP949\)/);
});

test('an EUC-KR note with a broken byte: the message names EUC-KR and the line; the rest is read', () => {
  const good = eucKr(NOTE);
  const cut = good.indexOf(0x0a, good.indexOf(0x3e)) - 1; // the last byte of the first question line
  const bad = new Uint8Array([...good.slice(0, cut - 1), 0xff, ...good.slice(cut)]); // a lone lead byte
  const n = parseNote('/n.md', bad);
  const p = n.problems.find((x) => x.code === 'invalid-utf8');
  assert.match(p!.message, /EUC-KR \(CP949\)/);
  assert.equal(p!.line, 5);
  assert.equal(n.cards.length, 2);
  assert.equal(n.cards[1].question, '똠방각하는 CP949에만 있나요?');
});

test('UTF-8 Korean with one broken byte stays UTF-8 (not misread as CP949)', () => {
  const utf8 = new TextEncoder().encode(NOTE);
  const bad = new Uint8Array([...utf8.slice(0, 30), 0xff, ...utf8.slice(30)]);
  const d = decodeBytes('/n.md', bad);
  assert.equal(d.encoding, 'utf-8');
  assert.match(d.problems[0].message, /not valid UTF-8/);
  assert.ok(d.text.includes('페이지 폴트가 나면'));
});

test('Latin-1 text is not taken for Korean: the message says it is not UTF-8', () => {
  const latin1 = new Uint8Array(
    [...'# Notes\n\nCaf']
      .map((c) => c.charCodeAt(0))
      .concat(
        [0xe9],
        [...' r'].map((c) => c.charCodeAt(0)),
        [0xe9],
        [...'sum'].map((c) => c.charCodeAt(0)),
        [0xe9, 0x0a],
      ),
  );
  const d = decodeBytes('/n.md', latin1);
  assert.equal(d.encoding, 'utf-8');
  assert.match(d.problems[0].message, /not valid UTF-8/);
});

test('CP949-only syllables survive (Node’s own euc-kr decoder drops their lead byte)', () => {
  const d = decodeBytes('/n.md', eucKr('# 똠방각하와 햏자\n\n> 똠은 무엇인가요?\n\n확장 완성형 글자.\n'));
  assert.equal(d.encoding, 'euc-kr');
  assert.ok(d.text.includes('똠방각하와 햏자'), d.text);
});

test('without the full decoder (the extension host reading a glossary), EUC-KR of common syllables still reads', () => {
  const d = decodeWith('/til-glossary.yaml', eucKr('os:\n  waitpid: 좀비 프로세스\n'));
  assert.equal(d.encoding, 'euc-kr');
  assert.ok(d.text.includes('좀비 프로세스'), d.text);
});
