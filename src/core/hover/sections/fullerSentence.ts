import { hoverExcerpt } from '../../index/excerpt';
import { isUserSource } from '../../model';
import { isFullSentence } from '../../text';
import type { HoverSection } from '../section';
import { escapeMarkdown } from '../safeMarkdown';

/** A best passage this short, on one line, is a one-line definition (a list bullet, `X : …`) that a sentence can add to. */
const ONE_LINER = 60;
/** The added sentence stays a line or two: the hover is a glance. */
const SENTENCE_CHARS = 240;

/**
 * A one-line definition, then one full sentence from elsewhere in the user's notes that says more (the bullet
 * `spawn() : new child process`, then the sentence that tells when a program calls it). The best other place that
 * is a sentence; nothing when the term is known (one line is the point), only mentioned, already explained at length,
 * or explained by the starter notes.
 */
export const fullerSentenceSection: HoverSection = {
  id: 'fullerSentence',
  render({ match, mastery, t }) {
    // The starter notes' one-liners stay as they are: the label speaks of the user's notes.
    if (mastery?.level === 'known' || match.mentionOnly || !isUserSource(match.noteSource)) return undefined;
    const best = match.summary.trim();
    if (!best || best.length > ONE_LINER || best.includes('\n')) return undefined;
    const other = (match.others ?? []).find((o) => isUserSource(o.noteSource) && isFullSentence(o.summary) && !o.summary.includes(best));
    const excerpt = other && hoverExcerpt(other.summary.trim(), SENTENCE_CHARS);
    return excerpt ? `_${escapeMarkdown(t('Your notes also say:'))}_ ${excerpt}` : undefined;
  },
};
