import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import { ParsePool, type ParseTiming } from '../../src/node/parsePool';
import { BACKGROUND_NICE } from '../../src/node/threadPriority';
import { workerFile } from './helpers';

/** Each thread of this process with its nice value (Linux: /proc/self/task/<tid>/stat, field 19). */
function threadNices(): Map<number, number> {
  const nices = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    nices.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return nices;
}

const skip =
  process.platform !== 'linux'
    ? 'a thread has a priority of its own only on Linux; elsewhere the workers keep the host process priority'
    : os.getPriority() >= BACKGROUND_NICE
      ? 'this test process already runs at background priority'
      : false;

test(
  "a lone note is parsed at the host's priority; notes queued behind it at background priority; the host's thread keeps its own",
  { skip },
  async () => {
    const hostBefore = os.getPriority();
    const before = threadNices();
    const pool = new ParsePool({ workerFile, size: 1 });
    const note = (n: number) => new TextEncoder().encode(`# 1월 ${n}일 TIL\n\n> 질문인가요?\n\n답.\n`);
    const newThreads = () => [...threadNices()].filter(([tid]) => !before.has(tid));
    try {
      // Someone waits for this one (the user's first note, a note just saved): nothing lowers the worker's priority.
      const first = await pool.parse('/notes/a.md', note(2), 'hash-a');
      assert.equal(first.cards.length, 1, 'the worker parses as before');
      assert.ok(newThreads().length > 0, 'a worker thread started');
      assert.equal(newThreads().filter(([, nice]) => nice === BACKGROUND_NICE).length, 0, 'no thread at background priority yet');

      // A folder's bulk: the requests wait behind each other, and the worker gives way to the host from the first queued one.
      const bulk = await Promise.all([3, 4, 5].map((n) => pool.parse(`/notes/${n}.md`, note(n), `hash-${n}`)));
      assert.deepEqual(
        bulk.map((n) => n.cards.length),
        [1, 1, 1],
      );
      const lowered = newThreads().filter(([, nice]) => nice === BACKGROUND_NICE);
      assert.equal(lowered.length, 1, 'the one worker thread is now at background priority');
      assert.equal(threadNices().get(process.pid), hostBefore, "the host's (main) thread is unchanged");
      assert.equal(os.getPriority(), hostBefore);
      const after = threadNices();
      for (const [tid, nice] of before) if (after.has(tid)) assert.equal(after.get(tid), nice, `thread ${tid} unchanged`);
    } finally {
      await pool.dispose();
    }
  },
);

test('warm() starts one worker ahead of the first parse, at the host’s priority; the parse is answered by it', { skip }, async () => {
  const before = threadNices();
  const timings: ParseTiming[] = [];
  const pool = new ParsePool({ workerFile, size: 2, onTiming: (t) => timings.push(t) });
  const newThreads = () => [...threadNices()].filter(([tid]) => !before.has(tid));
  try {
    pool.warm();
    const started = newThreads().length;
    assert.ok(started > 0, 'a worker thread started before any parse was asked for');
    pool.warm();
    assert.equal(newThreads().length, started, 'a second warm() starts no other worker');
    const note = await pool.parse('/notes/a.md', new TextEncoder().encode('# 1월 2일 TIL\n\n> 질문인가요?\n\n답.\n'), 'hash-a');
    assert.equal(note.cards.length, 1);
    assert.equal(newThreads().length, started, 'the parse went to the worker started ahead');
    assert.ok(timings[0].startMs !== undefined, 'its first answer says how long it took to start');
    assert.ok(
      newThreads().every(([, nice]) => nice !== BACKGROUND_NICE),
      'a lone parse leaves it at the host’s priority',
    );
  } finally {
    await pool.dispose();
  }
});
