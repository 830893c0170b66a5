import { toString } from 'mdast-util-to-string';
import { cleanInline, isQuestionText } from '../../text';
import { endOffset, startLine, startOffset } from '../positions';
import { MAX_TERM_CHARS, namesOfTitle } from './names';
import { boldLead } from './label';
import { clip } from './summary';
import type { TermRecogniser } from './types';

// `**X**는 …`, `**X** : …` — the bold opens a definition when a particle or colon follows it.
const DEFINITION_TAIL = /^\s*(?:은|는|이란|란|이라고|라고|이라는|이다|:|：|—|–|-)/u;
// `fork() : 새로운 프로세스 생성`, `trade-off : 상충관계…`
const COLON_DEFINITION = /^([^:：]{1,30}?)\s*[:：]\s+(.{4,})$/su;

/** `**X**는 …` and `X : …` — a paragraph (or list item) that opens with the term and defines it. */
export const definitionTerms: TermRecogniser = {
  name: 'definition',
  weight: 5,
  recognise(note, out) {
    for (const { node } of note.nodes.paragraphs) {
      const lead = boldLead(note, node);
      if (lead) {
        if (lead.rest.trim() === '' || !DEFINITION_TAIL.test(lead.rest)) continue;
        if (lead.bold.length > MAX_TERM_CHARS || isQuestionText(lead.bold) || /[{}[\]]/.test(lead.bold)) continue;
        const names = namesOfTitle(lead.bold);
        if (names) out.push({ term: names.term, aliases: names.aliases, source: 'definition', line: startLine(node), summary: note.slice(startOffset(node), endOffset(node)) });
        continue;
      }
      const plain = cleanInline(toString(node));
      const colon = plain.match(COLON_DEFINITION);
      if (!colon || node.children[0]?.type === 'link' || isQuestionText(plain)) continue;
      // A call written with its parentheses names the function: `fork()` → fork.
      const call = /\(\)$/.test(colon[1].trim());
      const name = colon[1].trim().replace(/\(\)$/, '');
      if (!call && colon[2].length < 8) continue;
      if (name.split(' ').length > 4 || /^\d+$|[[\]{}()]/.test(name)) continue;
      const names = namesOfTitle(name);
      if (names) out.push({ term: names.term, aliases: names.aliases, source: 'definition', line: startLine(node), summary: clip(plain) });
    }
  },
};
