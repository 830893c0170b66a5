/**
 * Card identity across edits. A card is its normalised question (`questionKey`); when a question is
 * edited slightly its key changes, so progress stored under the old key is matched to the new one by
 * character-bigram similarity (Sørensen–Dice over bigram sets of the keys).
 *
 * Matching many orphans against many new keys uses prefix filtering (AllPairs): a pair can only
 * reach the threshold if it shares one of the orphan's rarest bigrams, so only those are indexed.
 */
import { questionKey } from '../text';

export const DEFAULT_SIMILARITY = 0.8;

export function bigramSet(key: string): Set<string> {
  const out = new Set<string>();
  const chars = Array.from(key);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  if (chars.length === 1) out.add(chars[0]);
  return out;
}

/** Dice similarity of two question texts (or keys), 0..1. Normalises with `questionKey`. */
export function questionSimilarity(a: string, b: string): number {
  const ka = questionKey(a);
  const kb = questionKey(b);
  if (ka === kb) return 1;
  return dice(bigramSet(ka), bigramSet(kb));
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export interface Keyed {
  key: string;
  /** The question text (normalised with questionKey before comparing). */
  question: string;
}

export interface IdentityMatch {
  from: string;
  to: string;
  score: number;
}

/**
 * Pairs each orphan (progress whose question no longer exists) with the most similar new question
 * (a question without progress), at most one each, best pairs first. Ties break by key order so the
 * result does not depend on input order.
 */
export function matchOrphans(orphans: readonly Keyed[], fresh: readonly Keyed[], threshold = DEFAULT_SIMILARITY): IdentityMatch[] {
  if (!orphans.length || !fresh.length) return [];
  const oSets = orphans.map((o) => bigramSet(questionKey(o.question) || o.key));
  const fSets = fresh.map((f) => bigramSet(questionKey(f.question) || f.key));

  // Global bigram frequency: rare bigrams go first in each orphan's prefix.
  const freq = new Map<string, number>();
  for (const sets of [oSets, fSets]) for (const s of sets) for (const g of s) freq.set(g, (freq.get(g) ?? 0) + 1);

  // Index each orphan by its prefix: the |A| - minOverlap + 1 rarest bigrams.
  const postings = new Map<string, number[]>();
  oSets.forEach((set, i) => {
    const a = set.size;
    if (!a) return;
    const minOverlap = Math.max(1, Math.ceil((threshold * a) / (2 - threshold) - 1e-9));
    const prefix = [...set].sort((x, y) => freq.get(x)! - freq.get(y)! || (x < y ? -1 : x > y ? 1 : 0)).slice(0, a - minOverlap + 1);
    for (const g of prefix) {
      const list = postings.get(g);
      if (list) list.push(i);
      else postings.set(g, [i]);
    }
  });

  const pairs: Array<{ o: number; f: number; score: number }> = [];
  fSets.forEach((set, f) => {
    const seen = new Set<number>();
    for (const g of set) {
      const list = postings.get(g);
      if (!list) continue;
      for (const o of list) {
        if (seen.has(o)) continue;
        seen.add(o);
        const b = set.size;
        const a = oSets[o].size;
        if (b < (threshold * a) / (2 - threshold) - 1e-9 || a < (threshold * b) / (2 - threshold) - 1e-9) continue;
        const score = dice(oSets[o], set);
        if (score >= threshold) pairs.push({ o, f, score });
      }
    }
  });

  pairs.sort(
    (x, y) =>
      y.score - x.score ||
      cmp(orphans[x.o].key, orphans[y.o].key) ||
      cmp(fresh[x.f].key, fresh[y.f].key),
  );
  const usedO = new Set<number>();
  const usedF = new Set<number>();
  const out: IdentityMatch[] = [];
  for (const p of pairs) {
    if (usedO.has(p.o) || usedF.has(p.f)) continue;
    usedO.add(p.o);
    usedF.add(p.f);
    out.push({ from: orphans[p.o].key, to: fresh[p.f].key, score: p.score });
  }
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
