#!/usr/bin/env node
'use strict';
// Runs the mocha suites inside the real VS Code extension host (code-server + headless Chromium).
//
//   node scripts/run-host-tests.js <extensionDevelopmentPath> <extensionTestsPath> <workspaceFolder>
//        [--timeout <ms>] [--grep <pattern>] [--verbose]
//
// e.g. node scripts/run-host-tests.js . out/test/integration test/fixtures/workspace
//
// Prints the extension host's console (the mocha reporter) and exits with the test exit code
// (0 = all passed). Env: TIL_HOST_TEST_TIMEOUT_MS (overall deadline, default 300000),
// TIL_TEST_GREP (mocha grep), TIL_VERBOSE=1 (also print workbench logs), HEADED=1.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startCodeServer, findRepoRoot } = require('./lib/codeServer.js');
const { launchChromium } = require('./lib/browser.js');

function parseArgs(argv) {
  const positional = [];
  const opts = {
    timeoutMs: Number(process.env.TIL_HOST_TEST_TIMEOUT_MS) || 300_000,
    grep: process.env.TIL_TEST_GREP,
    verbose: process.env.TIL_VERBOSE === '1',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--timeout') opts.timeoutMs = Number(argv[++i]);
    else if (a === '--grep') opts.grep = argv[++i];
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '-h' || a === '--help') opts.help = true;
    else positional.push(a);
  }
  return { positional, opts };
}

const USAGE =
  'usage: node scripts/run-host-tests.js <extensionDevelopmentPath> <extensionTestsPath> <workspaceFolder> [--timeout ms] [--grep pattern] [--verbose]';

// Workbench log lines that are noise in a test run (the extension host's own console is kept).
const NOISE = [
  /^\[(driver|reconnection-grace-time|Service Worker|AgentHost[^\]]*|AccountPolicyGate)\]/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket \(/,
  /^Updating additional builtin extensions cache/,
  /^Extension host \(.*\) is unresponsive/,
  /^Timed out waiting for authentication provider/,
  /open-vsx|marketplace|gallery/i,
];

async function main() {
  const { positional, opts } = parseArgs(process.argv.slice(2));
  if (opts.help || positional.length !== 3) {
    console.error(USAGE);
    return 2;
  }
  const [devPath, testsPath, fixtureWorkspace] = positional.map((p) => path.resolve(p));
  for (const [name, p] of [
    ['extensionDevelopmentPath', devPath],
    ['extensionTestsPath', testsPath],
    ['workspaceFolder', fixtureWorkspace],
  ]) {
    const probe = name === 'extensionTestsPath' && !fs.existsSync(p) ? `${p}.js` : p;
    if (!fs.existsSync(probe)) {
      console.error(`run-host-tests: ${name} does not exist: ${p}`);
      return 2;
    }
  }
  if (!fs.existsSync(path.join(devPath, 'package.json'))) {
    console.error(`run-host-tests: no package.json in extensionDevelopmentPath ${devPath}`);
    return 2;
  }

  // The tests change settings and files in their workspace, and VS Code rewrites settings.json as it likes: they run
  // on a copy, so the repository's fixtures stay as committed.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'til-host-workspace-'));
  fs.cpSync(fixtureWorkspace, workspace, { recursive: true });

  const resultsDir = path.join(findRepoRoot(), 'test-results');
  fs.rmSync(path.join(resultsDir, 'host-logs'), { recursive: true, force: true });
  fs.rmSync(path.join(resultsDir, 'host-timeout.png'), { force: true });
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  let server;
  let browser;
  let timer;
  try {
    server = await startCodeServer({
      folder: workspace,
      smokeTestDriver: true,
      env: {
        TIL_TEST_WORKSPACE: workspace,
        ...(opts.grep ? { TIL_TEST_GREP: opts.grep } : {}),
      },
    });
    if (opts.verbose) console.error(`[host-tests] code-server up at ${server.url} in ${elapsed()} (log ${server.logFile})`);
    browser = await launchChromium();
    const { page } = browser;

    let finish;
    const done = new Promise((resolve) => (finish = resolve));

    // Must exist before the workbench loads: it looks them up when the test host starts/exits.
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      const text = typeof message === 'string' ? message : Array.isArray(message) ? message.map(String).join(' ') : String(message);
      if (!opts.verbose && NOISE.some((re) => re.test(text))) return;
      if (level === 'error' || level === 'warn') process.stderr.write(`${text}\n`);
      else process.stdout.write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      if (code !== 0 && Array.isArray(logs) && logs.length) {
        const dir = path.join(resultsDir, 'host-logs');
        for (const { relativePath, contents } of logs) {
          const file = path.join(dir, relativePath);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, contents);
        }
        console.error(`[host-tests] workbench logs saved to ${dir}`);
      }
      finish({ code: Number(code) || 0 });
    });
    if (opts.verbose) {
      page.on('console', (m) => console.error(`[browser ${m.type()}] ${m.text()}`));
    }
    page.on('pageerror', (e) => console.error(`[browser pageerror] ${e.message}`));
    page.on('crash', () => finish({ code: 1, reason: 'the browser page crashed' }));

    const remote = (p) => `vscode-remote://${server.host}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(devPath)],
      ['extensionTestsPath', remote(testsPath)],
    ]);
    const url = server.folderUrl(workspace, { payload });

    const remaining = () => Math.max(1_000, opts.timeoutMs - (Date.now() - started));
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ code: 1, reason: `timed out after ${opts.timeoutMs} ms` }), remaining());
    });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: remaining() });
    const result = await Promise.race([done, timeout]);
    clearTimeout(timer);

    if (result.reason) {
      const shot = path.join(resultsDir, 'host-timeout.png');
      fs.mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: shot, timeout: 10_000 }).catch(() => {});
      console.error(`[host-tests] FAILED: ${result.reason}; screenshot ${shot}`);
      console.error(`[host-tests] code-server log tail:\n${server.logTail(30)}`);
    }
    console.error(`[host-tests] exit code ${result.code} after ${elapsed()}`);
    return result.code;
  } catch (err) {
    console.error(`[host-tests] error: ${err && err.stack ? err.stack : err}`);
    return 1;
  } finally {
    clearTimeout(timer);
    if (browser) await browser.close();
    if (server) await server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) process.exit(130);
    stopping = true;
    // process 'exit' handlers in lib/codeServer.js kill the server group.
    process.exit(130);
  });
}

main().then((code) => process.exit(code));
