// `til-companion inspect` and `lookup`: the extension's core, from a terminal.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { NoteIndex } from './core/index/noteIndex';
import { findNoteFiles } from './node/files';
import { NoteLoader } from './node/noteLoader';
import { ParseCache } from './node/parseCache';
import { ParsePool } from './node/parsePool';
import { languageOfFile } from './core/index/context/languageOf';
import { inspectReport, formatSummary } from './node/report';

const USAGE = `Usage:
  til-companion inspect <files or folders...> [--json] [--no-cache]
  til-companion lookup <code-file> <line> <column> [--notes <folder>...] [--json]
Lines and columns are 1-based. Without --notes, lookup uses the bundled notes.`;

interface Args {
  positional: string[];
  json: boolean;
  cache: boolean;
  notes: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { positional: [], json: false, cache: true, notes: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--no-cache') args.cache = false;
    else if (a === '--notes') {
      if (!argv[i + 1]) throw new UsageError('--notes needs a folder');
      args.notes.push(argv[++i]);
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.positional.push(a);
  }
  return args;
}

class UsageError extends Error {}

async function buildIndex(inputs: string[], useCache: boolean): Promise<{ index: NoteIndex; missing: string[] }> {
  const found = await findNoteFiles(inputs);
  const cacheDir = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'til-companion', 'parse-cache');
  const pool = new ParsePool({ workerFile: path.join(__dirname, 'parseWorker.js') });
  // A pack per set of inputs, so inspecting one folder does not evict another's parses.
  const packName = createHash('sha1').update(inputs.map((i) => path.resolve(i)).sort().join('\0')).digest('hex').slice(0, 16);
  const loader = new NoteLoader({ pool, cache: useCache ? new ParseCache(cacheDir, packName) : undefined, read: (f) => fs.readFile(f) });
  try {
    const index = new NoteIndex();
    index.upsertMany(await loader.loadMany(found.notes));
    await loader.flushed();
    const glossaries = await Promise.all(found.glossaries.map(async (g) => pool.parseGlossary(g, await fs.readFile(g, 'utf8'))));
    index.setGlossary(glossaries);
    return { index, missing: found.missing };
  } finally {
    await pool.dispose();
  }
}

async function inspect(args: Args): Promise<number> {
  if (!args.positional.length) throw new UsageError('inspect needs at least one file or folder');
  const { index, missing } = await buildIndex(args.positional, args.cache);
  for (const m of missing) console.error(`til-companion: no such file or folder: ${m}`);
  const report = inspectReport(index);
  process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatSummary(report) + '\n');
  return missing.length ? 2 : 0;
}

async function lookup(args: Args): Promise<number> {
  const [codeFile, lineArg, columnArg] = args.positional;
  const line = Number(lineArg);
  const column = Number(columnArg);
  if (!codeFile || !Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) {
    throw new UsageError('lookup needs <code-file> <line> <column>, line and column 1-based');
  }
  const source = await fs.readFile(codeFile, 'utf8');
  const lines = source.split(/\r?\n/);
  if (line > lines.length) throw new UsageError(`${codeFile} has only ${lines.length} lines`);
  const notes = args.notes.length ? args.notes : [path.join(__dirname, '..', 'notes')];
  const { index, missing } = await buildIndex(notes, args.cache);
  for (const m of missing) console.error(`til-companion: no such notes folder: ${m}`);
  const match = index.matchAt(lines[line - 1], column - 1, index.documentContext(languageOfFile(codeFile), source), line - 1);
  const result = match ? { term: match.term, aliases: match.allAliases, matched: match.matched, summary: match.summary, file: match.file, line: match.line, topic: match.topic } : null;
  if (args.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else process.stdout.write(result ? `${result.term} (${path.basename(result.file)}:${result.line})\n${result.summary}\n` : 'No term from the notes at that position.\n');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'inspect') return await inspect(parseArgs(rest));
    if (command === 'lookup') return await lookup(parseArgs(rest));
    if (command === '--help' || command === '-h' || command === 'help') {
      console.log(USAGE);
      return 0;
    }
    throw new UsageError(command ? `unknown command ${command}` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`til-companion: ${error.message}\n${USAGE}`);
      return 64;
    }
    console.error(`til-companion: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// exitCode, not exit(): a piped stdout must drain before the process ends.
main(process.argv.slice(2)).then((code) => (process.exitCode = code));
