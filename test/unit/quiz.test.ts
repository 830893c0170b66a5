// Quiz core: FSRS scheduling, card identity across edits and renames, sessions and scopes (the term mode, the
// sanitiser and a 10,000-card session are in quizCards.test.ts). Clock and randomness are injected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEmptyCard, fsrs, generatorParameters } from 'ts-fsrs';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { ProgressBook, emptyProgress } from '../../src/core/quiz/progress';
import { Scheduler, isDue, type QuizGrade } from '../../src/core/quiz/scheduler';
import { countDue, createSession, dueGroups } from '../../src/core/quiz/session';
import { matchOrphans, questionSimilarity } from '../../src/core/quiz/similarity';
import { seededRng } from '../../src/core/random';
import { isQuizScope } from '../../src/core/quiz/scope';
import { readFixture } from './helpers';
import { clock, DAY, deps, MIN, T0 } from './quizClock';

const NOTE_A = `# 2025-03-10 TIL

## 운영 체제

> 문맥 교환이 무엇인지 설명해 주세요.

CPU가 실행 중인 작업을 바꿀 때 레지스터를 저장하고 불러오는 일이다.

> 세마포어는 뮤텍스와 무엇이 다른가요?

세마포어는 카운터로 여러 스레드의 진입을 허용한다.

## 웹 서버

> What does a CDN do?

It caches content close to users.
`;

const NOTE_B = `# 2025-03-11 TIL

## 운영 체제

> 세마포어는 뮤텍스와 무엇이 다른가요?

다른 날 다시 적은 같은 질문.

> 교착 상태를 막는 방법은?

네 가지 조건 중 하나를 깨면 된다.
`;

function indexOf(...notes: Array<[string, string]>): NoteIndex {
  const index = new NoteIndex();
  for (const [file, text] of notes) index.upsert(parseNote(file, text));
  return index;
}

const keyOf = (index: NoteIndex, start: string) => {
  const g = index.cardGroups().find((c) => c.question.startsWith(start));
  assert.ok(
    g,
    `no card starting with ${start}: ${index
      .cardGroups()
      .map((c) => c.question)
      .join(' | ')}`,
  );
  return g.key;
};

// ---- scheduling ----

test('each grade schedules as ts-fsrs says, and Again < Hard < Good < Easy', () => {
  const s = new Scheduler({ fuzz: false });
  const f = fsrs(generatorParameters({ enable_fuzz: false }));
  const dues: number[] = [];
  for (const g of [1, 2, 3, 4] as QuizGrade[]) {
    const state = s.review(undefined, g, T0);
    const expected = f.next(createEmptyCard(T0), T0, g).card;
    assert.equal(state.due, expected.due.toISOString(), `grade ${g}`);
    assert.equal(state.reps, 1);
    assert.equal(state.last_review, T0.toISOString());
    assert.ok(Date.parse(state.due) > T0.getTime(), `grade ${g} moves the due date forward`);
    dues.push(Date.parse(state.due));
  }
  assert.ok(dues[0] < dues[1] && dues[1] < dues[2] && dues[2] < dues[3], `intervals ordered: ${dues.map((d) => (d - T0.getTime()) / MIN)}`);

  // A card in review: the next intervals keep the order and grow with Good.
  let state = s.review(undefined, 4, T0);
  const reviewAt = new Date(Date.parse(state.due));
  const next = ([1, 2, 3, 4] as QuizGrade[]).map((g) => Date.parse(s.review(state, g, reviewAt).due) - reviewAt.getTime());
  assert.ok(next[0] < next[1] && next[1] < next[2] && next[2] < next[3], `review intervals ordered: ${next.map((d) => d / DAY)}`);
  const firstInterval = Date.parse(state.due) - T0.getTime();
  state = s.review(state, 3, reviewAt);
  assert.ok(Date.parse(state.due) - reviewAt.getTime() > firstInterval, 'Good on a review card lengthens the interval');
  // The same inputs give the same result (no fuzz).
  assert.deepEqual(s.review(undefined, 3, T0), s.review(undefined, 3, T0));
  // preview agrees with review
  const p = s.preview(undefined, T0);
  assert.equal(p[3].toISOString(), s.review(undefined, 3, T0).due);
});

test('new cards are due; graded cards are due again when the clock reaches their due date', () => {
  const c = clock();
  const index = indexOf(['/n/a.md', NOTE_A]);
  const d = deps(c.now);
  assert.equal(countDue(index.cardGroups(), d.book, c.now()), 3, 'three new cards are due');
  const session = createSession(index, { scope: 'due' }, d);
  assert.equal(session.items.length, 3);
  session.grade(3); // Good on a new card: a short learning step
  assert.equal(countDue(index.cardGroups(), d.book, c.now()), 2);
  const key = session.items[0].key;
  const due = Date.parse(d.book.card(key)!.due);
  c.set(new Date(due - 1));
  assert.equal(isDue(d.book.card(key), c.now()), false);
  c.set(new Date(due));
  assert.equal(isDue(d.book.card(key), c.now()), true);
  assert.equal(countDue(index.cardGroups(), d.book, c.now()), 3);
});

test('session order: overdue first (most overdue first), then new in note order; progress counts and summary', () => {
  const c = clock();
  const index = indexOf(['/n/a.md', NOTE_A], ['/n/b.md', NOTE_B]);
  const d = deps(c.now);
  const sem = keyOf(index, '세마포어');
  const cdn = keyOf(index, 'What does a CDN');
  const s = new Scheduler();
  d.book.setCard(cdn, { ...s.review(undefined, 1, new Date(T0.getTime() - 3 * DAY)), question: 'What does a CDN do?' });
  d.book.setCard(sem, { ...s.review(undefined, 1, new Date(T0.getTime() - 1 * DAY)), question: '세마포어는 뮤텍스와 무엇이 다른가요?' });
  const session = createSession(index, { scope: 'due' }, d);
  const order = session.items.map((i) => (i.kind === 'card' ? i.question : i.term));
  assert.deepEqual(order, [
    'What does a CDN do?',
    '세마포어는 뮤텍스와 무엇이 다른가요?',
    '문맥 교환이 무엇인지 설명해 주세요.',
    '교착 상태를 막는 방법은?',
  ]);
  assert.deepEqual(session.progress(), { position: 1, total: 4, remaining: 4, reviewed: 0, counts: { 1: 0, 2: 0, 3: 0, 4: 0 } });

  c.advance(MIN);
  session.grade(4);
  session.grade(3);
  session.grade(2);
  session.grade(1); // Again: comes back at the end of the session
  assert.equal(session.progress().total, 5);
  assert.equal(session.current()?.key, keyOf(index, '교착'));
  session.grade(3);
  assert.equal(session.done, true);
  const summary = session.summary();
  assert.equal(summary.reviewed, 5);
  assert.deepEqual(summary.counts, { 1: 1, 2: 1, 3: 2, 4: 1 });
  assert.equal(summary.correct, 4);
  assert.deepEqual(
    summary.missed.map((m) => m.text),
    ['교착 상태를 막는 방법은?'],
  );
  assert.ok(summary.nextDue && Date.parse(summary.nextDue) > c.now().getTime());
  assert.equal(countDue(index.cardGroups(), d.book, c.now()), 0);
  // Not-due cards stay out of the due scope, but a topic quiz can review them early.
  assert.equal(createSession(index, { scope: 'due' }, d).isEmpty, true);
  assert.equal(createSession(index, { scope: 'topic', value: 'os' }, d).items.length, 3);
});

test('a short quiz: a scope with a size asks at most that many, most due first; a size out of range is not a scope', () => {
  const index = indexOf(['/n/a.md', NOTE_A], ['/n/b.md', NOTE_B]);
  const d = deps(clock().now);
  const all = createSession(index, { scope: 'due' }, d).items.map((i) => i.key);
  const short = createSession(index, { scope: 'due', size: 2 }, d, { limit: 2 }).items.map((i) => i.key);
  assert.deepEqual(short, all.slice(0, 2));
  assert.equal(isQuizScope({ scope: 'due', size: 5 }), true);
  for (const size of [0, -1, 2.5, 101, '5', Number.NaN]) assert.equal(isQuizScope({ scope: 'due', size }), false, String(size));
});

// ---- identity ----

test('a card keeps its progress when the answer is edited and when the note is renamed or moved', () => {
  const c = clock();
  const index = indexOf(['/n/a.md', NOTE_A]);
  const d = deps(c.now);
  const key = keyOf(index, '문맥 교환');
  createSession(index, { scope: 'note', value: '/n/a.md' }, d).grade(4);
  const before = d.book.card(key);
  assert.ok(before);

  index.upsert(parseNote('/n/a.md', NOTE_A.replace('레지스터를 저장하고', '레지스터와 PC를 저장하고')));
  assert.equal(keyOf(index, '문맥 교환'), key);
  assert.equal(index.cardGroup(key)!.answer.includes('PC'), true);
  assert.equal(d.book.reconcile(index.cardGroups()).migrated.length, 0);
  assert.deepEqual(d.book.card(key), before);

  index.remove('/n/a.md');
  index.upsert(parseNote('/n/archive/2025-03-10.md', NOTE_A));
  assert.equal(keyOf(index, '문맥 교환'), key);
  assert.deepEqual(d.book.card(key), before);
  assert.equal(
    dueGroups(index.cardGroups(), d.book, c.now()).some((g) => g.key === key),
    false,
    'still not due after the rename',
  );
  assert.deepEqual(
    createSession(index, { scope: 'note', value: '/n/archive/2025-03-10.md' }, d, { onlyDue: false })
      .items.map((i) => i.key)
      .includes(key),
    true,
  );
});

test('a slightly edited question keeps its progress; a different one does not take it', () => {
  const c = clock();
  const index = indexOf(['/n/a.md', NOTE_A]);
  const d = deps(c.now);
  const session = createSession(index, { scope: 'due' }, d);
  while (!session.done) session.grade(3);
  const oldCtx = keyOf(index, '문맥 교환');
  const oldCdn = keyOf(index, 'What does a CDN');
  const ctxProgress = d.book.card(oldCtx)!;

  const edited = NOTE_A.replace('문맥 교환이 무엇인지 설명해 주세요.', '문맥 교환이란 무엇인지 설명해 주세요.').replace(
    'What does a CDN do?',
    'What is a load balancer for?',
  );
  index.upsert(parseNote('/n/a.md', edited));
  const newCtx = keyOf(index, '문맥 교환이란');
  assert.notEqual(newCtx, oldCtx);
  assert.ok(questionSimilarity('문맥 교환이 무엇인지 설명해 주세요.', '문맥 교환이란 무엇인지 설명해 주세요.') >= 0.8);

  const { migrated } = d.book.reconcile(index.cardGroups());
  assert.deepEqual(
    migrated.map((m) => [m.from, m.to]),
    [[oldCtx, newCtx]],
  );
  assert.equal(d.book.card(oldCtx), undefined);
  assert.equal(d.book.card(newCtx)!.due, ctxProgress.due);
  assert.equal(d.book.card(newCtx)!.question, '문맥 교환이란 무엇인지 설명해 주세요.');
  // The unrelated question is new; the old progress stays (its note may come back).
  assert.equal(d.book.card(keyOf(index, 'What is a load balancer')), undefined);
  assert.ok(d.book.card(oldCdn));
  // Reconciling again changes nothing.
  assert.equal(d.book.reconcile(index.cardGroups()).migrated.length, 0);
});

test('orphan matching pairs best first, one each, and is fast on large inputs', () => {
  const m = matchOrphans(
    [
      { key: 'a', question: 'What is a context switch?' },
      { key: 'b', question: 'What is a context switch exactly?' },
    ],
    [{ key: 'x', question: 'What is a context switch, exactly?' }],
  );
  assert.deepEqual(
    m.map((x) => [x.from, x.to]),
    [['b', 'x']],
  );

  const rng = seededRng(7);
  const word = () => Array.from({ length: 4 + Math.floor(rng() * 5) }, () => String.fromCharCode(97 + Math.floor(rng() * 26))).join('');
  const sentence = () => `What is the ${word()} ${word()} ${word()} in ${word()}?`;
  // Random letters are a worst case for bigram filtering (few distinct bigrams); real orphans are
  // few (only questions that left a note still indexed), this bounds the bad case.
  const orphans = Array.from({ length: 2_000 }, (_, i) => ({ key: `o${i}`, question: sentence() }));
  const fresh = Array.from({ length: 2_000 }, (_, i) => ({
    key: `f${i}`,
    question: i % 100 === 0 ? orphans[i].question.replace('?', ' now?') : sentence(),
  }));
  const pairs = matchOrphans(orphans, fresh);
  assert.ok(pairs.length >= 20, `found ${pairs.length}`);
});

test('the same question written on two days is one card; grading it once covers both places', () => {
  const c = clock();
  const index = indexOf(['/n/a.md', NOTE_A], ['/n/b.md', NOTE_B]);
  const d = deps(c.now);
  const session = createSession(index, { scope: 'due' }, d);
  const sem = session.items.filter((i) => i.kind === 'card' && i.question.startsWith('세마포어'));
  assert.equal(sem.length, 1);
  assert.equal(sem[0].kind === 'card' && sem[0].places.length, 2);
  assert.equal(new Set(session.items.map((i) => i.key)).size, session.items.length, 'no duplicate cards');
  // Both days' scopes find the same card; grading it in one clears it from both.
  const day10 = createSession(index, { scope: 'day', value: '2025-03-10' }, d);
  const day11 = createSession(index, { scope: 'day', value: '2025-03-11' }, d);
  assert.ok(day10.items.some((i) => i.key === sem[0].key) && day11.items.some((i) => i.key === sem[0].key));
  while (day11.current() && day11.current()!.key !== sem[0].key) day11.grade(3);
  day11.grade(4);
  assert.equal(
    createSession(index, { scope: 'due' }, d).items.some((i) => i.key === sem[0].key),
    false,
  );

  // Two records of one card (e.g. an import) merge: the later review wins.
  const s = new Scheduler();
  const older = { ...s.review(undefined, 1, new Date(T0.getTime() - DAY)), question: 'q' };
  const newer = { ...s.review(undefined, 4, T0), question: 'q' };
  const book = new ProgressBook();
  book.setCard('k', older);
  const incoming = emptyProgress();
  incoming.cards.k = newer;
  assert.equal(book.merge(incoming), 1);
  assert.deepEqual(book.card('k'), newer);
  incoming.cards.k = older;
  assert.equal(book.merge(incoming), 0);
  assert.deepEqual(book.card('k'), newer);
});

// ---- scopes ----

test('scopes: topic, day, section, note, and the term under the cursor (with aliases)', () => {
  const c = clock();
  const index = indexOf(['/n/a.md', NOTE_A], ['/n/b.md', NOTE_B], ['/n/terms.md', readFixture('notes/terms-and-diagrams.md')]);
  const d = deps(c.now);
  const questions = (scope: Parameters<typeof createSession>[1]) =>
    createSession(index, scope, d)
      .items.map((i) => (i.kind === 'card' ? i.question : i.term))
      .sort();
  assert.deepEqual(questions({ scope: 'topic', value: 'web' }), ['What does a CDN do?']);
  assert.deepEqual(questions({ scope: 'day', value: '2025-03-11' }), ['교착 상태를 막는 방법은?', '세마포어는 뮤텍스와 무엇이 다른가요?']);
  assert.deepEqual(questions({ scope: 'note', value: '/n/b.md' }), ['교착 상태를 막는 방법은?', '세마포어는 뮤텍스와 무엇이 다른가요?']);
  const webSection = index.sections().find((s) => s.file === '/n/a.md' && s.title === '웹 서버')!;
  assert.deepEqual(questions({ scope: 'section', value: webSection.id }), ['What does a CDN do?']);
  // 교착 상태 is also called 데드락 / Deadlock: the alias finds the term, its questions follow.
  assert.deepEqual(questions({ scope: 'term', value: '데드락' }), ['교착 상태를 막는 방법은?']);
  assert.deepEqual(questions({ scope: 'term', value: 'Mutex' }), ['세마포어는 뮤텍스와 무엇이 다른가요?']);
  const match = index.matchAt('// 데드락을 조심', 4);
  assert.equal(match?.term, '교착 상태');
  assert.deepEqual(questions({ scope: 'term', value: match!.term }), ['교착 상태를 막는 방법은?']);
  assert.deepEqual(questions({ scope: 'topic', value: 'java' }), []);
  assert.deepEqual(questions({ scope: 'day', value: '1999-01-01' }), []);
});
