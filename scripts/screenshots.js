#!/usr/bin/env node
'use strict';
// `npm run screenshots`: runs the UI tests that take the product's pictures against the packaged extension in a
// real VS Code, then turns the screens they saved into the README's and the walkthrough's images (cropped to
// what they show, scaled down, drawn by the same Chromium), so no picture is hand-made or stale.
//   node scripts/screenshots.js --from <dir>   re-crops screens saved by an earlier run, without running tests
// The raw screens of a run stay in test-results/screenshots-raw/.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { launchChromium } = require('./lib/browser.js');

const repo = path.resolve(__dirname, '..');

/**
 * One row per picture: the screen a UI test saves (1440×900), the test file that saves it, where the product
 * shows it, the part of the screen kept (`crop`, screen pixels) and the width it is scaled to.
 */
const EDITOR = { x: 352, y: 0, width: 1088, height: 900 }; // the editor area, right of the side bar
const IMAGES = [
  {
    shot: 'hover-fork.png',
    test: 'notes',
    targets: ['media/screenshots/hover-c.png', 'media/walkthrough/hover.png'],
    crop: { x: 0, y: 0, width: 1440, height: 640 },
    width: 1000,
  },
  {
    shot: 'hover-deployment.png',
    test: 'notes',
    targets: ['media/screenshots/hover-yaml.png'],
    crop: { x: 0, y: 0, width: 1440, height: 640 },
    width: 1000,
  },
  {
    shot: 'til-view.png',
    test: 'notes',
    targets: ['media/screenshots/tree.png', 'media/walkthrough/chooseNotes.png'],
    crop: { x: 0, y: 0, width: 760, height: 640 },
    width: 760,
  },
  {
    shot: 'question-opened.png',
    test: 'notes',
    targets: ['media/walkthrough/browse.png'],
    crop: { x: 0, y: 0, width: 1440, height: 640 },
    width: 1000,
  },
  {
    shot: 'diagram-process-states.png',
    test: 'diagrams',
    targets: ['media/screenshots/diagram.png', 'media/walkthrough/diagrams.png'],
    crop: EDITOR,
    width: 900,
  },
  {
    shot: 'quiz-question.png',
    test: 'quiz',
    targets: ['media/screenshots/quiz.png'],
    crop: { x: 0, y: 0, width: 1440, height: 330 },
    width: 1000,
  },
  {
    shot: 'walkthrough-quiz.png',
    test: 'walkthrough',
    targets: ['media/walkthrough/quiz.png'],
    crop: { x: 0, y: 0, width: 1440, height: 330 },
    width: 1000,
  },
  { shot: 'stats-charts.png', test: 'stats', targets: ['media/screenshots/stats.png'], crop: EDITOR, width: 900 },
];

function parseArgs(argv) {
  const from = argv.indexOf('--from');
  return { from: from >= 0 ? path.resolve(argv[from + 1] ?? '') : undefined };
}

function runUiTests(results) {
  const setup = spawnSync('bash', ['scripts/ensure-code-server.sh'], { cwd: repo, stdio: 'inherit' });
  if (setup.status !== 0) return false;
  const tests = [...new Set(IMAGES.map((i) => `out/test/ui/${i.test}.test.js`))];
  const run = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...tests], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, TIL_VSIX: path.join(repo, 'til-companion.vsix'), TIL_RESULTS_DIR: results },
  });
  return run.status === 0;
}

/** Crops and scales `from` into a PNG by drawing it in a page of exactly the output's size. */
async function render(page, from, image) {
  const { width: screenW, height: screenH } = await page.evaluate(
    async (src) => {
      const img = new globalThis.Image();
      img.src = src;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    },
    `data:image/png;base64,${fs.readFileSync(from).toString('base64')}`,
  );
  const crop = image.crop ?? { x: 0, y: 0, width: screenW, height: screenH };
  const scale = Math.min(1, (image.width ?? crop.width) / crop.width);
  const out = { width: Math.round(crop.width * scale), height: Math.round(crop.height * scale) };
  await page.setViewportSize(out);
  await page.setContent(
    `<body style="margin:0;overflow:hidden"><img id="shot" style="display:block;width:${screenW * scale}px;margin:${-crop.y * scale}px 0 0 ${-crop.x * scale}px"></body>`,
  );
  await page.evaluate(
    async (src) => {
      const img = globalThis.document.getElementById('shot');
      img.src = src;
      await img.decode();
    },
    `data:image/png;base64,${fs.readFileSync(from).toString('base64')}`,
  );
  return page.screenshot({ clip: { x: 0, y: 0, ...out }, animations: 'disabled' });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const raw = args.from ?? path.join(repo, 'test-results', 'screenshots-raw');
  let passed = true;
  if (!args.from) {
    fs.rmSync(raw, { recursive: true, force: true });
    passed = runUiTests(raw);
  }
  const shots = fs.existsSync(path.join(raw, 'screenshots')) ? path.join(raw, 'screenshots') : raw;
  const missing = IMAGES.filter((i) => !fs.existsSync(path.join(shots, i.shot))).map((i) => i.shot);
  const browser = await launchChromium({ viewport: { width: 1000, height: 600 } });
  try {
    for (const image of IMAGES) {
      const from = path.join(shots, image.shot);
      if (!fs.existsSync(from)) continue;
      const png = await render(browser.page, from, image);
      for (const target of image.targets) {
        fs.mkdirSync(path.dirname(path.join(repo, target)), { recursive: true });
        fs.writeFileSync(path.join(repo, target), png);
        console.log(`[screenshots] ${image.shot} → ${target} (${Math.round(png.length / 1024)} KB)`);
      }
    }
  } finally {
    await browser.close();
  }
  if (missing.length) console.error(`[screenshots] not produced by the UI tests: ${missing.join(', ')}`);
  if (!passed) console.error('[screenshots] some UI tests failed: the images above may show a broken screen.');
  console.log(`[screenshots] raw screens: ${shots}`);
  process.exit(passed && !missing.length ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
