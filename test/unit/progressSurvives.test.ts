// Progress survives: two windows saving at once, invalid entries, backups, newer versions, leftovers of
// a crash. Each test works in its own temp folder; two ProgressStores on one folder are two windows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emptyProgress, mergeProgress, ProgressBook, type CardProgress, type ProgressData } from '../../src/core/quiz/progress';
import { ReviewLog } from '../../src/core/quiz/reviewLog';
import { Scheduler, type QuizGrade } from '../../src/core/quiz/scheduler';
import { ProgressStore } from '../../src/node/progressStore';

const T0 = new Date('2025-03-10T09:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const scheduler = new Scheduler();

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'til-progress-'));
}

function card(question: string, grade: QuizGrade, when: Date, prev?: CardProgress): CardProgress {
  return { ...scheduler.review(prev, grade, when), question };
}

const listing = (dir: string) => fs.readdirSync(dir).sort();
const onDisk = (store: ProgressStore) => JSON.parse(fs.readFileSync(store.file, 'utf8')) as ProgressData;

/** One VS Code window: its own book and store over the shared folder, saving the way the quiz does. */
class Window {
  readonly book = new ProgressBook();
  readonly store: ProgressStore;
  constructor(dir: string) {
    this.store = new ProgressStore({ dir, now: () => T0 });
  }
  async open(): Promise<void> {
    this.book.replace((await this.store.load()).data);
  }
  async save(): Promise<void> {
    const result = await this.store.save(this.book.toData());
    if (result) this.book.absorb(result.sent, result.merged);
  }
}

test('two windows reviewing at once lose no review; for a card both reviewed, the later review wins', async () => {
  const dir = tempDir();
  const seed = new Window(dir);
  seed.book.setCard('shared', card('Shared?', 3, T0));
  await seed.save();

  const a = new Window(dir);
  const b = new Window(dir);
  await Promise.all([a.open(), b.open()]);
  const shared = a.book.card('shared')!;
  a.book.setCard('onlyA', card('Only in A?', 3, at(1)));
  b.book.setCard('onlyB', card('Only in B?', 4, at(2)));
  a.book.setCard('shared', card('Shared?', 1, at(5), shared)); // later: wins
  b.book.setCard('shared', card('Shared?', 4, at(3), shared));
  await Promise.all([a.save(), b.save()]);

  const disk = onDisk(a.store);
  assert.deepEqual(Object.keys(disk.cards).sort(), ['onlyA', 'onlyB', 'shared'], 'both windows’ reviews are on disk');
  assert.equal(disk.cards.shared.last_review, at(5).toISOString(), 'the later review of the shared card wins');
  // The window that saved first takes the other's reviews in on its next save.
  await a.save();
  await b.save();
  for (const w of [a, b]) {
    assert.equal(w.book.card('onlyA')?.last_review, at(1).toISOString());
    assert.equal(w.book.card('onlyB')?.last_review, at(2).toISOString());
    assert.equal(w.book.card('shared')?.last_review, at(5).toISOString());
  }
  assert.ok(!listing(dir).some((n) => n.endsWith('.lock') || n.endsWith('.tmp')), `no lock or temp left: ${listing(dir)}`);
});

test('many saves from two windows interleaved: every review of every card is kept', async () => {
  const dir = tempDir();
  const a = new Window(dir);
  const b = new Window(dir);
  await Promise.all([a.open(), b.open()]);
  const saves: Promise<void>[] = [];
  for (let i = 0; i < 20; i++) {
    const w = i % 2 ? b : a;
    w.book.setCard(`q${i}`, card(`Question ${i}?`, 3, at(i)));
    saves.push(w.save());
  }
  await Promise.all(saves);
  await a.save();
  assert.equal(Object.keys(onDisk(a.store).cards).length, 20);
  assert.equal(a.book.cardCount, 20);
});

test('a reset in one window is not undone by the other window’s next save; a review made after it stays', async () => {
  const dir = tempDir();
  const a = new Window(dir);
  const b = new Window(dir);
  a.book.setCard('q1', card('One?', 3, T0));
  a.book.setCard('q2', card('Two?', 3, T0));
  await a.save();
  await b.open();
  await a.store.reset();
  a.book.clear();
  b.book.setCard('q3', card('Three?', 3, at(10))); // reviewed in B after the reset
  await b.save();
  assert.deepEqual(Object.keys(onDisk(b.store).cards), ['q3']);
  assert.deepEqual([b.book.card('q1'), b.book.card('q2')], [undefined, undefined], 'B took the reset in');
});

test('flags and the review log merge across windows too; a reset clears the other window’s old log', async () => {
  const dir = tempDir();
  const a = new Window(dir);
  const b = new Window(dir);
  await Promise.all([a.open(), b.open()]);
  const q1 = card('One?', 3, at(1));
  a.book.setCard('q1', q1);
  a.book.logReview(ReviewLog.entry('q1', 'card', at(1), 3, undefined, q1));
  b.book.hide('q2', 'suspended', 'Two?', at(2));
  const q3 = card('Three?', 4, at(3));
  b.book.setCard('q3', q3);
  b.book.logReview(ReviewLog.entry('q3', 'card', at(3), 4, undefined, q3));
  await Promise.all([a.save(), b.save()]);
  await a.save();
  const disk = onDisk(a.store);
  assert.deepEqual(Object.keys(disk.flags ?? {}), ['q2']);
  assert.deepEqual(
    disk.log?.map((e) => e.key),
    ['q1', 'q3'],
  );
  assert.equal(a.book.flags.get('q2')?.kind, 'suspended', 'A took B’s flag in');
  assert.equal(a.book.log.size, 2);

  await a.store.reset();
  a.book.clear();
  const q4 = card('Four?', 3, at(10));
  b.book.setCard('q4', q4);
  b.book.logReview(ReviewLog.entry('q4', 'card', at(10), 3, undefined, q4));
  await b.save();
  const after = onDisk(b.store);
  assert.deepEqual(
    after.log?.map((e) => e.key),
    ['q4'],
    'the log entries from before the reset stay gone',
  );
  assert.deepEqual(Object.keys(after.cards), ['q4']);
  assert.equal(after.flags, undefined);
  assert.equal(b.book.log.size, 1);
});

test('absorb keeps a review made while the save was running', () => {
  const book = new ProgressBook();
  const first = card('One?', 3, T0);
  book.setCard('q1', first);
  const sent = book.toData();
  const merged = mergeProgress(sent, sent, { ...emptyProgress(), cards: { q1: card('One?', 4, at(1)), q2: card('Two?', 3, at(1)) } });
  const local = card('One?', 1, at(2), first);
  book.setCard('q1', local); // graded again before the save came back
  assert.equal(book.absorb(sent, merged), 1);
  assert.equal(book.card('q1'), local);
  assert.ok(book.card('q2'));
});

test('one invalid card is dropped with a message; the rest of the progress is kept and the original backed up', async () => {
  const dir = tempDir();
  const w = new Window(dir);
  for (let i = 0; i < 5; i++) w.book.setCard(`q${i}`, card(`Question ${i}?`, 3, at(i)));
  await w.save();
  const data = onDisk(w.store);
  (data.cards.q2 as unknown as Record<string, unknown>).due = 'someday';
  const original = JSON.stringify(data);
  fs.writeFileSync(w.store.file, original);

  const result = await new ProgressStore({ dir, now: () => T0 }).load();
  assert.deepEqual(Object.keys(result.data.cards).sort(), ['q0', 'q1', 'q3', 'q4']);
  assert.equal(result.problem?.kind, 'dropped');
  assert.equal(result.problem?.dropped, 1);
  assert.match(result.problem!.message, /1 invalid entry was left out: cards\["q2"\]\.due is not a date/);
  assert.equal(fs.readFileSync(result.problem!.backup!, 'utf8'), original, 'nothing lost: the original is kept');
});

test('a backup can be imported again: its valid cards come back', async () => {
  const dir = tempDir();
  const store = new ProgressStore({ dir, now: () => T0 });
  const data = emptyProgress();
  data.cards.good = card('Good?', 3, T0);
  data.cards.bad = { ...card('Bad?', 3, T0), reps: -1 };
  fs.writeFileSync(store.file, JSON.stringify(data));
  const loaded = await store.load();
  const backup = loaded.problem!.backup!;
  assert.ok(backup && fs.existsSync(backup));

  const imported = await store.importFrom(backup);
  assert.deepEqual(Object.keys(imported.data.cards), ['good']);
  assert.equal(imported.dropped, 1);
  assert.match(imported.reasons.join(), /reps/);
  // And a reset's backup imports in full.
  await store.save({ ...emptyProgress(), cards: { a: card('A?', 3, T0), b: card('B?', 4, T0) } });
  const resetBackup = (await store.reset())!;
  assert.deepEqual(Object.keys((await store.importFrom(resetBackup)).data.cards), ['a', 'b']);
});

test('a file of a newer version is kept read-only with a message, not reset', async () => {
  const dir = tempDir();
  const store = new ProgressStore({ dir, now: () => T0 });
  const future = {
    format: 'til-companion/quiz-progress',
    version: 7,
    cards: { q: { ...card('Q?', 3, T0), future: { x: 1 } } },
    terms: {},
    reviewLog: [1, 2],
  };
  const text = JSON.stringify(future);
  fs.writeFileSync(store.file, text);

  const result = await store.load();
  assert.equal(result.problem?.kind, 'newer');
  assert.equal(result.problem?.version, 7);
  assert.match(result.problem!.message, /newer version/);
  assert.deepEqual(Object.keys(result.data.cards), ['q'], 'what can be read is used');
  assert.equal(store.readOnly, true);
  assert.equal(await store.save(result.data), undefined);
  await assert.rejects(store.reset(), /newer version/);
  assert.equal(fs.readFileSync(store.file, 'utf8'), text, 'the file is untouched');
  assert.deepEqual(listing(dir), ['progress.json'], 'no backup, no temp file');
});

test('a window that finds a newer file while saving stops writing', async () => {
  const dir = tempDir();
  const store = new ProgressStore({ dir, now: () => T0 });
  await store.load();
  fs.writeFileSync(store.file, JSON.stringify({ version: 3, cards: {} }));
  await assert.rejects(store.save({ ...emptyProgress(), cards: { q: card('Q?', 3, T0) } }), /newer version/);
  assert.equal(store.readOnly, true);
  assert.deepEqual(JSON.parse(fs.readFileSync(store.file, 'utf8')), { version: 3, cards: {} });
});

test('fields this version does not know survive a load and a save (the format is extensible)', async () => {
  const dir = tempDir();
  const store = new ProgressStore({ dir, now: () => T0 });
  fs.writeFileSync(store.file, JSON.stringify({ version: 1, cards: { q: { ...card('Q?', 3, T0), suspended: true } } }));
  const { data } = await store.load();
  await store.save(data);
  assert.equal((onDisk(store).cards.q as unknown as Record<string, unknown>).suspended, true);
});

test('one backup per distinct content, not one per activation', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'progress.json');
  fs.writeFileSync(file, '{"version": 1, "cards": ');
  for (let i = 0; i < 3; i++) await new ProgressStore({ dir, now: () => at(i) }).load();
  assert.equal(listing(dir).filter((n) => n.startsWith('progress.corrupt-')).length, 1);
  fs.writeFileSync(file, '{"version": 1, "cards": [');
  await new ProgressStore({ dir, now: () => at(9) }).load();
  assert.equal(listing(dir).filter((n) => n.startsWith('progress.corrupt-')).length, 2, 'other content, another backup');
});

test('leftover .tmp files from a crash are cleaned up; a fresh one (another window writing) is not', async () => {
  const dir = tempDir();
  const store = new ProgressStore({ dir, now: () => T0 });
  await store.save({ ...emptyProgress(), cards: { q: card('Q?', 3, T0) } });
  const old = path.join(dir, '.progress.json.4242.1.tmp');
  const oldBackup = path.join(dir, '.progress.corrupt-x.json.4242.2.tmp');
  const fresh = path.join(dir, '.progress.json.4343.1.tmp');
  for (const f of [old, oldBackup, fresh]) fs.writeFileSync(f, '{"half');
  const hourAgo = new Date(Date.now() - 3_600_000);
  fs.utimesSync(old, hourAgo, hourAgo);
  fs.utimesSync(oldBackup, hourAgo, hourAgo);
  const result = await new ProgressStore({ dir, now: () => T0 }).load();
  assert.equal(result.problem, undefined);
  assert.deepEqual(listing(dir), ['.progress.json.4343.1.tmp', 'progress.json']);
});

test('a lock left by a crashed window does not block saving', async () => {
  const dir = tempDir();
  const store = new ProgressStore({ dir, now: () => T0 });
  const lock = path.join(dir, 'progress.json.lock');
  fs.writeFileSync(lock, '999999 crashed\n');
  const hourAgo = new Date(Date.now() - 3_600_000);
  fs.utimesSync(lock, hourAgo, hourAgo);
  await store.save({ ...emptyProgress(), cards: { q: card('Q?', 3, T0) } });
  assert.deepEqual(Object.keys(onDisk(store).cards), ['q']);
  assert.deepEqual(listing(dir), ['progress.json']);
});
