// Cards as a tab-separated file for Anki's importer: its header lines, four quoted fields per card,
// tags = topic (and the card kind), a source link; note text is escaped, so a hostile question is text in Anki.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { ankiTsv, markdownLite } from '../../src/core/quiz/ankiExport';
import { CardDeck } from '../../src/core/quiz/cardKinds';

const NOTE = `# 2025-06-01 TIL

## 프로세스

> fork()는 무엇을 돌려주나요?

부모에게는 **자식의 PID**, 자식에게는 \`0\`을 돌려준다.
실패하면 -1이다.

> <img src=x onerror=alert(1)> "따옴표"와	탭이 든 질문은?

=HYPERLINK("http://evil.example") 로 시작하는 답.

**세마포어**는 공유 자원에 들어갈 수 있는 수를 세는 동기화 도구이다.
`;

/** Anki's reader for these files: tab-separated, fields in double quotes with "" for a quote. */
function parseRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((line) => {
      const fields: string[] = [];
      const re = /"((?:[^"]|"")*)"(?:\t|$)/gy;
      for (let m = re.exec(line); m; m = re.exec(line)) {
        fields.push(m[1].replace(/""/g, '"'));
        if (re.lastIndex >= line.length) break;
      }
      return fields;
    });
}

function deck() {
  const index = new NoteIndex();
  index.upsert(parseNote('/home/me/til/2025-06.md', NOTE));
  return new CardDeck(index, () => ({ cloze: true, reverse: false, diagram: true }));
}

test("the file starts with Anki's header lines and has four quoted fields per card: front, back, tags, source", () => {
  const d = deck();
  const cards = d.cardGroups();
  const text = ankiTsv(cards, { sourceLink: (file, line) => `vscode://file${file}:${line}` });
  assert.deepEqual(text.split('\n').slice(0, 4), ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags\tSource', '#tags column:3']);
  const rows = parseRows(text);
  assert.equal(rows.length, cards.length);
  for (const row of rows) assert.equal(row.length, 4, JSON.stringify(row));
  const fork = rows.find((r) => r[0].startsWith('fork()'));
  assert.ok(fork);
  assert.equal(fork[1], '부모에게는 <b>자식의 PID</b>, 자식에게는 <code>0</code>을 돌려준다.<br>실패하면 -1이다.');
  assert.equal(fork[2], 'os');
  assert.equal(fork[3], '<a href="vscode://file/home/me/til/2025-06.md:5">2025-06.md:5</a>');
  const cloze = rows.find((r) => r[0].startsWith('세마포어는 ___'));
  assert.match(cloze?.[2] ?? '', /^\w+ til-cloze$/, 'the topic, and the kind as a tag too');
  assert.ok(rows.some((r) => r[0] === 'Who sends the SDP answer?' && r[2] === 'webrtc til-diagram' && r[3] === 'builtin:webrtc-signaling'));
  d.dispose();
});

test('note text is escaped: a tag in a question is text, quotes and tabs cannot break the row, a formula is defused', () => {
  const d = deck();
  const rows = parseRows(ankiTsv(d.cardGroups()));
  const hostile = rows.find((r) => r[0].includes('onerror'));
  assert.ok(hostile, 'the hostile question is exported');
  assert.ok(hostile[0].startsWith('&lt;img'), hostile[0]);
  assert.ok(!/<img/i.test(hostile.join('')), 'no tag from the note');
  assert.ok(hostile[0].includes('"따옴표"'), 'quotes survive');
  assert.ok(!hostile[0].includes('\t'), 'a tab becomes a space');
  assert.ok(hostile[1].startsWith(' =HYPERLINK'), 'a formula-looking answer starts with a space');
  assert.equal(markdownLite('<b>x</b> **y**'), '&lt;b&gt;x&lt;/b&gt; <b>y</b>');
  d.dispose();
});
