import type { Paragraph } from 'mdast';
import { endOffset, startLine } from '../positions';
import { cleanInline } from '../../text';
import { firstLineOf, startsWithAnswerMarker, stripQuestionMarker } from './lines';
import { RANK_PARAGRAPH, type BlockRecogniser } from './types';

/**
 * `Q: … / A: …` and `Q. … / A. …` (also `**Q1.** …`, `질문: …`): the marker makes it a question, whatever it
 * ends with. The answer is the `A:` line(s) of the same paragraph, or else the blocks after the question.
 */
export const qaPairQuestion: BlockRecogniser = {
  style: 'qa',
  recognise(node, ctx) {
    if (node.type !== 'paragraph') return undefined;
    const paragraph = node as Paragraph;
    const line = firstLineOf(paragraph, ctx.text);
    const q = stripQuestionMarker(line.text);
    if (!q.marked || q.text.length < 2) return undefined;
    const answerStart = line.restStart ?? endOffset(paragraph);
    // `Q: …\nA: …` in one paragraph is a complete pair; a bare `Q:` line is answered by the blocks after it.
    const paired = line.restStart !== undefined && startsWithAnswerMarker(cleanInline(ctx.text.slice(line.restStart, line.restStart + 40)));
    return { question: q.text, style: 'qa', line: startLine(paragraph), rank: RANK_PARAGRAPH, answerStart, answerEnd: endOffset(paragraph), flows: !paired };
  },
};
