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
  const oRaw = orphans.map((o) => bigramSet(questionKey(o.question) || o.key));
  const fRaw = fresh.map((f) => bigramSet(questionKey(f.question) || f.key));

  // Global bigram frequency; bigrams become integer ids in rarity order (rarest = 0), and each set
  // a sorted Int32Array, so a set's prefix is its first elements and overlaps are a merge.
  const freq = new Map<string, number>();
  for (const sets of [oRaw, fRaw]) for (const s of sets) for (const g of s) freq.set(g, (freq.get(g) ?? 0) + 1);
  const ranked = [...freq.keys()].sort((x, y) => freq.get(x)! - freq.get(y)! || (x < y ? -1 : x > y ? 1 : 0));
  const id = new Map(ranked.map((g, i) => [g, i]));
  const toIds = (set: Set<string>) => Int32Array.from(set, (g) => id.get(g)!).sort();
  const oSets = oRaw.map(toIds);
  const fSets = fRaw.map(toIds);

  // Under one global order, two sets sharing ≥ o bigrams share one among their first (n - o + 1);
  // o is at least minOverlap(n) for any partner that can reach the threshold.
  const prefixLength = (n: number) => n - Math.max(1, Math.ceil((threshold * n) / (2 - threshold) - 1e-9)) + 1;
  const postings: number[][] = Array.from({ length: ranked.length }, () => []);
  oSets.forEach((set, i) => {
    const p = prefixLength(set.length);
    for (let k = 0; k < p && k < set.length; k++) postings[set[k]].push(i);
  });

  const pairs: Array<{ o: number; f: number; score: number }> = [];
  const seen = new Int32Array(oSets.length).fill(-1);
  fSets.forEach((set, f) => {
    const b = set.length;
    if (!b) return;
    const p = prefixLength(b);
    for (let k = 0; k < p && k < b; k++) {
      for (const o of postings[set[k]]) {
        if (seen[o] === f) continue;
        seen[o] = f;
        const a = oSets[o].length;
        if (b < (threshold * a) / (2 - threshold) - 1e-9 || a < (threshold * b) / (2 - threshold) - 1e-9) continue;
        const score = (2 * overlap(oSets[o], set)) / (a + b);
        if (score >= threshold) pairs.push({ o, f, score });
      }
    }
  });

  pairs.sort((x, y) => y.score - x.score || cmp(orphans[x.o].key, orphans[y.o].key) || cmp(fresh[x.f].key, fresh[y.f].key));
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

function overlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
