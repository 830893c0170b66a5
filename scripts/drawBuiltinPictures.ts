// `npm run draw:builtins`: draws every built-in diagram in a real workbench (code-server + Chromium, the packaged
// extension), in a light and a dark theme, and writes media/diagrams/builtin-pictures.json: the pictures a built-in
// diagram shows at once the first time it is opened, until Mermaid has drawn it on the user's machine.
// Run it after changing a built-in diagram, Mermaid or the page's render settings: a unit test
// (shippedPictures.test.ts) fails until the file matches the sources and the bundled Mermaid again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUILTIN_DIAGRAMS } from '../src/core/diagrams/builtin';
import { PictureCache } from '../src/core/diagrams/pictureCache';
import { SVG_STORE_FILE, SvgStore } from '../src/features/diagrams/svgStore';
import { SHIPPED_PICTURES_FILE, shippedPictureKey, type ShippedPicturesData } from '../src/features/diagrams/shippedPictures';
import { openWorkbench, type Workbench } from '../test/ui/lib/workbench';
import { showDiagram, webview } from '../test/ui/lib/diagramsUi';

const repo = path.resolve(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

/** Opens the diagram and waits until the page has drawn it in this theme and, in idle time, in the other one. */
async function drawBoth(wb: Workbench, title: string): Promise<void> {
  await showDiagram(wb, title);
  const canvas = webview(wb.page).locator('.canvas').first();
  await canvas.locator('svg').first().waitFor({ state: 'visible', timeout: 120_000 });
  const deadline = Date.now() + 120_000;
  while ((await canvas.getAttribute('data-prerendered')) !== 'true') {
    if (Date.now() > deadline) throw new Error(`${title}: the dark picture was never drawn`);
    await sleep(200);
  }
  await wb.runCommand('View: Close All Editors', { timeoutMs: 10_000 });
}

async function main(): Promise<void> {
  const version = String((readJson(path.join(repo, 'package.json')) as { version: string }).version);
  const mermaid = String((readJson(path.join(repo, 'node_modules', 'mermaid', 'package.json')) as { version: string }).version);
  const wb = await openWorkbench({
    folder: path.join(repo, 'demo'),
    vsixPath: process.env.TIL_VSIX ?? path.join(repo, 'til-companion.vsix'),
    settings: { 'workbench.colorTheme': 'Default Light Modern' },
  });
  let stored: PictureCache;
  try {
    for (const d of BUILTIN_DIAGRAMS) {
      await drawBoth(wb, d.title);
      console.log(`drew ${d.title}`);
    }
    await sleep(3_000); // the extension writes its pictures 1.5 s after the last one arrived
    const root = path.join(wb.server.userDataDir, 'User', 'globalStorage');
    const file = fs
      .readdirSync(root)
      .map((dir) => path.join(root, dir, SVG_STORE_FILE))
      .find((f) => fs.existsSync(f));
    if (!file) throw new Error(`no ${SVG_STORE_FILE} under ${root}`);
    stored = PictureCache.fromData(readJson(file));
  } finally {
    await wb.close();
  }
  const data: ShippedPicturesData = { mermaid, pictures: [] };
  for (const d of BUILTIN_DIAGRAMS) {
    const pictures = stored.get(SvgStore.keyFor(version, d.source));
    if (pictures.length < 2) throw new Error(`${d.title}: ${pictures.length} picture(s) stored, expected light and dark`);
    for (const p of pictures) data.pictures.push({ source: shippedPictureKey(d.source), themeKey: p.themeKey, svg: p.svg });
  }
  const out = path.join(repo, SHIPPED_PICTURES_FILE);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(data));
  console.log(`wrote ${path.relative(repo, out)}: ${data.pictures.length} pictures, ${Math.round(fs.statSync(out).size / 1024)} KB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
