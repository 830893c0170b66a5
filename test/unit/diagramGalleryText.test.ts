// The diagram gallery's second line reads as words: the kind of diagram ("State diagram", never `stateDiagram-v2`),
// and for a note's block the headings around it that its label (its nearest heading) does not already say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_DIAGRAMS } from '../../src/core/diagrams/builtin';
import { galleryDetail, headingTrail, sectionsById } from '../../src/core/diagrams/galleryDetail';
import { diagramKindWords } from '../../src/core/diagrams/kindWords';
import { diagramKind, kindKeyword } from '../../src/core/diagrams/textAlternative';
import { translator } from '../../src/core/hover/section';
import { parseNote } from '../../src/core/notes/parseNote';
import { repoRoot } from './helpers';

const english = translator();

test('each kind in words, whatever suffix, front matter or comment comes before it', () => {
  const cases: Array<[string, string | undefined]> = [
    ['stateDiagram-v2\n  [*] --> Idle', 'State diagram'],
    ['stateDiagram\n  A --> B', 'State diagram'],
    ['flowchart LR\n  A --> B', 'Flowchart'],
    ['graph TD;A-->B', 'Flowchart'],
    ['sequenceDiagram\n  A->>B: hi', 'Sequence diagram'],
    ['%%{init: {"theme": "dark"}}%%\n%% a comment\nclassDiagram\n  class Shelf', 'Class diagram'],
    ['---\ntitle: Orders\n---\nerDiagram\n  ORDER ||--o{ LINE : has', 'Entity relationship diagram'],
    ['  gantt\n  title Plan', 'Gantt chart'],
    ['pie title Lunch\n  "Rice" : 3', 'Pie chart'],
    ['xychart-beta\n  x-axis [a, b]', 'XY chart'],
    ['C4Container\n  title Shop', 'C4 diagram'],
    ['mindmap\n  root((ideas))', 'Mind map'],
    ['block-beta\n  columns 2', 'Block diagram'],
    ['flowchart{', 'Flowchart'],
    // Unknown or no kind: no words rather than a guess (the gallery then shows nothing for it).
    ['<script>alert(1)</script>', undefined],
    ['', undefined],
    ['%% only a comment', undefined],
    ['toString\n  A', undefined],
    ['constructor', undefined],
  ];
  for (const [source, words] of cases) assert.equal(diagramKindWords(source, english), words, JSON.stringify(source));
  assert.equal(kindKeyword('stateDiagram-v2'), 'statediagram');
});

test('the gallery and the text alternative read a kind the same way, an ELK flowchart too', () => {
  const cases: Array<[string, string, string]> = [
    ['flowchart-elk TD\n  A --> B', 'Flowchart', 'flowchart'],
    ['stateDiagram-v2\n  A --> B', 'State diagram', 'state'],
    ['%% a comment\nsequenceDiagram\n  A->>B: hi', 'Sequence diagram', 'sequence'],
    ['pie\n  "a" : 1', 'Pie chart', 'other'],
    ['constructor\n', '', 'other'],
  ];
  for (const [source, words, kind] of cases) {
    assert.equal(diagramKindWords(source, english) ?? '', words, source);
    assert.equal(diagramKind(source), kind, source);
  }
});

test('every built-in diagram has its kind in words, in English and in Korean', () => {
  const ko = translator(JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n/bundle.l10n.ko.json'), 'utf8')));
  for (const d of BUILTIN_DIAGRAMS) {
    const words = diagramKindWords(d.source, english);
    assert.ok(words, `${d.id}: ${kindKeyword(d.source)}`);
    assert.notEqual(diagramKindWords(d.source, ko), words, `${d.id}: translated`);
  }
  assert.equal(diagramKindWords('stateDiagram-v2\n', ko), '상태 다이어그램');
});

// Our own note: a block under a nested heading, one under a top heading, one before any heading.
const NOTE = `\`\`\`mermaid
flowchart LR
  Start --> Stop
\`\`\`

# 2025-04-02 TIL

## Caching layers

### Write-through

\`\`\`mermaid
sequenceDiagram
  App->>Cache: put
  Cache->>Store: put
\`\`\`

## Queues

\`\`\`mermaid
stateDiagram-v2
  [*] --> Waiting
\`\`\`
`;

test('a note block: its kind and the headings around it that its label does not say; a block before any heading: its kind', () => {
  const note = parseNote('/notes/2025-04-02.md', NOTE);
  const sections = sectionsById(note.sections);
  const details = note.diagrams.map((d) => galleryDetail(d, headingTrail(sections, d.sectionId), english));
  assert.deepEqual(
    note.diagrams.map((d) => d.title),
    ['flowchart LR', 'Write-through', 'Queues'],
    'labels: the nearest heading (the first line only before any heading)',
  );
  assert.deepEqual(details, ['Flowchart', 'Sequence diagram · Caching layers', 'State diagram']);
  assert.equal(galleryDetail({ source: '<b>x</b>', title: 'X' }, [], english), '', 'nothing known: nothing shown');
});

test('the heading trail stops at an unknown id and never follows a loop', () => {
  const looped = new Map([
    ['a', { title: 'A', parentId: 'b' }],
    ['b', { title: 'B', parentId: 'a' }],
  ]);
  assert.deepEqual(headingTrail(looped, 'a'), ['B', 'A']);
  assert.deepEqual(headingTrail(looped, 'missing'), []);
  assert.deepEqual(headingTrail(looped, undefined), []);
  assert.deepEqual(headingTrail(new Map([['c', { title: 'C', parentId: 'gone' }]]), 'c'), ['C']);
});
