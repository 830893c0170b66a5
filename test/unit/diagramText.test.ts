// The text alternative of a diagram: its states and transitions as a list, for screen readers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_DIAGRAMS } from '../../src/core/diagrams/builtin';
import { describeDiagram, diagramKind } from '../../src/core/diagrams/textAlternative';

const builtin = (id: string) => {
  const d = BUILTIN_DIAGRAMS.find((b) => b.id === id);
  assert.ok(d, id);
  return d;
};

test('the process-state diagram lists its states by name and every transition with its label', () => {
  const text = describeDiagram(builtin('builtin:process-states').source);
  assert.equal(text.kind, 'state');
  for (const state of ['New', 'Ready', 'Running', 'Terminated']) assert.ok(text.nodes.includes(state), state);
  assert.ok(text.nodes.some((n) => /Suspended Ready/.test(n)));
  assert.ok(text.edges.some((e) => e.from === 'Ready' && e.to === 'Running' && e.label === 'dispatch'));
  assert.ok(text.edges.some((e) => e.from === 'start' && e.to === 'New'));
  assert.ok(!text.nodes.includes('[*]'));
});

test('the WebRTC flow lists participants by their names and the messages between them', () => {
  const text = describeDiagram(builtin('builtin:webrtc-signaling').source);
  assert.equal(text.kind, 'sequence');
  assert.ok(text.nodes.some((n) => /Signaling server/.test(n)));
  assert.ok(text.edges.some((e) => /Peer A/.test(e.from) && /Signaling/.test(e.to) && e.label === 'SDP offer'));
  assert.ok(text.edges.some((e) => /Signaling/.test(e.from) && /Peer A/.test(e.to) && e.label === 'SDP answer'));
});

test('a flowchart lists node labels and labelled edges', () => {
  const text = describeDiagram('flowchart LR\n  A[Client] -->|HTTP| B(Web server)\n  B -- "forwards" --> C{{WAS}}\n  C --> D\n');
  assert.equal(text.kind, 'flowchart');
  assert.deepEqual(text.nodes.slice(0, 2), ['Client', 'Web server']);
  assert.ok(text.edges.some((e) => e.from === 'Client' && e.to === 'Web server' && e.label === 'HTTP'));
  assert.ok(text.edges.some((e) => e.from === 'Web server' && e.label === 'forwards'));
});

test('every built-in diagram has a non-empty text alternative', () => {
  for (const d of BUILTIN_DIAGRAMS) {
    const text = describeDiagram(d.source);
    assert.ok(text.nodes.length > 1, `${d.id} nodes`);
    assert.ok(text.edges.length > 0, `${d.id} edges`);
  }
});

test('an unknown kind or a hostile source gives an empty or bounded description, never an error', () => {
  assert.deepEqual(describeDiagram('pie title x\n "a": 1\n'), { kind: 'other', nodes: [], edges: [] });
  assert.equal(describeDiagram('').kind, 'other');
  const many = 'stateDiagram-v2\n' + Array.from({ length: 20_000 }, (_, i) => `S${i} --> S${i + 1}`).join('\n');
  assert.equal(describeDiagram(many).nodes.length, 20_001);
  const long = 'flowchart LR\n' + 'A' + ' --> A'.repeat(50_000);
  assert.equal(describeDiagram(long).edges.length, 0, 'a line past the limit is skipped');
});

test('a hover on sem_wait or fork highlights its state; createOffer highlights the offer step', async () => {
  const { highlightFor } = await import('../../src/core/diagrams/link');
  const states = builtin('builtin:process-states');
  assert.equal(highlightFor(states, ['sem_wait']), 'Waiting');
  assert.equal(highlightFor(states, ['세마포어']), 'Waiting');
  assert.equal(highlightFor(states, ['fork']), 'New');
  assert.equal(highlightFor(states, ['unrelated']), undefined);
  assert.match(highlightFor(builtin('builtin:webrtc-signaling'), ['createOffer']) ?? '', /createOffer/);
});

test('every highlight names a state, node or message that the diagram really has', () => {
  for (const d of BUILTIN_DIAGRAMS) {
    for (const target of Object.values(d.highlights ?? {})) {
      const described = describeDiagram(d.source);
      const inSource = d.source.includes(target);
      assert.ok(inSource && (described.edges.some((e) => e.label === target) || d.source.includes(` ${target}`)), `${d.id}: ${target}`);
    }
  }
});

test('the kind of a diagram is its first statement, after directives and front matter (the panel preloads its chunks)', () => {
  assert.equal(diagramKind('%%{init: {}}%%\n---\ntitle: x\n---\nstateDiagram-v2\n  A --> B\n'), 'state');
  assert.equal(diagramKind('  sequenceDiagram\n  A->>B: hi'), 'sequence');
  assert.equal(diagramKind('graph TD\n A-->B'), 'flowchart');
  assert.equal(diagramKind('pie\n "a": 1'), 'other');
  assert.equal(diagramKind(''), 'other');
  for (const d of BUILTIN_DIAGRAMS) assert.notEqual(diagramKind(d.source), 'other', d.id);
});
