// Runs the extension-host suites (out/test/integration) in desktop VS Code via
// @vscode/test-electron. Needs internet access to update.code.visualstudio.com (it downloads
// VS Code into .vscode-test/) or a local VS Code in VSCODE_EXECUTABLE_PATH. On machines without
// either, use `node scripts/run-host-tests.js` (code-server) instead: same suites, same entry.
//
//   node out/test/runElectron.js [workspaceFolder]      (default: demo/)
//
// Env: VSCODE_EXECUTABLE_PATH (use this VS Code), VSCODE_VERSION (download this version,
// default 'stable'), TIL_TEST_GREP (mocha grep).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

function repoRoot(): string {
  // Works from test/ (ts-node, tsx) and from out/test/ (bundled).
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'scripts'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the repo root above ${__dirname}`);
    dir = up;
  }
  return dir;
}

async function main(): Promise<number> {
  const root = repoRoot();
  const extensionDevelopmentPath = root;
  const extensionTestsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
  const workspace = path.resolve(process.argv[2] ?? path.join(root, 'demo'));
  if (!fs.existsSync(extensionTestsPath)) {
    console.error(`${extensionTestsPath} is missing: build the tests first (node esbuild.js --tests)`);
    return 2;
  }
  try {
    await runTests({
      extensionDevelopmentPath,
      extensionTestsPath,
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: {
        TIL_TEST_WORKSPACE: workspace,
        ...(process.env.TIL_TEST_GREP ? { TIL_TEST_GREP: process.env.TIL_TEST_GREP } : {}),
      },
    });
    return 0;
  } catch (err) {
    console.error(`extension-host tests failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

main().then((code) => process.exit(code));
