import type { HoverSection } from '../section';
import { escapeMarkdown } from '../safeMarkdown';
import { distinctSpellings } from '../../text';

/** The term in bold, what else the notes call it, and the word in the code when the glossary mapped it. */
export const headingSection: HoverSection = {
  id: 'heading',
  render({ match, t, readingNotes }) {
    let md = `$(book) **${escapeMarkdown(match.term)}**`;
    // `WebRTC` and `Web RTC` are one name: the header says it once.
    const aliases = distinctSpellings(match.term, match.allAliases);
    if (aliases.length) md += ` · _${escapeMarkdown(aliases.slice(0, 4).join(', '))}_`;
    // The user's notes say nothing on it (or are not read yet): the answer is ours, and says so.
    if (match.noteSource === 'starter')
      md += ` · _${escapeMarkdown(readingNotes ? t('from the starter notes while yours are read') : t('from the starter notes'))}_`;
    // What the code says, when the glossary led from it to a term of another name (`kind: Deployment` → Deployment).
    if (match.viaGlossary && match.matched.toLowerCase() !== match.term.toLowerCase()) {
      md += `  \n${escapeMarkdown(t('`{0}` in the code', match.matched).replace(/`/g, ''))}`;
    }
    return md;
  },
};
