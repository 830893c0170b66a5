import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseGlossary } from '../../src/core/index/glossary';
import { parseNote } from '../../src/core/notes/parseNote';
import { readFixture } from './helpers';

function buildIndex(): NoteIndex {
  const index = new NoteIndex();
  index.upsert(parseNote('/n/days.md', readFixture('notes/days-and-questions.md')));
  index.upsert(parseNote('/n/terms.md', readFixture('notes/terms-and-diagrams.md')));
  index.upsert(parseNote('/m/same.md', readFixture('more/same-question.md')));
  index.setGlossary([parseGlossary('/n/glossary.yaml', readFixture('notes/glossary.yaml'))]);
  return index;
}

/** Hover at the first occurrence of `word` in `line`. */
function hover(index: NoteIndex, line: string, word: string, offset = 0) {
  const col = line.indexOf(word);
  assert.ok(col >= 0, `${word} not in ${line}`);
  return index.matchAt(line, col + offset);
}

test('the same question on two days or in two notes is one card with every place', () => {
  const index = buildIndex();
  const ctx = index.cardGroups().find((c) => c.question.startsWith('문맥 교환'))!;
  assert.deepEqual(
    ctx.places.map((p) => p.line),
    [5, 81],
  );
  const sem = index.cardGroups().find((c) => c.question.startsWith('세마포어는'))!;
  assert.deepEqual(sem.places.map((p) => p.file).sort(), ['/m/same.md', '/n/days.md']);
});

test('code identifiers find the explanation through the glossary', () => {
  const index = buildIndex();
  assert.equal(hover(index, '  pid_t pid = fork();', 'fork')?.term, 'fork');
  assert.equal(hover(index, '  pthread_mutex_lock(&lock);', 'pthread_mutex_lock', 3)?.term, '뮤텍스');
  assert.equal(hover(index, '  sem_wait(&slots);', 'sem_wait')?.term, '세마포어');
  assert.equal(hover(index, 'kind: Deployment', 'Deployment')?.term, 'Deployment');
  assert.equal(hover(index, 'kind: Deployment', 'kind')?.matched, 'kind: Deployment');
  assert.equal(hover(index, '      nodePort: 30080', 'nodePort')?.term, 'NodePort');
  assert.equal(hover(index, '  type: NodePort', 'NodePort')?.term, 'NodePort');
  assert.equal(hover(index, 'const pc = new RTCPeerConnection(config);', 'RTCPeerConnection')?.term, 'RTCPeerConnection');
  assert.equal(hover(index, 'const offer = await pc.createOffer();', 'createOffer')?.term, 'SDP Offer');
});

test('words, identifier parts, multi-word and Korean terms', () => {
  const index = buildIndex();
  assert.equal(hover(index, 'static pthread_mutex_t my_mutex;', 'my_mutex')?.term, '뮤텍스');
  assert.equal(hover(index, '// use Round Robin here', 'Robin')?.term, 'Round Robin');
  assert.equal(hover(index, '교착 상태는 피해야 한다', '상태')?.term, '교착 상태');
  assert.equal(hover(index, '// 데드락을 조심', '데드락')?.term, '교착 상태');
  assert.equal(hover(index, 'Deadlock happens', 'Deadlock')?.term, '교착 상태');
});

test('ordinary words and empty space have nothing to say', () => {
  const index = buildIndex();
  for (const [line, word] of [
    ['for (int index = 0; index < n; index++)', 'index'],
    ['return value;', 'value'],
    ['x = 1', 'x'],
  ] as const) {
    assert.equal(hover(index, line, word), undefined, word);
  }
  assert.equal(index.matchAt('   ', 1), undefined);
  assert.equal(index.matchAt('', 0), undefined);
});

test('re-indexing a file replaces its contribution; removing it drops it', () => {
  const index = buildIndex();
  let changes = 0;
  const subscription = index.onDidChange(() => changes++);
  index.upsert(parseNote('/m/same.md', '# 1월 9일 TIL\n\n> 새 질문인가요?\n\n새 답.\n'));
  assert.equal(index.cardGroups().find((c) => c.question.startsWith('세마포어는'))!.places.length, 1);
  assert.ok(index.cardGroups().some((c) => c.question === '새 질문인가요?'));
  index.remove('/n/terms.md');
  assert.equal(hover(index, 'fork();', 'fork'), undefined);
  assert.equal(changes, 2);
  subscription.dispose();
  index.remove('/m/same.md');
  assert.equal(changes, 2, 'a disposed subscription hears no more changes');
});

test('days from several notes merge by date and sort oldest first', () => {
  const index = buildIndex();
  assert.deepEqual(
    index.days().map((d) => d.date),
    ['01-09', '03-02', '03-03', '2025-03-04', '2025-03-05'],
  );
});

test('glossary targets that no note explains are listed', () => {
  const index = buildIndex();
  assert.deepEqual(index.unresolvedGlossaryEntries(), []);
  index.setGlossary([parseGlossary('/g.yaml', 'os:\n  frobnicate: 없는 용어\n')]);
  assert.deepEqual(
    index.unresolvedGlossaryEntries().map((e) => e.code),
    ['frobnicate'],
  );
});

test('a broken glossary is a problem, not a crash', () => {
  assert.equal(parseGlossary('/g.yaml', 'os: [unclosed').problems[0].severity, 'error');
  assert.match(parseGlossary('/g.yaml', '- a\n- b\n').problems[0].message, /map topics/);
  assert.match(parseGlossary('/g.yaml', 'os:\n  fork: 12\n').problems[0].message, /should name a term/);
});
