import { isUserSource, type NoteSource, type Term } from '../model';
import { termKey } from '../text';
import type { TermInfo } from './noteIndex';

/**
 * Which explanation of a term speaks first, and which others are listed as "also in N notes":
 * the user's own notes before the starter notes, a definition before a mere mention, then how it is written (weight),
 * then an explanation with text before an empty one. One place per passage in the list. The starter notes are listed
 * only when the user's notes have nothing on the term.
 */
export function rankExplanations(entries: Term[], sourceOf: (file: string) => NoteSource): { best: Term; others: Term[] } {
  const score = (t: Term) => [isUserSource(sourceOf(t.file)) ? 1 : 0, t.source === 'mention' ? 0 : 1, t.weight, t.summary ? 1 : 0, -t.line];
  const sorted = [...entries].sort((a, b) => {
    const sa = score(a);
    const sb = score(b);
    for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sb[i] - sa[i];
    return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  });
  const best = sorted[0];
  const userHasIt = isUserSource(sourceOf(best.file));
  // One place per passage: a single big notes file still lists its other sections about the term.
  const at = (t: Term) => `${t.file}\0${t.line}`;
  const seen = new Set([at(best)]);
  const others: Term[] = [];
  const kept = [best];
  for (const t of sorted) {
    if (seen.has(at(t)) || (userHasIt && !isUserSource(sourceOf(t.file)))) continue;
    seen.add(at(t));
    if (kept.some((k) => samePassage(k, t))) continue;
    kept.push(t);
    others.push(t);
  }
  return { best, others };
}

/** Two recognisers read one passage (a bold term and the sentence under it): same file, one text within the other. */
function samePassage(a: Term, b: Term): boolean {
  if (a.file !== b.file || !a.summary || !b.summary) return false;
  return a.summary.length >= b.summary.length ? a.summary.includes(b.summary) : b.summary.includes(a.summary);
}

/** A term's answer from all its entries: the best explanation, every name it goes by, and the other places. */
export function explanationOf(entries: Term[], sourceOf: (file: string) => NoteSource): TermInfo {
  const { best, others } = rankExplanations(entries, sourceOf);
  const names = new Set<string>();
  for (const e of entries) {
    if (e.source === 'mention') continue;
    names.add(e.term);
    for (const a of e.aliases) names.add(a);
  }
  names.delete(best.term);
  return {
    ...best,
    key: termKey(best.term),
    allAliases: [...names],
    noteSource: sourceOf(best.file),
    mentionOnly: best.source === 'mention',
    others: others.map((e) => ({
      term: e.term,
      file: e.file,
      line: e.line,
      noteSource: sourceOf(e.file),
      mention: e.source === 'mention',
      summary: e.summary,
    })),
  };
}
