// Explain shows the passage that explains a term and nothing past it: it stops where the next question, heading or
// topic starts, however the notes are written (Korean or English, blockquote, `Q:`, <details>, lists, bold labels).
// The fixtures are our own words; the last test reads the user's real notes beside the clone and skips without them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { MAX_PASSAGE_LINES, passageBounds } from '../../src/core/notes/passage';
import { repoRoot } from './helpers';

/** The passage Explain shows for a term: the same look-up and bounds as the command. */
function explained(markdown: string, name: string, file = '/ws/notes.md'): string {
  const note = parseNote(file, markdown);
  const index = new NoteIndex();
  index.upsert(note);
  const term = index.term(name);
  assert.ok(term, `${name} is explained`);
  const lines = markdown.split(/\r?\n/);
  const { line, endLine } = passageBounds(lines, index.note(file), term);
  return lines.slice(line - 1, endLine).join('\n');
}

const SYSCALLS = [
  '# Day 3',
  '',
  '> Which kinds of system calls are there?',
  '',
  '**Processes**',
  '',
  '- kinds',
  '    - spawn() : starts a brand new child process',
  '        - the child gets a copy of the parent',
  '    - quit() : ends the calling process',
  '',
  '**Files**',
  '',
  '- kinds',
  '    - openf() : opens a file by name',
  '',
  '> Why does the kernel keep two privilege levels?',
  '',
  'So that a buggy program cannot take the machine down with it.',
  '',
].join('\n');

test('a list item that defines a term: Explain shows the item with its sub-items, not its siblings or the next question', () => {
  const passage = explained(SYSCALLS, 'spawn');
  assert.equal(passage, '    - spawn() : starts a brand new child process\n        - the child gets a copy of the parent');
});

test('a bold term explained over paragraphs stops at the next Q: question', () => {
  const md = [
    '## Locks',
    '',
    '**Turnstile**는 한 번에 한 사람만 지나가게 하는 문이다.',
    '',
    '지나간 사람이 돌아오기 전에는 다음 사람이 들어오지 못한다.',
    '',
    'Q: 회전문과 차단봉의 차이는?',
    'A: 차단봉은 여러 명을 한꺼번에 막는다.',
    '',
  ].join('\n');
  const passage = explained(md, 'turnstile');
  assert.match(passage, /다음 사람이 들어오지 못한다/);
  assert.doesNotMatch(passage, /Q:|차단봉/);
});

test('an English sentence definition stops at a <details> question and at a heading', () => {
  const md = [
    '# Networking',
    '',
    'A lighthouse is a service that tells peers where to find each other.',
    'It never carries their traffic itself.',
    '',
    '<details><summary>What does a relay do?</summary>',
    '',
    'It forwards traffic when peers cannot reach each other directly.',
    '',
    '</details>',
    '',
    '## Relays',
    '',
    'Relays cost bandwidth.',
  ].join('\n');
  const passage = explained(md, 'lighthouse');
  assert.match(passage, /never carries their traffic/);
  assert.doesNotMatch(passage, /details|relay/i);
});

test('a bold term defined over two paragraphs stops where the next bold term is defined', () => {
  const md = [
    '## Memory',
    '',
    '**Page cache**는 디스크에서 읽은 내용을 메모리에 남겨 두는 곳이다.',
    '',
    '같은 파일을 다시 읽으면 디스크까지 가지 않는다.',
    '',
    '**Dirty page**는 고쳐졌지만 아직 디스크에 쓰이지 않은 페이지이다.',
    '',
    '- Readahead : 곧 읽을 것 같은 블록을 미리 읽어 두는 일',
    '',
  ].join('\n');
  const passage = explained(md, 'page cache');
  assert.match(passage, /다시 읽으면 디스크까지 가지 않는다\.$/);
  assert.match(explained(md, 'dirty page'), /^\*\*Dirty page\*\*는[^\n]*$/);
});

test('a bold label and its paragraph stop at the next bold label line and at a rule', () => {
  const md = [
    '# Scheduling',
    '',
    '**Ticket Lock**',
    '',
    'Each waiter takes a number and waits until the counter shows it.',
    '',
    '**Queue Lock**',
    '',
    'Each waiter spins on its own flag.',
    '',
    '---',
    '',
    'Unrelated closing words.',
  ].join('\n');
  assert.equal(explained(md, 'ticket lock'), '**Ticket Lock**\n\nEach waiter takes a number and waits until the counter shows it.');
  assert.equal(explained(md, 'queue lock'), '**Queue Lock**\n\nEach waiter spins on its own flag.');
});

test('a heading term keeps its sub-headings down to the next heading at its level, and a fence is read as code', () => {
  const md = [
    '## Sidecars',
    '',
    'A sidecar is a helper container that shares the pod with the main one.',
    '',
    '### Example',
    '',
    '```yaml',
    '**not a label**',
    '- not an item',
    '```',
    '',
    '## Init Containers',
    '',
    'They run to completion before the app starts.',
  ].join('\n');
  const passage = explained(md, 'sidecars');
  assert.match(passage, /### Example[\s\S]*not an item\n```$/);
  assert.doesNotMatch(passage, /Init Containers/);
});

test('a question and its answer: Explain shows that answer only', () => {
  const md = [
    '> **Ringbuffer란 무엇인가요?**',
    '',
    '끝과 처음이 이어진 고정 크기 버퍼이다.',
    '',
    '> **Watermark는 언제 쓰나요?**',
    '',
    '버퍼가 얼마나 찼는지 알릴 때 쓴다.',
  ].join('\n');
  const passage = explained(md, 'ringbuffer');
  assert.match(passage, /고정 크기 버퍼/);
  assert.doesNotMatch(passage, /Watermark/);
});

test('a note of only list items and no questions: each item is its own passage, at most MAX_PASSAGE_LINES lines', () => {
  const items = Array.from({ length: 200 }, (_, i) => `- item${i}() : does step number ${i} of the job`);
  const lines = items;
  const bounds = passageBounds(lines, { sections: [], cards: [] }, { line: 5, source: 'definition' });
  assert.deepEqual(bounds, { line: 5, endLine: 5 });
  const prose = Array.from({ length: 200 }, (_, i) => `Line ${i} of one long paragraph about nothing in particular.`);
  const long = passageBounds(prose, undefined, { line: 1, source: 'sentence' });
  assert.equal(long.endLine, MAX_PASSAGE_LINES);
});

const seed = path.join(repoRoot, '..', 'shared', 'seeds', 'til-notes.md');
const skip = fs.existsSync(seed) ? false : `${seed} is absent (a plain clone); the fixtures above cover the same shapes`;

test('the real notes: Explain on fork stops before the next question', { skip }, () => {
  const text = fs.readFileSync(seed, 'utf8');
  const note = parseNote(seed, text);
  const index = new NoteIndex();
  index.upsert(note);
  const fork = index.term('fork');
  assert.ok(fork);
  const { line, endLine } = passageBounds(text.split(/\r?\n/), note, fork);
  const nextQuestion = note.cards.find((c) => c.line > fork.line);
  assert.ok(nextQuestion);
  assert.ok(endLine < nextQuestion.line, `the passage (${line}–${endLine}) ends before the question at ${nextQuestion.line}`);
  assert.ok(endLine - line < 5, `a list item's passage is short (${line}–${endLine})`);
});
