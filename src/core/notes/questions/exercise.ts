import { isProblemTitle } from '../../text';
import { endOffset, startLine } from '../positions';
import { revealsAnswer } from './details';
import type { HeadingRecogniser } from './types';

/**
 * Exercise sets (`### Create a pod named nginx using image nginx:1.17` followed by `<details><summary>show</summary>`):
 * the heading is the task, the hidden block its answer.
 */
export const exerciseHeading: HeadingRecogniser = {
  style: 'exercise',
  recognise(node, title, ctx) {
    const next = ctx.siblings[ctx.index + 1];
    if (!next || isProblemTitle(title) || title.length < 4) return undefined;
    if (!revealsAnswer(ctx, ctx.index + 1)) return undefined;
    return { question: title, style: 'exercise', line: startLine(node), rank: node.depth, answerStart: endOffset(node), answerEnd: endOffset(node), flows: true };
  },
};
