// One count of questions and terms for every surface that says them: Choose Notes Folder (noteCounts with the user's
// sources), the output channel after a load (indexSummary) and `til-companion inspect` (inspectReport). Before, Choose
// Notes added up every note's raw entries (a question written on two days twice, a term once per passage) and the
// output channel counted names (`Mutex` and `뮤텍스` twice), so the real notes read 399, 269 and 265 terms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { countTerms, noteCounts } from '../../src/core/index/noteCounts';
import { USER_SOURCES } from '../../src/core/index/sources';
import type { NoteSource, ParsedNote } from '../../src/core/model';
import { parseNote } from '../../src/core/notes/parseNote';
import { indexSummary } from '../../src/node/indexing';
import { inspectReport } from '../../src/node/report';
import { repoRoot } from './helpers';

const seed = path.join(repoRoot, '..', 'shared', 'seeds', 'til-notes.md');
const skip = fs.existsSync(seed) ? false : `${seed} is absent (a plain clone); the notes written here cover the same cases`;

// Our own words: one concept under two names, explained twice, and one question written on two days.
const LOCKS = `# 2025-05-01

## 동기화

**뮤텍스(Mutex)**

잠근 스레드만 풀 수 있는 잠금 도구로, 한 번에 하나의 스레드만 들여보낸다.

**Mutex** : 소유한 스레드만 해제할 수 있는 상호 배제 도구이다.

> 뮤텍스와 세마포어는 어떻게 다른가요?

세마포어는 여러 스레드를 함께 들일 수 있고, 뮤텍스는 하나만 들인다.

# 2025-05-02

> 뮤텍스와 세마포어는 어떻게 다른가요?

세마포어는 정해진 수만큼 들이고, 뮤텍스는 소유한 스레드 하나만 들인다.
`;

const STARTER = `# 2025-01-01

## Kubernetes

**Pod** : 컨테이너 하나 이상을 함께 띄우는 가장 작은 배포 단위이다.
`;

function note(file: string, text: string, source: NoteSource): ParsedNote {
  return { ...parseNote(file, text), source };
}

/** Every surface's numbers side by side. */
async function surfaces(index: NoteIndex) {
  const counts = noteCounts(index);
  const summary = await indexSummary(index);
  const report = inspectReport(index);
  return {
    counts: { questions: counts.questions, terms: counts.terms, days: counts.days },
    // The output channel's line says no days.
    outputChannel: { questions: summary.cards, terms: summary.terms, days: counts.days },
    inspect: { questions: report.cards.length, terms: report.terms.length, days: report.days.length },
  };
}

test('counts: a question written twice and a term under two names count once, on every surface', async () => {
  const index = new NoteIndex();
  index.upsertMany([note('/n/locks.md', LOCKS, 'workspace'), note('/starter/k8s.md', STARTER, 'starter')]);
  const counts = noteCounts(index);
  const written = index.allNotes().reduce((sum, n) => sum + n.cards.length, 0);
  assert.ok(written > counts.questions, `the question on two days is one card (${written} written, ${counts.questions} cards)`);
  assert.equal(counts.questions, index.cardGroups().length);
  assert.equal(counts.terms, index.terms().length);
  const lock = index.terms().filter((t) => ['mutex', '뮤텍스'].includes(t.key));
  assert.equal(lock.length, 1, `Mutex and 뮤텍스 are one term: ${index.terms().map((t) => t.term)}`);
  const explained = new Set(index.allNotes().flatMap((n) => n.terms.filter((t) => t.source !== 'mention').map((t) => t.term)));
  assert.ok(explained.size > counts.terms, `names written (${[...explained]}) outnumber the terms (${counts.terms})`);

  const all = await surfaces(index);
  assert.deepEqual(all.outputChannel, all.counts);
  assert.deepEqual(all.inspect, all.counts);

  // Choose Notes counts the user's own notes: the starter note's term and day are not theirs.
  const own = noteCounts(index, USER_SOURCES);
  assert.equal(own.notes, 1);
  const starterTerms = index.terms().filter((t) => t.noteSource === 'starter');
  assert.ok(
    starterTerms.some((t) => t.term === 'Pod'),
    'Pod comes from the starter note',
  );
  assert.equal(own.terms, counts.terms - starterTerms.length);
  assert.equal(own.days, 2);

  // Counted in slices (the output channel yields between them), the terms add up to the same number.
  const keys = index.termKeys();
  assert.equal(
    keys.reduce((sum, key) => sum + countTerms(index, [key]), 0),
    counts.terms,
  );
});

test('the real notes: Choose Notes, the output channel and inspect give the same questions and terms', { skip }, async () => {
  const index = new NoteIndex();
  index.upsert(note(seed, fs.readFileSync(seed, 'utf8'), 'workspace'));
  const all = await surfaces(index);
  assert.deepEqual(all.outputChannel, all.counts);
  assert.deepEqual(all.inspect, all.counts);
  assert.deepEqual(noteCounts(index, USER_SOURCES), noteCounts(index), 'all of them are the user’s own');
  assert.equal(all.counts.questions, 90, 'the questions written on two days count once');
});
