import type { HoverSection } from '../section';
import { escapeMarkdown } from '../safeMarkdown';
import { hoverLinks, markdownLink } from '../links';

/** The row of command links under a rule: open the note, explain, search, diagrams, quiz. */
export const actionsSection: HoverSection = {
  id: 'actions',
  render({ match, diagrams, mastery, t }) {
    const where = `${baseName(match.file)}:${match.line}`;
    const links = [
      markdownLink(
        `$(go-to-file) ${escapeMarkdown(t('Open note'))} (${escapeMarkdown(where)})`,
        hoverLinks.openPlace(match),
        t('Open the note at this passage'),
      ),
      markdownLink(`$(book) ${escapeMarkdown(t('Explain'))}`, hoverLinks.explain(match)),
      markdownLink(`$(search) ${escapeMarkdown(t('Search notes'))}`, hoverLinks.search(match.key)),
      ...diagrams
        .slice(0, 2)
        .map((d, i) =>
          markdownLink(
            `$(type-hierarchy) ${escapeMarkdown(t('Diagram: {0}', d.kind === 'builtin' ? t(d.title) : d.title))}`,
            hoverLinks.diagram(match, i),
          ),
        ),
    ];
    // Due or failed: "Quiz me" is already at the top (sections/mastery.ts).
    if (mastery?.level !== 'due' && mastery?.level !== 'failed')
      links.push(markdownLink(`$(mortar-board) ${escapeMarkdown(t('Quiz me on this'))}`, hoverLinks.quiz(match.key)));
    return `---\n\n${links.join(' · ')}`;
  },
};

/** The file name of a path or URI, either separator. */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
