import type { Blockquote } from 'mdast';
import { isQuestionText } from '../../text';
import { endOffset, startLine, startOffset } from '../positions';
import { firstLineOf, paragraphText, stripQuestionMarker } from './lines';
import { RANK_PARAGRAPH, type BlockRecogniser } from './types';

/**
 * `> 프로세스란 무엇인가요?` with the answer below the quote, in the rest of the quote (`> Q?\n> answer`),
 * or both. Quotes inside quotes are searched by the walker, so nested question quotes are found too.
 */
export const blockquoteQuestion: BlockRecogniser = {
  style: 'blockquote',
  recognise(node, ctx) {
    if (node.type !== 'blockquote') return undefined;
    const quote = node as Blockquote;
    const first = quote.children[0];
    if (!first || first.type !== 'paragraph') return undefined;
    const whole = stripQuestionMarker(paragraphText(first));
    const rest = quote.children.slice(1);
    const afterFirst = rest.length ? startOffset(rest[0]) : endOffset(quote);
    if (whole.marked || isQuestionText(whole.text)) {
      return { question: whole.text, style: 'blockquote', line: startLine(quote), rank: RANK_PARAGRAPH, answerStart: afterFirst, answerEnd: endOffset(quote), flows: true, nested: rest };
    }
    const line = firstLineOf(first, ctx.text);
    const head = stripQuestionMarker(line.text);
    if (line.restStart === undefined || !(head.marked || isQuestionText(head.text))) return undefined;
    return { question: head.text, style: 'blockquote', line: startLine(quote), rank: RANK_PARAGRAPH, answerStart: line.restStart, answerEnd: endOffset(quote), flows: true, nested: rest };
  },
};
