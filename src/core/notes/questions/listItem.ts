import type { ListItem } from 'mdast';
import { isQuestionText } from '../../text';
import { endOffset, startLine, startOffset } from '../positions';
import { firstLineOf, paragraphText, stripQuestionMarker } from './lines';
import { RANK_PARAGRAPH, type BlockRecogniser } from './types';

/**
 * `- TCP 통신이란?` with the answer nested below it (sub-items, indented paragraphs or code). The answer is the
 * item itself, so it never runs into the next item; an item with nothing nested is an unanswered question.
 */
export const listItemQuestion: BlockRecogniser = {
  style: 'list',
  recognise(node, ctx) {
    if (node.type !== 'listItem') return undefined;
    const item = node as ListItem;
    const first = item.children[0];
    if (!first || first.type !== 'paragraph') return undefined;
    const rest = item.children.slice(1);
    const indent = Math.max(0, (first.position?.start.column ?? 1) - 1);
    const base = { style: 'list' as const, line: startLine(item), rank: RANK_PARAGRAPH, answerEnd: endOffset(item), flows: false, nested: rest, indent };
    const whole = stripQuestionMarker(paragraphText(first));
    if (whole.marked || isQuestionText(whole.text)) {
      return { ...base, question: whole.text, answerStart: rest.length ? startOffset(rest[0]) : endOffset(item) };
    }
    const line = firstLineOf(first, ctx.text);
    const head = stripQuestionMarker(line.text);
    if (line.restStart === undefined || !(head.marked || isQuestionText(head.text))) return undefined;
    return { ...base, question: head.text, answerStart: line.restStart };
  },
};
