import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import { ParsePool } from '../../src/node/parsePool';
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

test("a parse worker's thread runs at background priority; the host's thread keeps its own", { skip }, async () => {
  const hostBefore = os.getPriority();
  const before = threadNices();
  const pool = new ParsePool({ workerFile, size: 1 });
  try {
    const note = await pool.parse('/notes/a.md', new TextEncoder().encode('# 1월 2일 TIL\n\n> 질문인가요?\n\n답.\n'), 'hash-a');
    assert.equal(note.cards.length, 1, 'the worker parses as before');
    const after = threadNices();
    const lowered = [...after].filter(([tid, nice]) => !before.has(tid) && nice === BACKGROUND_NICE);
    assert.equal(lowered.length, 1, 'the one new thread at background priority is the worker');
    assert.equal(after.get(process.pid), hostBefore, "the host's (main) thread is unchanged");
    assert.equal(os.getPriority(), hostBefore);
    for (const [tid, nice] of before) if (after.has(tid)) assert.equal(after.get(tid), nice, `thread ${tid} unchanged`);
  } finally {
    await pool.dispose();
  }
});
