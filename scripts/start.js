#!/usr/bin/env node
'use strict';
// `npm start`: builds the extension, then runs it in a real VS Code (code-server) on
// http://127.0.0.1:<port>/ with the demo/ workspace open, until Ctrl-C / SIGTERM.
//
//   node scripts/start.js [--port 8080] [--folder demo] [--no-build] [--watch] [--extension <dir>]
//
// --port (or env PORT): preferred port, default 8080; the next free one is used if taken.
// --watch: also runs `node esbuild.js --watch` (reload the window to pick up changes).
// --extension: the unpacked extension folder to load (default: the repo root).
// The extension is loaded through a symlink <extensionsDir>/<publisher>.<name>-<version> to that
// folder, in a fresh isolated user-data/extensions folder, so nothing in $HOME is touched.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { ensureCodeServer, findRepoRoot, startCodeServer } = require('./lib/codeServer.js');

const USAGE = 'usage: node scripts/start.js [--port N] [--folder DIR] [--no-build] [--watch] [--extension DIR]';

function parseArgs(argv) {
  const opts = { port: Number(process.env.PORT) || 8080, folder: 'demo', build: true, watch: false, extension: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--port') opts.port = Number(value());
    else if (a.startsWith('--port=')) opts.port = Number(a.slice(7));
    else if (a === '--folder') opts.folder = value();
    else if (a === '--extension') opts.extension = value();
    else if (a === '--no-build') opts.build = false;
    else if (a === '--watch') opts.watch = true;
    else if (a === '-h' || a === '--help') opts.help = true;
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 1 || opts.port > 65535) throw new Error(`invalid port ${opts.port}`);
  return opts;
}

const log = (msg) => console.log(`[start] ${msg}`);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const root = findRepoRoot(__dirname);
  const extensionPath = path.resolve(root, opts.extension || '.');
  const folder = path.resolve(root, opts.folder);
  if (!fs.existsSync(folder)) throw new Error(`folder to open does not exist: ${folder}`);

  if (opts.build) {
    if (fs.existsSync(path.join(root, 'esbuild.js'))) {
      log('building: node esbuild.js');
      const t = Date.now();
      const res = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
      if (res.status !== 0) throw new Error(`build failed (node esbuild.js exited ${res.status ?? res.signal})`);
      log(`built in ${((Date.now() - t) / 1000).toFixed(1)}s`);
    } else {
      log('esbuild.js not found: skipping the build');
    }
  }

  const pkg = JSON.parse(fs.readFileSync(path.join(extensionPath, 'package.json'), 'utf8'));
  if (pkg.main && !fs.existsSync(path.resolve(extensionPath, pkg.main)) && !fs.existsSync(path.resolve(extensionPath, `${pkg.main}.js`))) {
    log(`warning: ${pkg.main} does not exist in ${extensionPath}; the extension will fail to activate`);
  }

  ensureCodeServer();

  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-start-exts-'));
  const id = `${pkg.publisher}.${pkg.name}`;
  fs.symlinkSync(extensionPath, path.join(extensionsDir, `${id}-${pkg.version}`.toLowerCase()), 'dir');

  let watcher;
  let server;
  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    log('stopping VS Code...');
    if (watcher && watcher.exitCode === null) {
      try {
        process.kill(watcher.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
    if (server) await server.stop();
    fs.rmSync(extensionsDir, { recursive: true, force: true });
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGHUP', () => shutdown(0));

  try {
    // A new user's first screen: the walkthrough, which our extension opens on its first run in a profile.
    server = await startCodeServer({
      folder,
      port: opts.port,
      extensionsDir,
      settings: { 'tilCompanion.walkthrough.openOnFirstRun': true },
    });
  } catch (err) {
    fs.rmSync(extensionsDir, { recursive: true, force: true });
    throw err;
  }
  if (server.port !== opts.port) log(`port ${opts.port} is taken: using ${server.port}`);

  if (opts.watch && fs.existsSync(path.join(root, 'esbuild.js'))) {
    watcher = spawn(process.execPath, ['esbuild.js', '--watch'], { cwd: root, stdio: 'inherit' });
    log('watching sources (node esbuild.js --watch); run "Developer: Reload Window" to load changes');
  }

  console.log('');
  console.log(`TIL Companion is running in VS Code at ${server.folderUrl(folder)}`);
  console.log(`  extension: ${id}@${pkg.version} from ${extensionPath}`);
  console.log(`  server log: ${server.logFile}`);
  console.log('  press Ctrl-C to stop');
  console.log('');

  const exit = await server.exited;
  if (!stopping) {
    console.error(`[start] code-server exited unexpectedly (code ${exit.code}, signal ${exit.signal}). Log tail:\n${server.logTail(30)}`);
    await shutdown(1);
  }
  return 0;
}

main().catch((err) => {
  console.error(`[start] error: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
