import type { Html, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cleanInline } from '../../text';
import { endOffset, startLine } from '../positions';
import { RANK_PARAGRAPH, type BlockContext, type BlockRecogniser } from './types';

const ASIDE_OPEN = /^<aside\b/i;
const ASIDE_CLOSE = /<\/aside\s*>/i;
const ASIDE_LOOKAHEAD = 12;

/** Notion exports: `<aside>❗**명령어로 pod 만들기**</aside>` callouts title the blocks after them. */
export const asideQuestion: BlockRecogniser = {
  style: 'aside',
  recognise(node, ctx) {
    if (node.type !== 'html' || !ASIDE_OPEN.test((node as Html).value)) return undefined;
    const close = findAsideClose(ctx);
    const last = close === -1 ? ctx.index : close;
    const question = cleanInline(ctx.siblings.slice(ctx.index, last + 1).map(plainText).join(' '));
    if (!question) return undefined;
    const end = endOffset(ctx.siblings[last]);
    return { question, style: 'aside', line: startLine(node), rank: RANK_PARAGRAPH, answerStart: end, answerEnd: end, flows: true, extraBlocks: last - ctx.index };
  },
};

/** Index of the block closing the `<aside>`, or -1 (the walker reports an unclosed one). */
export function findAsideClose(ctx: BlockContext): number {
  const { siblings, index: from } = ctx;
  for (let j = from; j < siblings.length && j <= from + ASIDE_LOOKAHEAD; j++) {
    const n = siblings[j];
    if (n.type === 'html' && ASIDE_CLOSE.test(n.value)) return j;
    if (j > from && n.type === 'heading') return -1;
  }
  return -1;
}

export function isAsideOpen(node: RootContent): boolean {
  return node.type === 'html' && ASIDE_OPEN.test(node.value);
}

function plainText(node: RootContent): string {
  return node.type === 'html' ? node.value.replace(/<[^>]*>/g, ' ') : toString(node);
}
