// Diagrams core: the built-in Mermaid sources (content + mermaid's own parser, run in Node), linking
// diagrams to note sections, node clicks, term → diagrams, the source filter and the message protocol.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_DIAGRAMS, builtinDiagram } from '../../src/core/diagrams/builtin';
import {
  diagramCatalog,
  diagramsForTerm,
  findDiagram,
  linkDiagramToSections,
  locateNode,
  titleMatch,
  builtinSource,
} from '../../src/core/diagrams/link';
import { SECURE_CONFIG_KEYS, secureMermaidSource } from '../../src/core/diagrams/secureSource';
import { parseHostMessage, parseWebviewMessage } from '../../src/shared/diagramProtocol';
import { NoteIndex } from '../../src/core/index/noteIndex';
import { parseNote } from '../../src/core/notes/parseNote';
import { repoRoot } from './helpers';

const byId = (id: string) => {
  const d = builtinDiagram(id);
  assert.ok(d, `no built-in diagram ${id}`);
  return d;
};

/** Mermaid's parser in Node: mermaid imports DOMPurify, which has no API without a window. Parsing needs none of it. */
async function loadMermaid() {
  const purify = (await import('dompurify')).default as unknown as Record<string, unknown>;
  for (const name of ['addHook', 'removeHook', 'removeHooks', 'removeAllHooks', 'setConfig', 'clearConfig']) {
    if (typeof purify[name] !== 'function') purify[name] = () => undefined;
  }
  if (typeof purify.sanitize !== 'function') purify.sanitize = (s: unknown) => String(s);
  const mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  return mermaid;
}

// ---- the built-in sources ----

test('built-in diagrams have unique ids, titles and sources that name every linked node', () => {
  const ids = new Set(BUILTIN_DIAGRAMS.map((d) => d.id));
  assert.equal(ids.size, BUILTIN_DIAGRAMS.length);
  assert.ok(BUILTIN_DIAGRAMS.length >= 6);
  for (const d of BUILTIN_DIAGRAMS) {
    assert.match(d.id, /^builtin:[a-z0-9-]+$/);
    assert.ok(d.title.trim(), d.id);
    assert.ok(d.illustrates.length > 0, d.id);
    for (const node of Object.keys(d.nodeLinks)) assert.ok(d.source.includes(node), `${d.id}: node ${node} is not in the source`);
  }
  assert.equal(builtinDiagram('process-states')?.id, 'builtin:process-states');
});

test('process states: every state and labelled transition', () => {
  const { source } = byId('process-states');
  assert.match(source, /^stateDiagram-v2/);
  for (const state of ['New', 'Ready', 'Running', 'Waiting', 'Blocked', 'Terminated', 'Suspended Ready', 'Suspended Blocked']) {
    assert.ok(source.includes(state), state);
  }
  const transitions: Array<[string, string, RegExp]> = [
    ['New', 'Ready', /admit/],
    ['Ready', 'Running', /dispatch/],
    ['Running', 'Ready', /timeout.*interrupt|interrupt.*timeout/],
    ['Running', 'Waiting', /I\/O or event wait/],
    ['Waiting', 'Ready', /I\/O done/],
    ['Running', 'Terminated', /exit/],
    ['Ready', 'SuspendedReady', /swap out/],
    ['SuspendedReady', 'Ready', /swap in/],
    ['Waiting', 'SuspendedBlocked', /swap out/],
    ['SuspendedBlocked', 'Waiting', /swap in/],
  ];
  for (const [from, to, label] of transitions) {
    const line = source.split('\n').find((l) => new RegExp(`^\\s*${from}\\s*-->\\s*${to}\\s*:`).test(l));
    assert.ok(line, `${from} --> ${to}`);
    assert.match(line, label, `${from} --> ${to} label`);
  }
});

test('WebRTC: 1:1 signaling sequence with offer, answer, ICE, STUN and TURN; group topologies', () => {
  const { source } = byId('webrtc-signaling');
  assert.match(source, /^sequenceDiagram/);
  for (const word of ['getUserMedia', 'offer', 'answer', 'ICE', 'STUN', 'TURN', 'Signaling server', 'relay'])
    assert.ok(source.includes(word), word);
  // offer goes out before the answer comes back, candidates after the offer
  assert.ok(source.indexOf('A->>S: SDP offer') < source.indexOf('B->>S: SDP answer'));
  assert.ok(source.indexOf('SDP offer') < source.indexOf('ICE candidate'));
  const topologies = byId('webrtc-topologies').source;
  assert.match(topologies, /^flowchart/);
  for (const word of ['Mesh', 'SFU', 'MCU']) assert.ok(topologies.includes(word), word);
});

test('Kubernetes, interrupts and system calls', () => {
  const k8s = byId('k8s-deployment-service').source;
  for (const word of ['Deployment', 'ReplicaSet', 'Pod', 'nodePort', 'ClusterIP:port', 'targetPort']) assert.ok(k8s.includes(word), word);
  assert.ok(
    k8s.indexOf('nodePort') < k8s.indexOf(':port') && k8s.indexOf(':port') < k8s.indexOf('targetPort'),
    'nodePort → port → targetPort',
  );
  const irq = byId('interrupt-handling').source;
  for (const word of ['IRQ', 'masked', 'interrupt vector', 'ISR', 'Restore']) assert.ok(irq.includes(word), word);
  const sys = byId('system-call').source;
  for (const word of ['user mode', 'kernel mode', 'syscall', 'system call table', 'errno']) assert.ok(sys.includes(word), word);
});

test("every built-in source parses with mermaid's own parser (in Node)", async () => {
  const mermaid = await loadMermaid();
  for (const d of BUILTIN_DIAGRAMS) {
    const result = await mermaid
      .parse(d.source)
      .catch((e: unknown) => assert.fail(`${d.id}: ${e instanceof Error ? e.message : String(e)}`));
    assert.ok(result, d.id);
  }
  // and the parser does reject nonsense, so the loop above means something
  await assert.rejects(() => mermaid.parse('flowchart LR\n  A -->'));
  await assert.rejects(() => mermaid.parse('<script>alert(1)</script>'));
});

test('the mermaid blocks of the bundled notes parse', async () => {
  const mermaid = await loadMermaid();
  const dir = path.join(repoRoot, 'notes');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')) : [];
  let blocks = 0;
  for (const f of files) {
    for (const block of parseNote(f, fs.readFileSync(path.join(dir, f), 'utf8')).diagrams) {
      blocks++;
      await mermaid
        .parse(secureMermaidSource(block.source).source)
        .catch((e: unknown) => assert.fail(`${block.id}: ${e instanceof Error ? e.message : String(e)}`));
    }
  }
  if (files.length) assert.ok(blocks > 0);
});

// ---- linking to note sections ----

const OS_NOTE = `---
topic: os
---
# 2025-01-22 TIL

## OS

### 프로세스 상태

**준비(Ready)**는 CPU를 기다리며 준비 큐에 있는 상태이다.

**대기(Waiting)**는 입출력 완료 같은 사건을 기다리는 상태이다.

\`\`\`mermaid
stateDiagram-v2
  [*] --> Ready
  Ready --> Running : dispatch
\`\`\`

### 인터럽트 서비스 루틴

**ISR**은 특정 인터럽트를 실제로 처리하는 커널 함수이다.

### 컨텍스트 스위칭

CPU가 다른 프로세스로 넘어가는 일.
`;

const K8S_NOTE = `---
topic: kubernetes
---
# 0129 TIL

## CKA

# Deployments

**Deployment**는 ReplicaSet을 관리하는 쿠버네티스 객체이다.

\`\`\`mermaid
flowchart TD
  D[Deployment] --> RS[ReplicaSet]
\`\`\`

### ReplicationController와 ReplicaSet

ReplicaSet은 파드 수를 유지한다.

### Service

**targetPort**는 파드 쪽 포트이다.
`;

const WEBRTC_NOTE = `---
topic: webrtc
---
# 1월 16일 TIL

## WebRTC

### 시그널링

연결 정보를 교환하는 과정.

### ICE

**ICE(Interactive Connectivity Establishment)**는 연결 경로를 찾는 프레임워크이다.
`;

function fixtureIndex(): NoteIndex {
  const index = new NoteIndex();
  index.upsert(parseNote('/n/os.md', OS_NOTE));
  index.upsert(parseNote('/n/k8s.md', K8S_NOTE));
  index.upsert(parseNote('/n/webrtc.md', WEBRTC_NOTE));
  return index;
}

test('titles match keywords as whole words, plurals and Korean particles included', () => {
  assert.equal(titleMatch('프로세스 상태', '프로세스 상태'), 3);
  assert.equal(titleMatch('Deployments', 'Deployment'), 2);
  assert.equal(titleMatch('ReplicationController와 ReplicaSet', 'ReplicaSet'), 2);
  assert.equal(titleMatch('❗ **ICE**', 'ice'), 3);
  assert.equal(titleMatch('Service', 'ICE'), 0);
  assert.equal(titleMatch('NodePort', 'port'), 0);
  assert.equal(titleMatch('Kurento', ''), 0);
});

test('a diagram links to the note sections it illustrates, best first, within its topic', () => {
  const index = fixtureIndex();
  const process = linkDiagramToSections(byId('process-states'), index);
  assert.equal(process[0]?.section.title, '프로세스 상태');
  assert.equal(process[0]?.score, 3);

  const k8s = linkDiagramToSections(byId('k8s-deployment-service'), index).map((l) => l.section.title);
  assert.ok(k8s.includes('Deployments'));
  assert.ok(k8s.includes('ReplicationController와 ReplicaSet'));
  assert.ok(k8s.includes('Service'));
  assert.ok(!k8s.includes('인터럽트 서비스 루틴'), 'an OS section is not a Kubernetes Service');

  const irq = linkDiagramToSections(byId('interrupt-handling'), index).map((l) => l.section.title);
  assert.ok(irq.includes('인터럽트 서비스 루틴'));

  const webrtc = linkDiagramToSections(byId('webrtc-signaling'), index).map((l) => l.section.title);
  assert.deepEqual(webrtc.slice(0, 2).sort(), ['ICE', '시그널링']);
  assert.ok(!webrtc.includes('Service'));
  assert.deepEqual(linkDiagramToSections(byId('webrtc-topologies'), index), []);
});

test('a click on a node opens the term or section it stands for', () => {
  const index = fixtureIndex();
  const process = builtinSource(byId('process-states'));
  assert.deepEqual(locateNode(process, { nodeId: 'Ready', label: 'Ready' }, index), {
    file: '/n/os.md',
    line: 10,
    keyword: 'Ready',
    via: 'term',
  });
  assert.equal(locateNode(process, { nodeId: 'Waiting', label: 'Waiting / Blocked' }, index)?.line, 12);
  // no note explains "Terminated": the diagram's own section
  assert.deepEqual(locateNode(process, { nodeId: 'Terminated' }, index), {
    file: '/n/os.md',
    line: 8,
    keyword: '프로세스 상태',
    via: 'section',
  });

  const k8s = builtinSource(byId('k8s-deployment-service'));
  assert.equal(locateNode(k8s, { nodeId: 'Deploy', label: 'Deployment web' }, index)?.keyword, 'Deployment');
  assert.equal(
    locateNode(k8s, { nodeId: 'Svc', label: 'Service ClusterIP:port' }, index)?.line,
    index.sections().find((s) => s.title === 'Service')!.line,
  );
  const signaling = builtinSource(byId('webrtc-signaling'));
  assert.equal(locateNode(signaling, { nodeId: 'S', label: 'Signaling server' }, index)?.keyword, '시그널링');
  assert.equal(locateNode(signaling, { nodeId: 'ICE candidate', label: 'ICE candidate' }, index)?.keyword, 'ICE');

  // a note's own block: the label's words, else the block itself
  const block = findDiagram(index, '/n/k8s.md#L12')!;
  assert.equal(block.kind, 'note');
  assert.equal(locateNode(block, { nodeId: 'D', label: 'Deployment' }, index)?.via, 'term');
  // `ReplicaSet은 …다.` defines it two lines into its section: the click opens that sentence
  assert.equal(
    locateNode(block, { nodeId: 'RS', label: 'ReplicaSet' }, index)?.line,
    index.sections().find((s) => s.title.endsWith('ReplicaSet'))!.line + 2,
  );
  assert.deepEqual(locateNode(block, { nodeId: 'zzz', label: 'zzz' }, index), {
    file: '/n/k8s.md',
    line: 12,
    keyword: 'zzz',
    via: 'block',
  });
});

test('terms offer the built-in diagrams that name them and the blocks of their section', () => {
  const index = fixtureIndex();
  const ids = (key: string) => diagramsForTerm(index, key).map((d) => d.id);
  assert.deepEqual(ids('Ready'), ['builtin:process-states', '/n/os.md#L14']);
  assert.deepEqual(ids('준비'), ['builtin:process-states', '/n/os.md#L14']);
  assert.deepEqual(ids('deployment'), ['builtin:k8s-deployment-service', '/n/k8s.md#L12']);
  assert.deepEqual(ids('ICE'), ['builtin:webrtc-signaling']);
  assert.deepEqual(ids('ISR'), ['builtin:interrupt-handling']);
  assert.deepEqual(ids('no such term'), []);
});

test('the catalogue lists built-ins first, then every block; ids find either kind', () => {
  const index = fixtureIndex();
  const all = diagramCatalog(index);
  assert.equal(all.length, BUILTIN_DIAGRAMS.length + 2);
  assert.ok(all.slice(0, BUILTIN_DIAGRAMS.length).every((d) => d.kind === 'builtin'));
  assert.equal(findDiagram(index, 'builtin:system-call')?.title, byId('system-call').title);
  assert.equal(findDiagram(index, '/n/os.md#L14')?.title, '프로세스 상태');
  assert.equal(findDiagram(index, '/n/os.md#L999'), undefined);
});

// ---- the source filter ----

test('init directives and front matter cannot loosen the renderer; clicks are dropped; lines are kept', () => {
  const loose =
    '%%{init: {"securityLevel": "loose", "theme": "forest"}}%%\nflowchart LR\n  A --> B\n  click A call alert(1)\n  click B "javascript:alert(1)"\n';
  const out = secureMermaidSource(loose);
  assert.doesNotMatch(out.source, /securityLevel|click|javascript/i);
  assert.equal(out.source.split('\n').length, loose.split('\n').length);
  assert.deepEqual(out.removed.sort(), ['click', 'init directive']);

  for (const key of SECURE_CONFIG_KEYS) {
    assert.doesNotMatch(secureMermaidSource(`%%{init: {'${key}': 1}}%%\ngraph TD\nA-->B`).source, new RegExp(key));
  }
  assert.doesNotMatch(secureMermaidSource("%%{ initialize: { 'securitylevel' : 'loose' } }%%\ngraph TD\nA-->B").source, /loose/);
  assert.doesNotMatch(secureMermaidSource('%%{init: {"__proto__": {"x": 1}}}%%\ngraph TD\nA-->B').source, /__proto__/);
  // harmless directives stay
  const themed = '%%{init: {"theme": "dark"}}%%\ngraph TD\nA-->B';
  assert.equal(secureMermaidSource(themed).source, themed);
  assert.deepEqual(secureMermaidSource(themed).removed, []);

  const front =
    '---\ntitle: T\nconfig:\n  securityLevel: loose\n  dompurifyConfig:\n    ADD_TAGS: [script]\n  theme: forest\n---\nflowchart LR\n  A-->B\n';
  const f = secureMermaidSource(front);
  assert.doesNotMatch(f.source, /securityLevel|dompurify|ADD_TAGS/);
  assert.match(f.source, /theme: forest/);
  assert.match(f.source, /title: T/);
  assert.equal(f.source.split('\n').length, front.split('\n').length);

  // sequence messages that start with "click" are messages, not click statements
  const seq = 'sequenceDiagram\n  click->>B: hi\n';
  assert.equal(secureMermaidSource(seq).source, seq);
});

test('the filtered hostile sources still parse (they render as text) or fail (an error), never loosen', async () => {
  const mermaid = await loadMermaid();
  const img = secureMermaidSource('flowchart LR\n  A["<img src=x onerror=alert(1)>"] --> B').source;
  await mermaid.parse(img);
  const init = secureMermaidSource('%%{init: {"securityLevel": "loose"}}%%\nflowchart LR\n  A --> B\n  click A call alert(1)').source;
  const parsed = await mermaid.parse(init);
  assert.ok(parsed && !('securityLevel' in (parsed.config ?? {})));
  await assert.rejects(() => mermaid.parse(secureMermaidSource('<script>alert(1)</script>').source));
});

// ---- protocol ----

test('webview messages are validated before the host acts on them', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseWebviewMessage({ type: 'openNode', nodeId: 'A', label: 'x', extra: 1 }), {
    type: 'openNode',
    nodeId: 'A',
    label: 'x',
  });
  assert.deepEqual(parseWebviewMessage({ type: 'rendered', ms: 12, renderId: 3 }), {
    type: 'rendered',
    ms: 12,
    renderId: 3,
    removed: undefined,
  });
  assert.equal(parseWebviewMessage({ type: 'openNode', nodeId: 5 }), undefined);
  assert.equal(parseWebviewMessage({ type: 'exportSvg' }), undefined);
  assert.equal(parseWebviewMessage({ type: 'rendered', ms: 'fast' }), undefined);
  assert.equal(parseWebviewMessage({ type: 'eval', code: '1' }), undefined);
  assert.equal(parseWebviewMessage(null), undefined);
  assert.equal(parseWebviewMessage('ready'), undefined);

  assert.deepEqual(parseHostMessage({ type: 'render', title: 'T', source: 'graph TD', theme: 'dark', renderId: 1 }), {
    type: 'render',
    diagramId: undefined,
    title: 'T',
    source: 'graph TD',
    theme: 'dark',
    renderId: 1,
  });
  const evil = parseHostMessage({ type: 'render', title: 'T', source: 'x', theme: 'evil' });
  assert.equal(evil?.type, 'render');
  assert.equal(evil?.type === 'render' ? evil.theme : 'not a render', undefined);
  assert.equal(parseHostMessage({ type: 'render', title: 'T' }), undefined);
  assert.deepEqual(parseHostMessage({ type: 'requestSvg', requestId: 2 }), { type: 'requestSvg', requestId: 2 });

  // PNG export carries base64 only; copying carries the SVG text.
  assert.deepEqual(parseWebviewMessage({ type: 'exportPng', base64: 'iVBORw0KGgo=' }), { type: 'exportPng', base64: 'iVBORw0KGgo=' });
  assert.equal(parseWebviewMessage({ type: 'exportPng', base64: '<svg onload=x>' }), undefined);
  assert.equal(parseWebviewMessage({ type: 'exportPng', path: '/etc/passwd' }), undefined);
  assert.deepEqual(parseWebviewMessage({ type: 'copySvg', svg: '<svg/>' }), { type: 'copySvg', svg: '<svg/>' });
  const lit = parseHostMessage({ type: 'render', title: 'T', source: 'x', highlight: 'Waiting' });
  assert.equal(lit?.type === 'render' ? lit.highlight : undefined, 'Waiting');
  const long = parseHostMessage({ type: 'render', title: 'T', source: 'x', highlight: 'x'.repeat(1000) });
  assert.equal(long?.type === 'render' ? long.highlight : 'none', undefined);
});
