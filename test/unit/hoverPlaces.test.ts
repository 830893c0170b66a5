// The hover when several notes explain a term: the user's explanation first, "also in N notes" with links that open
// each other passage by a look-up we made, "mentioned in your notes" when nothing defines it, the starter note only
// when the user has nothing on the term.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex, type TermMatch } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { parseGlossary } from '../../src/core/index/glossary';
import { buildHoverMarkdown, translator } from '../../src/core/hover/buildHover';
import { isTermLinkArgs, type TermLinkArgs } from '../../src/core/hover/links';
import type { NoteSource } from '../../src/core/model';
import { distinctSpellings } from '../../src/core/text';

const note = (file: string, markdown: string, source: NoteSource) => ({ ...parseNote(file, markdown), source });

const STARTER = note(
  '/ext/notes/os.md',
  '**뮤텍스(Mutex)**는 한 번에 한 스레드만 들어가게 하는 잠금이다.\n\n**좀비 프로세스**는 수거되지 않은 자식이다.\n',
  'starter',
);
const MINE = note(
  '/ws/til.md',
  '# 0301 TIL\n\n**Mutex**\n\n잠근 사람만 푸는 열쇠 하나짜리 잠금.\n\n오늘은 pthread_join()으로 스레드를 기다렸다.\n',
  'workspace',
);
const MORE = note('/extra/sync.md', '## Mutex\n\n락을 못 얻으면 잠든다.\n', 'extra');
const AGAIN = note('/ws/locks.md', '# 0302 TIL\n\n## Mutex\n\n스핀락과 달리 기다리는 동안 CPU를 쓰지 않는다.\n', 'workspace');

function indexOf(...notes: ReturnType<typeof note>[]): NoteIndex {
  const index = new NoteIndex();
  index.upsertMany(notes);
  index.setGlossary([
    parseGlossary(
      '/ext/notes/glossary.yaml',
      'os:\n  pthread_mutex_lock: 뮤텍스\n  pthread_join: pthread_join\nconcepts:\n  뮤텍스: [Mutex]\n',
      'bundled',
    ),
  ]);
  return index;
}

function hover(index: NoteIndex, code: string, at: string, languageId = 'c', head = ''): { match: TermMatch; markdown: string } {
  const match = index.matchAt(code, code.indexOf(at) + 1, index.documentContext(languageId, head + code))!;
  assert.ok(match, `${at} matched`);
  return { match, markdown: buildHoverMarkdown({ match, index, excerptLength: 400, diagrams: [], t: translator() }) };
}

/** The command links of a hover: command id and its decoded arguments. */
function links(markdown: string): Array<{ command: string; args: unknown[] }> {
  return [...markdown.matchAll(/\]\(command:([\w.]+)\?([^ )]+)/g)].map((m) => ({
    command: m[1],
    args: JSON.parse(decodeURIComponent(m[2])) as unknown[],
  }));
}

/** What til.openLocation opens for a hover link's arguments (the extension's handler does the same look-up). */
function opened(index: NoteIndex, args: unknown): string | undefined {
  assert.ok(isTermLinkArgs(args), JSON.stringify(args));
  const term = index.termWithin(args.term, args.topics);
  const place = args.place === undefined ? term : term?.others[args.place];
  return place && `${place.file}:${place.line}`;
}

test('the hover shows the user\'s explanation, then "also in N notes" with a link to each other passage', () => {
  const index = indexOf(STARTER, MINE, MORE, AGAIN);
  const { match, markdown } = hover(index, 'pthread_mutex_lock(&m);', 'pthread_mutex_lock');
  assert.equal(match.noteSource, 'workspace');
  assert.match(markdown, /잠근 사람만 푸는/);
  assert.doesNotMatch(markdown, /한 번에 한 스레드만|os\\\.md|starter/, 'the starter note neither speaks nor is listed');
  assert.match(markdown, /_Also in 2 other notes\\:_ \[(locks|sync)\\\.md\\:\d+\]\(command:til\.openLocation\?/);
  const places = links(markdown).filter((l) => l.command === 'til.openLocation');
  const targets = places.map((l) => opened(index, l.args[0]));
  assert.deepEqual(targets.slice(0, -1).sort(), [`/extra/sync.md:${MORE.terms[0].line}`, `/ws/locks.md:${AGAIN.terms[0].line}`].sort());
  assert.equal(targets.at(-1), `/ws/til.md:${match.line}`, '"Open note" in the actions row opens the passage shown');
  for (const l of places) assert.doesNotMatch(JSON.stringify(l.args), /[/\\]/, 'a link carries look-up keys, never a path');
});

test('more places than the hover lists: the rest are behind "N more", which opens Explain', () => {
  const many = Array.from({ length: 7 }, (_, i) => note(`/ws/day${i}.md`, `## Mutex\n\n${i}번째 설명: 잠금.\n`, 'workspace'));
  const { markdown } = hover(indexOf(...many), 'pthread_mutex_lock(&m);', 'pthread_mutex_lock');
  assert.match(markdown, /Also in 6 other notes/);
  assert.equal((markdown.match(/til\.openLocation/g) ?? []).length, 5, 'four others and the passage shown');
  assert.match(markdown, /\[2 more\]\(command:til\.explainTerm\?/);
});

test('a note that explains the term again further on: the label counts this note too, so it matches the links', () => {
  const twice = note('/ws/big.md', '## Mutex\n\n잠금 하나.\n\n## 다시 Mutex\n\n**Mutex**\n\n주인이 있는 잠금.\n', 'workspace');
  const both = indexOf(twice, MORE);
  const { match, markdown } = hover(both, 'pthread_mutex_lock(&m);', 'pthread_mutex_lock');
  assert.equal(match.file, '/ws/big.md');
  assert.match(markdown, /_Also in this note and 1 other note\\:_ /);
  const files = links(markdown)
    .filter((l) => l.command === 'til.openLocation')
    .slice(0, -1)
    .map((l) => opened(both, l.args[0])!.split(':')[0]);
  assert.deepEqual(files.sort(), ['/extra/sync.md', '/ws/big.md']);
});

test('the starter note answers only when the user has nothing on the term, and says where it is from', () => {
  const index = indexOf(STARTER, MINE);
  const zombie = index.term('좀비 프로세스')!;
  const markdown = buildHoverMarkdown({
    match: { ...zombie, matched: '좀비 프로세스', start: 0, end: 6, viaGlossary: false },
    index,
    excerptLength: 400,
    diagrams: [],
    t: translator(),
  });
  assert.match(markdown, /from the starter notes/);
  assert.doesNotMatch(hover(index, 'pthread_mutex_lock(&m);', 'pthread_mutex_lock').markdown, /from the starter notes/);
});

test("while the user's notes are still being read, a starter answer says it is for the meantime", () => {
  const index = indexOf(STARTER, MINE);
  const zombie = index.term('좀비 프로세스')!;
  const context = {
    match: { ...zombie, matched: '좀비 프로세스', start: 0, end: 6, viaGlossary: false },
    index,
    excerptLength: 400,
    diagrams: [],
    t: translator(),
  };
  assert.match(buildHoverMarkdown({ ...context, readingNotes: true }), /from the starter notes while yours are read/);
  assert.doesNotMatch(buildHoverMarkdown({ ...context, readingNotes: false }), /while yours are read/);
  // An answer from the user's own notes has nothing to say about it.
  assert.doesNotMatch(hover(index, 'pthread_mutex_lock(&m);', 'pthread_mutex_lock').markdown, /starter/);
});

test('a term the user\'s notes only mention is shown as "mentioned in your notes", with the sentence', () => {
  const { match, markdown } = hover(indexOf(STARTER, MINE), 'pthread_join(t, NULL);', 'pthread_join');
  assert.equal(match.mentionOnly, true);
  assert.match(markdown, /_Mentioned in your notes\\:_\n\n오늘은 pthread_join\(\)으로/);
});

test("a hover chosen by the document's field opens that field's note, and its links say so", () => {
  // Overall the Java note ranks first (same weight, file name first); in C code the OS note answers.
  const java = note('/ws/a-java.md', '# Java\n\n## Latch\n\n다른 스레드들이 끝날 때까지 세는 클래스.\n', 'workspace');
  const os = note('/ws/os.md', '# 커널\n\n## Latch\n\n신호가 한 번 오면 열린 채로 있는 동기화 장치.\n', 'workspace');
  const index = indexOf(java, os);
  assert.equal(index.term('latch')!.file, '/ws/a-java.md');
  const { match, markdown } = hover(index, 'int main(void) { Latch s; }', 'Latch', 'c', '#include <pthread.h>\n#include <semaphore.h>\n');
  assert.equal(match.file, '/ws/os.md');
  assert.deepEqual(match.topics?.includes('os'), true);
  const open = links(markdown).filter((l) => l.command === 'til.openLocation');
  const explain = links(markdown).find((l) => l.command === 'til.explainTerm')!;
  assert.deepEqual((open.at(-1)!.args[0] as TermLinkArgs).topics, match.topics);
  assert.equal(opened(index, open.at(-1)!.args[0]), `/ws/os.md:${match.line}`, 'Open note opens what the hover showed');
  assert.equal(open.length, 1, 'the Java sense is another field: not listed under "also in"');
  assert.equal(opened(index, explain.args[0]), `/ws/os.md:${match.line}`, 'Explain opens the same explanation');
});

test('hover link arguments are checked: fields from our list only, small whole positions', () => {
  assert.ok(isTermLinkArgs({ term: 'mutex', place: 3, topics: ['os', 'kubernetes'] }));
  for (const bad of [
    { term: 'm', place: -1 },
    { term: 'm', place: 1.5 },
    { term: 'm', place: 100 },
    { term: 'm', topics: ['/etc'] },
    { term: 'm', topics: 'os' },
    { term: 'm', topics: Array(7).fill('os') },
  ]) {
    assert.equal(isTermLinkArgs(bad), false, JSON.stringify(bad));
  }
});

/** The hover of a term looked up by name (no code around it). */
function hoverOfTerm(index: NoteIndex, name: string): string {
  const info = index.term(name)!;
  const match = { ...info, matched: name, start: 0, end: name.length, viaGlossary: false };
  return buildHoverMarkdown({ match, index, excerptLength: 400, diagrams: [], t: translator() });
}

test('the header names a term once however the notes spell it (case, spaces, hyphens), the first spelling as written', () => {
  const rtc = note(
    '/ws/rtc.md',
    '# 0501 TIL\n\n## WebRTC\n\nWebRTC는 브라우저끼리 서버 없이 영상과 소리를 주고받게 하는 기술이다.\n',
    'workspace',
  );
  const call = note(
    '/ws/call.md',
    '# 0502 TIL\n\n## Web RTC\n\n플러그인 없이 브라우저에서 바로 쓰는 실시간 통신.\n\n## web-rtc (P2P 통화, p2p-통화)\n\n먼저 시그널링으로 서로의 주소를 알린다.\n',
    'workspace',
  );
  const index = indexOf(rtc, call);
  assert.deepEqual(index.term('webrtc')!.allAliases, ['Web RTC', 'web-rtc', 'P2P 통화', 'p2p-통화'], 'the notes spell it several ways');
  assert.equal(hoverOfTerm(index, 'webrtc').split('\n')[0], '$(book) **WebRTC** · _P2P 통화_');
  assert.deepEqual(distinctSpellings('WebRTC', ['Web RTC', 'Peer_Connection', 'web_rtc', 'peer connection', 'SFU']), [
    'Peer_Connection',
    'SFU',
  ]);
});

test('"also in" lists the places of one note by line (the ranking still picks them), each link opening the place it names', () => {
  // Ranked: the other note's heading, this note's heading (line 7), then its sentence (line 5).
  const big = note(
    '/ws/big.md',
    '# 0601 TIL\n\n## 스레드 기다리기\n\nLatch는 여러 스레드가 모두 도착할 때까지 세어 주는 동기화 도구이다.\n\n## Latch\n\n한 번 열리면 닫히지 않는 문.\n\n## 정리\n\n**Latch**: 수를 세다가 0이 되면 열리는 문\n',
    'workspace',
  );
  const other = note('/ws/other.md', '# 0602 TIL\n\n## Latch\n\n세는 문.\n', 'workspace');
  const index = indexOf(big, other);
  assert.deepEqual(
    index.term('latch')!.others.map((o) => `${o.file}:${o.line}`),
    ['/ws/other.md:3', '/ws/big.md:7', '/ws/big.md:5'],
    'the ranking is not the line order',
  );
  const markdown = hoverOfTerm(index, 'latch');
  const shown = [...markdown.matchAll(/\[(\w+)\\\.md\\:(\d+)\]\((command:[^ )]+)/g)];
  assert.deepEqual(
    shown.map((m) => `${m[1]}.md:${m[2]}`),
    ['other.md:3', 'big.md:5', 'big.md:7'],
  );
  for (const [, file, line, target] of shown) {
    const args = JSON.parse(decodeURIComponent(target.slice(target.indexOf('?') + 1))) as unknown[];
    assert.equal(opened(index, args[0]), `/ws/${file}.md:${line}`, 'the link opens the place it names');
  }
});
