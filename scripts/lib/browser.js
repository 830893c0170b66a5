'use strict';
// Debian Chromium driven by playwright-core (never `npx playwright install`).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createRequire } = require('node:module');
const { findRepoRoot } = require('./codeServer.js');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found)
    throw new Error(`Chromium not found (tried ${candidates.join(', ')}); run scripts/ensure-code-server.sh or set CHROMIUM_PATH`);
  return found;
}

/** playwright-core loaded from the repo's node_modules (createRequire keeps bundlers away from it). */
function loadPlaywright() {
  return createRequire(path.join(findRepoRoot(), 'package.json'))('playwright-core');
}

/**
 * Launches Chromium with a throw-away profile.
 * @returns {Promise<{context, page, profileDir: string, close: () => Promise<void>}>}
 */
async function launchChromium({ headless = process.env.HEADED !== '1', viewport = { width: 1440, height: 900 }, timeoutMs = 60_000 } = {}) {
  const { chromium } = loadPlaywright();
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless,
    args: CHROMIUM_ARGS,
    viewport,
    timeout: timeoutMs,
    // Clipboard access for tests that copy text.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = context.pages()[0] || (await context.newPage());
  // Playwright kills the browser when this process exits; remove the profile then too.
  const onExit = () => {
    try {
      fs.rmSync(profileDir, { recursive: true, force: true });
    } catch {
      /* best effort */
    }
  };
  process.on('exit', onExit);
  let closed = null;
  const close = () => {
    if (!closed) {
      closed = (async () => {
        process.removeListener('exit', onExit);
        await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
        fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
      })();
    }
    return closed;
  };
  return { context, page, profileDir, close };
}

module.exports = { CHROMIUM_ARGS, chromiumPath, loadPlaywright, launchChromium };
