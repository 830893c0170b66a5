import type { Paragraph } from 'mdast';
import { isQuestionText } from '../../text';
import { endOffset, startLine } from '../positions';
import { paragraphText } from './lines';
import { RANK_SUB, type BlockRecogniser } from './types';

// Blocks that show an answer is being given, not prose going on.
const ANSWER_BLOCKS = new Set(['list', 'code', 'table']);

/**
 * A one-line question on its own, answered by a list, quote, code block or table right below it
 * (`파드(Pod)란?` then `- 가장 작은 배포 단위`). Prose questions, and long or many-clause lines, stay prose.
 */
export const plainLineQuestion: BlockRecogniser = {
  style: 'line',
  recognise(node, ctx) {
    if (node.type !== 'paragraph') return undefined;
    const paragraph = node as Paragraph;
    const next = ctx.siblings[ctx.index + 1];
    if (!next || !ANSWER_BLOCKS.has(next.type)) return undefined;
    if (paragraph.children.some((c) => c.type === 'break' || (c.type === 'text' && c.value.includes('\n')))) return undefined;
    const text = paragraphText(paragraph);
    if (text.length > 60 || /[.,]\s/.test(text) || !/[?？]$/.test(text) || !isQuestionText(text)) return undefined;
    return { question: text, style: 'line', line: startLine(paragraph), rank: RANK_SUB, answerStart: endOffset(paragraph), answerEnd: endOffset(paragraph), flows: true };
  },
};
