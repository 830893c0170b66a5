// What the .vsix holds: the bundles with their third-party notices, no source maps or sources, and only the webview
// chunks the entries load. Reads what `node esbuild.js` (run before the unit tests) wrote: out/shipped-bundles.json
// (inputs and outputs of the shipped bundles, from esbuild's metafile) and THIRD_PARTY_NOTICES.txt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './helpers';

interface ShippedBundles {
  inputs: string[];
  outputs: Record<string, { entryPoint?: string; imports: string[]; inputs: string[] }>;
}

const shipped: ShippedBundles = JSON.parse(fs.readFileSync(path.join(repoRoot, 'out/shipped-bundles.json'), 'utf8'));
const notices = fs.readFileSync(path.join(repoRoot, 'THIRD_PARTY_NOTICES.txt'), 'utf8');

/** name@version of every package folder an input file lies in (innermost node_modules/<name>, scoped or not). */
function bundledPackages(): Map<string, string> {
  const byId = new Map<string, string>();
  for (const input of shipped.inputs) {
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const parts = input.slice(at + 'node_modules/'.length).split('/');
    const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    const dir = path.resolve(repoRoot, input.slice(0, at), 'node_modules', name);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    byId.set(`${manifest.name} ${manifest.version}`, dir);
  }
  return byId;
}

/** The notices' section for one package: from its header to the next rule. */
function section(id: string): string | undefined {
  const start = notices.indexOf(`\n${id}\nLicense: `);
  if (start < 0) return undefined;
  const body = notices.indexOf('\n\n', start);
  const next = notices.indexOf(`\n${'-'.repeat(100)}\n`, body);
  return notices.slice(body, next < 0 ? undefined : next).trim();
}

test('THIRD_PARTY_NOTICES.txt has a section with license text for every package the shipped bundles contain', () => {
  const packages = bundledPackages();
  assert.ok(packages.size > 50, `only ${packages.size} packages found in the bundle inputs`);
  for (const [id, dir] of packages) {
    const text = section(id);
    assert.ok(text, `${id} is bundled but has no section in THIRD_PARTY_NOTICES.txt`);
    const licenseFile = fs.readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const firstLine =
      licenseFile &&
      fs
        .readFileSync(path.join(dir, licenseFile), 'utf8')
        .split('\n')
        .find((l) => l.trim());
    if (firstLine) assert.ok(text.includes(firstLine.trim()), `${id}: its ${licenseFile} is not copied in`);
    else assert.match(text, /Permission is hereby granted|licen[cs]e/i, `${id}: no license text`);
  }
});

test('the extension host bundle, compiled at every activation, carries no Markdown or YAML parser, diagram library or encoding tables', () => {
  const host = shipped.outputs['dist/extension.js'];
  assert.ok(host, 'dist/extension.js was built');
  const heavy = host.inputs.filter((i) =>
    /node_modules\/(?:iconv-lite|yaml|mermaid|micromark|mdast-util-from-markdown|remark-parse|elkjs)\//.test(i),
  );
  assert.deepEqual(heavy, [], 'these load in the parse worker, the quiz bundle or the webviews instead');
  const worker = shipped.outputs['dist/parseWorker.js'];
  assert.ok(
    worker.inputs.some((i) => i.includes('node_modules/iconv-lite/')),
    'the parse worker reads CP949 notes in full',
  );
});

test('THIRD_PARTY_NOTICES.txt lists no package the shipped bundles do not contain', () => {
  const listed = [...notices.matchAll(/^- (\S+ \S+) \(/gm)].map((m) => m[1]);
  assert.deepEqual(listed.sort(), [...bundledPackages().keys()].sort());
});

test('the notices carry the Eclipse text for elkjs, the Mozilla and Apache texts for DOMPurify, MIT for ts-fsrs', () => {
  const id = (name: string) => [...bundledPackages().keys()].find((key) => key.startsWith(`${name} `))!;
  assert.match(section(id('elkjs')) ?? '', /Eclipse Public License/);
  assert.match(section(id('dompurify')) ?? '', /Mozilla Public License[\s\S]*Apache License|Apache License[\s\S]*Mozilla Public License/);
  assert.match(section(id('ts-fsrs')) ?? '', /Permission is hereby granted/);
});

test('every webview chunk on disk is loaded (statically or lazily) by a webview entry, and every loaded chunk is on disk', () => {
  const outputs = shipped.outputs;
  const reachable = new Set<string>();
  const queue = Object.keys(outputs).filter((f) => f.startsWith('dist/webview/') && outputs[f].entryPoint && f.endsWith('.js'));
  while (queue.length) {
    const file = queue.pop()!;
    if (reachable.has(file)) continue;
    reachable.add(file);
    queue.push(...(outputs[file]?.imports ?? []));
  }
  const chunksDir = path.join(repoRoot, 'dist/webview/chunks');
  const onDisk = fs
    .readdirSync(chunksDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => `dist/webview/chunks/${f}`);
  assert.deepEqual(
    onDisk.filter((f) => !reachable.has(f)),
    [],
    'chunks no entry loads',
  );
  for (const file of reachable) assert.ok(fs.existsSync(path.join(repoRoot, file)), `${file} is loaded but missing`);
  // Mermaid's diagram types are lazy chunks: a note's ```mermaid block may be any of them, so all of them ship.
  assert.ok(onDisk.some((f) => /\/sequenceDiagram-/.test(f)) && onDisk.some((f) => /\/stateDiagram-v2-/.test(f)));
});

test('the .vsix holds the bundles, notices and bundled notes, and no source map, source, test or CLI', () => {
  // `vsce ls` lists exactly what `vsce package` would put in (after a development build: .map files are on disk).
  const vsce = path.join(repoRoot, 'node_modules/@vscode/vsce/vsce');
  const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  for (const needed of [
    'package.json',
    'README.md',
    'LICENSE',
    'THIRD_PARTY_NOTICES.txt',
    'dist/extension.js',
    'dist/parseWorker.js',
    'dist/quiz.js',
    'dist/webview/diagram.js',
    'dist/webview/preload.json',
  ]) {
    assert.ok(files.includes(needed), `${needed} is not packaged`);
  }
  assert.ok(
    files.some((f) => f.startsWith('notes/')),
    'bundled notes are not packaged',
  );
  const unwanted = files.filter((f) => /\.map$|\.ts$|^(src|test|scripts|bench|out|node_modules)\/|^dist\/cli\.js$/.test(f));
  assert.deepEqual(unwanted, []);
});

test('package.json: vsce builds for production first, and names no placeholder repository', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  assert.match(manifest.scripts['vscode:prepublish'], /esbuild\.js --production/);
  assert.ok(!JSON.stringify(manifest).includes('example.invalid'));
});
