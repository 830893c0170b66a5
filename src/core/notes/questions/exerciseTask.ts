import type { Paragraph } from 'mdast';
import { isProblemTitle } from '../../text';
import { endOffset, startLine } from '../positions';
import { revealsAnswer } from './details';
import { firstLineOf, paragraphText } from './lines';
import { RANK_PARAGRAPH, type BlockRecogniser } from './types';

// A task longer than this is prose with a hidden block after it; its first line is the task.
const MAX_TASK = 400;

/**
 * Exercise sets written as paragraphs (`**3. Create an nginx Pod and save its logs**` then
 * `<details><summary>Solution</summary>…</details>`): the paragraph is the task, whatever it ends with, and the
 * hidden block its answer.
 */
export const exerciseTask: BlockRecogniser = {
  style: 'exercise',
  recognise(node, ctx) {
    if (node.type !== 'paragraph' || !revealsAnswer(ctx, ctx.index + 1)) return undefined;
    const paragraph = node as Paragraph;
    const whole = paragraphText(paragraph);
    const text = withoutNumber(whole.length <= MAX_TASK ? whole : firstLineOf(paragraph, ctx.text).text);
    if (text.length < 4 || isProblemTitle(text)) return undefined;
    const end = endOffset(paragraph);
    return { question: text, style: 'exercise', line: startLine(paragraph), rank: RANK_PARAGRAPH, answerStart: end, answerEnd: end, flows: true };
  },
};

/** `3. Create …` → `Create …`: the exercise number is not part of the task. */
function withoutNumber(task: string): string {
  return task.replace(/^\d{1,3}[.)]\s+/, '');
}
