// The bundled notes/ must make the extension useful on first run: every topic covered, every glossary entry explained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseGlossary } from '../../src/core/index/glossary';
import { parseNote } from '../../src/core/notes/parseNote';
import { repoRoot } from './helpers';

const notesDir = path.join(repoRoot, 'notes');
const index = new NoteIndex();
const noteFiles = fs.readdirSync(notesDir).filter((f) => f.endsWith('.md'));
for (const f of noteFiles) index.upsert(parseNote(path.join(notesDir, f), fs.readFileSync(path.join(notesDir, f))));
const glossary = parseGlossary('glossary.yaml', fs.readFileSync(path.join(notesDir, 'glossary.yaml'), 'utf8'));
index.setGlossary([glossary]);

test('the starter notes parse without problems', () => {
  assert.deepEqual(
    index.problems().filter((p) => p.severity !== 'info'),
    [],
  );
  assert.ok(noteFiles.length >= 5);
});

test('the glossary has at least 120 entries and every target is a term the notes explain', () => {
  assert.deepEqual(glossary.problems, []);
  assert.ok(glossary.entries.length >= 120, `${glossary.entries.length} entries`);
  assert.deepEqual(
    index.unresolvedGlossaryEntries().map((e) => `${e.code} → ${e.term}`),
    [],
  );
});

const TOPIC_PROBES: Array<[string, RegExp]> = [
  ['system calls', /시스템 콜|system call/i],
  ['dual mode', /듀얼 모드|dual mode|커널 모드/i],
  ['interrupts', /인터럽트/],
  ['polling', /폴링|polling/i],
  ['process vs thread', /스레드/],
  ['PCB', /PCB/],
  ['fork/exec', /fork/],
  ['zombie/orphan', /좀비|고아/],
  ['daemon', /데몬/],
  ['address space', /주소 공간|주소공간/],
  ['stack vs heap', /힙/],
  ['shared memory', /공유 메모리/],
  ['schedulers', /스케줄러|스케쥴러/],
  ['process states', /상태/],
  ['context switching', /컨텍스트 스위칭|문맥 교환/],
  ['scheduling algorithms', /Round Robin|RR|라운드 로빈/],
  ['MLFQ', /MLFQ|다단계 피드백/],
  ['concurrency vs parallelism', /동시성/],
  ['mutex vs semaphore', /세마포어/],
  ['spinlock', /스핀락|스핀 락|spin ?lock/i],
  ['futex', /futex/i],
  ['deadlock', /교착|데드락|deadlock/i],
  ['lock-free', /lock.free|락 프리/i],
  ['pods', /pod|파드/i],
  ['dry-run', /dry-run/],
  ['ReplicaSet', /ReplicaSet|레플리카셋/],
  ['Deployment', /Deployment|디플로이먼트/],
  ['Service NodePort', /NodePort/],
  ['ClusterIP', /ClusterIP/],
  ['LoadBalancer', /LoadBalancer/],
  ['WebRTC signaling', /시그널링|signaling/i],
  ['ICE', /ICE/],
  ['STUN/TURN', /TURN/],
  ['SDP', /SDP/],
  ['SFU/MCU', /SFU/],
  ['Kurento', /Kurento/],
  ['OpenVidu', /OpenVidu/],
  ['web server vs WAS', /WAS/],
  ['CGI', /CGI/],
  ['records vs DTO vs VO', /Record|레코드/],
];

test("every topic of the user's notes has a question with an answer in the starter notes", () => {
  const cards = index.cardGroups();
  const missing = TOPIC_PROBES.filter(([, re]) => !cards.some((c) => c.answer && (re.test(c.question) || re.test(c.answer.slice(0, 300)))));
  assert.deepEqual(
    missing.map(([name]) => name),
    [],
  );
  for (const topic of ['os', 'kubernetes', 'webrtc', 'web', 'java'] as const) {
    assert.ok(
      cards.some((c) => c.topic === topic && c.answer),
      `a ${topic} question with an answer`,
    );
    assert.ok(
      index.sections().some((s) => s.topic === topic),
      `a ${topic} section`,
    );
  }
});

test('the starter notes carry diagrams for the built-in pictures', () => {
  const sources = index
    .diagrams()
    .map((d) => d.source)
    .join('\n');
  for (const needle of [/Running/, /offer/i, /SFU|MCU/, /ReplicaSet/]) assert.match(sources, needle);
});
