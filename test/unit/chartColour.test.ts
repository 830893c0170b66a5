// The statistics charts' colour arithmetic (src/webview/shared/colour.ts): VS Code's colour values parse, contrast
// follows WCAG, and a colour too faint on a background is moved toward the text colour until it reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blend, contrast, opaque, parseColour, readable } from '../../src/webview/shared/colour';

test('colours as VS Code themes write them parse; anything else does not', () => {
  assert.deepEqual(parseColour('#1f1f1f'), [31, 31, 31, 1]);
  assert.deepEqual(parseColour('#fff'), [255, 255, 255, 1]);
  assert.deepEqual(parseColour('#00000080'), [0, 0, 0, 128 / 255]);
  assert.deepEqual(parseColour('rgba(204, 204, 204, 0.5)'), [204, 204, 204, 0.5]);
  assert.deepEqual(parseColour('rgb(100% 0% 0%)'), [255, 0, 0, 1]);
  for (const bad of ['', 'red', 'var(--x)', '#12', 'url(x)']) assert.equal(parseColour(bad), undefined, bad);
});

test('contrast is the WCAG ratio', () => {
  assert.equal(Math.round(contrast(parseColour('#000')!, parseColour('#fff')!)), 21);
  assert.equal(contrast(parseColour('#777')!, parseColour('#777')!), 1);
});

test('a colour too faint on the background moves toward the text until it reads at 3:1; one that reads stays', () => {
  const dark = '#1f1f1f';
  // What Mermaid's dark palette drew: near-black bars and a dark brown slice on a dark background.
  for (const faint of ['#000000', '#4a1f05', '#333333']) {
    const out = readable(faint, dark, '#cccccc');
    assert.ok(contrast(parseColour(out)!, parseColour(dark)!) >= 3, `${faint} → ${out}`);
  }
  assert.equal(readable('#3794ff', dark, '#cccccc'), '#3794ff', 'a colour that reads is kept');
  const light = readable('#d18616', '#ffffff', '#3b3b3b');
  assert.ok(contrast(parseColour(light)!, parseColour('#ffffff')!) >= 3, `orange on white → ${light}`);
  assert.equal(readable('#cccccc', dark, '#cccccc', 4.5), '#cccccc');
  // A colour with alpha is judged as it shows over the background.
  assert.ok(contrast(parseColour(readable('#3794ff20', dark, '#cccccc'))!, parseColour(dark)!) >= 3);
  assert.equal(blend('#000000', '#ffffff', 0.5), '#808080');
  assert.equal(blend('nonsense', '#ffffff', 0.5), 'nonsense');
  assert.equal(opaque('#d1861680'), '#d18616');
  assert.equal(opaque('rgba(55, 148, 255, 0.5)'), '#3794ff');
});
