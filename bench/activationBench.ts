// Section 6 of `npm run bench`: activation cost, measured in child processes with `vscode` stubbed (the child only
// needs the module to load and activate(), not to behave), and the bundle sizes.
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { f, mark, median, round, table } from './benchUtil';
import { TARGETS } from './benchTargets';

const ACTIVATION_CHILD = String.raw`
const Module = require('node:module');
const path = require('node:path');
const [extFile, storage, root] = process.argv.slice(2);
const t = () => Number(process.hrtime.bigint()) / 1e6;
function uri(p) {
  const u = { scheme: 'file', fsPath: p, path: p.split(path.sep).join('/'), authority: '', query: '', fragment: '',
    toString: () => 'file://' + u.path, toJSON: () => ({ scheme: 'file', path: u.path, fsPath: p }), with: (c) => uri(c && c.path ? c.path : p) };
  return u;
}
const Uri = { file: uri, parse: (s) => uri(String(s).replace(/^file:\/\//, '')), joinPath: (b, ...s) => uri(path.join(b.fsPath, ...s)), from: (c) => uri(c.path) };
function stub(name) {
  const cache = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(tgt, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.asyncIterator) return async function* () {};
      if (cache.has(prop)) return cache.get(prop);
      if (Object.prototype.hasOwnProperty.call(tgt, prop)) return tgt[prop];
      if (typeof prop === 'symbol') return undefined;
      if (!cache.has(prop)) cache.set(prop, stub(name + '.' + prop));
      return cache.get(prop);
    },
    apply(tgt, self, args) {
      if (/\.get$/.test(name) && args.length >= 2) return args[1]; // configuration.get(key, default)
      if (name === 'vscode.commands.executeCommand') return Promise.resolve(undefined); // a promise, as VS Code's
      return stub(name + '()');
    },
    construct() { return stub('new ' + name); },
    set(tgt, prop, value) { cache.set(prop, value); return true; }, // item.name = …, item.text = …
  });
}
// The module's export names, from @types/vscode (esbuild's ESM interop copies own properties only).
let names = ['window', 'workspace', 'commands', 'languages', 'env', 'extensions', 'Uri', 'EventEmitter', 'Disposable', 'Range', 'Position'];
try {
  const dts = require('node:fs').readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  names = [...new Set([...dts.matchAll(/^	export (?:class|enum|namespace|const|function|let|var) (\w+)/gm)].map((m) => m[1]))];
} catch {}
const vscode = {};
for (const n of names) vscode[n] = n === 'Uri' ? Uri : n === 'version' ? '1.90.0' : stub('vscode.' + n);
process.on('unhandledRejection', () => {});
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return load.apply(this, arguments);
};
function memento() {
  const m = new Map();
  return { get: (k, d) => (m.has(k) ? m.get(k) : d), update: async (k, v) => void m.set(k, v), keys: () => [...m.keys()], setKeysForSync() {} };
}
(async () => {
  const out = {};
  const t0 = t();
  const ext = require(extFile);
  out.requireMs = t() - t0;
  const context = {
    subscriptions: [], extensionUri: uri(root), extensionPath: root, asAbsolutePath: (p) => path.join(root, p),
    globalStorageUri: uri(storage), globalStoragePath: storage, storageUri: uri(path.join(storage, 'ws')), storagePath: path.join(storage, 'ws'),
    logUri: uri(path.join(storage, 'log')), logPath: path.join(storage, 'log'), globalState: memento(), workspaceState: memento(),
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: stub('secrets.onDidChange') },
    extensionMode: 1, environmentVariableCollection: stub('envCollection'), extension: stub('extension'),
  };
  try {
    const t1 = t();
    const r = ext.activate(context);
    out.activateSyncMs = t() - t1;
    if (r && typeof r.then === 'function') await r;
    out.activateMs = t() - t1;
    out.subscriptions = context.subscriptions.length;
  } catch (error) {
    out.activateError = String(error && error.stack || error).split('\n').slice(0, 3).join(' | ');
  }
  process.stdout.write(JSON.stringify(out) + '\n');
  process.exit(0);
})();
`;

/** Section 6: require + activate of the built extension in child processes (median of 5), and the bundle sizes. */
export async function benchActivation(tmp: string, files: { extension: string; worker: string; root: string }) {
  const { extension: EXTENSION, worker: WORKER, root: ROOT } = files;
  const sizeOf = (p: string) => (existsSync(p) ? statSync(p).size : -1);
  const extBytes = sizeOf(EXTENSION);
  const workerBytes = sizeOf(WORKER);
  // Mermaid's own code (its API object), not the word: the host names Mermaid's chunks in the diagram preload list.
  const hasMermaid = extBytes >= 0 ? readFileSync(EXTENSION, 'utf8').includes('mermaidAPI') : false;
  const script = path.join(tmp, 'activate-child.js');
  await fs.writeFile(script, ACTIVATION_CHILD);
  const runs: Array<{ requireMs: number; activateMs?: number; activateSyncMs?: number; activateError?: string; subscriptions?: number }> =
    [];
  let childError: string | undefined;
  for (let i = 0; i < 5 && extBytes >= 0; i++) {
    const storage = path.join(tmp, `storage-${i}`);
    await fs.mkdir(storage, { recursive: true });
    try {
      const out = execFileSync(process.execPath, [script, EXTENSION, storage, ROOT], {
        timeout: 30_000,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const line = out
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .pop();
      if (line) runs.push(JSON.parse(line));
    } catch (error) {
      childError = String((error as { stderr?: string }).stderr || error)
        .split('\n')
        .slice(0, 3)
        .join(' | ');
      break;
    }
  }
  const requireMs = runs.length ? median(runs.map((r) => r.requireMs)) : NaN;
  const activated = runs.filter((r) => r.activateMs !== undefined);
  const activateMs = activated.length ? median(activated.map((r) => r.activateMs!)) : NaN;
  const activateError = runs.find((r) => r.activateError)?.activateError ?? childError;
  const total = requireMs + (Number.isFinite(activateMs) ? activateMs : 0);
  table('6. Activation (child process, `vscode` stubbed, median of 5) and bundles', [
    ['measure', 'value', 'target'],
    ['require(dist/extension.js)', `${f(requireMs, 2)} ms`, ''],
    ['activate(context) incl. returned promise', Number.isFinite(activateMs) ? `${f(activateMs, 2)} ms` : 'n/a (error below)', ''],
    [
      'require + activate',
      `${f(total, 2)} ms${Number.isFinite(activateMs) ? '' : ' (require only)'}`,
      `${mark(total < TARGETS.activationMs)} < ${TARGETS.activationMs} ms`,
    ],
    [
      'dist/extension.js',
      `${f(extBytes / 1024, 1)} KB`,
      `${mark(extBytes >= 0 && extBytes < TARGETS.extensionKB * 1024)} < ${TARGETS.extensionKB} KB`,
    ],
    ['dist/parseWorker.js', `${f(workerBytes / 1024, 1)} KB`, ''],
    ['dist/extension.js contains Mermaid (mermaidAPI)', hasMermaid ? 'yes' : 'no', mark(!hasMermaid) + ' no'],
  ]);
  if (activateError) console.log(`  activate error: ${activateError}`);
  return {
    requireMs: round(requireMs),
    activateMs: Number.isFinite(activateMs) ? round(activateMs) : null,
    activateSyncMs: activated.length ? round(median(activated.map((r) => r.activateSyncMs!))) : null,
    activateError: activateError ?? null,
    subscriptions: activated[0]?.subscriptions ?? null,
    extensionBytes: extBytes,
    parseWorkerBytes: workerBytes,
    extensionHasMermaid: hasMermaid,
  };
}
