#!/usr/bin/env node
'use strict';
// `npm test`, every layer in order: lint and typecheck, unit tests (plain Node), the build, a .vsix, mocha inside the real
// extension host (code-server), UI tests in Chromium against the installed .vsix. Sets up what it needs
// (Chromium + CJK fonts via apt when root, code-server + Node 24 in a cache folder) and ends with one
// line: "N passed, N failed" (a lint or typecheck step counts as one).
// TIL_TEST_ONLY=lint|unit|host|ui (comma-separated) runs a subset.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const repo = path.resolve(__dirname, '..');
const totals = { passed: 0, failed: 0 };
const summary = [];

function run(title, command, args, { env, parse, step } = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => {
      const counted = parse ? parse(out) : undefined;
      if (counted) {
        totals.passed += counted.passed;
        totals.failed += counted.failed;
      } else if (step && code === 0) {
        totals.passed += 1; // a check without tests of its own (lint, typecheck) counts as one
      }
      // A step that failed without a failing test (crash, build error) still counts as a failure.
      if (code !== 0 && !(counted && counted.failed > 0)) totals.failed += 1;
      summary.push(
        `  ${code === 0 ? 'passed' : 'FAILED'}  ${title}  ${((Date.now() - started) / 1000).toFixed(1)}s${counted ? `  (${counted.passed} passed, ${counted.failed} failed)` : ''}`,
      );
      resolve(code === 0);
    });
  });
}

const nodeTestCounts = (out) => {
  const pass = [...out.matchAll(/^ℹ pass (\d+)/gm)].pop();
  const fail = [...out.matchAll(/^ℹ fail (\d+)/gm)].pop();
  return pass ? { passed: Number(pass[1]), failed: Number(fail ? fail[1] : 0) } : undefined;
};
const mochaCounts = (out) => {
  const pass = [...out.matchAll(/(\d+) passing/g)].pop();
  const fail = [...out.matchAll(/(\d+) failing/g)].pop();
  return pass || fail ? { passed: Number(pass ? pass[1] : 0), failed: Number(fail ? fail[1] : 0) } : undefined;
};
const testFiles = (dir) =>
  fs.existsSync(path.join(repo, dir))
    ? fs
        .readdirSync(path.join(repo, dir))
        .filter((f) => f.endsWith('.test.js'))
        .map((f) => `${dir}/${f}`)
    : [];

async function main() {
  const only = process.env.TIL_TEST_ONLY;
  const wants = (layer) => !only || only.split(',').includes(layer);
  const node = process.execPath;

  if (wants('lint')) {
    // First, as in CI: cheap, and they catch a broken layer boundary before anything runs.
    await run('lint (ESLint)', node, ['node_modules/eslint/bin/eslint.js', '.'], { step: true });
    await run('format (Prettier --check)', node, ['node_modules/prettier/bin/prettier.cjs', '--check', '.'], { step: true });
    await run('typecheck (tsc, extension, tests, scripts)', node, ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'], {
      step: true,
    });
    await run('typecheck (tsc, webviews)', node, ['node_modules/typescript/bin/tsc', '-p', 'src/webview', '--noEmit'], { step: true });
  }
  if (!wants('unit') && !wants('host') && !wants('ui')) return finish();
  if (!(await run('build tests', node, ['esbuild.js', '--tests']))) return finish();
  if (wants('unit'))
    await run('unit tests (plain Node)', node, ['--test', '--test-reporter=spec', ...testFiles('out/test/unit')], {
      parse: nodeTestCounts,
    });
  if (!wants('host') && !wants('ui')) return finish();

  // vsce runs `vscode:prepublish` (the production build) first, as it does for `npm run package`.
  const vsce = [
    'node_modules/@vscode/vsce/vsce',
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--no-rewrite-relative-links',
  ];
  if (!(await run('package til-companion.vsix (production build)', node, [...vsce, '--out', 'til-companion.vsix']))) return finish();
  if (!(await run('set up code-server, Node 24 and Chromium', 'bash', ['scripts/ensure-code-server.sh']))) {
    console.error('Could not set up the real VS Code for the tests: see the [setup] lines above.');
    return finish();
  }
  if (wants('host'))
    await run(
      'extension-host tests (mocha in code-server)',
      node,
      ['scripts/run-host-tests.js', '.', 'out/test/integration', 'test/fixtures'],
      { parse: mochaCounts },
    );
  if (wants('ui')) {
    await run('UI tests (Chromium)', node, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...testFiles('out/test/ui')], {
      parse: nodeTestCounts,
      env: { TIL_VSIX: path.join(repo, 'til-companion.vsix') },
    });
  }
  return finish();
}

function finish() {
  console.log('\n=== summary ===');
  console.log(summary.join('\n'));
  console.log(`screenshots and logs: ${path.join(repo, 'test-results')}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
