// Mocha entry for the extension-host tests (the `extensionTestsPath` module).
// Bundled by esbuild to out/test/integration/index.js; the suites are the `*.test.js` files
// next to it (compiled from test/integration/*.test.ts). Runs in the real extension host,
// under code-server (scripts/run-host-tests.js) or desktop VS Code (test/runElectron.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // The reporters print printf-style (`console.log('%d passing (%s)', 3, '1s')`). The workbench
  // forwards the extension host's console as one string with the arguments appended, so format
  // here: every reporter line arrives readable, under code-server and desktop VS Code alike.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  base.consoleLog = (...args: unknown[]) => console.log(format(...args));

  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.TIL_TEST_TIMEOUT_MS) || 20_000,
    slow: 2_000,
  });
  const grep = process.env.TIL_TEST_GREP;
  if (grep) mocha.grep(grep);

  const dir = __dirname;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) {
    return Promise.reject(new Error(`no *.test.js suites next to ${path.join(dir, 'index.js')}`));
  }
  for (const f of files) mocha.addFile(path.join(dir, f));

  return new Promise<void>((resolve, reject) => {
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
