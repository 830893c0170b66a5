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
  /** The summary's first line: `Explain the following configuration file` above the file it shows. */
  summaryHead: string;
  /** Offset right after `</summary>` (the answer starts here). */
  bodyStart: number;
  /** Offset of `</details>`, and how many sibling blocks after this one it spans; -1 when never closed. */
  bodyEnd: number;
  extraBlocks: number;
}

/**
 * A `<details>` opened by this HTML block, with where its summary and body are. A blank line ends an HTML block, so
 * the summary and the closing tag may sit in later blocks (or inline in a paragraph): the source is searched up to
 * the next heading or the next `<details>`, so each block is searched by one `<details>` at most.
 */
export function readDetails(node: RootContent, ctx: BlockContext): DetailsBlock | undefined {
  if (node.type !== 'html' || !DETAILS_OPEN.test((node as Html).value)) return undefined;
  const { siblings, index } = ctx;
  let limit = siblings.length;
  for (let j = index + 1; j < siblings.length; j++) {
    const sibling = siblings[j];
    if (sibling.type === 'heading' || (sibling.type === 'html' && DETAILS_OPEN.test(sibling.value))) {
      limit = j;
      break;
    }
  }
  const nodeStart = startOffset(node);
  const searchEnd = limit < siblings.length ? startOffset(siblings[limit]) : endOffset(siblings[siblings.length - 1]);
  const source = ctx.text.slice(nodeStart, Math.max(endOffset(node), searchEnd));
  const lower = source.toLowerCase();
  const open = lower.indexOf('<summary');
  const summaryStart = open === -1 ? 0 : lower.indexOf('>', open) + 1;
  const close = summaryStart > 0 ? lower.indexOf('</summary', summaryStart) : -1;
  const closeEnd = close === -1 ? 0 : lower.indexOf('>', close) + 1;
  const rawSummary = close !== -1 ? source.slice(summaryStart, close) : '';
  const summary = summaryText(rawSummary);
  const summaryHead = plainSummary(rawSummary.trim().split('\n', 1)[0]);
  const bodyStart = closeEnd > 0 ? nodeStart + closeEnd : endOffset(node);
  const inner = lower.indexOf(DETAILS_CLOSE, bodyStart - nodeStart);
  if (inner === -1) return { summary, summaryHead, bodyStart, bodyEnd: -1, extraBlocks: 0 };
  const bodyEnd = nodeStart + inner;
  let last = index;
  while (last + 1 < limit && startOffset(siblings[last + 1]) <= bodyEnd) last++;
  return { summary, summaryHead, bodyStart, bodyEnd, extraBlocks: last - index };
}

// A summary longer than this is a question with material (a list, a config file): its first line asks.
const MAX_SUMMARY_QUESTION = 200;

function summaryText(raw: string): string {
  const whole = plainSummary(raw);
  return whole.length <= MAX_SUMMARY_QUESTION ? whole : plainSummary(raw.trim().split('\n', 1)[0]);
}

function plainSummary(raw: string): string {
  return cleanInline(raw.replace(/<[^>]*>/g, ' '));
}

/**
 * Whether the blocks from `index` on are `<details>` hiding an answer (`show`, `Solution`), perhaps after one or two
 * that show material first (`<summary>File</summary>`): an exercise's task is the block before them.
 */
export function revealsAnswer(ctx: BlockContext, index: number): boolean {
  let i = index;
  for (let k = 0; k < 3 && i < ctx.siblings.length; k++) {
    const details = readDetails(ctx.siblings[i], { ...ctx, index: i });
    if (!details) return false;
    if (isRevealSummary(details.summary)) return true;
    i += details.extraBlocks + 1;
  }
  return false;
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
    if (!q.marked && !isQuestionText(q.text) && !isQuestionText(details.summaryHead)) return undefined;
    const unclosed = details.bodyEnd === -1;
    return {
      question: q.text, style: 'details', line: startLine(node), rank: RANK_PARAGRAPH,
      answerStart: details.bodyStart, answerEnd: unclosed ? endOffset(node) : details.bodyEnd,
      flows: unclosed, extraBlocks: details.extraBlocks,
    };
  },
};
