import type { HoverSection } from '../section';
import { escapeMarkdown } from '../safeMarkdown';
import { hoverLinks, markdownLink } from '../links';

/** Due or failed in the quiz: "Quiz me" comes first, before the explanation. */
export const quizFirstSection: HoverSection = {
  id: 'quizFirst',
  render({ match, mastery, t }) {
    if (mastery?.level !== 'due' && mastery?.level !== 'failed') return undefined;
    const why = mastery.level === 'failed' ? t('You missed this in your last review.') : t('Due for review.');
    return `${markdownLink(`$(mortar-board) **${escapeMarkdown(t('Quiz me'))}**`, hoverLinks.quiz(match.key))} · _${escapeMarkdown(why)}_`;
  },
};

/** Known in the quiz: when it next comes up, under the one-line explanation. */
export const reviewDueSection: HoverSection = {
  id: 'reviewDue',
  render({ mastery, t }) {
    if (mastery?.level !== 'known' || mastery.dueInDays === undefined) return undefined;
    const when = mastery.dueInDays === 1 ? t('Review is due tomorrow.') : t('Review is due in {0} days.', mastery.dueInDays);
    return `$(check) _${escapeMarkdown(when)}_`;
  },
};
