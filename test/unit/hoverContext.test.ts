// Context decides: a term explains an identifier only when its topic, sense and form fit the document it is in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseGlossary } from '../../src/core/index/glossary';
import { parseNote } from '../../src/core/notes/parseNote';
import { DocumentContextCache } from '../../src/core/index/context/documentContext';
import { repoRoot } from './helpers';

const notesDir = path.join(repoRoot, 'notes');
const index = new NoteIndex();
for (const f of fs.readdirSync(notesDir).filter((n) => n.endsWith('.md')))
  index.upsert(parseNote(path.join(notesDir, f), fs.readFileSync(path.join(notesDir, f))));
index.setGlossary([parseGlossary('glossary.yaml', fs.readFileSync(path.join(notesDir, 'glossary.yaml'), 'utf8'))]);

/** The term shown when hovering `word` (its `nth` occurrence, offset `offset`) on `line` of a document. */
function hoverIn(languageId: string, document: string, line: string, word: string, offset = 1): string | undefined {
  const col = line.indexOf(word);
  assert.ok(col >= 0, `${word} not in ${line}`);
  const context = index.documentContext(languageId, document);
  return index.matchAt(line, col + Math.min(offset, word.length - 1), context)?.term;
}

const XV6 = '#include "types.h"\n#include "spinlock.h"\n#include "proc.h"\n';
const MANIFEST = 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n';
const WEBRTC = 'const pc = new RTCPeerConnection(config);\n';
const SPRING = 'package org.example.owner;\nimport org.springframework.stereotype.Controller;\n';

test('context: language, YAML kind, WebRTC API and Java decide the topics', () => {
  const topics = (lang: string, text: string) => [...index.documentContext(lang, text).topics].sort();
  assert.deepEqual(topics('c', XV6), ['os']);
  assert.ok(index.documentContext('c', XV6).kinds.has('kernel'));
  assert.ok(index.documentContext('c', '#include <stdio.h>\n').kinds.has('userspace'));
  assert.deepEqual(topics('yaml', MANIFEST), ['kubernetes']);
  assert.deepEqual(topics('yaml', 'name: CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), []);
  assert.deepEqual(topics('javascript', WEBRTC), ['webrtc']);
  assert.deepEqual(topics('javascript', "const express = require('express');\n"), []);
  assert.deepEqual(topics('java', SPRING), ['java']);
  assert.deepEqual(topics('python', 'import os\n'), ['os']);
  assert.ok(index.documentContext('markdown', '').prose);
});

test("context: a document's own vocabulary (telling glossary identifiers) turns a topic on", () => {
  const ctx = index.documentContext('python', 'lock = pthread_mutex_lock\nsem_wait(x)\n');
  assert.ok(ctx.topics.has('os'), ctx.reasons.join('; '));
  assert.ok(!index.documentContext('python', 'x = sem_wait\n').topics.has('os'), 'one identifier is not enough');
});

test('Spring code: @Controller, class names and keywords are not Kubernetes or OS terms', () => {
  const doc = SPRING + '@Controller\nclass OwnerController {\n';
  assert.equal(hoverIn('java', doc, '@Controller', 'Controller'), undefined);
  assert.equal(hoverIn('java', doc, 'class OwnerController {', 'OwnerController', 6), undefined);
  assert.equal(hoverIn('java', doc, 'public class Owner {', 'public'), undefined);
  assert.equal(hoverIn('java', doc, 'public class Owner {', 'class'), undefined);
  assert.equal(hoverIn('java', doc, '    private final OwnerRepository owners;', 'final'), undefined);
  assert.equal(hoverIn('java', doc, '  public String toString() {', 'toString'), undefined, 'toString outside a record file');
  assert.equal(hoverIn('java', doc + 'public record OwnerDto(String name) {}\n', '  public String toString() {', 'toString'), 'toString');
  assert.equal(hoverIn('java', doc, 'public record OwnerDto(String name) {}', 'record'), 'Record');
});

test('wrong senses from the issue stay silent', () => {
  const kernel = XV6 + 'void\nsleep(void *chan, struct spinlock *lk)\n';
  assert.equal(hoverIn('c', kernel, '  outb(port, data);', 'port'), undefined, 'x86 I/O port');
  assert.equal(hoverIn('javascript', WEBRTC, "const el = document.querySelector('#remote');", 'querySelector', 6), undefined);
  assert.equal(hoverIn('javascript', WEBRTC, 'let init = async () => {', 'init'), undefined);
  assert.equal(hoverIn('javascript', WEBRTC, '  init();', 'init'), undefined);
  assert.equal(hoverIn('javascript', WEBRTC, '  dc.close();', 'close'), undefined);
  assert.equal(hoverIn('javascript', WEBRTC, '  const text = await file.read();', 'read'), undefined);
  assert.equal(hoverIn('c', kernel, '    sleep(&ticks, &tickslock);', 'sleep'), 'sleep과 wakeup');
  assert.equal(hoverIn('c', '#include <unistd.h>\n', '  sleep(1);', 'sleep'), '정보 유지(Information Maintenance)'.replace(/\(.*/, ''));
  assert.equal(hoverIn('yaml', 'apiVersion: apps/v1\nkind: DaemonSet\n', 'kind: DaemonSet', 'DaemonSet'), 'DaemonSet');
});

test('kernel code: wakeup, spinlock acquire/release, scheduler, swtch, traps are explained', () => {
  const kernel = XV6 + 'void\nscheduler(void)\n';
  const cases: Array<[string, string, string]> = [
    ['  wakeup(&ticks);', 'wakeup', 'sleep과 wakeup'],
    ['  acquire(&p->lock);', 'acquire', 'acquire와 release'],
    ['  release(&p->lock);', 'release', 'acquire와 release'],
    ['scheduler(void)', 'scheduler', '스케줄러 루프'],
    ['      swtch(&c->context, &p->context);', 'swtch', 'swtch'],
    ['usertrap(void)', 'usertrap', '트랩'],
    ['  if(which_dev == 2) clockintr();', 'clockintr', '타이머 인터럽트'],
    ['  int which_dev = devintr();', 'devintr', '장치 인터럽트 처리'],
    ['  push_off();', 'push_off', 'push_off와 pop_off'],
    ['  p->state = RUNNABLE;', 'RUNNABLE', '준비 상태'],
  ];
  for (const [line, word, term] of cases) assert.equal(hoverIn('c', kernel, line, word), term, line);
  assert.equal(hoverIn('c', kernel, '  acquire(&p->lock);', 'lock'), undefined, 'a member of struct proc');
});

test('Kubernetes manifests: kinds and fields, in the sense of the kind they belong to', () => {
  const cases: Array<[string, string, string, string]> = [
    [MANIFEST, 'kind: StatefulSet', 'StatefulSet', 'StatefulSet'],
    [MANIFEST, '  namespace: prod', 'namespace', '네임스페이스'],
    [MANIFEST, '      - name: data\n', 'name', ''],
    ['apiVersion: v1\nkind: PersistentVolumeClaim\n', 'kind: PersistentVolumeClaim', 'PersistentVolumeClaim', 'PersistentVolumeClaim'],
    ['apiVersion: v1\nkind: Secret\n', 'kind: Secret', 'Secret', 'Secret'],
    ['apiVersion: v1\nkind: ConfigMap\n', 'kind: ConfigMap', 'kind', 'ConfigMap'],
    ['apiVersion: networking.k8s.io/v1\nkind: Ingress\n', '  rules:', 'rules', 'Ingress'],
    ['apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\n', '  resources: ["pods"]', 'resources', 'RBAC'],
    [MANIFEST, '        resources:', 'resources', '리소스 요청과 제한'],
    [MANIFEST, '        livenessProbe:', 'livenessProbe', 'livenessProbe'],
    [MANIFEST, '      tolerations:', 'tolerations', '테인트와 톨러레이션'],
    [MANIFEST, '      affinity:', 'affinity', '노드 어피니티'],
    [MANIFEST, '        - containerPort: 5432', 'containerPort', 'containerPort'],
  ];
  for (const [doc, line, word, term] of cases) assert.equal(hoverIn('yaml', doc, line, word), term || undefined, line);
});

test('WebRTC clients: data channels, ontrack, getStats, transceivers; members of other objects stay silent', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['const dc = pc.createDataChannel("chat", { ordered: false });', 'createDataChannel', 'RTCDataChannel'],
    ['const dc = pc.createDataChannel("chat", { ordered: false });', 'ordered', '데이터 채널 옵션'],
    ['pc.ontrack = (event) => { video.srcObject = event.streams[0]; };', 'ontrack', 'ontrack'],
    ['const report = await pc.getStats();', 'getStats', 'getStats'],
    ["pc.addTransceiver('video', { direction: 'recvonly' });", 'addTransceiver', 'RTCRtpTransceiver'],
    ["pc.addTransceiver('video', { direction: 'recvonly' });", 'recvonly', 'RTCRtpTransceiver'],
    ["const config = { iceServers: [{ urls: 'stun:stun.example.org:3478' }] };", 'stun', 'STUN'],
    ['console.log("candidate gathering done");', 'candidate', undefined],
    ['socket.send(JSON.stringify({ candidate: event.candidate }));', 'send', undefined],
  ];
  for (const [line, word, term] of cases) assert.equal(hoverIn('javascript', WEBRTC, line, word), term, `${word} in ${line}`);
});

test('strings and comments: literals never match identifier senses; comments read as prose within the topic', () => {
  assert.equal(hoverIn('c', '#include <unistd.h>\n', '  printf("fork failed\\n");', 'fork'), undefined);
  assert.equal(hoverIn('c', '#include <unistd.h>\n', '  pid_t pid = fork();', 'fork'), 'fork');
  assert.equal(hoverIn('c', '#include <unistd.h>\n', '  // fork() a child, then wait for it', 'fork'), 'fork');
  assert.equal(
    hoverIn('c', '#include <unistd.h>\n', '  // fork() a child, then wait for it', 'wait'),
    undefined,
    'an everyday word in a comment is English',
  );
  assert.equal(hoverIn('c', '#include <unistd.h>\n', '  // avoid a deadlock: lock in address order', 'deadlock'), '교착 상태');
  assert.equal(hoverIn('java', SPRING, '  // the deadlock shows up under load', 'deadlock'), undefined, 'an OS term in a Java comment');
});

test('prose (Markdown) keeps matching every term as in the notes', () => {
  assert.equal(hoverIn('markdown', '# notes', 'Deadlock happens', 'Deadlock'), '교착 상태');
  assert.equal(hoverIn('markdown', '# notes', 'the Controller watches', 'Controller'), '컨트롤러');
});

test('the document context is computed once per document version and glossary', () => {
  const cache = new DocumentContextCache(2);
  let computed = 0;
  const compute = () => (computed++, index.documentContext('c', XV6));
  const a = cache.get('file:///a.c', 1, 1, compute);
  assert.equal(cache.get('file:///a.c', 1, 1, compute), a);
  assert.equal(computed, 1);
  cache.get('file:///a.c', 2, 1, compute);
  cache.get('file:///a.c', 2, 2, compute);
  assert.equal(computed, 3);
  cache.get('file:///b.c', 1, 2, compute);
  cache.get('file:///c.c', 1, 2, compute);
  cache.get('file:///a.c', 2, 2, compute);
  assert.equal(computed, 6, 'the least recently used document was dropped');
});

test('glossary scoping: scoped senses, lists of senses, fork() shorthand; unscoped entries keep working', () => {
  const g = parseGlossary(
    '/g.yaml',
    [
      'os:',
      '  fork: fork',
      '  sem_t: { term: 세마포어, form: type }',
      '  exit(): exit',
      '  sleep:',
      '    - { term: sleep과 wakeup, files: [kernel] }',
      '    - 정보 유지',
      '  bad: { term: fork, form: [sideways] }',
      '  worse: { name: fork }',
    ].join('\n'),
  );
  assert.deepEqual(
    g.entries.map((e) => [e.code, e.term, e.scope ?? null]),
    [
      ['fork', 'fork', null],
      ['sem_t', '세마포어', { forms: ['type'] }],
      ['exit', 'exit', { forms: ['call'] }],
      ['sleep', 'sleep과 wakeup', { files: ['kernel'] }],
      ['sleep', '정보 유지', null],
      ['bad', 'fork', null],
    ],
  );
  assert.match(g.problems.map((p) => p.message).join('\n'), /unknown form sideways/);
  assert.match(g.problems.map((p) => p.message).join('\n'), /"worse" should name a term/);
});

test('multi-document YAML: each --- document is read in the sense of its own kind', () => {
  const doc = [
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: Role',
    'rules:',
    '  - resources: ["pods"]',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - resources:',
    '            limits: {}',
  ].join('\n');
  const context = index.documentContext('yaml', doc);
  const at = (line: number) => {
    const text = doc.split('\n')[line];
    return index.matchAt(text, text.indexOf('resources') + 1, context, line)?.term;
  };
  assert.equal(at(3), 'RBAC');
  assert.equal(at(11), '리소스 요청과 제한');
});

test('C: a header name in #include is a path, not a concept', () => {
  assert.equal(hoverIn('c', XV6, '#include <semaphore.h>', 'semaphore'), undefined);
  assert.equal(hoverIn('c', XV6, '#include "spinlock.h"', 'spinlock'), undefined);
});

test('members of systems modules are the calls themselves: os.fork() in Python, syscall.Kill in Go', () => {
  assert.equal(hoverIn('python', 'import os\n', 'pid = os.fork()', 'fork'), 'fork');
  assert.equal(hoverIn('python', 'import os\n', 'data = f.read()', 'read'), undefined);
  assert.equal(hoverIn('cpp', '#include <mutex>\n', 'std::mutex queue_mutex;', 'mutex'), '뮤텍스');
});

test('odd documents and lines: no crash, a context all the same', () => {
  const huge = 'x'.repeat(300_000) + '\nkind: Pod\n';
  for (const [lang, text] of [
    ['yaml', '---\n'.repeat(20_000)],
    ['yaml', huge],
    ['c', '"'.repeat(50_000)],
    ['javascript', ''],
    ['unknown-lang', '\u0000\uFFFF'],
  ] as const) {
    const context = index.documentContext(lang, text);
    assert.ok(context.topics instanceof Set);
    const line = text.split('\n')[0].slice(0, 5000);
    index.matchAt(line, Math.floor(line.length / 2), context, 0);
  }
  const context = index.documentContext('c', XV6);
  for (const line of ['"unclosed string with fork(', '/* fork */ fork();', "'", '@', '->', 'a.b.c.d.e.fork']) {
    for (let col = 0; col <= line.length; col++) index.matchAt(line, col, context, 0);
  }
  assert.equal(index.matchAt('/* fork */ fork();', 12, context)?.term, 'fork');
});

test('quoted text in a comment is a string (commented-out code); English apostrophes are not quotes', () => {
  const line = "    // { urls: 'turn:turn.example.com:3478', username: 'user' },";
  assert.equal(index.matchAt(line, line.indexOf('turn') + 1, index.documentContext('javascript', WEBRTC))?.term, 'TURN');
  assert.equal(index.matchAt(line, line.indexOf('turn.') + 1, index.documentContext('javascript', WEBRTC))?.term, undefined);
  assert.equal(hoverIn('c', XV6, "  // it's the scheduler's job to avoid a deadlock here", 'deadlock'), '교착 상태');
});

/** The term at `word` on 0-based `lineNo` of a whole document, as the hover asks (with the line number). */
function hoverAtLine(languageId: string, document: string, lineNo: number, word: string): string | undefined {
  const line = document.split('\n')[lineNo];
  const col = line.indexOf(word);
  assert.ok(col >= 0, `${word} not on line ${lineNo}`);
  return index.matchAt(line, col + 1, index.documentContext(languageId, document), lineNo)?.term;
}

test('a block comment spanning lines is prose on every line, even lines without a leading star', () => {
  const doc = [
    '#include "threads/synch.h"',
    '/* Semaphores for the threads kernel.',
    '   down or "P": wait until the count is positive;',
    '   a caller may sleep here. */',
    'void sema_down (struct semaphore *sema) { wait (sema); }',
  ].join('\n');
  assert.equal(hoverAtLine('c', doc, 2, 'wait'), undefined, 'English in the comment is not the wait() call');
  assert.equal(hoverAtLine('c', doc, 4, 'sema_down'), '세마포어');
  assert.equal(hoverAtLine('c', doc, 4, 'wait'), 'wait', 'after the comment closes, code is code again');
});

test('YAML: a key is read under its parent key, and a block scalar is embedded text', () => {
  const doc = [
    'apiVersion: v1',
    'kind: Pod',
    'spec:',
    '  containers:',
    '    - name: web',
    '      ports:',
    '        - containerPort: 8080',
    '      livenessProbe:',
    '        httpGet:',
    '          port: 8080',
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'data:',
    '  app.conf: |',
    '    # Apply these limits; kind of strict.',
    '    port: 9090',
  ].join('\n');
  assert.equal(hoverAtLine('yaml', doc, 9, 'port'), '프로브', "a probe's port");
  assert.equal(hoverAtLine('yaml', doc, 13, 'data'), 'ConfigMap');
  assert.equal(hoverAtLine('yaml', doc, 16, 'port'), undefined, 'inside the embedded file, not a manifest key');
  assert.equal(hoverAtLine('yaml', doc, 15, 'Apply'), undefined);
});

test('comments: a shouted license word, a two-letter phrase and everyday English are not terms', () => {
  const doc = '# PROVIDED WITHOUT WARRANTY OF ANY KIND. Create the namespace, then apply the rest.\n' + MANIFEST;
  assert.equal(hoverAtLine('yaml', doc, 0, 'KIND'), undefined);
  assert.equal(hoverAtLine('yaml', doc, 0, 'Create'), undefined);
  const c = XV6 + '// the lock makes the change from p to the next state safe\nstruct cpu *c = mycpu();\n';
  assert.equal(hoverAtLine('c', c, 3, 'to'), undefined, '"to p" is no "top"');
  assert.equal(hoverAtLine('c', c, 4, 'cpu'), undefined);
});

test('an identifier whose name the glossary scoped elsewhere is not explained by its parts (ToStringCreator)', () => {
  const java = SPRING + 'class Visit { public String toString() { return new ToStringCreator(this).toString(); } }\n';
  assert.equal(hoverAtLine('java', java, 2, 'ToStringCreator'), undefined);
});

test("a glossary name listed under another field does not silence a note term here; in a comment, this field's name is English", () => {
  const c = XV6 + 'struct semaphore *sema;\n// Kill the process with the given pid.\nint kill(int pid);\n';
  assert.equal(hoverAtLine('c', c, 3, 'semaphore'), '세마포어', 'Semaphore is listed under java; a C semaphore is still one');
  assert.equal(hoverAtLine('c', c, 4, 'Kill'), undefined);
  assert.equal(hoverAtLine('c', c, 5, 'kill'), '시그널');
});
