// A hover leads with the passage that says what the term is: a heading's section that opens on a sub-topic is led by
// the sentence naming the term as its subject; a one-line definition (a list bullet) is followed by one full sentence
// from elsewhere in the user's notes. Fixtures in our own words; the last tests run the CLI over the user's real notes
// beside the clone (the two commands) and skip without them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex, type TermMatch } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { definingPassage } from '../../src/core/notes/terms/definingPassage';
import { buildHoverMarkdown, translator } from '../../src/core/hover/buildHover';
import type { TermMastery } from '../../src/core/quiz/mastery';
import { assertLinear } from './growth';
import { cliHoverOverSeed, seedSkip } from './seedHover';

function indexOf(markdown: string, file = '/ws/notes.md'): NoteIndex {
  const index = new NoteIndex();
  index.upsert(parseNote(file, markdown));
  return index;
}

const summaryOf = (markdown: string, name: string) => {
  const term = indexOf(markdown).term(name);
  assert.ok(term, `${name} is explained`);
  return term.summary;
};

test('a heading whose section opens on a sub-topic: the sentence with the term as subject leads (Korean subject particle)', () => {
  const md = [
    '# Gateways',
    '',
    '### 장애 조치',
    '',
    '하나가 멈추면 옆의 것이 일을 넘겨받는다.',
    '',
    '### 설정 파일 쓰기',
    '',
    '종류 필드만 다르고 나머지는 서비스 파일과 같다.',
    '',
    'gateway가 바깥 요청을 받아 안쪽 서비스들로 나눠 보낸다.',
    '',
  ].join('\n');
  const summary = summaryOf(md, 'gateway');
  assert.match(summary, /^gateway가 바깥 요청을 받아/);
  assert.match(summary, /장애 조치/, 'the section follows the definition');
  assert.equal(summary.split('gateway가').length, 2, 'the definition is shown once');
});

test('English: "An X is …" under a bold label leads; a conditional "when X …" or a question about X does not', () => {
  const md = [
    '## Ingress Controllers',
    '',
    '**Why bother**',
    '',
    'Without one, every app needs its own open port.',
    '',
    'When an ingress controller restarts, traffic pauses briefly.',
    '',
    'Is an ingress controller a load balancer?',
    '',
    'An ingress controller is a proxy that reads routing rules and sends traffic to services.',
    'It runs inside the cluster like any other app.',
  ].join('\n');
  const summary = summaryOf(md, 'ingress controller');
  assert.match(summary, /^An ingress controller is a proxy[^\n]*\nIt runs inside the cluster/);
});

test('a section with an opening paragraph of its own keeps it first, even when a later sentence names the term', () => {
  const md = [
    '## Sidecar',
    '',
    '같은 파드 안에서 주 컨테이너를 돕는 작은 컨테이너이다.',
    '',
    '### 만들기',
    '',
    'Sidecar는 initContainers 옆에 적어 만든다.',
  ].join('\n');
  assert.match(summaryOf(md, 'sidecar'), /^같은 파드 안에서/);
});

test('a sub-topic section with no defining sentence keeps its opening; code and conditions never define', () => {
  const md = [
    '## Probe',
    '',
    '### 예시',
    '',
    '```yaml',
    'probe는 예시일 뿐이다.',
    '```',
    '',
    'Probe가 실패하면 컨테이너를 다시 띄운다.',
  ].join('\n');
  assert.match(summaryOf(md, 'probe'), /^\*\*예시\*\*/);
  assert.equal(definingPassage(md, 0, md.length, ['Probe']), undefined);
});

test('the defining passage is found in time linear in the note, whatever the sections hold', () => {
  assertLinear(
    'many sub-topic sections naming their heading',
    (n) => '## Widget\n\n### Part\n\nwidget가 돌면 멈춘다. widget 가 x. Widget is? no.\n\n'.repeat(n),
    (text) => parseNote('/w.md', text),
    200,
  );
  assertLinear(
    'one long line of markers and short sentences',
    (n) => `## Gear\n\n### Part\n\n${'-    '.repeat(n)}x. ${'Gear 가 a. '.repeat(n)}`,
    (text) => definingPassage(text, 0, text.length, ['Gear']),
    2_000,
  );
});

// A one-line definition and a fuller sentence elsewhere in the same notes.
const SPAWN = [
  '---',
  'topic: os',
  '---',
  '# Day 5',
  '',
  '- kinds of calls',
  '    - spawn() : new child process',
  '    - reap() : collect a finished child',
  '',
  '## Workers',
  '',
  'A server calls spawn() whenever it needs one more worker beside the main loop.',
  '',
].join('\n');

function hover(index: NoteIndex, code: string, at: string, mastery?: TermMastery): { match: TermMatch; markdown: string } {
  const match = index.matchAt(code, code.indexOf(at) + 1, index.documentContext('c', code))!;
  assert.ok(match, `${at} matched`);
  return { match, markdown: buildHoverMarkdown({ match, index, excerptLength: 400, diagrams: [], t: translator(), mastery }) };
}

test('a one-line definition is followed by one full sentence from elsewhere in the notes, and only one', () => {
  const { match, markdown } = hover(indexOf(SPAWN), 'pid_t p = spawn();', 'spawn');
  assert.equal(match.line, SPAWN.split('\n').indexOf('    - spawn() : new child process') + 1, 'the bullet is the definition');
  const [definition, fuller] = markdown.split('\n\n').slice(1, 3);
  assert.match(definition, /^spawn\(\) \\: new child process$/);
  assert.match(fuller, /^_Your notes also say\\:_ A server calls spawn\(\) whenever it needs one more worker/);
  assert.equal(markdown.split('Your notes also say').length, 2);
});

test('no fuller sentence when the term is known, when the definition is already long, or when nothing else says more', () => {
  const index = indexOf(SPAWN);
  const known = hover(index, 'spawn();', 'spawn', { level: 'known' } as TermMastery).markdown;
  assert.doesNotMatch(known, /Your notes also say/);
  const long = SPAWN.replace('new child process', 'starts a new child process that runs the same program from the same point');
  assert.doesNotMatch(hover(indexOf(long), 'spawn();', 'spawn').markdown, /Your notes also say/);
  const alone = SPAWN.replace(/## Workers[\s\S]*$/, '');
  assert.doesNotMatch(hover(indexOf(alone), 'spawn();', 'spawn').markdown, /Your notes also say/);
});

test('mentions: after a fragment, the first mention in a full sentence is kept too and ranks first among mentions', () => {
  const md = ['- reap()', '', 'The parent must call reap() for each child, or the child stays a zombie.', '', 'reap() again.'].join('\n');
  const mentions = parseNote('/m.md', md).terms.filter((t) => t.source === 'mention' && t.term === 'reap');
  assert.deepEqual(
    mentions.map((t) => t.line),
    [1, 3],
  );
  const term = indexOf(md).term('reap');
  assert.ok(term?.mentionOnly);
  assert.equal(term.line, 3, 'the sentence speaks first');
});

const skip = seedSkip;
const cliHover = cliHoverOverSeed;

test('the real notes: `kind: Deployment` leads with the sentence that has Deployment as its subject', { skip }, () => {
  const markdown = cliHover('d.yaml', 'apiVersion: apps/v1\nkind: Deployment\n', 2, 8);
  const lead = markdown.split('\n\n')[1];
  assert.match(lead, /^deployments?(?:가|이|는|은)? /i, lead);
});

test('the real notes: fork shows its one-line definition, then a full sentence about it from another place', { skip }, () => {
  const markdown = cliHover('a.c', 'pid_t p = fork();\n', 1, 12);
  const [definition, fuller] = markdown.split('\n\n').slice(1, 3);
  assert.match(definition, /^fork\(\)/);
  assert.match(fuller, /^_Your notes also say\\:_ .*fork\(\).*다\.$/);
});
