'use strict';
// Real VS Code for tests and `npm start`: code-server (VS Code in the browser, real Node
// extension host) from the npm registry, run with the Node 24 it needs. Every run is fully
// isolated in a fresh temp folder (config, user data, extensions, XDG_* dirs), bound to
// 127.0.0.1 without auth, and stopped by killing its whole process group.
//
// Background: docs/architecture.md (Tests and measurements).
//
// Plain CommonJS for Node 20. Also bundled into out/test/ui/ by esbuild, so it must not
// depend on its own location except through findRepoRoot().

const { spawn, spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { alive, descendants, killQuietly, sleep } = require('./processes');

/** Settings that keep the workbench quiet, offline and deterministic. */
const DEFAULT_SETTINGS = Object.freeze({
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  // Test workbenches start on an empty editor; npm start and the walkthrough test turn this back on.
  'tilCompanion.walkthrough.openOnFirstRun': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'npm.autoDetect': 'off',
  'typescript.tsserver.experimental.enableProjectDiagnostics': false,
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
  'workbench.layoutControl.enabled': false,
});

/** Environment variables that would make code-server escape the isolation. */
const SCRUBBED_ENV = /^(CODE_SERVER_|CS_|VSCODE_|ELECTRON_)|^(PASSWORD|HASHED_PASSWORD|PORT|GITHUB_TOKEN|EXTENSIONS_GALLERY|NODE_OPTIONS)$/;

// $1 = pid to watch, $2 = temp folder to remove ('' = keep), then the command to exec.
const WATCHDOG = [
  'parent=$1; tmp=$2; shift 2',
  '( trap "" INT HUP; exec >/dev/null 2>&1 </dev/null',
  '  while kill -0 "$parent" 2>/dev/null; do sleep 1; done',
  // leave the group (setsid) before killing it, then clean up
  '  exec setsid sh -c \'kill -9 -"$2"; sleep 1; [ -z "$1" ] || rm -rf "$1"\' watchdog "$tmp" "$$" ) &',
  'exec "$@"',
].join('\n');

let cachedBins = null;

/** The repo root: the first folder upwards holding scripts/ensure-code-server.sh. */
function findRepoRoot(start = __dirname) {
  const candidates = [start, process.cwd()];
  for (const first of candidates) {
    let dir = path.resolve(first);
    for (;;) {
      if (fs.existsSync(path.join(dir, 'scripts', 'ensure-code-server.sh'))) return dir;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error(`cannot find the repo root (scripts/ensure-code-server.sh) above ${start} or ${process.cwd()}`);
}

/**
 * Installs code-server + Node 24 if needed (idempotent, fast once installed) and returns
 * `{ codeServerBin, node24Bin }` (node24Bin is the folder holding `node`).
 * CODE_SERVER_BIN and NODE24_BIN in the environment skip the install script.
 */
function ensureCodeServer({ quiet = false } = {}) {
  if (cachedBins) return cachedBins;
  if (process.env.CODE_SERVER_BIN && process.env.NODE24_BIN) {
    cachedBins = { codeServerBin: process.env.CODE_SERVER_BIN, node24Bin: process.env.NODE24_BIN };
    return cachedBins;
  }
  const script = path.join(findRepoRoot(), 'scripts', 'ensure-code-server.sh');
  let out;
  try {
    out = execFileSync('bash', [script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (err) {
    const detail = err.stderr ? `\n${String(err.stderr).slice(-4000)}` : '';
    throw new Error(`${script} failed (exit ${err.status}); see its output above${detail}`, { cause: err });
  }
  const get = (key) => {
    const m = out.match(new RegExp(`^${key}=(.+)$`, 'm'));
    if (!m) throw new Error(`${script} did not print ${key}=...; its stdout was:\n${out}`);
    return m[1].trim();
  };
  cachedBins = { codeServerBin: get('CODE_SERVER_BIN'), node24Bin: get('NODE24_BIN') };
  for (const [k, p] of Object.entries({ codeServerBin: cachedBins.codeServerBin, node: path.join(cachedBins.node24Bin, 'node') })) {
    if (!fs.existsSync(p)) throw new Error(`${k} missing at ${p}; delete the cache folder and rerun ${script}`);
  }
  return cachedBins;
}

/** A TCP port that is free on 127.0.0.1: `preferred` if free, else the next free ones, else any. */
async function findFreePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.unref();
      srv.once('error', () => resolve(null));
      srv.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
        const got = srv.address().port;
        srv.close(() => resolve(got));
      });
    });
  if (preferred) {
    for (let p = preferred; p < preferred + 50 && p < 65536; p++) {
      const got = await tryPort(p);
      if (got) return got;
    }
  }
  const got = await tryPort(0);
  if (!got) throw new Error('no free TCP port on 127.0.0.1');
  return got;
}

/** A fresh isolated home for one code-server run: config, user data, XDG dirs. */
function makeIsolation(tmpDir, { port, settings = {}, extensionsDir } = {}) {
  const dirs = {
    tmpDir,
    config: path.join(tmpDir, 'config.yaml'),
    userDataDir: path.join(tmpDir, 'user-data'),
    extensionsDir: extensionsDir ? path.resolve(extensionsDir) : path.join(tmpDir, 'extensions'),
    xdgConfig: path.join(tmpDir, 'xdg', 'config'),
    xdgData: path.join(tmpDir, 'xdg', 'data'),
    xdgCache: path.join(tmpDir, 'xdg', 'cache'),
  };
  for (const d of [dirs.userDataDir, dirs.extensionsDir, dirs.xdgConfig, dirs.xdgData, dirs.xdgCache]) {
    fs.mkdirSync(d, { recursive: true });
  }
  fs.mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  // An explicit config file, so code-server never writes a password config anywhere.
  fs.writeFileSync(
    dirs.config,
    [`bind-addr: 127.0.0.1:${port || 0}`, 'auth: none', 'cert: false', 'disable-telemetry: true', 'disable-update-check: true', ''].join(
      '\n',
    ),
  );
  return dirs;
}

function isolatedEnv(dirs, node24Bin, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!SCRUBBED_ENV.test(k)) env[k] = v;
  Object.assign(env, {
    PATH: `${node24Bin}${path.delimiter}${process.env.PATH || ''}`,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    XDG_STATE_HOME: path.join(dirs.tmpDir, 'xdg', 'state'),
    XDG_RUNTIME_DIR: path.join(dirs.tmpDir, 'xdg', 'runtime'),
    CODE_SERVER_CONFIG: dirs.config,
  });
  fs.mkdirSync(env.XDG_STATE_HOME, { recursive: true });
  fs.mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
  return { ...env, ...extra };
}

function isolationArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function httpGet(url, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(null));
  });
}

/**
 * Starts an isolated code-server on 127.0.0.1.
 * @param {object} opts
 * @param {string} [opts.folder] folder to open by default
 * @param {number} [opts.port] preferred port (the next free one is used if taken); default: any free port
 * @param {boolean} [opts.smokeTestDriver] `--vscode-option enable-smoke-test-driver` (needed for
 *   extension-host tests through the `payload` URL; it also suppresses notification toasts)
 * @param {string} [opts.extensionsDir] use this extensions folder instead of an empty one
 * @param {object} [opts.settings] extra user settings
 * @param {object} [opts.env] extra environment variables for the server (and extension host)
 * @param {string[]} [opts.extraArgs] more code-server arguments
 * @param {number} [opts.timeoutMs] how long to wait for /healthz (default 90 s)
 * @param {boolean} [opts.restrictedMode] workspace trust on and the folder not trusted (Restricted Mode,
 *   no startup prompt); by default trust is off, as in most tests
 * @param {boolean} [opts.keepTmp] keep the temp folder after stop() (also env TIL_KEEP_TMP=1)
 * @param {boolean} [opts.inheritOutput] also echo the server log to this process's stderr
 * @returns {Promise<{url: string, port: number, host: string, tmpDir: string, logFile: string,
 *   userDataDir: string, extensionsDir: string, pid: number, exited: Promise<{code: number|null, signal: string|null}>,
 *   folderUrl: Function, logTail: Function, stop: () => Promise<void>}>}
 */
async function startCodeServer(opts = {}) {
  const { folder, smokeTestDriver = false, env: extraEnv, extraArgs = [], timeoutMs = 90_000, restrictedMode = false } = opts;
  const settings = restrictedMode
    ? {
        ...opts.settings,
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.untrustedFiles': 'open',
      }
    : opts.settings;
  const keepTmp = opts.keepTmp || process.env.TIL_KEEP_TMP === '1';
  const { codeServerBin, node24Bin } = ensureCodeServer();
  const port = await findFreePort(opts.port);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-code-server-'));
  const dirs = makeIsolation(tmpDir, { port, settings, extensionsDir: opts.extensionsDir });
  const logFile = path.join(tmpDir, 'server.log');
  const logFd = fs.openSync(logFile, 'a');

  const args = [
    codeServerBin,
    ...isolationArgs(dirs),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(restrictedMode ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
  ];
  if (folder) args.push(path.resolve(folder));

  // The shell forks a watchdog into the new process group, then execs code-server (which so
  // becomes the group leader, pid = pgid). If this process dies without stopping the server
  // (SIGKILL, a test-runner timeout), the watchdog removes the temp folder and kills the group.
  const child = spawn(
    '/bin/sh',
    ['-c', WATCHDOG, 'til-code-server', String(process.pid), keepTmp ? '' : tmpDir, path.join(node24Bin, 'node'), ...args],
    {
      cwd: folder ? path.resolve(folder) : tmpDir,
      env: isolatedEnv(dirs, node24Bin, extraEnv),
      detached: true, // own process group: stop() kills the whole tree
      stdio: ['ignore', logFd, logFd],
    },
  );
  fs.closeSync(logFd);
  let exited = null;
  const exitedPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve(exited);
    });
  });
  const pid = child.pid;

  // Last-resort cleanup if this process exits without calling stop().
  const onExit = () => {
    for (const p of descendants(pid)) killQuietly(p, 'SIGKILL');
    killQuietly(-pid, 'SIGKILL');
    if (!keepTmp) {
      try {
        fs.rmSync(tmpDir, { recursive: true, force: true });
      } catch {
        /* best effort */
      }
    }
  };
  process.on('exit', onExit);

  let stopped = null;
  const stop = () => {
    if (stopped) return stopped;
    stopped = (async () => {
      process.removeListener('exit', onExit);
      const tree = descendants(pid); // includes e.g. terminals that called setsid()
      if (exited === null) {
        killQuietly(-pid, 'SIGTERM');
        for (const p of tree) killQuietly(p, 'SIGTERM');
        const deadline = Date.now() + 5000;
        while (Date.now() < deadline && (alive(pid) || tree.some(alive))) await sleep(100);
      }
      killQuietly(-pid, 'SIGKILL');
      for (const p of [...tree, ...descendants(pid)]) killQuietly(p, 'SIGKILL');
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline && (alive(pid) || tree.some(alive))) await sleep(50);
      if (!keepTmp) {
        try {
          fs.rmSync(tmpDir, { recursive: true, force: true, maxRetries: 3 });
        } catch {
          /* best effort */
        }
      }
    })();
    return stopped;
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (exited) {
        throw new Error(
          `code-server exited during startup (code ${exited.code}, signal ${exited.signal}). Log ${logFile}:\n${tail(logFile)}`,
        );
      }
      const res = await httpGet(`${url}healthz`, 2000);
      if (res && res.status === 200) break;
      if (Date.now() > deadline) {
        throw new Error(`code-server did not answer ${url}healthz within ${timeoutMs} ms. Log ${logFile}:\n${tail(logFile)}`);
      }
      await sleep(150);
    }
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    url,
    port,
    host: `127.0.0.1:${port}`,
    pid,
    tmpDir,
    logFile,
    userDataDir: dirs.userDataDir,
    extensionsDir: dirs.extensionsDir,
    /** URL that opens `folderPath` (default: the started folder), with optional extra query. */
    folderUrl(folderPath = folder, query = {}) {
      // encodeURIComponent, but keep '/' readable (code-server accepts ?folder=/abs/path).
      const enc = (v) => encodeURIComponent(v).replace(/%2F/g, '/');
      const parts = [];
      if (folderPath) parts.push(`folder=${enc(path.resolve(folderPath))}`);
      for (const [k, v] of Object.entries(query)) parts.push(`${encodeURIComponent(k)}=${enc(String(v))}`);
      return parts.length ? `${url}?${parts.join('&')}` : url;
    },
    logTail: (n) => tail(logFile, n),
    /** resolves when the code-server process exits (after stop() or by itself) */
    exited: exitedPromise,
    stop,
  };
}

/**
 * Installs a .vsix into `extensionsDir` with `code-server --install-extension`, isolated like
 * startCodeServer (throw-away user data/XDG dirs). Returns the installed extension folder names.
 */
function installVsix(vsixPath, extensionsDir, { timeoutMs = 120_000 } = {}) {
  const vsix = path.resolve(vsixPath);
  if (!fs.existsSync(vsix)) throw new Error(`vsix not found: ${vsix}`);
  const { codeServerBin, node24Bin } = ensureCodeServer();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-cs-install-'));
  try {
    const dirs = makeIsolation(tmpDir, { extensionsDir });
    const before = new Set(fs.readdirSync(dirs.extensionsDir));
    const res = spawnSync(path.join(node24Bin, 'node'), [codeServerBin, ...isolationArgs(dirs), '--force', '--install-extension', vsix], {
      env: isolatedEnv(dirs, node24Bin),
      encoding: 'utf8',
      timeout: timeoutMs,
      cwd: tmpDir,
    });
    const output = `${res.stdout || ''}${res.stderr || ''}`;
    if (res.error) throw new Error(`code-server --install-extension ${vsix} failed: ${res.error.message}\n${output}`);
    // Check the output and the folder too, not only the exit code.
    const installed = fs.readdirSync(dirs.extensionsDir).filter((n) => !n.startsWith('.') && n !== 'extensions.json');
    if (res.status !== 0 || /\b(error|failed)\b/i.test(output) || installed.length === 0) {
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${res.status}):\n${output}`);
    }
    return installed.filter((n) => !before.has(n)).concat(installed.filter((n) => before.has(n)));
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

module.exports = {
  DEFAULT_SETTINGS,
  findRepoRoot,
  ensureCodeServer,
  findFreePort,
  startCodeServer,
  installVsix,
  descendants,
};
