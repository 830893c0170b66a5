#!/usr/bin/env node
'use strict';
// `npm run screenshots`: runs the UI tests against the packaged extension in a real VS Code and copies the
// screens they saved into the README's and the walkthrough's images, so no picture is hand-made or stale.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repo = path.resolve(__dirname, '..');
/** screenshot saved by a UI test → where the product shows it */
const IMAGES = {
  'hover-fork.png': ['media/screenshots/hover-c.png', 'media/walkthrough/hover.png'],
  'hover-deployment.png': ['media/screenshots/hover-yaml.png'],
  'til-view.png': ['media/screenshots/tree.png', 'media/walkthrough/tree.png'],
  'diagram-process-states.png': ['media/screenshots/diagram.png', 'media/walkthrough/diagram.png'],
  'quiz-question.png': ['media/screenshots/quiz.png', 'media/walkthrough/quiz.png'],
};

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const results = fs.mkdtempSync(path.join(os.tmpdir(), 'til-screenshots-'));
if (!run('bash', ['scripts/ensure-code-server.sh'])) process.exit(1);
const tests = fs.readdirSync(path.join(repo, 'out/test/ui')).filter((f) => f.endsWith('.test.js')).map((f) => `out/test/ui/${f}`);
const passed = run(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...tests], {
  TIL_VSIX: path.join(repo, 'til-companion.vsix'),
  TIL_RESULTS_DIR: results,
});

const missing = [];
for (const [shot, targets] of Object.entries(IMAGES)) {
  const from = path.join(results, 'screenshots', shot);
  if (!fs.existsSync(from)) {
    missing.push(shot);
    continue;
  }
  for (const target of targets) {
    fs.mkdirSync(path.dirname(path.join(repo, target)), { recursive: true });
    fs.copyFileSync(from, path.join(repo, target));
    console.log(`[screenshots] ${shot} → ${target}`);
  }
}
if (missing.length) console.error(`[screenshots] not produced by the UI tests: ${missing.join(', ')}`);
if (!passed) console.error('[screenshots] some UI tests failed: the images above may show a broken screen.');
process.exit(passed && !missing.length ? 0 : 1);
