/**
 * Command links for hovers. Their arguments are keys the extension looks up in its own index (a
 * term key, the position of a diagram among the term's diagrams): never a path, URI or option, so a
 * link that reached a hover some other way could still only open what the index already holds.
 */
import { commandLink } from '../../shared/commands';
import { TOPICS, type Topic } from '../model';
import type { TermMatch } from '../index/noteIndex';

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

/**
 * `til.openLocation`, `til.search`, `til.showDiagram` from a hover: the term; the fields of the document when they
 * chose the explanation (names from our TOPICS); for diagrams the position in the term's list, for "also in" the
 * position among the term's other places.
 */
export interface TermLinkArgs {
  term: string;
  diagram?: number;
  topics?: Topic[];
  place?: number;
  /** The word in the code a hover was on, when the glossary led from it to the term (diagram links look it up again). */
  word?: string;
}

/** A code identifier as the term matcher reads one (letters, digits, `_`, `$`, `.`, `-`, `:`), short. */
const CODE_WORD = /^[\p{L}\p{N}_$.:-]{1,80}$/u;
const smallIndex = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) >= 0 && (n as number) < 100);

export function isTermLinkArgs(value: unknown): value is TermLinkArgs {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const topicsOk =
    v.topics === undefined ||
    (Array.isArray(v.topics) && v.topics.length <= TOPICS.length && v.topics.every((t) => TOPICS.includes(t as Topic)));
  const wordOk = v.word === undefined || (typeof v.word === 'string' && CODE_WORD.test(v.word));
  return typeof v.term === 'string' && smallIndex(v.diagram) && smallIndex(v.place) && topicsOk && wordOk;
}

/** The look-up a hover link stands for: the match's key, and its fields when they mattered. */
function termArgs(match: Pick<TermMatch, 'key' | 'topics'>, extra: Partial<TermLinkArgs> = {}): TermLinkArgs {
  return { term: match.key, ...(match.topics ? { topics: match.topics } : {}), ...extra };
}

export const hoverLinks = {
  /** The passage the hover shows (`place` absent) or the n-th of its other places, looked up again when clicked. */
  openPlace: (match: Pick<TermMatch, 'key' | 'topics'>, place?: number) =>
    commandLink(Commands.openLocation, [termArgs(match, place === undefined ? {} : { place })]),
  explain: (match: Pick<TermMatch, 'key' | 'topics'>) => commandLink(Commands.explainTerm, [termArgs(match)]),
  search: (termKey: string) => commandLink(Commands.search, [{ term: termKey } satisfies TermLinkArgs]),
  diagram: (match: Pick<TermMatch, 'key' | 'matched' | 'viaGlossary'>, position: number) =>
    commandLink(Commands.showDiagram, [{ term: match.key, diagram: position, ...diagramWord(match) } satisfies TermLinkArgs]),
  quiz: (termKey: string) => commandLink(Commands.startQuiz, [{ scope: 'term', value: termKey }]),
};

/** The code word a diagram look-up needs besides the term: only when the glossary led from it (and it is a plain word). */
export function diagramWord(match: Pick<TermMatch, 'matched' | 'viaGlossary'>): { word?: string } {
  return match.viaGlossary && CODE_WORD.test(match.matched) ? { word: match.matched } : {};
}

/** A Markdown link to one of our commands: the label is already-safe Markdown, the title plain text. */
export function markdownLink(label: string, target: string, title?: string): string {
  return `[${label}](${target}${title ? ` "${title.replace(/["\\]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"` : ''})`;
}
