import { hoverExcerpt } from '../../index/excerpt';
import type { HoverSection } from '../section';

/** What the notes say about the term: a safe excerpt of the passage that explains it. */
export const excerptSection: HoverSection = {
  id: 'excerpt',
  render({ match, excerptLength, t }) {
    return hoverExcerpt(match.summary, excerptLength) || t('_Mentioned in your notes._');
  },
};
