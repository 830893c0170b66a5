import type { Html, RootContent } from 'mdast';
import { cleanInline, isQuestionText } from '../../text';
import { endOffset, startLine, startOffset } from '../positions';
import { stripQuestionMarker } from './lines';
import { RANK_PARAGRAPH, type BlockContext, type BlockRecogniser } from './types';

const DETAILS_OPEN = /^\s*<details\b/i;
const DETAILS_CLOSE = '</details';
// Summaries that only reveal an answer (`show`, `정답`): the question is the heading above, not the summary.
const REVEAL = /^(?:show|show answer|answer|answers|solution|solutions|hint|click|click to expand|click to see|expand|details|정답|답|답안|풀이|해설|해답|보기|정답 보기|답 보기|펼치기|펼쳐보기|클릭|확인|접기|▶|►)$/i;

export interface DetailsBlock {
  summary: string;
  /** Offset right after `</summary>` (the answer starts here). */
  bodyStart: number;
  /** Offset of `</details>`, and how many sibling blocks after this one it spans; -1 when never closed. */
  bodyEnd: number;
  extraBlocks: number;
}

/** A `<details>` opened by this HTML block, with where its body is. One forward scan, stopped at the next heading. */
export function readDetails(node: RootContent, ctx: BlockContext): DetailsBlock | undefined {
  if (node.type !== 'html' || !DETAILS_OPEN.test((node as Html).value)) return undefined;
  const value = (node as Html).value;
  const lower = value.toLowerCase();
  const open = lower.indexOf('<summary');
  const close = open === -1 ? -1 : lower.indexOf('</summary', open);
  const summaryStart = open === -1 ? -1 : lower.indexOf('>', open) + 1;
  const summary = summaryStart > 0 && close !== -1 ? cleanInline(value.slice(summaryStart, close).replace(/<[^>]*>/g, ' ')) : '';
  const nodeStart = startOffset(node);
  const bodyStart = close !== -1 ? nodeStart + lower.indexOf('>', close) + 1 : endOffset(node);
  const inner = lower.indexOf(DETAILS_CLOSE, Math.max(0, close));
  if (inner !== -1) return { summary, bodyStart, bodyEnd: nodeStart + inner, extraBlocks: 0 };
  for (let j = ctx.index + 1; j < ctx.siblings.length; j++) {
    const sibling = ctx.siblings[j];
    if (sibling.type === 'heading') break;
    if (sibling.type === 'html') {
      const at = sibling.value.toLowerCase().indexOf(DETAILS_CLOSE);
      if (at !== -1) return { summary, bodyStart, bodyEnd: startOffset(sibling) + at, extraBlocks: j - ctx.index };
      if (DETAILS_OPEN.test(sibling.value)) break;
    }
  }
  return { summary, bodyStart, bodyEnd: -1, extraBlocks: 0 };
}

export function isRevealSummary(summary: string): boolean {
  return summary === '' || REVEAL.test(summary.replace(/[!.:…]+$/, '').trim());
}

/** `<details><summary>프로세스란?</summary> answer </details>`: the summary asks, the body answers. */
export const detailsQuestion: BlockRecogniser = {
  style: 'details',
  recognise(node, ctx) {
    const details = readDetails(node, ctx);
    if (!details || isRevealSummary(details.summary)) return undefined;
    const q = stripQuestionMarker(details.summary);
    if (!q.marked && !isQuestionText(q.text)) return undefined;
    const unclosed = details.bodyEnd === -1;
    return {
      question: q.text, style: 'details', line: startLine(node), rank: RANK_PARAGRAPH,
      answerStart: details.bodyStart, answerEnd: unclosed ? endOffset(node) : details.bodyEnd,
      flows: unclosed, extraBlocks: details.extraBlocks,
    };
  },
};
