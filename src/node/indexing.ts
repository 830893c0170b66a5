import type { NoteIndex } from '../core/index/noteIndex';
import { countTerms } from '../core/index/noteCounts';
import type { ParsedNote, Problem } from '../core/model';
import type { GlossaryEntry } from '../core/index/glossary';
import type { NoteLoader } from './noteLoader';

/** Notes merged into the index between yields: a slice of ordinary notes takes a millisecond or two. */
const MERGE_SLICE = 25;
/**
 * How long term counting holds the thread before it yields: each name is ranked once (and kept for the hovers that
 * follow), and a term written in thousands of notes takes a while to rank, so the slices are cut by time, not count.
 */
const TERM_SLICE_MS = 8;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Adds notes to the index a slice at a time, yielding between slices, so a batch of hundreds never holds the
 * extension host's thread: hovers, typing and the tree go on while a large folder fills in.
 */
export async function upsertInSlices(index: NoteIndex, notes: readonly ParsedNote[], slice = MERGE_SLICE): Promise<void> {
  for (let i = 0; i < notes.length; i += slice) {
    index.upsertMany(notes.slice(i, i + slice));
    if (i + slice < notes.length) await yieldToEventLoop();
  }
}

/**
 * Loads note files into the index as they arrive (cached parses first, the rest from the parse workers), merged in
 * slices; `prepare` gives each note what the caller knows about it (its source), `progress` how many are in.
 * The way both the extension and `npm run bench` index a folder, so the bench measures the host's own path.
 */
export async function indexFiles(
  loader: NoteLoader,
  index: NoteIndex,
  files: string[],
  options: { prepare?: (note: ParsedNote) => ParsedNote; progress?: (done: number, total: number, batch: number) => void } = {},
): Promise<ParsedNote[]> {
  let done = 0;
  return loader.loadMany(files, async (batch) => {
    await upsertInSlices(index, options.prepare ? batch.map(options.prepare) : batch);
    done += batch.length;
    options.progress?.(done, files.length, batch.length);
  });
}

export interface IndexSummary {
  notes: number;
  cards: number;
  terms: number;
  diagrams: number;
  problems: Problem[];
  unresolvedGlossary: GlossaryEntry[];
}

/**
 * What the output channel reports after a load; each count over the whole index is its own turn of the event loop.
 * Questions and terms are counted as everywhere else (core/index/noteCounts.ts), the terms a few milliseconds at a time.
 */
export async function indexSummary(index: NoteIndex): Promise<IndexSummary> {
  const cards = index.cardGroups().length;
  await yieldToEventLoop();
  let terms = 0;
  let sliceStart = performance.now();
  for (const key of index.termKeys()) {
    terms += countTerms(index, [key]);
    if (performance.now() - sliceStart < TERM_SLICE_MS) continue;
    await yieldToEventLoop();
    sliceStart = performance.now();
  }
  const diagrams = index.diagrams().length;
  await yieldToEventLoop();
  const problems = index.problems();
  await yieldToEventLoop();
  const unresolvedGlossary = index.unresolvedGlossaryEntries();
  return { notes: index.size, cards, terms, diagrams, problems, unresolvedGlossary };
}
