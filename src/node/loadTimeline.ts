import type { ParseTiming } from './parsePool';

/** The moments of a first load the log names, in the order they usually come. */
export type LoadMark =
  | 'starter notes in the index'
  | 'workspace searched'
  | 'notes found'
  | 'first of your notes in the index'
  | 'all notes in the index'
  | 'glossaries read';

/**
 * Where a first load's time goes, for one line in the output channel: each mark once (its first time), in ms since
 * activation, and the parse workers' own account of each parse (how long waiting, starting, parsing, on CPU).
 * Costs a clock read per mark and an object per parse; nothing is timed after the first load.
 */
export class LoadTimeline {
  private readonly start: number;
  private readonly marks = new Map<LoadMark, number>();
  private readonly parses: ParseTiming[] = [];
  private done = false;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.start = now();
  }

  /** The first time `mark` is reached (later ones are another load's). */
  mark(mark: LoadMark): void {
    if (!this.done && !this.marks.has(mark)) this.marks.set(mark, this.now() - this.start);
  }

  at(mark: LoadMark): number | undefined {
    return this.marks.get(mark);
  }

  parsed(timing: ParseTiming): void {
    if (!this.done) this.parses.push(timing);
  }

  /** The account of the first load (`notes` files read), once: later calls (and later loads) return undefined. */
  finish(notes: number): string | undefined {
    if (this.done) return undefined;
    this.done = true;
    const ms = (n: number) => `${Math.round(n)} ms`;
    const cpu = (n: number | undefined) => (n === undefined ? '' : `, CPU ${ms(n)}`);
    const marks = [...this.marks].map(([name, at]) => `${name} at ${ms(at)}`).join(', ');
    const parsed = this.parses.filter((p) => p.kind === 'note');
    const parts = [`First load, after activation: ${marks || 'nothing read'}.`];
    parts.push(`${parsed.length} of ${notes} note(s) parsed in workers, the rest taken from the parse cache or the starter pack.`);
    const slowest = [...this.parses].sort((a, b) => b.waitMs - a.waitMs)[0];
    if (slowest)
      parts.push(
        `Longest wait for a worker: ${ms(slowest.waitMs)} (a ${slowest.kind}: parse ${ms(slowest.workMs)}${cpu(slowest.workCpuMs)}).`,
      );
    const started = this.parses.filter((p) => p.startMs !== undefined);
    if (started.length) parts.push(`Worker start: ${started.map((p) => `${ms(p.startMs!)}${cpu(p.startCpuMs)}`).join('; ')}.`);
    return parts.join(' ');
  }
}
