// Progress on disk: atomic writes, corrupt/truncated files reported and backed up, export/import,
// reset, validation. Each test works in its own temp folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emptyProgress, ProgressBook, validateProgress, type ProgressData } from '../../src/core/quiz/progress';
import { Scheduler } from '../../src/core/quiz/scheduler';
import { ImportError, nodeIO, ProgressStore } from '../../src/node/progressStore';

const T0 = new Date('2025-03-10T09:00:00.000Z');
const now = () => T0;

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'til-progress-'));
}

function sample(n = 3): ProgressData {
  const s = new Scheduler();
  const data = emptyProgress();
  for (let i = 0; i < n; i++)
    data.cards[`question${i}`] = {
      ...s.review(undefined, ((i % 4) + 1) as 1 | 2 | 3 | 4, T0),
      question: `Question ${i}?`,
      files: ['/n/a.md'],
    };
  data.terms.fork = { ...s.review(undefined, 3, T0), term: 'fork' };
  return data;
}

const listing = (dir: string) => fs.readdirSync(dir).sort();

test('a missing file is empty progress; save then load round-trips', async () => {
  const dir = tempDir();
  const store = new ProgressStore({ dir: path.join(dir, 'nested'), now });
  const first = await store.load();
  assert.equal(first.problem, undefined);
  assert.deepEqual(first.data, emptyProgress());
  const data = sample();
  await store.save(data);
  const again = await new ProgressStore({ dir: path.join(dir, 'nested'), now }).load();
  assert.equal(again.problem, undefined);
  assert.deepEqual(again.data.cards, data.cards);
  assert.deepEqual(again.data.terms, data.terms);
  assert.equal(again.data.updated, T0.toISOString());
  assert.deepEqual(listing(path.join(dir, 'nested')), ['progress.json'], 'no temp files left');
});

for (const [kind, damage] of [
  ['corrupt', (text: string) => text.replace('"cards"', '"cards" oops')],
  ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
  ['truncated', () => ''],
  ['invalid', () => JSON.stringify({ format: 'til-companion/quiz-progress', version: 1, cards: [], terms: {} })],
] as const) {
  test(`a ${kind} progress file is reported and backed up, and not overwritten by the failed load`, async () => {
    const dir = tempDir();
    const store = new ProgressStore({ dir, now });
    await store.save(sample());
    const bad = damage(fs.readFileSync(store.file, 'utf8'));
    fs.writeFileSync(store.file, bad);

    const result = await store.load();
    assert.equal(result.problem?.kind, kind, result.problem?.message);
    assert.ok(result.problem.message.length > 0);
    assert.deepEqual(result.data, emptyProgress());
    const backup = result.problem.backup;
    assert.ok(backup, 'a backup was made');
    assert.match(path.basename(backup), /^progress\.corrupt-2025-03-10T09-00-00-000Z-[0-9a-f]{12}\.json$/);
    assert.equal(fs.readFileSync(backup, 'utf8'), bad, 'the backup holds the bad content');
    assert.equal(fs.readFileSync(store.file, 'utf8'), bad, 'the failed load did not overwrite the file');

    // A second failed load of the same content (the next activation) makes no second copy.
    const second = await store.load();
    assert.equal(second.problem?.backup, backup);
    assert.equal(fs.readFileSync(backup, 'utf8'), bad);
    assert.equal(listing(dir).filter((n) => n.startsWith('progress.corrupt-')).length, 1);

    // Saving new progress afterwards works, and the backups stay.
    await store.save(sample(1));
    assert.equal(Object.keys((await store.load()).data.cards).length, 1);
    assert.ok(fs.existsSync(backup));
  });
}

test('an atomic write that fails midway leaves the previous file intact', async () => {
  const dir = tempDir();
  const good = sample(2);
  await new ProgressStore({ dir, now }).save(good);
  const before = fs.readFileSync(path.join(dir, 'progress.json'), 'utf8');

  let temp = '';
  const failing = new ProgressStore({
    dir,
    now,
    io: {
      async writeDurable(file, data) {
        temp = file;
        fs.writeFileSync(file, data.slice(0, 20)); // half written…
        throw new Error('ENOSPC: no space left on device'); // …then the disk is full
      },
    },
  });
  await assert.rejects(failing.save(sample(5)), /ENOSPC/);
  assert.equal(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8'), before);
  assert.ok(temp && !fs.existsSync(temp), 'the temp file was removed');
  assert.deepEqual(listing(dir), ['progress.json']);
  const loaded = await new ProgressStore({ dir, now }).load();
  assert.equal(loaded.problem, undefined);
  assert.deepEqual(loaded.data.cards, good.cards);

  // A rename that fails is the same: old file intact.
  const renameFails = new ProgressStore({
    dir,
    now,
    io: {
      rename: async () => {
        throw new Error('EPERM');
      },
    },
  });
  await assert.rejects(renameFails.save(sample(7)), /EPERM/);
  assert.equal(fs.readFileSync(path.join(dir, 'progress.json'), 'utf8'), before);
  assert.deepEqual(listing(dir), ['progress.json']);
  // And the store can save again after a failure.
  await failing['io'].mkdir(dir);
  const recovered = new ProgressStore({ dir, now });
  await recovered.save(sample(4));
  assert.equal(Object.keys((await recovered.load()).data.cards).length, 4);
});

test('queued saves write the latest data, in order', async () => {
  const dir = tempDir();
  const writes: number[] = [];
  const store = new ProgressStore({
    dir,
    now,
    io: {
      async writeDurable(file, data) {
        writes.push(Object.keys(JSON.parse(data).cards).length);
        await new Promise((r) => setTimeout(r, 5));
        await nodeIO.writeDurable(file, data);
      },
    },
  });
  await Promise.all([store.save(sample(1)), store.save(sample(2)), store.save(sample(3)), store.save(sample(4))]);
  assert.equal(Object.keys((await store.load()).data.cards).length, 4);
  assert.ok(writes.length <= 2, `coalesced: ${writes}`);
  assert.equal(writes.at(-1), 4);
});

test('export and import round-trip; a bad import is refused with a reason', async () => {
  const dir = tempDir();
  const store = new ProgressStore({ dir, now });
  const data = sample(4);
  const file = path.join(dir, 'export', 'til-progress.json');
  await store.exportTo(file, data);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.format, 'til-companion/quiz-progress');
  assert.equal(exported.exportedAt, T0.toISOString());
  const { data: imported, dropped } = await store.importFrom(file);
  assert.equal(dropped, 0);
  assert.deepEqual(imported.cards, data.cards);
  assert.deepEqual(imported.terms, data.terms);

  // Merging an import into a book: the later review of each card wins.
  const book = new ProgressBook();
  const s = new Scheduler();
  book.setCard('question0', { ...s.review(undefined, 1, new Date(T0.getTime() + 60_000)), question: 'Question 0?' });
  book.merge(imported);
  assert.equal(book.card('question0')!.last_review, new Date(T0.getTime() + 60_000).toISOString());
  assert.deepEqual(book.card('question1'), data.cards.question1);
  assert.deepEqual(book.toData().cards.question3, data.cards.question3);

  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, JSON.stringify({ version: 1, cards: 'none' }));
  await assert.rejects(store.importFrom(bad), (err: Error) => err instanceof ImportError && /cards/.test(err.message));
  fs.writeFileSync(bad, '{"version": 1, "cards": ');
  await assert.rejects(store.importFrom(bad), (err: Error) => err instanceof ImportError && /ends too early/.test(err.message));
  fs.writeFileSync(bad, '[1, 2]');
  await assert.rejects(store.importFrom(bad), ImportError);
  await assert.rejects(store.importFrom(path.join(dir, 'nope.json')), ImportError);
});

test('reset empties the progress and keeps the old file', async () => {
  const dir = tempDir();
  const store = new ProgressStore({ dir, now });
  await store.save(sample(3));
  const before = fs.readFileSync(store.file, 'utf8');
  const backup = await store.reset();
  assert.ok(backup && fs.readFileSync(backup, 'utf8') === before);
  assert.match(path.basename(backup), /^progress\.reset-/);
  const after = await store.load();
  assert.equal(after.problem, undefined);
  assert.deepEqual(after.data.cards, {});
});

test('validation: each field is checked; an invalid entry is dropped, never half-used', () => {
  const data = sample(2);
  const round = JSON.parse(JSON.stringify(data));
  assert.deepEqual(validateProgress(round).data?.cards, data.cards);
  const broken = JSON.parse(JSON.stringify(data));
  broken.cards.question0.stability = -1;
  broken.cards.question1.reps = 1.5;
  broken.terms.fork.term = 3;
  const v = validateProgress(broken);
  assert.deepEqual(v.data?.cards, {});
  assert.deepEqual(v.data?.terms, {});
  assert.equal(v.dropped, 3);
  assert.equal(v.errors.length, 3, v.errors.join('\n'));
  assert.match(v.errors.join('\n'), /stability/);
  assert.equal(validateProgress({ version: 'x', cards: {} }).data, undefined);
  assert.equal(validateProgress({ version: 3, cards: {} }).newerVersion, 3, 'a newer file is read, and marked');
  assert.equal(validateProgress(null).data, undefined);
  assert.equal(validateProgress({ version: 1, cards: [] }).data, undefined);
  // Older files without "format" or "terms" are fine.
  assert.deepEqual(validateProgress({ version: 1, cards: {} }).data?.terms, {});
  // A key like "__proto__" stays a key (no prototype change).
  const proto = validateProgress(JSON.parse(`{"version":1,"cards":{"__proto__":${JSON.stringify(data.cards.question0)}}}`)).data!;
  assert.equal(Object.getPrototypeOf(proto.cards), Object.prototype);
  assert.deepEqual(Object.keys(proto.cards), ['__proto__']);
});
