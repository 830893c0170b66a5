import type { Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cleanInline, isQuestionText } from '../../text';
import { endOffset, startLine } from '../positions';
import { firstLineOf } from './lines';
import { RANK_SUB, type BlockRecogniser } from './types';

// Markers authors put before a question line instead of emphasis.
const QUESTION_EMOJI = /^\s*(?:\u2753|\u2754|\u{1F914}|\u{1F64B}|\u{1F4A1}|\u2757|\u2755|\u{1F4CC}|\u{1F4AD}|\u{1F50E}|\u{1F50D})/u;

/**
 * A paragraph whose first line is a bold, italic or emoji-marked question (`**프로세서란?**`, `*Why?*`,
 * `❓ 언제 쓰나요?`), answered by the lines and blocks that follow. `**Q?** answer` on one line works too.
 */
export const emphasisLineQuestion: BlockRecogniser = {
  style: 'emphasis',
  recognise(node, ctx) {
    if (node.type !== 'paragraph') return undefined;
    const paragraph = node as Paragraph;
    const line = firstLineOf(paragraph, ctx.text);
    const marked = markedQuestion(line.nodes);
    if (!marked) return undefined;
    const answerStart = marked.inlineAnswerStart ?? line.restStart ?? endOffset(paragraph);
    return { question: marked.text, style: 'emphasis', line: startLine(paragraph), rank: RANK_SUB, answerStart, answerEnd: endOffset(paragraph), flows: true };
  },
};

function isDecoration(node: PhrasingContent): boolean {
  return node.type === 'text' && cleanInline(node.value) === '';
}

function markedQuestion(nodes: PhrasingContent[]): { text: string; inlineAnswerStart?: number } | undefined {
  let i = 0;
  let emoji = false;
  while (i < nodes.length && nodes[i].type === 'text') {
    const value = (nodes[i] as { value: string }).value;
    if (QUESTION_EMOJI.test(value)) emoji = true;
    if (!isDecoration(nodes[i])) break;
    i++;
  }
  const lead = nodes[i];
  if (lead && (lead.type === 'strong' || lead.type === 'emphasis')) {
    const text = cleanInline(toString(lead));
    if (!isQuestionText(text)) return undefined;
    const tail = nodes.slice(i + 1);
    const tailText = cleanInline(tail.map((n) => toString(n)).join(''));
    if (tailText === '' || /^[?？.!:]+$/.test(tailText)) return { text: tailText ? text + tailText.replace(/[.!:]/g, '') : text };
    // `**프로세스란?** 실행 중인 프로그램.` — the answer follows on the same line.
    return { text, inlineAnswerStart: endOffset(lead) };
  }
  if (emoji) {
    const text = cleanInline(nodes.map((n) => toString(n)).join(''));
    return isQuestionText(text) ? { text } : undefined;
  }
  return undefined;
}

/** `**정리하면**` alone on a line: a label that starts a new part, so it ends a sub-question's answer. */
export function isLabelLine(node: RootContent): boolean {
  if (node.type !== 'paragraph') return false;
  const nodes = (node as Paragraph).children.filter((n) => !isDecoration(n));
  return nodes.length === 1 && (nodes[0].type === 'strong' || nodes[0].type === 'emphasis');
}
