import { hoverExcerpt } from '../../index/excerpt';
import type { HoverSection } from '../section';
import { escapeMarkdown } from '../safeMarkdown';

/** A known term (the quiz says so) gets one line of its explanation. */
const ONE_LINE = 140;

/** What the notes say about the term: a safe excerpt of the passage that explains it, or of the sentence that mentions it. */
export const excerptSection: HoverSection = {
  id: 'excerpt',
  render({ match, excerptLength, mastery, t }) {
    const excerpt =
      mastery?.level === 'known'
        ? hoverExcerpt(firstSentence(match.summary), Math.min(ONE_LINE, excerptLength))
        : hoverExcerpt(match.summary, excerptLength);
    if (!match.mentionOnly) return excerpt || t('_Mentioned in your notes._');
    // Nothing defines it: say so, then show where the notes use it.
    return excerpt ? `_${escapeMarkdown(t('Mentioned in your notes:'))}_\n\n${excerpt}` : t('_Mentioned in your notes._');
  },
};

/** Up to the first line break or sentence end (`다.`, `. `), looked for in a bounded prefix. */
function firstSentence(markdown: string): string {
  const head = markdown.trimStart().slice(0, ONE_LINE * 4);
  const m = /\n|다\.|[.!?](?=\s)/u.exec(head);
  return m ? head.slice(0, m.index + (m[0] === '\n' ? 0 : m[0].length)) : head;
}
