// The user's real notes beside the clone (../shared/seeds), and the CLI's hover over a copy of them: the same
// function as the editor's hover. Tests over them skip with `seedSkip`'s reason on a plain clone.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './helpers';

export const seedNotes = path.join(repoRoot, '..', 'shared', 'seeds', 'til-notes.md');
/** `false` when the real notes are there, else why a test over them is skipped. */
export const seedSkip: false | string = fs.existsSync(seedNotes)
  ? false
  : `${seedNotes} is absent (a plain clone); the fixtures above cover the same shapes`;

/** `node dist/cli.js hover <file> <line> <column>` with `code` as the file, over a copy of the real notes. */
export function cliHoverOverSeed(file: string, code: string, line: number, column: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'til-seed-hover-'));
  fs.mkdirSync(path.join(dir, 'notes'));
  fs.copyFileSync(seedNotes, path.join(dir, 'notes', 'til-notes.md'));
  fs.writeFileSync(path.join(dir, file), code);
  try {
    return execFileSync(
      process.execPath,
      [path.join(repoRoot, 'dist/cli.js'), 'hover', file, String(line), String(column), '--notes', 'notes'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache') } },
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
