// THIRD_PARTY_NOTICES.txt from what the bundles really contain: esbuild's metafile lists every input file,
// each file under node_modules names its package, and each package's own license file is copied in.
// Called by esbuild.js after every build of the shipped bundles, so the notices always match the .vsix.
const fs = require('node:fs');
const path = require('node:path');

/** `…/node_modules/<name>/…` or `…/node_modules/@scope/<name>/…`: the innermost package folder of an input path. */
const PACKAGE_DIR = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//;

const LICENSE_FILE = /^(licen[cs]e|copying)([-.].*)?$/i;
const NOTICE_FILE = /^notice(\..*)?$/i;

// For the rare package that declares MIT but ships no license file: the license's standard text, which MIT
// asks to travel with the code. The package's own copyright line (from its README) is printed above it.
const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR
THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/** Package folders (relative to `cwd`, as esbuild writes them) behind a list of metafile input paths. */
function packageDirsOf(inputPaths) {
  const dirs = new Set();
  for (const input of inputPaths) {
    const match = PACKAGE_DIR.exec(input.replace(/\\/g, '/'));
    if (match) dirs.add(match[1]);
  }
  return [...dirs];
}

function declaredLicense(manifest) {
  if (typeof manifest.license === 'string') return manifest.license;
  if (manifest.license && typeof manifest.license.type === 'string') return manifest.license.type;
  if (Array.isArray(manifest.licenses)) return manifest.licenses.map((l) => l.type ?? l).join(' OR ');
  return undefined;
}

/** The "License" section of a README, for packages that put their terms only there. */
function readmeLicenseSection(dir, files) {
  const readme = files.find((f) => /^readme(\..*)?$/i.test(f));
  if (!readme) return undefined;
  const lines = fs.readFileSync(path.join(dir, readme), 'utf8').split(/\r?\n/);
  const start = lines.findIndex(
    (line, i) => /^#*\s*licen[cs]e\s*$/i.test(line) && (line.startsWith('#') || /^[=-]+$/.test(lines[i + 1] ?? '')),
  );
  if (start < 0) return undefined;
  const body = [];
  for (let i = start + 1; i < lines.length; i++) {
    if (/^#/.test(lines[i]) || (/^[=-]{3,}$/.test(lines[i + 1] ?? '') && lines[i].trim())) break;
    if (!/^[=-]+$/.test(lines[i])) body.push(lines[i]);
  }
  return body.join('\n').trim() || undefined;
}

/** name, version, declared license and license/notice texts of one package folder. */
function describePackage(dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const files = fs.readdirSync(dir).sort();
  const read = (f) => fs.readFileSync(path.join(dir, f), 'utf8').replace(/\r\n?/g, '\n').trim();
  const license = declaredLicense(manifest);
  const texts = files.filter((f) => LICENSE_FILE.test(f) && fs.statSync(path.join(dir, f)).isFile()).map(read);
  if (!texts.length) {
    const section = readmeLicenseSection(dir, files);
    if (section) texts.push(section);
    if (license === 'MIT') texts.push(MIT_TEXT);
  }
  const notices = files.filter((f) => NOTICE_FILE.test(f)).map(read);
  const homepage = manifest.homepage ?? (typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url);
  return {
    name: manifest.name,
    version: manifest.version,
    license: license ?? 'not declared; see the license text',
    homepage,
    texts,
    notices,
  };
}

/** Every package behind the inputs, one entry per name@version, sorted by name. */
function bundledPackages(inputPaths, cwd) {
  const byId = new Map();
  for (const dir of packageDirsOf(inputPaths)) {
    const pkg = describePackage(path.resolve(cwd, dir));
    byId.set(`${pkg.name}@${pkg.version}`, pkg);
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

const RULE = '-'.repeat(100);

function noticesText(packages) {
  const head = [
    'TIL Companion: third-party notices',
    '',
    "The extension bundles the following open-source packages (taken from the build's own list of inputs).",
    'Each is used under the license shown; the license texts are copied from the packages themselves.',
    '',
    ...packages.map((p) => `- ${p.name} ${p.version} (${p.license.replace(/^\((.*)\)$/, '$1')})`),
  ];
  const sections = packages.map((p) =>
    [
      RULE,
      `${p.name} ${p.version}`,
      `License: ${p.license}`,
      ...(p.homepage ? [`Home: ${p.homepage}`] : []),
      RULE,
      '',
      p.texts.join('\n\n') || `(The package ships no license text; it declares: ${p.license}.)`,
      ...(p.notices.length ? ['', ...p.notices] : []),
      '',
    ].join('\n'),
  );
  return `${head.join('\n')}\n\n${sections.join('\n')}`;
}

/** Writes the notices for these metafiles' inputs; returns how many packages they name. */
function writeNotices(metafiles, outFile, cwd) {
  const inputs = metafiles.flatMap((meta) => Object.keys(meta.inputs));
  const packages = bundledPackages(inputs, cwd);
  fs.writeFileSync(outFile, noticesText(packages));
  return packages.length;
}

module.exports = { packageDirsOf, bundledPackages, noticesText, writeNotices };
