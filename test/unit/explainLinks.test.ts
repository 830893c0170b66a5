// Explain's "Open in …" links: `<app scheme>://<extension id>/open?p=…`, the look-up a hover's "Open note" link makes,
// carried as base64url JSON. What a link may ask is checked again when it comes back: a link made elsewhere (a note
// can hold one) can only name a term and our topic names, never a path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TermLinkArgs } from '../../src/core/hover/links';
import { parsePlaceQuery, placeQuery } from '../../src/core/notes/placeLink';

/** VS Code decodes a URI's query once before the handler sees it. */
const asHandled = (query: string) => decodeURIComponent(query);
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

test('a place survives the trip through a link: term, topics and position', () => {
  const places: TermLinkArgs[] = [
    { term: '세마포어' },
    { term: 'fork', topics: ['os'] },
    { term: 'kind: deployment', topics: ['kubernetes', 'os'], place: 3 },
    { term: 'a&b=c%20+d #x', place: 0 },
  ];
  for (const args of places) {
    const query = placeQuery(args);
    assert.match(query, /^p=[A-Za-z0-9_-]+$/, 'nothing VS Code would decode or a Markdown link would end on');
    assert.deepEqual(parsePlaceQuery(asHandled(query)), args);
  }
});

test('a query that is not one of ours opens nothing', () => {
  const bad = [
    '',
    'term=fork',
    'p=',
    'p=!!!!',
    `p=${b64('not json')}`,
    `p=${b64('["fork"]')}`,
    `p=${b64('{"term":""}')}`,
    `p=${b64('{"term":"fork","file":"/etc/passwd"}')}`,
    `p=${b64('{"term":"fork","topics":["../../x"]}')}`,
    `p=${b64('{"term":"fork","place":100}')}`,
    `p=${b64('{"term":"fork","place":-1}')}`,
    `p=${b64('{"term":"fork","place":"1"}')}`,
    `p=${b64('{"term":42}')}`,
    `p=${Buffer.from([0xff, 0xfe, 0x7b]).toString('base64url')}`,
    `p=${b64(JSON.stringify({ term: 'x'.repeat(5000) }))}`,
    `p=${b64('{"term":"fork"}')}&file=/etc/passwd`,
  ];
  for (const query of bad) assert.equal(parsePlaceQuery(query), undefined, query.slice(0, 80));
});
