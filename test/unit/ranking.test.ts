// Ranking and glossaries: the user's notes first, the starter notes as a fallback, the user's glossary over ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseGlossary } from '../../src/core/index/glossary';
import { parseNote } from '../../src/core/notes/parseNote';
import type { NoteSource } from '../../src/core/model';

function note(file: string, markdown: string, source: NoteSource) {
  return { ...parseNote(file, markdown), source };
}

const STARTER = note(
  '/ext/notes/os.md',
  '**뮤텍스(Mutex)**는 한 번에 한 스레드만 들어가게 하는 잠금이다.\n\n**좀비 프로세스**는 종료 상태를 아직 수거하지 않은 자식이다.\n',
  'starter',
);
const MINE = note(
  '/ws/til.md',
  '**Mutex**\n\n잠근 사람만 푸는 열쇠 하나짜리 잠금.\n\n오늘은 pthread_join()으로 스레드를 기다렸다.\n',
  'workspace',
);
const MORE = note('/extra/sync.md', '## Mutex\n\n락을 못 얻으면 잠든다.\n', 'extra');

test("the user's explanation comes first; the starter note is listed only when the user has none", () => {
  const index = new NoteIndex();
  index.upsertMany([STARTER, MINE, MORE]);
  const mutex = index.term('뮤텍스')!;
  assert.equal(mutex.file, '/ws/til.md', 'a bold label in the user note beats a definition in the starter notes');
  assert.equal(mutex.noteSource, 'workspace');
  assert.deepEqual(
    mutex.others.map((o) => o.file),
    ['/extra/sync.md'],
    'also in the extra folder; the starter note is not offered',
  );
  const zombie = index.term('좀비 프로세스')!;
  assert.equal(zombie.noteSource, 'starter', 'nothing of the user on it: the starter note answers');
  assert.ok(index.hasUserNotes());
});

test('a term the notes only mention is marked so, and left out of the term list (quiz, search)', () => {
  const index = new NoteIndex();
  index.upsert(MINE);
  const join = index.term('pthread_join')!;
  assert.equal(join.mentionOnly, true);
  assert.equal(join.source, 'mention');
  assert.ok(!index.terms().some((t) => t.key === 'pthreadjoin'));
  assert.ok(index.terms({ mentions: true }).some((t) => t.key === 'pthreadjoin'));
});

test("the user's glossary wins over ours, and their concept names join ours", () => {
  const index = new NoteIndex();
  index.upsertMany([
    MINE,
    note('/ws/locks.md', '**상호 배제 잠금**\n\n한 명씩만 들어가는 방.\n\n**카운팅 잠금**\n\n정해진 수만큼 들어가는 방.\n', 'workspace'),
  ]);
  const ours = parseGlossary(
    '/ext/notes/glossary.yaml',
    'os:\n  pthread_mutex_lock: 뮤텍스\n  sem_wait: 세마포어\nconcepts:\n  뮤텍스: [Mutex]\n',
    'bundled',
  );
  const theirs = parseGlossary('/ws/til-glossary.yaml', 'os:\n  sem_wait: 카운팅 잠금\nconcepts:\n  Mutex: 상호 배제 잠금\n', 'user');
  assert.deepEqual([...ours.problems, ...theirs.problems], []);
  index.setGlossary([theirs, ours]); // order given does not matter: theirs is applied last
  assert.equal(index.matchAt('sem_wait(&s);', 2)?.term, '카운팅 잠금');
  assert.equal(index.glossaryEntries().find((e) => e.code === 'sem_wait')?.origin, 'user');
  // 뮤텍스 → Mutex (ours) → 상호 배제 잠금 (theirs): one concept, all three names
  const mutex = index.matchAt('pthread_mutex_lock(&m);', 3)!;
  assert.ok(mutex.file.startsWith('/ws/'));
  assert.deepEqual([mutex.term, ...mutex.allAliases].sort(), ['Mutex', '상호 배제 잠금'].sort());
  assert.equal(mutex.others.length, 1, 'the other passage on the same concept is listed');
});

test('a glossary identifier with no note on its concept falls back to a note that names the identifier itself', () => {
  const index = new NoteIndex();
  index.upsert(note('/ws/til.md', '- pipe() : 한 방향 통로를 만든다\n', 'workspace'));
  index.setGlossary([parseGlossary('/g.yaml', 'os:\n  pipe: 파이프\n')]);
  const m = index.matchAt('if (pipe(fds) < 0)', 5)!;
  assert.equal(m.term, 'pipe');
  assert.equal(m.viaGlossary, true);
});

test('bad concept sections are reported, not fatal', () => {
  const g = parseGlossary('/g.yaml', 'concepts:\n  뮤텍스: 12\n  세마포어: [Semaphore, 3]\nos:\n  fork: fork\n');
  assert.equal(g.entries.length, 1);
  assert.equal(g.problems.length, 2);
  assert.match(g.problems[0].message, /should list its other names/);
});
