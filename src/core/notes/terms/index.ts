import type { Card, Section, Term, TermSource, Topic } from '../../model';
import type { CollectedNodes } from '../collect';
import type { FrontMatter } from '../frontmatter';
import { definitionTerms } from './definition';
import { headingTerms } from './heading';
import { labelTerms } from './label';
import { mentionTerms } from './mention';
import { acceptableTerm } from './names';
import { pairTerms } from './pair';
import { questionTerms } from './question';
import { sentenceTerms } from './sentence';
import { clip } from './summary';
import type { NoteText, TermDraft, TermRecogniser } from './types';

/** Every way a term is written in notes, one recogniser per row. Weight orders them when one note uses several. */
export const RECOGNISERS: readonly TermRecogniser[] = [
  definitionTerms, // `**X**는 …`, `X() : …`
  labelTerms, // `**Semaphore**` + the paragraph under it
  headingTerms, // `# Deployments`, `# Recap - ReplicaSets`, `### DTO`
  questionTerms, // `## Record를 DTO로 사용하는 이유가 뭔가요?` + its answer
  sentenceTerms, // `targetPort는 …이다`, `X is a …`
  pairTerms, // `교착 상태(Deadlock)` in running text
  mentionTerms, // `fork()`, `matchLabels` in prose
];

const WEIGHT: Record<TermSource, number> = Object.fromEntries([...RECOGNISERS.map((r) => [r.name, r.weight]), ['frontmatter', 0]]);

/** Concepts the note explains, in the ways people write them, plus front matter aliases. */
export function extractTerms(file: string, nodes: CollectedNodes, text: string, sections: Section[], fm: FrontMatter, cards: Card[]): Term[] {
  const note: NoteText = { file, text, nodes, cards, slice: (from, to) => clip(text.slice(from, to).trim()) };
  const drafts: TermDraft[] = [];
  for (const recogniser of RECOGNISERS) recogniser.recognise(note, drafts);
  drafts.sort((a, b) => a.line - b.line);

  const terms: Term[] = [];
  const topicAt = sectionCursor(sections);
  for (const d of drafts) {
    const term = d.term.trim();
    if (!acceptableTerm(term)) continue;
    terms.push({
      term, aliases: (d.aliases ?? []).filter((a) => a !== term), file, line: d.line, summary: d.summary,
      topic: (topicAt(d.line) ?? fm.topic ?? 'other') as Topic,
      source: d.source, weight: WEIGHT[d.source] + (d.bonus ?? 0) + (d.summary.length > 40 ? 0.5 : 0),
    });
  }
  for (const [term, aliases] of fm.aliases) {
    terms.push({ term, aliases, file, line: 1, summary: '', topic: fm.topic ?? 'other', source: 'frontmatter', weight: WEIGHT.frontmatter });
  }
  return terms;
}

/** The topic of the innermost section at a line, for lines asked in ascending order: one pass over the sections. */
function sectionCursor(sections: Section[]): (line: number) => Topic | undefined {
  let next = 0;
  const open: Section[] = [];
  return (line) => {
    while (next < sections.length && sections[next].line <= line) open.push(sections[next++]);
    while (open.length && open[open.length - 1].endLine < line) open.pop();
    // Sections nest, so the last still-open one is the innermost; earlier closed siblings were popped above.
    for (let i = open.length - 1; i >= 0; i--) if (open[i].endLine >= line) return open[i].topic;
    return undefined;
  };
}

export { clip } from './summary';
export { splitPair } from './names';
