// The diagram pictures kept across panels and sessions: bounded, least recently used dropped first, a damaged
// file gives an empty cache, and the messages that carry pictures are validated on both sides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PictureCache } from '../../src/core/diagrams/pictureCache';
import { MAX_CACHED_SVG_LENGTH, MAX_PICTURES_PER_RENDER, parseHostMessage, parseWebviewMessage } from '../../src/shared/diagramProtocol';

const svg = (n: number, chars = 100) => `<svg id="p${n}">${'x'.repeat(chars)}</svg>`;

test('a picture is found again per source and theme; a new theme adds one, the same theme replaces it', () => {
  const cache = new PictureCache({ maxSources: 10, maxChars: 100_000, maxPerSource: 2 });
  assert.deepEqual(cache.get('a'), []);
  assert.equal(cache.put('a', 'light', svg(1)), true);
  assert.equal(cache.put('a', 'light', svg(1)), false, 'the same picture again changes nothing');
  cache.put('a', 'dark', svg(2));
  assert.deepEqual(
    cache.get('a').map((p) => p.themeKey),
    ['dark', 'light'],
  );
  cache.put('a', 'light', svg(3));
  assert.deepEqual(
    cache.get('a').map((p) => p.svg),
    [svg(3), svg(2)],
  );
  cache.put('a', 'hc', svg(4));
  assert.deepEqual(
    cache.get('a').map((p) => p.themeKey),
    ['hc', 'light'],
    'at most maxPerSource pictures per source, the oldest theme dropped',
  );
});

test('the cache stays within its source count and character budget, dropping the least recently used', () => {
  const cache = new PictureCache({ maxSources: 3, maxChars: 1_000, maxPerSource: 4 });
  for (const key of ['a', 'b', 'c']) cache.put(key, 'light', svg(0, 200));
  cache.get('a'); // used: b is now the oldest
  cache.put('d', 'light', svg(0, 200));
  assert.equal(cache.sourceCount, 3);
  assert.deepEqual(cache.get('b'), []);
  assert.equal(cache.get('a').length, 1);
  cache.put('e', 'light', svg(0, 600)); // over the character budget: the oldest go until it fits
  assert.ok(cache.charCount <= 1_000, `${cache.charCount} characters`);
  assert.equal(cache.get('e').length, 1);
  assert.equal(cache.put('f', 'light', svg(0, 2_000)), false, 'a picture larger than the whole budget is not kept');
  assert.deepEqual(cache.get('f'), []);
});

test('the serialised cache reads back in the same use order; damaged data gives what is readable', () => {
  const cache = new PictureCache({ maxSources: 2, maxChars: 100_000, maxPerSource: 4 });
  cache.put('a', 'light', svg(1));
  cache.put('b', 'light', svg(2));
  const copy = PictureCache.fromData(JSON.parse(JSON.stringify(cache.toData())), { maxSources: 2, maxChars: 100_000, maxPerSource: 4 });
  copy.put('c', 'light', svg(3)); // drops the least recently used: a, as in the original
  assert.deepEqual(copy.get('a'), []);
  assert.equal(copy.get('b')[0]?.svg, svg(2));
  for (const damaged of [null, 'text', { entries: 'x' }, { entries: [{ key: 1 }, { key: 'k', pictures: [{ themeKey: 2, svg: 'x' }] }] }])
    assert.equal(PictureCache.fromData(damaged).sourceCount, 0, JSON.stringify(damaged));
});

test('pictures travel only in validated messages: the page offers its own, the host sends at most a few', () => {
  assert.deepEqual(parseWebviewMessage({ type: 'cacheSvg', source: 'graph TD', themeKey: '{}', svg: '<svg/>' }), {
    type: 'cacheSvg',
    source: 'graph TD',
    themeKey: '{}',
    svg: '<svg/>',
  });
  assert.equal(parseWebviewMessage({ type: 'cacheSvg', source: 'graph TD', themeKey: '{}' }), undefined);
  assert.equal(
    parseWebviewMessage({ type: 'cacheSvg', source: 'g', themeKey: '{}', svg: 'x'.repeat(MAX_CACHED_SVG_LENGTH + 1) }),
    undefined,
  );
  const many = Array.from({ length: 9 }, (_, i) => ({ themeKey: `t${i}`, svg: svg(i) }));
  const render = parseHostMessage({ type: 'render', title: 'T', source: 'g', svgs: [...many, { themeKey: 1, svg: 2 }, 'x'] });
  assert.equal(render?.type, 'render');
  assert.equal(render?.type === 'render' ? render.svgs?.length : -1, MAX_PICTURES_PER_RENDER);
  const none = parseHostMessage({ type: 'render', title: 'T', source: 'g', svgs: 'x' });
  assert.equal(none?.type === 'render' && 'svgs' in none, false);
  // A shipped picture says it is provisional (the page redraws it); anything but `true` there means a picture drawn here.
  const marked = parseHostMessage({
    type: 'render',
    title: 'T',
    source: 'g',
    svgs: [
      { themeKey: 'a', svg: svg(1), provisional: true },
      { themeKey: 'b', svg: svg(2), provisional: 'yes' },
    ],
  });
  assert.deepEqual(marked?.type === 'render' ? marked.svgs : undefined, [
    { themeKey: 'a', svg: svg(1), provisional: true },
    { themeKey: 'b', svg: svg(2) },
  ]);
});
