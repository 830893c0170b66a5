// Drawing ahead: a diagram page, once idle, draws the notes' other diagrams that have no picture yet, so that opening
// one later paints at once. The host chooses which (the user's own notes first) and the page takes only what the
// protocol allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { predrawSources } from '../../src/core/diagrams/predraw';
import { MAX_PREDRAW_SOURCES, MAX_PREDRAW_SOURCE_LENGTH, parseHostMessage } from '../../src/shared/diagramProtocol';

const limits = { maxSources: 3, maxSourceLength: 100 };
const note = (source: string) => ({ source, starter: false });
const starter = (source: string) => ({ source, starter: true });

test("the user's own diagrams come before the starter notes', each source once, those with a picture left out", () => {
  const drawn = new Set(['graph LR; b-->c']);
  const chosen = predrawSources(
    [
      starter('graph TD; s-->t'),
      note('graph LR; a-->b'),
      note('graph LR; b-->c'),
      note('graph LR; a-->b'),
      note('sequenceDiagram\nA->>B: hi'),
    ],
    (source) => drawn.has(source),
    limits,
  );
  assert.deepEqual(chosen, ['graph LR; a-->b', 'sequenceDiagram\nA->>B: hi', 'graph TD; s-->t']);
});

test('at most the limit, and no empty or overlong source', () => {
  const long = `graph LR\n${'a-->b\n'.repeat(40)}`;
  const chosen = predrawSources(
    [note('  \n'), note(long), ...['1', '2', '3', '4'].map((n) => note(`graph LR; n${n}`))],
    () => false,
    limits,
  );
  assert.deepEqual(chosen, ['graph LR; n1', 'graph LR; n2', 'graph LR; n3']);
});

test('the page takes only strings within the limits from a predraw message, and no more of them than allowed', () => {
  const many = Array.from({ length: MAX_PREDRAW_SOURCES + 4 }, (_, i) => `graph LR; x${i}`);
  const message = parseHostMessage({ type: 'predraw', sources: [42, 'x'.repeat(MAX_PREDRAW_SOURCE_LENGTH + 1), ...many] });
  assert.deepEqual(message, { type: 'predraw', sources: many.slice(0, MAX_PREDRAW_SOURCES) });
  assert.equal(parseHostMessage({ type: 'predraw', sources: 'graph LR; a' }), undefined);
});
