import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LoadTimeline } from '../../src/node/loadTimeline';
import { ParsePool, type ParseTiming } from '../../src/node/parsePool';
import { workerFile } from './helpers';

test('the first-load account names each mark once, in ms since activation, and the workers’ own times', () => {
  let clock = 1000;
  const timeline = new LoadTimeline(() => clock);
  clock = 1040;
  timeline.mark('starter notes in the index');
  clock = 1900;
  timeline.mark('notes found');
  clock = 2500;
  timeline.mark('first of your notes in the index');
  clock = 2600;
  timeline.mark('first of your notes in the index'); // a later note: the first time stands
  timeline.parsed({ kind: 'note', file: '/n/a.md', waitMs: 1400, workMs: 900, workCpuMs: 850, startMs: 310, startCpuMs: 290 });
  timeline.parsed({ kind: 'note', file: '/n/b.md', waitMs: 100, workMs: 80 });
  const account = timeline.finish(3);
  assert.equal(
    account,
    'First load, after activation: starter notes in the index at 40 ms, notes found at 900 ms, first of your notes in the index at 1500 ms. ' +
      '2 of 3 note(s) parsed in workers, the rest taken from the parse cache or the starter pack. ' +
      'Longest wait for a worker: 1400 ms (a note: parse 900 ms, CPU 850 ms). Worker start: 310 ms, CPU 290 ms.',
  );
  assert.equal(timeline.at('first of your notes in the index'), 1500);
  clock = 9000;
  timeline.mark('glossaries read');
  assert.equal(timeline.at('glossaries read'), undefined, 'nothing is timed after the first load');
  assert.equal(timeline.finish(3), undefined, 'told once');
});

test('the parse pool tells what each answered request cost: its wait, the parse, and the worker’s start once', async () => {
  const timings: ParseTiming[] = [];
  const pool = new ParsePool({ workerFile, size: 1, onTiming: (t) => timings.push(t) });
  try {
    const bytes = new TextEncoder().encode('# 1월 2일 TIL\n\n> 질문인가요?\n\n답.\n');
    await pool.parse('/notes/a.md', bytes, 'hash-a');
    await pool.parse('/notes/b.md', bytes, 'hash-b');
    await pool.parseGlossary('/notes/glossary.yaml', 'fork: 프로세스를 복제한다\n');
    assert.deepEqual(
      timings.map((t) => [t.kind, t.file]),
      [
        ['note', '/notes/a.md'],
        ['note', '/notes/b.md'],
        ['glossary', '/notes/glossary.yaml'],
      ],
    );
    for (const t of timings) assert.ok(t.workMs >= 0 && t.waitMs >= t.workMs, `waited at least the parse: ${JSON.stringify(t)}`);
    assert.ok(timings[0].startMs! > 0, 'the first answer of a new worker says how long it took to start');
    assert.equal(timings[1].startMs, undefined, 'later answers do not repeat it');
  } finally {
    await pool.dispose();
  }
});
