// The pictures shipped for the built-in diagrams (media/diagrams/builtin-pictures.json): present for every built-in
// diagram in light and dark, drawn by the bundled Mermaid, and found by the exact source only. A missing or
// damaged file gives no pictures (Mermaid draws, as without it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUILTIN_DIAGRAMS } from '../../src/core/diagrams/builtin';
import { SHIPPED_PICTURES_FILE, ShippedPictures, type ShippedPicturesData } from '../../src/features/diagrams/shippedPictures';
import { SvgStore } from '../../src/features/diagrams/svgStore';

const repo = path.resolve(__dirname, '../../..');
const shippedFile = path.join(repo, SHIPPED_PICTURES_FILE);
const LIGHT = JSON.stringify({ theme: 'default' });
const DARK = JSON.stringify({ theme: 'dark', darkMode: true });
const REDRAW = 'run `npm run draw:builtins` after changing a built-in diagram, Mermaid or the render settings';

test('every built-in diagram has a light and a dark picture, drawn by the bundled Mermaid', () => {
  const data = JSON.parse(fs.readFileSync(shippedFile, 'utf8')) as ShippedPicturesData;
  const mermaid = (JSON.parse(fs.readFileSync(path.join(repo, 'node_modules/mermaid/package.json'), 'utf8')) as { version: string })
    .version;
  assert.equal(data.mermaid, mermaid, `drawn by Mermaid ${data.mermaid}, bundled ${mermaid}: ${REDRAW}`);
  const shipped = new ShippedPictures(shippedFile);
  for (const d of BUILTIN_DIAGRAMS) {
    const pictures = shipped.pictures(d.source);
    const themes = pictures.map((p) => p.themeKey).sort();
    assert.deepEqual(themes, [DARK, LIGHT].sort(), `${d.title}: ${REDRAW}`);
    for (const p of pictures) {
      assert.equal(p.provisional, true, 'shown only until Mermaid draws it here');
      assert.match(p.svg, /^<svg[\s>]/);
    }
  }
});

test('a source one character away from a built-in one has no shipped picture', () => {
  const shipped = new ShippedPictures(shippedFile);
  const d = BUILTIN_DIAGRAMS[0];
  assert.ok(shipped.pictures(d.source).length > 0);
  assert.deepEqual(shipped.pictures(`${d.source} `), []);
  assert.deepEqual(shipped.pictures(''), []);
});

test('a missing, damaged or oddly shaped pictures file gives no pictures and throws nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-shipped-'));
  try {
    const source = BUILTIN_DIAGRAMS[0].source;
    assert.deepEqual(new ShippedPictures(path.join(dir, 'missing.json')).pictures(source), []);
    const cases = ['{ not json', 'null', '[]', '{"pictures": 3}', '{"pictures": [null, 1, {"source": 2}]}'];
    for (const [i, text] of cases.entries()) {
      const file = path.join(dir, `bad-${i}.json`);
      fs.writeFileSync(file, text);
      assert.deepEqual(new ShippedPictures(file).pictures(source), [], text);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a picture drawn on this machine wins over the shipped one; without one the shipped pictures come', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-shipped-'));
  try {
    const source = BUILTIN_DIAGRAMS[0].source;
    const store = new SvgStore(path.join(dir, 'pictures.json'), '9.9.9', new ShippedPictures(shippedFile));
    assert.ok(store.pictures(source).every((p) => p.provisional === true) && store.pictures(source).length === 2);
    store.put(source, LIGHT, '<svg>drawn here</svg>');
    assert.deepEqual(store.pictures(source), [{ themeKey: LIGHT, svg: '<svg>drawn here</svg>' }]);
    store.dispose();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
