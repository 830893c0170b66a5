// `til-companion inspect`, `lookup` and `hover`: the extension's core, from a terminal.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { NoteIndex } from './core/index/noteIndex';
import { findNoteFiles, problemNote } from './node/files';
import { DEFAULT_MAX_NOTE_BYTES } from './core/notes/sizeLimit';
import { NoteLoader } from './node/noteLoader';
import { loadGlossaryFile } from './node/glossaryFile';
import { decodeCp949 } from './core/notes/cp949';
import { ParseCache } from './node/parseCache';
import { ParsePool } from './node/parsePool';
import { languageOfFile } from './core/index/context/languageOf';
import { inspectReport, formatStats, formatSummary, questionStats } from './node/report';
import { buildHoverMarkdown, translator } from './core/hover/buildHover';
import { diagramsForMatch } from './core/diagrams/link';
import type { NoteSource, ParsedNote } from './core/model';
import type { GlossaryOrigin } from './core/index/glossary';

const USAGE = `Usage:
  til-companion inspect <files or folders...> [--json | --stats] [--no-cache]
  til-companion lookup <code-file> <line> <column> [--notes <folder>...] [--starter] [--json]
  til-companion hover <code-file> <line> <column> [--notes <folder>...] [--starter] [--locale <ko|en>] [--excerpt-length <n>]
Lines and columns are 1-based.
lookup and hover read, as the extension does:
  --notes <folder>  your notes (repeat for more folders) and any til-glossary.yaml among them, plus the bundled
                    glossary (code identifier -> concept), which is always on; your glossary entries win over ours.
  --starter         adds the starter notes that ship with the extension. Your notes still win: a term your notes
                    explain is answered from them, the starter notes only where yours say nothing.
  Without --notes, lookup and hover use the starter notes and the bundled glossary.
hover prints the hover's Markdown exactly as the extension builds it (the same function).`;

interface Args {
  positional: string[];
  json: boolean;
  stats: boolean;
  cache: boolean;
  notes: string[];
  starter: boolean;
  locale?: string;
  excerptLength?: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { positional: [], json: false, stats: false, cache: true, notes: [], starter: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--stats') args.stats = true;
    else if (a === '--no-cache') args.cache = false;
    else if (a === '--starter') args.starter = true;
    else if (a === '--notes') {
      if (!argv[i + 1]) throw new UsageError('--notes needs a folder');
      args.notes.push(argv[++i]);
    } else if (a === '--locale') {
      if (!argv[i + 1]) throw new UsageError('--locale needs a language, like ko');
      args.locale = argv[++i];
    } else if (a === '--excerpt-length') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 80 || n > 4000) throw new UsageError('--excerpt-length needs a whole number from 80 to 4000');
      args.excerptLength = n;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else args.positional.push(a);
  }
  return args;
}

class UsageError extends Error {}

/** The starter notes and our glossary, beside dist/ in the package and in a clone. */
const STARTER_DIR = path.join(__dirname, '..', 'notes');
const BUNDLED_GLOSSARY = path.join(STARTER_DIR, 'glossary.yaml');

interface IndexOptions {
  /** Where the inputs' notes come from: the user's (lookup, hover, inspect) or ours (lookup and hover without --notes). */
  source: NoteSource;
  /** Also read the starter notes (`--starter`). */
  starter?: boolean;
  /** Read our glossary besides any glossary among the inputs (lookup and hover). */
  bundledGlossary?: boolean;
}

async function buildIndex(
  inputs: string[],
  useCache: boolean,
  options: IndexOptions = { source: 'workspace' },
): Promise<{ index: NoteIndex; missing: string[] }> {
  const found = await findNoteFiles(inputs);
  const starter = options.starter ? await findNoteFiles([STARTER_DIR]) : undefined;
  const cacheDir = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'til-companion', 'parse-cache');
  const pool = new ParsePool({ workerFile: path.join(__dirname, 'parseWorker.js') });
  // A pack per set of inputs, so inspecting one folder does not evict another's parses.
  const packName = createHash('sha1')
    .update(
      [...inputs, ...(starter ? [STARTER_DIR] : [])]
        .map((i) => path.resolve(i))
        .sort()
        .join('\0'),
    )
    .digest('hex')
    .slice(0, 16);
  const loader = new NoteLoader({
    pool,
    cache: useCache ? new ParseCache(cacheDir, packName) : undefined,
    read: (f) => fs.readFile(f),
    size: async (f) => (await fs.stat(f)).size,
    maxBytes: () => DEFAULT_MAX_NOTE_BYTES,
  });
  try {
    const index = new NoteIndex();
    const tagged = (notes: ParsedNote[], source: NoteSource) => notes.map((note) => ({ ...note, source }));
    index.upsertMany([...tagged(await loader.loadMany(found.notes), options.source), ...found.unreadable.map(problemNote)]);
    if (starter) index.upsertMany(tagged(await loader.loadMany(starter.notes.filter((f) => !index.note(f))), 'starter'));
    await loader.flushed();
    // Ours always (it maps code to concepts, whoever's notes explain them); a glossary among the user's notes is theirs.
    const glossaryFiles = new Map<string, GlossaryOrigin>();
    if (options.bundledGlossary) glossaryFiles.set(BUNDLED_GLOSSARY, 'bundled');
    for (const g of found.glossaries) if (!glossaryFiles.has(g)) glossaryFiles.set(g, options.source === 'starter' ? 'bundled' : 'user');
    // Size cap before reading, and decoded like a note (UTF-16, EUC-KR/CP949): the extension's glossary path.
    const glossaries = await Promise.all(
      [...glossaryFiles].map(([g, origin]) =>
        loadGlossaryFile(g, {
          origin,
          read: (f) => fs.readFile(f),
          size: async (f) => (await fs.stat(f)).size,
          parse: (f, text) => pool.parseGlossary(f, text, origin),
          cp949: decodeCp949,
        }),
      ),
    );
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
  if (missing.length === args.positional.length) return 2; // nothing was read: a report of zeros would only mislead
  const report = inspectReport(index);
  if (args.json) process.stdout.write(JSON.stringify(args.stats ? questionStats(report) : report, null, 2) + '\n');
  else process.stdout.write((args.stats ? formatStats(report) : formatSummary(report)) + '\n');
  return missing.length ? 2 : 0;
}

/** The term at a 1-based position of a code file, looked up in the notes' index. */
async function termAt(command: string, args: Args) {
  const [codeFile, lineArg, columnArg] = args.positional;
  const line = Number(lineArg);
  const column = Number(columnArg);
  if (!codeFile || !Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1) {
    throw new UsageError(`${command} needs <code-file> <line> <column>, line and column 1-based`);
  }
  const source = await fs.readFile(codeFile, 'utf8');
  const lines = source.split(/\r?\n/);
  if (line > lines.length) throw new UsageError(`${codeFile} has only ${lines.length} lines`);
  const ownNotes = args.notes.length > 0;
  const { index, missing } = await buildIndex(ownNotes ? args.notes : [STARTER_DIR], args.cache, {
    source: ownNotes ? 'workspace' : 'starter',
    starter: ownNotes && args.starter,
    bundledGlossary: true,
  });
  for (const m of missing) console.error(`til-companion: no such notes folder: ${m}`);
  // The same document context as the extension's hover (language, file kind, imports, vocabulary).
  return { index, match: index.matchAt(lines[line - 1], column - 1, index.documentContext(languageOfFile(codeFile), source), line - 1) };
}

/** A passage for a terminal: image lines (`![…](/uploads/…){width=…}`, `<img>`) say nothing there and go, as in the hover. */
function forTerminal(summary: string): string {
  const kept = summary.split('\n').filter((line) => !/^\s*(?:!\[|<img\b)/i.test(line));
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function lookup(args: Args): Promise<number> {
  const { match } = await termAt('lookup', args);
  const result = match
    ? {
        term: match.term,
        aliases: match.allAliases,
        matched: match.matched,
        summary: match.summary,
        file: match.file,
        line: match.line,
        topic: match.topic,
      }
    : null;
  if (args.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else
    process.stdout.write(
      result
        ? `${result.term} (${path.basename(result.file)}:${result.line})\n${forTerminal(result.summary)}\n`
        : 'No term from the notes at that position.\n',
    );
  return 0;
}

/** The hover's Markdown, from the same builder the extension's HoverProvider uses. */
async function hover(args: Args): Promise<number> {
  const { index, match } = await termAt('hover', args);
  if (!match) {
    console.error('til-companion: no term from the notes at that position');
    return 1;
  }
  const t = translator(args.locale && args.locale !== 'en' ? await l10nBundle(args.locale) : {});
  const markdown = buildHoverMarkdown({
    match,
    index,
    excerptLength: args.excerptLength ?? 400,
    diagrams: diagramsForMatch(index, match),
    t,
  });
  process.stdout.write(markdown + '\n');
  return 0;
}

async function l10nBundle(locale: string): Promise<Record<string, string>> {
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(locale)) throw new UsageError(`--locale ${locale}: not a language tag`);
  const file = path.join(__dirname, '..', 'l10n', `bundle.l10n.${locale.toLowerCase()}.json`);
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, string>;
  } catch {
    throw new UsageError(`no translation for ${locale} (looked for ${path.relative(process.cwd(), file)})`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'inspect') return await inspect(parseArgs(rest));
    if (command === 'lookup') return await lookup(parseArgs(rest));
    if (command === 'hover') return await hover(parseArgs(rest));
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
