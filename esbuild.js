// Builds every bundle: the extension and its parse worker (Node, CommonJS, `vscode` external), the CLI,
// the webviews (browser, one bundle per panel), and with --tests / --bench the test and benchmark entries.
// Every build also writes THIRD_PARTY_NOTICES.txt from the real inputs of the bundles the .vsix ships, and
// out/shipped-bundles.json (those inputs and outputs) for test/unit/packaging.test.ts.
// Usage: node esbuild.js [--production] [--watch] [--tests] [--bench]
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const { writeNotices } = require('./scripts/lib/thirdPartyNotices');
const { micromarkLinear } = require('./scripts/micromarkLinear');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

const exists = (p) => fs.existsSync(path.join(__dirname, p));
const filesIn = (dir, pattern) =>
  exists(dir)
    ? fs
        .readdirSync(path.join(__dirname, dir))
        .filter((f) => pattern.test(f))
        .map((f) => `${dir}/${f}`)
    : [];

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // License comments are dropped from the bundles: THIRD_PARTY_NOTICES.txt carries the full texts.
  legalComments: 'none',
  metafile: true,
  plugins: [micromarkLinear],
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension.ts', parseWorker: 'src/node/parseWorker.ts' }, outdir: 'dist' },
  // The quiz implementation, required on first use (activation compiles only dist/extension.js).
  { ...node, entryPoints: { quiz: 'src/features/quiz/quizBundle.ts' }, outdir: 'dist' },
  // The full CP949 decoder's tables, required only when a glossary in a legacy Korean encoding turns up.
  { ...node, entryPoints: { cp949: 'src/core/notes/cp949.ts' }, outdir: 'dist' },
];

// ES modules with chunks: the quiz and statistics pages, and the diagram page's Mermaid (diagramMermaid.js).
/** What every webview bundle shares: browser code with its own tsconfig, CSS imported from the script. */
const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  outdir: 'dist/webview',
  minify: production,
  tsconfig: 'src/webview/tsconfig.json',
  logLevel: 'warning',
  legalComments: 'none',
  loader: { '.css': 'css' },
  metafile: true,
};

const webviews = Object.fromEntries(
  ['quiz', 'stats'].filter((name) => exists(`src/webview/${name}/main.ts`)).map((name) => [name, `src/webview/${name}/main.ts`]),
);
if (exists('src/webview/diagram/mermaidModule.ts')) webviews.diagramMermaid = 'src/webview/diagram/mermaidModule.ts';
if (Object.keys(webviews).length) {
  // Chunk names carry content hashes: clear old ones so the package holds only this build's.
  if (!watch) fs.rmSync(path.join(__dirname, 'dist/webview'), { recursive: true, force: true });
  builds.push({
    ...browser,
    format: 'esm',
    splitting: true, // mermaid's diagram types load as lazy chunks
    entryPoints: webviews,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: !production,
    webviews: true, // marker for main(); removed before esbuild sees it
  });
}
// The diagram page: one classic script (and its CSS) that the panel's HTML carries inline, so a stored picture
// paints without a single fetch; it imports diagramMermaid.js by the address the host writes into the page.
if (exists('src/webview/diagram/main.ts')) {
  builds.push({
    ...browser,
    format: 'iife',
    entryPoints: { diagram: 'src/webview/diagram/main.ts' },
    sourcemap: false, // inlined into the page: a map would only weigh it down (development builds are not minified)
  });
}
/** The builds above go into the .vsix; the CLI and the test and benchmark bundles below do not. */
const shipped = builds.length;
builds.push({ ...node, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } });

if (args.has('--tests')) {
  const entries = [...filesIn('test/unit', /\.test\.ts$/), ...filesIn('test/integration', /\.ts$/), ...filesIn('test/ui', /\.test\.ts$/)];
  if (exists('test/runElectron.ts')) entries.push('test/runElectron.ts');
  builds.push({
    ...node,
    sourcemap: true,
    minify: false,
    entryPoints: entries,
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'playwright-core', 'mocha', '@vscode/test-electron'],
  });
}
if (args.has('--bench')) {
  builds.push({
    ...node,
    sourcemap: false,
    minify: false,
    entryPoints: {
      bench: 'bench/bench.ts',
      uiBench: 'bench/uiBench.ts',
      readyUiBench: 'bench/readyUiBench.ts',
      firstParse: 'bench/firstParse.ts', // a child of bench section 12
      hoverBench: 'bench/hoverBench.ts',
      drawBuiltinPictures: 'scripts/drawBuiltinPictures.ts', // drives the same workbench as the UI bench
    },
    outdir: 'out/bench',
    external: ['vscode', 'playwright-core'],
  });
}

/**
 * dist/webview/preload.json: the chunk files each kind of diagram needs, so the panel's HTML can ask for them
 * (`<link rel="modulepreload">`) while the page's own script loads, instead of one import after another.
 * `mermaid` is what the diagram page's import of diagramMermaid.js loads; each diagram kind lists only what it adds.
 */
function writePreloadManifest(meta) {
  const outputs = meta.outputs;
  const closure = (file, seen = new Set()) => {
    if (seen.has(file) || !outputs[file]) return seen;
    seen.add(file);
    for (const i of outputs[file].imports) if (i.kind === 'import-statement') closure(i.path, seen);
    return seen;
  };
  if (!outputs['dist/webview/diagramMermaid.js']) return;
  const onPage = new Set(); // the page script is inline and imports nothing before Mermaid
  const mermaid = closure('dist/webview/diagramMermaid.js');
  const kinds = { state: /^stateDiagram-v2-/, sequence: /^sequenceDiagram-/, flowchart: /^flowDiagram-/, dagre: /^dagre-/, elk: /^elk-/ };
  const rel = (f) => path.relative('dist/webview', f).split(path.sep).join('/');
  const manifest = { mermaid: [...mermaid].map(rel) };
  for (const [kind, pattern] of Object.entries(kinds)) {
    const chunk = Object.keys(outputs).find(
      (f) => f.startsWith('dist/webview/chunks/') && pattern.test(path.basename(f)) && f.endsWith('.js'),
    );
    if (chunk) manifest[kind] = [...closure(chunk)].filter((f) => !mermaid.has(f) && !onPage.has(f)).map(rel);
  }
  fs.writeFileSync(path.join(__dirname, 'dist/webview/preload.json'), JSON.stringify(manifest, null, 1));
}

/** The starter notes and glossary parsed ahead into dist/starter-index.json (src/node/starterPack.ts), shipped in the package. */
async function buildStarterPack() {
  const out = path.join(__dirname, 'out', 'build', 'starterPackMain.js');
  await esbuild.build({
    ...node,
    sourcemap: false,
    minify: false,
    entryPoints: [path.join(__dirname, 'src/node/starterPackMain.ts')],
    outfile: out,
  });
  require('node:child_process').execFileSync(process.execPath, [out, __dirname], { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function main() {
  if (watch) {
    const contexts = await Promise.all(builds.map(({ webviews: _, ...b }) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('[esbuild] watching for changes');
    return;
  }
  const [results] = await Promise.all([Promise.all(builds.map(({ webviews: _, ...b }) => esbuild.build(b))), buildStarterPack()]);
  const webviewIndex = builds.findIndex((b) => b.webviews);
  if (webviewIndex >= 0) writePreloadManifest(results[webviewIndex].metafile);
  const metafiles = results.slice(0, shipped).map((r) => r.metafile);
  const packages = writeNotices(metafiles, path.join(__dirname, 'THIRD_PARTY_NOTICES.txt'), __dirname);
  writeShippedSummary(metafiles);
  const meta = results[0].metafile;
  if (meta) {
    const size = (f) => (meta.outputs[f] ? (meta.outputs[f].bytes / 1024).toFixed(1) : '?');
    console.log(`[esbuild] dist/extension.js ${size('dist/extension.js')} KB, dist/parseWorker.js ${size('dist/parseWorker.js')} KB`);
  }
  console.log(`[esbuild] THIRD_PARTY_NOTICES.txt: ${packages} bundled packages`);
}

/** Inputs and outputs (with their imports) of the shipped bundles, for test/unit/packaging.test.ts. */
function writeShippedSummary(metafiles) {
  const summary = { inputs: [], outputs: {} };
  for (const meta of metafiles) {
    summary.inputs.push(...Object.keys(meta.inputs));
    for (const [file, output] of Object.entries(meta.outputs)) {
      summary.outputs[file] = {
        entryPoint: output.entryPoint,
        imports: output.imports.filter((i) => !i.external).map((i) => i.path),
        inputs: Object.keys(output.inputs),
      };
    }
  }
  fs.mkdirSync(path.join(__dirname, 'out'), { recursive: true });
  fs.writeFileSync(path.join(__dirname, 'out/shipped-bundles.json'), JSON.stringify(summary));
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
