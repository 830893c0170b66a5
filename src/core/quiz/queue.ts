/**
 * Which cards a quiz asks, in which order: due reviews (most overdue first), then new cards (the notes' own
 * questions first, turn about between days), then, for scopes that ask for them, cards not yet due. Hidden
 * cards (suspended, not a question, buried) are left out; daily limits cap new cards and reviews. One pass plus
 * a sort.
 */
import type { CardGroup } from '../index/noteIndex';
import type { Card } from '../model';
import { hides } from './cardFlags';
import type { ProgressBook } from './progress';
import type { LimitStatus } from './limits';
import { dueTime, isDue } from './scheduler';

export interface OrderOptions {
  /** Only cards due now (new cards count as due). */
  onlyDue: boolean;
  /** Caps on new cards and reviews left today; none: no cap (practice, or a caller that counts all). */
  limits?: Pick<LimitStatus, 'newLeft' | 'reviewsLeft'>;
  /** Leave buried cards in (practice asks them; suspended and not-a-question cards stay out). */
  includeBuried?: boolean;
}

/** Review order over `groups`. O(n log n). */
export function orderCards(groups: readonly CardGroup[], book: ProgressBook, now: Date, options: OrderOptions | boolean): CardGroup[] {
  const opts: OrderOptions = typeof options === 'boolean' ? { onlyDue: options } : options;
  const t = now.getTime();
  const flags = book.flags.size ? book.flags : undefined;
  const due: Array<[number, CardGroup]> = [];
  const fresh: Array<[string, number, CardGroup]> = [];
  const later: Array<[number, CardGroup]> = [];
  for (const g of groups) {
    if (flags) {
      const f = flags.get(g.key);
      if (f && hides(f, now) && !(opts.includeBuried && f.kind === 'buried')) continue;
    }
    const p = book.card(g.key);
    if (!p) {
      const first = firstPlace(g);
      fresh.push([first.file, first.line, g]);
      continue;
    }
    const d = dueTime(p);
    if (d <= t) due.push([d, g]);
    else if (!opts.onlyDue) later.push([d, g]);
  }
  due.sort((a, b) => a[0] - b[0] || cmp(a[1].key, b[1].key));
  fresh.sort((a, b) => cmp(a[0], b[0]) || a[1] - b[1] || cmp(a[2].key, b[2].key));
  later.sort((a, b) => a[0] - b[0] || cmp(a[1].key, b[1].key));
  let dueCards = due.map((x) => x[1]);
  let freshCards = mixNewCards(fresh.map((x) => x[2]));
  if (opts.limits) {
    // Reviews (state 2) count against the review limit; learning steps always come.
    let reviewsLeft = opts.limits.reviewsLeft;
    dueCards = dueCards.filter((g) => book.card(g.key)!.state !== 2 || reviewsLeft-- > 0);
    freshCards = freshCards.slice(0, opts.limits.newLeft);
  }
  return [...dueCards, ...freshCards, ...later.map((x) => x[1])];
}

/**
 * New cards in the order a day's allowance takes them: the notes' own questions, then cards made from their terms and
 * diagrams, then the built-in diagrams' cards; turn about between the notes' days (each day's first, then each day's
 * second…; a note without dated days is one), so the first day is neither the whole of the alphabetically first note
 * nor sixteen blanks from one list of a journal kept in a single file. Within a day its order stays (`cards` come in
 * note order), and the cards of a single day keep exactly that order.
 */
function mixNewCards(cards: CardGroup[]): CardGroup[] {
  // A quiz on one day reads like the note: its order, definitions' cards where the definitions are.
  const days = new Set(cards.filter((g) => g.places.length).map(dayOf));
  if (days.size <= 1) return cards;
  const rankInDay = new Map<string, number>();
  const ranked = cards.map((g, i) => {
    // The built-in diagrams' cards (no place in a note) come last, as before.
    const generated = g.places.length === 0 ? 2 : g.kind ? 1 : 0;
    const day = `${generated}\u0000${dayOf(g)}`;
    const rank = rankInDay.get(day) ?? 0;
    rankInDay.set(day, rank + 1);
    return { g, i, generated, rank };
  });
  ranked.sort((a, b) => a.generated - b.generated || a.rank - b.rank || a.i - b.i);
  return ranked.map((r) => r.g);
}

/** The note and day a card is first written in (a note without dated days: the note). */
function dayOf(g: Pick<CardGroup, 'places'>): string {
  const first = firstPlace(g);
  return `${first.file}\u0000${first.dayId ?? ''}`;
}

/** Cards due now among `groups` (new cards are due), in review order, hidden cards left out. */
export function dueGroups(groups: readonly CardGroup[], book: ProgressBook, now: Date, limits?: OrderOptions['limits']): CardGroup[] {
  return orderCards(groups, book, now, { onlyDue: true, limits });
}

/** How many cards are due now (hidden cards left out, no limits). */
export function countDue(groups: readonly CardGroup[], book: ProgressBook, now: Date): number {
  const flags = book.flags.size ? book.flags : undefined;
  let n = 0;
  for (const g of groups) if (isDue(book.card(g.key), now) && !flags?.isHidden(g.key, now)) n++;
  return n;
}

/** The other cards of the sections `group` is in (the siblings "bury siblings" waits until tomorrow). */
export function siblingKeys(groups: readonly CardGroup[], group: Pick<CardGroup, 'key' | 'places'>): string[] {
  const sections = new Set(group.places.map((p) => p.sectionId ?? `${p.file}\u0000day:${p.dayId ?? ''}`));
  const out: string[] = [];
  for (const g of groups) {
    if (g.key === group.key) continue;
    if (g.places.some((p) => sections.has(p.sectionId ?? `${p.file}\u0000day:${p.dayId ?? ''}`))) out.push(g.key);
  }
  return out;
}

/** The earliest place of a card; a card with none (a built-in diagram's question) comes after the notes' cards. */
export function firstPlace(g: Pick<CardGroup, 'places'>): Pick<Card, 'file' | 'line' | 'dayId'> {
  let best: Pick<Card, 'file' | 'line' | 'dayId'> = g.places[0] ?? NO_PLACE;
  for (const p of g.places) if (p.file < best.file || (p.file === best.file && p.line < best.line)) best = p;
  return best;
}
const NO_PLACE = { file: '\uffff', line: 0 };

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
