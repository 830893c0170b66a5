/**
 * Command links for hovers. Their arguments are keys the extension looks up in its own index (a
 * term key, the position of a diagram among the term's diagrams): never a path, URI or option, so a
 * link that reached a hover some other way could still only open what the index already holds.
 */
import { commandLink } from '../../shared/commands';

// Our command ids (features/services.ts `Commands` lists them all; a unit test checks these are among them).
const Commands = {
  openLocation: 'til.openLocation',
  explainTerm: 'til.explainTerm',
  search: 'til.search',
  showDiagram: 'til.showDiagram',
  startQuiz: 'til.startQuiz',
} as const;

/** The only commands hover Markdown may run (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_COMMANDS: readonly string[] = Object.values(Commands);

/** `til.openLocation`, `til.search`, `til.showDiagram` from a hover: the term, and for diagrams the position in its list. */
export interface TermLinkArgs {
  term: string;
  diagram?: number;
}

export function isTermLinkArgs(value: unknown): value is TermLinkArgs {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.term === 'string' && (v.diagram === undefined || (Number.isInteger(v.diagram) && (v.diagram as number) >= 0 && (v.diagram as number) < 100));
}

export const hoverLinks = {
  openNote: (termKey: string) => commandLink(Commands.openLocation, [{ term: termKey } satisfies TermLinkArgs]),
  explain: (termKey: string) => commandLink(Commands.explainTerm, [termKey]),
  search: (termKey: string) => commandLink(Commands.search, [{ term: termKey } satisfies TermLinkArgs]),
  diagram: (termKey: string, position: number) => commandLink(Commands.showDiagram, [{ term: termKey, diagram: position } satisfies TermLinkArgs]),
  quiz: (termKey: string) => commandLink(Commands.startQuiz, [{ scope: 'term', value: termKey }]),
};

/** A Markdown link to one of our commands: the label is already-safe Markdown, the title plain text. */
export function markdownLink(label: string, target: string, title?: string): string {
  return `[${label}](${target}${title ? ` "${title.replace(/["\\]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"` : ''})`;
}
