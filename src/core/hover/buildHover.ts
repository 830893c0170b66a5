/**
 * The hover's Markdown, built from a table of sections (one module, one row). One pure function
 * shared by the extension's HoverProvider (which wraps it in a MarkdownString without HTML, trusted
 * only for HOVER_COMMANDS) and the CLI's `hover` subcommand, so both print the same text.
 *
 * To add a section: write a module in ./sections exporting a HoverSection, and add its row here.
 */
import type { HoverContext, HoverSection } from './section';
import { headingSection } from './sections/heading';
import { excerptSection } from './sections/excerpt';
import { fullerSentenceSection } from './sections/fullerSentence';
import { otherPlacesSection } from './sections/otherPlaces';
import { actionsSection } from './sections/actions';
import { quizFirstSection, reviewDueSection } from './sections/mastery';

export const HOVER_SECTIONS: readonly HoverSection[] = [
  headingSection, //
  quizFirstSection,
  excerptSection,
  fullerSentenceSection,
  reviewDueSection,
  otherPlacesSection,
  actionsSection,
];

export function buildHoverMarkdown(context: HoverContext, sections: readonly HoverSection[] = HOVER_SECTIONS): string {
  const parts: string[] = [];
  for (const section of sections) {
    const md = section.render(context);
    if (md) parts.push(md);
  }
  return parts.join('\n\n');
}

export type { HoverContext, HoverSection, HoverIndex, Translate } from './section';
export { translator } from './section';
export { HOVER_COMMANDS } from './links';
