import { hoverExcerpt } from '../../index/excerpt';
import type { HoverSection } from '../section';

/** A known term (the quiz says so) gets one line of its explanation. */
const ONE_LINE = 140;

/** What the notes say about the term: a safe excerpt of the passage that explains it. */
export const excerptSection: HoverSection = {
  id: 'excerpt',
  render({ match, excerptLength, mastery, t }) {
    if (mastery?.level === 'known') return hoverExcerpt(firstSentence(match.summary), Math.min(ONE_LINE, excerptLength)) || t('_Mentioned in your notes._');
    return hoverExcerpt(match.summary, excerptLength) || t('_Mentioned in your notes._');
  },
};

/** Up to the first line break or sentence end (`다.`, `. `), looked for in a bounded prefix. */
function firstSentence(markdown: string): string {
  const head = markdown.trimStart().slice(0, ONE_LINE * 4);
  const m = /\n|다\.|[.!?](?=\s)/u.exec(head);
  return m ? head.slice(0, m.index + (m[0] === '\n' ? 0 : m[0].length)) : head;
}
