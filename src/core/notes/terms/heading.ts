import { toString } from 'mdast-util-to-string';
import { cleanInline, isQuestionText } from '../../text';
import { parseDayHeading } from '../dates';
import { endOffset, startLine, startOffset } from '../positions';
import { MAX_TERM_CHARS, namesOfTitle } from './names';
import { definingPassage } from './definingPassage';
import { clip, sectionBody } from './summary';
import type { TermRecogniser } from './types';

// `## OS`, `## CKA`, `## Java`: a heading that files the day's notes under a field, not a concept it explains.
const FIELD_HEADINGS = new Set([
  'os', '운영체제', '운영 체제', 'cka', 'ckad', 'java', '자바', 'web', '웹', 'kubernetes', 'k8s', '쿠버네티스', 'network',
  '네트워크', 'spring', 'database', 'db', '데이터베이스', 'cs', 'algorithm', '알고리즘', '자료구조', 'til', 'javascript', 'python',
]);

/**
 * `# Deployments`, `# Recap - ReplicaSets`, `### DTO`, `## Signaling Server의 역할`: a heading that names a concept,
 * explained by its section (down to the next heading at its level or above, sub-headings included).
 */
export const headingTerms: TermRecogniser = {
  name: 'heading',
  weight: 3,
  recognise(note, out) {
    const headings = note.nodes.headings;
    // End of each heading's section: the next heading at the same depth or above (one backward pass with a stack).
    const ends = new Array<number>(headings.length).fill(note.text.length);
    const open: number[] = [];
    for (let i = headings.length - 1; i >= 0; i--) {
      const depth = headings[i].node.depth;
      while (open.length && headings[open[open.length - 1]].node.depth > depth) open.pop();
      if (open.length) ends[i] = startOffset(headings[open[open.length - 1]].node);
      open.push(i);
    }
    headings.forEach(({ node }, i) => {
      const title = cleanInline(toString(node));
      if (isQuestionText(title) || parseDayHeading(title) || title.length > MAX_TERM_CHARS * 2 || title.split(' ').length > 6) return;
      if (FIELD_HEADINGS.has(title.toLowerCase())) return;
      const names = namesOfTitle(title);
      if (!names) return;
      const body = sectionBody(note.text, endOffset(node), ends[i]);
      if (!body) return;
      // `### Record` over nothing but a code block shows what it is, without saying it: other passages may say more.
      const codeOnly = /^(?:```|~~~)[\s\S]*(?:```|~~~)$/.test(body);
      // A section that opens on a sub-topic (`### Rolling updates`) is led by the sentence that says what the concept is.
      const defining = definingPassage(note.text, endOffset(node), ends[i], [names.term, ...names.aliases]);
      const summary = defining ? clip(`${defining}\n\n${withoutPassage(body, defining)}`.trim()) : body;
      out.push({ term: names.term, aliases: names.aliases, source: 'heading', line: startLine(node), summary, bonus: codeOnly ? -1.5 : 0 });
    });
  },
};

/** The section's opening after the passage that now leads it: the passage is shown once. */
function withoutPassage(body: string, passage: string): string {
  const at = body.indexOf(passage);
  return at === -1 ? body : (body.slice(0, at) + body.slice(at + passage.length)).replace(/\n{3,}/g, '\n\n').trim();
}
