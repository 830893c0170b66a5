// Daily limits, per-card actions (skip, suspend, not a question, bury siblings), practice mode,
// fuzz and desired retention, and the review log: each checked against the FSRS state (ts-fsrs)
// the progress book holds. Clock injected; no timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { nextStudyDayStart, studyDayStart } from '../../src/core/quiz/days';
import { ProgressBook, validateProgress } from '../../src/core/quiz/progress';
import { Scheduler } from '../../src/core/quiz/scheduler';
import { countDue, createSession, dueGroups } from '../../src/core/quiz/session';
import { normaliseLimits } from '../../src/core/quiz/limits';
import { seededRng } from '../../src/core/random';

const MIN = 60_000;
const DAY = 86_400_000;
/** Midday local time, far from the 4 a.m. day boundary in every time zone's own clock. */
const T0 = (() => {
  const d = new Date(2025, 2, 10, 12, 0, 0, 0);
  return d;
})();

function clock(start = T0) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms), set: (d: Date) => (t = d.getTime()) };
}

const NOTE = `# 2025-03-10 TIL

## 프로세스

> 프로세스와 스레드는 무엇이 다른가요?

스레드는 주소 공간을 나눠 쓴다.

> 문맥 교환은 언제 일어나나요?

타이머 인터럽트나 입출력 대기 때.

> PCB에는 무엇이 들어 있나요?

레지스터, 상태, 열린 파일 목록.

## 네트워크

> What does a TURN server do?

It relays media when no direct path works.

> Who sends the SDP answer?

The callee, after it sets the remote offer.
`;

function indexOf(text = NOTE, file = '/n/til.md'): NoteIndex {
  const index = new NoteIndex();
  index.upsert(parseNote(file, text));
  return index;
}

function setup(c = clock(), scheduler = new Scheduler()) {
  const book = new ProgressBook();
  return { c, book, deps: { book, scheduler, now: c.now, rng: seededRng(7) } };
}

const keyOf = (index: NoteIndex, start: string) => {
  const g = index.cardGroups().find((x) => x.question.startsWith(start));
  assert.ok(g, `no card ${start}`);
  return g.key;
};

// ---- daily limits ----

test('new cards per day: a session brings at most the limit, counted from the log across sessions, and again the next day', () => {
  const index = indexOf();
  const { c, book, deps } = setup();
  const daily = { newPerDay: 2, reviewsPerDay: 100 };
  let s = createSession(index, { scope: 'due' }, deps, { daily });
  assert.equal(s.items.length, 2, 'two of five new cards');
  assert.deepEqual(s.limits(), { newPerDay: 2, reviewsPerDay: 100, newToday: 0, reviewsToday: 0, newLeft: 2, reviewsLeft: 100 });
  s.grade(1); // Again: requeued, still one new card
  s.grade(3);
  s.grade(3);
  assert.equal(s.limits()!.newToday, 2, 'a card failed and asked again counts once');
  assert.equal(s.limits()!.newLeft, 0);
  // Reopening today: only learning cards that are due come back, no new ones.
  c.advance(30 * MIN);
  s = createSession(index, { scope: 'due' }, deps, { daily });
  assert.ok(
    s.items.every((i) => book.card(i.key)),
    'no new card after the limit',
  );
  assert.equal(countDue(index.cardGroups(), book, c.now()), 3 + s.items.length, 'the due count itself is not capped');
  // Tomorrow: two more new cards.
  c.set(new Date(nextStudyDayStart(c.now()).getTime() + MIN));
  s = createSession(index, { scope: 'due' }, deps, { daily });
  assert.equal(s.items.filter((i) => !book.card(i.key)).length, 2);
});

test('only the cards the limits count use up the day: grades of other cards (the starter notes) leave the allowance whole', () => {
  const index = indexOf();
  const { book, deps } = setup();
  // Grade one new card, as a look at the starter notes would; the user's own cards are all the others.
  const s = createSession(index, { scope: 'due' }, deps, { daily: { newPerDay: 5, reviewsPerDay: 100 } });
  const other = s.current()!.key;
  s.grade(3);
  assert.ok(book.card(other));
  const ownKeys = new Set(
    index
      .cardGroups()
      .map((g) => g.key)
      .filter((k) => k !== other),
  );
  const counted = createSession(index, { scope: 'due' }, deps, {
    daily: { newPerDay: 2, reviewsPerDay: 100, counts: (k) => ownKeys.has(k) },
  });
  assert.equal(counted.limits()!.newToday, 0, 'the starter card does not count');
  assert.equal(counted.items.filter((i) => !book.card(i.key)).length, 2, "two new cards of the user's own still come today");
  const all = createSession(index, { scope: 'due' }, deps, { daily: { newPerDay: 2, reviewsPerDay: 100 } });
  assert.equal(all.limits()!.newToday, 1, 'without `counts` every grade counts');
});

test('reviews per day cap cards in the Review state; learning steps always come', () => {
  const index = indexOf();
  const { c, book, deps } = setup();
  const sch = deps.scheduler;
  const keys = index.cardGroups().map((g) => g.key);
  // Three cards in Review (graduated long ago, now due), one in Learning (due now).
  for (const k of keys.slice(0, 3)) {
    const st = sch.review(sch.review(undefined, 4, new Date(T0.getTime() - 40 * DAY), k), 3, new Date(T0.getTime() - 30 * DAY), k);
    assert.equal(st.state, 2, 'in review');
    book.setCard(k, { ...st, due: new Date(T0.getTime() - DAY).toISOString(), question: k });
  }
  const learning = sch.review(undefined, 1, new Date(T0.getTime() - 10 * MIN), keys[3]);
  assert.equal(learning.state, 1);
  book.setCard(keys[3], { ...learning, question: keys[3] });
  const daily = { newPerDay: 0, reviewsPerDay: 1 };
  const s = createSession(index, { scope: 'due' }, deps, { daily });
  const states = s.items.map((i) => book.card(i.key)?.state);
  assert.deepEqual(states.sort(), [1, 2], 'one review and the learning card; no new card (limit 0)');
  const reviewItem = s.items.find((i) => book.card(i.key)?.state === 2)!;
  while (s.current()?.key !== reviewItem.key) s.skip();
  s.grade(3);
  assert.equal(s.limits()!.reviewsToday, 1);
  assert.equal(s.limits()!.reviewsLeft, 0);
  c.advance(MIN);
  const again = createSession(index, { scope: 'due' }, deps, { daily });
  assert.ok(
    again.items.every((i) => book.card(i.key)?.state !== 2),
    'no review left today',
  );
  assert.equal(dueGroups(index.cardGroups(), book, c.now(), again.limits()).filter((g) => book.card(g.key)?.state === 2).length, 0);
});

test('limit settings are clamped whole numbers; nonsense falls back to the defaults', () => {
  assert.deepEqual(normaliseLimits({ newPerDay: 5.7, reviewsPerDay: -3 }), { newPerDay: 5, reviewsPerDay: 0 });
  assert.deepEqual(normaliseLimits({ newPerDay: 'many' as unknown as number, reviewsPerDay: Infinity }), {
    newPerDay: 20,
    reviewsPerDay: 200,
  });
  assert.deepEqual(normaliseLimits({ newPerDay: 1e9 }), { newPerDay: 9999, reviewsPerDay: 200 });
  assert.deepEqual(normaliseLimits(undefined), { newPerDay: 20, reviewsPerDay: 200 });
});

// ---- per-card actions ----

test('skip moves the card to the end of this session and records nothing', () => {
  const index = indexOf();
  const { book, deps } = setup();
  const s = createSession(index, { scope: 'due' }, deps);
  const first = s.current()!.key;
  const total = s.items.length;
  s.skip();
  assert.notEqual(s.current()!.key, first);
  assert.equal(s.items[s.items.length - 1].key, first);
  assert.equal(s.items.length, total);
  assert.equal(book.card(first), undefined, 'no FSRS state written');
  assert.equal(book.log.size, 0);
  assert.equal(s.progress().reviewed, 0);
});

test('suspend hides the card from every quiz and the due count, keeps its FSRS state, survives a re-index, and undo brings it back', () => {
  let index = indexOf();
  const { c, book, deps } = setup();
  const s = createSession(index, { scope: 'due' }, deps);
  s.grade(3);
  const key = s.items[0].key;
  const state = book.card(key)!;
  c.advance(20 * MIN); // due again (learning step)
  const due = countDue(index.cardGroups(), book, c.now());
  const s2 = createSession(index, { scope: 'due' }, deps);
  assert.equal(s2.current()!.key, key);
  const r = s2.hideCurrent('suspended');
  assert.deepEqual(r, { action: 'suspended', key, removed: 1 });
  assert.notEqual(s2.current()?.key, key);
  assert.deepEqual(book.card(key), state, 'the FSRS state is untouched');
  assert.equal(countDue(index.cardGroups(), book, c.now()), due - 1);
  // A re-index (a new index from the same note) keeps the card hidden: identity is the question.
  index = indexOf();
  for (const scope of [{ scope: 'due' as const }, { scope: 'topic' as const, value: 'os' }, { scope: 'due' as const, practice: true }]) {
    assert.ok(!createSession(index, scope, deps).items.some((i) => i.key === key), `hidden from ${JSON.stringify(scope)}`);
  }
  // Months later it is still suspended.
  c.advance(200 * DAY);
  assert.ok(!createSession(index, { scope: 'due' }, deps).items.some((i) => i.key === key));
  assert.deepEqual(
    book.flags.hidden(c.now()).map((h) => [h.key, h.kind]),
    [[key, 'suspended']],
  );
  assert.equal(book.unhide(key, c.now()), true);
  assert.equal(book.unhide(key, c.now()), false, 'undo twice: nothing more to undo');
  assert.equal(createSession(index, { scope: 'due' }, deps).items[0].key, key, 'overdue: first again');
  assert.deepEqual(book.card(key), state);
});

test('"not a question" hides the card, follows an edit of its question, and an undo is not revived by merging an older copy', () => {
  const index = indexOf();
  const { c, book, deps } = setup();
  const s = createSession(index, { scope: 'due' }, deps);
  while (!s.current()!.key.includes('pcb')) s.skip();
  const key = s.current()!.key;
  s.hideCurrent('notQuestion');
  assert.equal(book.card(key), undefined, 'a new card stays without FSRS state');
  const older = book.toData();
  // The note is edited: the question gets a word more. The flag moves with it.
  const edited = NOTE.replace('PCB에는 무엇이 들어 있나요?', 'PCB에는 보통 무엇이 들어 있나요?');
  const index2 = indexOf(edited);
  const newKey = keyOf(index2, 'PCB에는 보통');
  assert.notEqual(newKey, key);
  const { migrated } = book.reconcile(index2.cardGroups());
  assert.deepEqual(
    migrated.map((m) => [m.from, m.to]),
    [[key, newKey]],
  );
  assert.ok(!createSession(index2, { scope: 'due' }, deps).items.some((i) => i.key === newKey));
  // Undo, then merge the copy saved before the undo: the later undo wins.
  c.advance(MIN);
  book.unhide(newKey, c.now());
  book.merge({ ...older, flags: { [newKey]: { ...older.flags![key], question: 'PCB에는 보통 무엇이 들어 있나요?' } } });
  assert.equal(book.flags.isHidden(newKey, c.now()), false);
  // And it round-trips through the file format.
  const again = new ProgressBook(validateProgress(JSON.parse(JSON.stringify(book.toData()))).data);
  assert.equal(again.flags.get(newKey)?.kind, 'cleared');
});

test('bury siblings: the other cards of the section wait until the next study day; other sections and FSRS states are untouched', () => {
  const index = indexOf();
  const { c, book, deps } = setup();
  const sch = deps.scheduler;
  const thread = keyOf(index, '프로세스와 스레드');
  const ctx = keyOf(index, '문맥 교환');
  const pcb = keyOf(index, 'PCB');
  const turn = keyOf(index, 'What does a TURN');
  book.setCard(ctx, { ...sch.review(undefined, 3, new Date(T0.getTime() - DAY), ctx), question: 'q' });
  const ctxState = book.card(ctx)!;
  book.hide(pcb, 'suspended', 'PCB', c.now());
  const s = createSession(index, { scope: 'due' }, deps);
  while (s.current()!.key !== thread) s.skip();
  const r = s.burySiblings();
  assert.equal(r.removed, 1, 'the one sibling still queued (the context switch card)');
  assert.equal(book.flags.get(pcb)?.kind, 'suspended', 'a suspended sibling stays suspended');
  assert.equal(book.flags.get(ctx)?.kind, 'buried');
  assert.deepEqual(book.card(ctx), ctxState);
  assert.ok(
    s.items.some((i) => i.key === turn),
    'another section is not buried',
  );
  assert.equal(s.current()!.key, thread, 'the card itself stays');
  // Later today: still buried. Practice asks buried cards anyway.
  c.advance(3 * 60 * MIN);
  assert.ok(!createSession(index, { scope: 'due' }, deps).items.some((i) => i.key === ctx));
  assert.ok(createSession(index, { scope: 'due', practice: true }, deps).items.some((i) => i.key === ctx));
  // The next study day: back.
  c.set(nextStudyDayStart(c.now()));
  assert.ok(createSession(index, { scope: 'due' }, deps).items.some((i) => i.key === ctx));
  assert.equal(book.flags.prune(c.now()), true, 'an ended burial is dropped');
  assert.equal(book.flags.get(ctx), undefined);
});

// ---- practice ----

test('practice asks every card of the scope and never changes the schedule or the log', () => {
  const index = indexOf();
  const { c, book, deps } = setup();
  const first = createSession(index, { scope: 'due' }, deps);
  while (!first.done) first.grade(4);
  const before = JSON.stringify(book.toData());
  c.advance(MIN);
  assert.equal(createSession(index, { scope: 'due' }, deps).items.length, 0, 'nothing due');
  const p = createSession(index, { scope: 'due', practice: true }, deps, { daily: { newPerDay: 0, reviewsPerDay: 0 } });
  assert.equal(p.items.length, 5, 'every card, limits do not apply');
  assert.equal(p.preview(), undefined, 'no intervals to show');
  assert.equal(p.limits(), undefined);
  p.grade(1);
  while (!p.done) p.grade(3);
  assert.equal(p.progress().reviewed, 6, 'the failed card came back once');
  assert.equal(JSON.stringify(book.toData()), before, 'progress and log unchanged');
  assert.equal(p.summary().nextDue, undefined);
});

// ---- scheduling options ----

test('fuzz spreads cards learned together; the same card at the same time always gets the same interval', () => {
  const index = indexOf();
  const groups = index.cardGroups();
  const sch = new Scheduler();
  const plain = new Scheduler({ fuzz: false });
  const at = (d: number) => new Date(T0.getTime() + d * DAY);
  const dues = new Set<string>();
  const plainDues = new Set<string>();
  for (const g of groups) {
    // Learned and reviewed together: Easy, then Good twice on the day each falls due.
    let s = sch.review(undefined, 4, at(0), g.key);
    let p = plain.review(undefined, 4, at(0), g.key);
    for (let i = 0; i < 2; i++) {
      s = sch.review(s, 3, at(30 * (i + 1)), g.key);
      p = plain.review(p, 3, at(30 * (i + 1)), g.key);
    }
    dues.add(s.due);
    plainDues.add(p.due);
    assert.equal(sch.review(undefined, 4, at(0), g.key).due, sch.review(undefined, 4, at(0), g.key).due);
  }
  assert.equal(plainDues.size, 1, 'without fuzz they all come due together');
  assert.ok(dues.size >= 3, `with fuzz they spread: ${[...dues].join(', ')}`);
});

test('a higher desired retention gives shorter intervals; out-of-range settings are clamped', () => {
  const interval = (r: number) => {
    const s = new Scheduler({ desiredRetention: r, fuzz: false });
    const st = s.review(s.review(undefined, 3, T0), 3, new Date(T0.getTime() + 3 * DAY));
    return Date.parse(st.due) - T0.getTime();
  };
  assert.ok(interval(0.95) < interval(0.9) && interval(0.9) < interval(0.8), 'more retention, shorter intervals');
  assert.equal(new Scheduler({ desiredRetention: 2 }).desiredRetention, 0.99);
  assert.equal(new Scheduler({ desiredRetention: 0.1 }).desiredRetention, 0.7);
  assert.equal(new Scheduler({ desiredRetention: NaN }).desiredRetention, 0.9);
});

// ---- the review log ----

test('each grade is logged with card, time, rating, interval and prior state; it saves, validates and merges without duplicates', () => {
  const index = indexOf();
  const { c, book, deps } = setup();
  const s = createSession(index, { scope: 'due' }, deps);
  const key = s.current()!.key;
  s.grade(3);
  c.advance(MIN);
  s.grade(1);
  const [e1, e2] = book.log.entries;
  assert.equal(e1.key, key);
  assert.equal(e1.kind, 'card');
  assert.equal(e1.at, T0.toISOString());
  assert.equal(e1.rating, 3);
  assert.equal(e1.state, 0);
  assert.ok(Math.abs(e1.interval - (Date.parse(book.card(key)!.due) - T0.getTime()) / DAY) < 0.001);
  assert.equal(e2.rating, 1);
  const data = JSON.parse(JSON.stringify(book.toData()));
  assert.equal(data.version, 2);
  const copy = new ProgressBook(validateProgress(data).data);
  assert.deepEqual(copy.log.entries, book.log.entries);
  assert.equal(copy.merge(book.toData()), 0, 'merging the same log adds nothing');
  // Bad log entries are reported and left out one by one (the cards stay); nothing half-valid is used.
  const bad = validateProgress({ ...data, log: [{ ...e1, rating: 7 }, { ...e1, at: 'yesterday' }, 'x'] });
  assert.equal(bad.data?.log, undefined);
  assert.deepEqual(bad.data?.cards, data.cards);
  assert.equal(bad.dropped, 3);
  assert.deepEqual(bad.errors, ['log[0].rating is not 1, 2, 3 or 4', 'log[1].at is not a date', 'log[2] is not an object']);
  const badFlag = validateProgress({
    ...data,
    flags: { k: { kind: 'frozen', at: T0.toISOString(), question: 'q' }, j: { kind: 'buried', at: T0.toISOString(), question: 'q' } },
  });
  assert.deepEqual(badFlag.errors, [
    'flags["k"].kind is not one of suspended, notQuestion, buried, cleared',
    'flags["j"].until is missing (a buried card needs an end)',
  ]);
  // A version 1 file (before flags and the log) still reads.
  assert.ok(validateProgress({ version: 1, cards: {} }).data);
});

test('study days start at 4 a.m. local time', () => {
  const late = new Date(2025, 2, 11, 2, 30);
  assert.equal(studyDayStart(late).getTime(), new Date(2025, 2, 10, 4, 0).getTime(), '2:30 a.m. belongs to the evening before');
  assert.equal(nextStudyDayStart(new Date(2025, 2, 10, 23, 0)).getTime(), new Date(2025, 2, 11, 4, 0).getTime());
});

test('undo in the session puts a suspended card back as the current card, with its state', () => {
  const index = indexOf();
  const { c, deps, book } = setup();
  const s = createSession(index, { scope: 'due' }, deps);
  const key = s.current()!.key;
  s.hideCurrent('suspended');
  const next = s.current()!.key;
  assert.equal(s.unhide(key), true);
  assert.equal(s.current()!.key, key);
  assert.equal(book.flags.isHidden(key, c.now()), false);
  s.grade(3);
  assert.equal(s.current()!.key, next);
  assert.equal(s.unhide(key), false, 'nothing to undo');
});
