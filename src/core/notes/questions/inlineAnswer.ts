import type { Paragraph } from 'mdast';
import { isProblemTitle } from '../../text';
import { endOffset, startLine, startOffset } from '../positions';
import { inlineAnswer } from './lines';
import { RANK_PARAGRAPH, type BlockRecogniser, type QuestionMatch } from './types';

/**
 * Lines that ask and answer at once (`\* 유저모드? : PC 레지스터가 …`, `Why a queue? - to absorb bursts`). Each such
 * line of the paragraph is a card; its answer runs to the next such line or the end of the paragraph.
 */
export const inlineAnswerQuestion: BlockRecogniser = {
  style: 'qa',
  recognise(node, ctx) {
    if (node.type !== 'paragraph') return undefined;
    const paragraph = node as Paragraph;
    const start = startOffset(paragraph);
    const end = endOffset(paragraph);
    const first = lineEnd(ctx.text, start, end);
    if (!inlineAnswer(ctx.text.slice(start, first))) return undefined;
    const matches: QuestionMatch[] = [];
    let line = startLine(paragraph);
    for (let at = start; at < end; line++) {
      const stop = lineEnd(ctx.text, at, end);
      const found = inlineAnswer(ctx.text.slice(at, stop));
      if (found && !isProblemTitle(found.question)) {
        const previous = matches[matches.length - 1];
        if (previous) previous.answerEnd = at - 1;
        matches.push({ question: found.question, style: 'qa', line, rank: RANK_PARAGRAPH, answerStart: at + found.answerAt, answerEnd: end, flows: false });
      }
      at = stop + 1;
    }
    const [head, ...more] = matches;
    return head ? { ...head, more } : undefined;
  },
};

function lineEnd(text: string, from: number, end: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 || newline > end ? end : newline;
}
