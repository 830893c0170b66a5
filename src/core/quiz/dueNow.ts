/**
 * What the quiz counts, one rule for the status bar's "N due", the tree's "Due for review" and the statistics: the
 * cards of the main sources (the notes' questions and the card kinds switched on) and the terms "Name the term" asks.
 * Before, the status bar counted the cards only, while the statistics counted the terms too.
 */
import type { CardGroup, TermInfo } from '../index/noteIndex';
import { mainSources } from '../index/sources';
import type { LimitStatus } from './limits';
import type { ProgressBook } from './progress';
import { dueGroups } from './queue';
import { dueTime } from './scheduler';
import { selectTerms, type ScopeIndex } from './scope';
import { isAskableTerm } from './termChoices';

/** The cards counted: of the user's notes when they have any, else the starter notes' (see mainSources). */
export function countedCards(deck: ScopeIndex): CardGroup[] {
  return deck.cardGroups(mainSources(deck));
}

/** The terms counted: those a "Name the term" quiz over everything asks (`keep` first: the cheaper test). */
export function countedTerms(deck: ScopeIndex, keep: (term: TermInfo) => boolean = () => true): TermInfo[] {
  return selectTerms(deck, { scope: 'due' }).filter((t) => keep(t) && isAskableTerm(t));
}

export interface DueNow {
  /** Cards a due quiz asks now, in review order (new cards count; daily limits applied, hidden cards left out). */
  cards: CardGroup[];
  /** How many of `cards` were never answered. */
  newCards: number;
  /**
   * Terms due for review: named before and due again. A term never named is not counted: "Name the term" has no daily
   * allowance of new terms, so counting them would put every term of the notes in a new user's count.
   */
  terms: TermInfo[];
}

/** Everything due now, cards and terms. */
export function dueNow(deck: ScopeIndex, book: ProgressBook, now: Date, limits?: Pick<LimitStatus, 'newLeft' | 'reviewsLeft'>): DueNow {
  const cards = dueGroups(countedCards(deck), book, now, limits);
  const t = now.getTime();
  const terms = countedTerms(deck, (term) => {
    const state = book.term(term.key);
    return !!state && dueTime(state) <= t;
  });
  return { cards, newCards: cards.filter((g) => !book.card(g.key)).length, terms };
}
