#!/usr/bin/env node
// Glossary concepts explained from the user's notes, before and after: builds bench/glossaryCoverage.ts over this
// checkout and over an older commit's src/ and notes/ (default: the commit before "your notes first" began), runs
// both over the same notes files and prints a table.
// Usage: node scripts/glossary-coverage.js [--before <rev>] [notes files...]
//   default file: test/fixtures/user-notes/study-log.md (our words); name your own notes to measure them too
const { execFileSync } = require('node:child_process');
const esbuild = require('esbuild');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repo = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
let before = '2c91aa3^';
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--before') before = args[++i];
  else files.push(path.resolve(args[i]));
}
if (!files.length) {
  files.push(path.join(repo, 'test/fixtures/user-notes/study-log.md'));
  console.log('(only the fixture is measured: pass notes files to measure them too)');
}

function build(root, out) {
  // The same measuring code over either tree's src/: copied beside the older tree's sources.
  const entry = path.join(root, 'bench', 'glossaryCoverage.ts');
  if (root !== repo) {
    fs.mkdirSync(path.dirname(entry), { recursive: true });
    fs.copyFileSync(path.join(repo, 'bench', 'glossaryCoverage.ts'), entry);
  }
  esbuild.buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    outfile: out,
    logLevel: 'error',
    nodePaths: [path.join(repo, 'node_modules')],
  });
}

function run(root, label) {
  const out = path.join(tmp, `${label}.js`);
  build(root, out);
  return execFileSync(process.execPath, [out, root, ...files], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'til-coverage-'));
try {
  const old = path.join(tmp, 'before');
  fs.mkdirSync(old);
  const rev = execFileSync('git', ['rev-parse', '--short', before], { cwd: repo, encoding: 'utf8' }).trim();
  execFileSync('bash', ['-c', `git archive ${rev} src notes | tar -x -C ${JSON.stringify(old)}`], { cwd: repo });
  const was = run(old, 'before');
  const now = run(repo, 'after');
  console.log(`Glossary concepts whose best explanation is the user's notes file (before = ${rev}, after = this checkout)`);
  console.log('notes file | starter notes | before | after | after, counting mentions');
  for (let i = 0; i < now.length; i++) {
    const name = path.relative(process.cwd(), now[i].file);
    console.log(
      `${name} | ${now[i].starter ? 'on' : 'off'} | ${was[i].explained}/${was[i].concepts} | ${now[i].explained}/${now[i].concepts} | ${now[i].explainedOrMentioned}/${now[i].concepts}`,
    );
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
