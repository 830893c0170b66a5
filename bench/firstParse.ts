// Child of bench section 12: one parseNote of the file given, timed, in a fresh process: a new parse worker's first
// parse (nothing compiled hot yet), which an in-process median of several parses would understate.
import { readFileSync } from 'node:fs';
import { parseNote } from '../src/core/notes/parseNote';

const file = process.argv[2];
const bytes = readFileSync(file);
const started = performance.now();
parseNote(file, bytes);
process.stdout.write(`${performance.now() - started}\n`);
