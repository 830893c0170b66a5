import { isProblemTitle, isQuestionText } from '../../text';
import { endOffset, startLine } from '../positions';
import { stripQuestionMarker } from './lines';
import type { HeadingRecogniser } from './types';

/**
 * `## 프로세스란?`, `### 프로세스와 스레드를 비교하시오`, `## Process vs Thread`, `### Q. …`, `## What is a Pod`:
 * the section below answers it, up to the next heading at the same level or above.
 */
export const headingQuestion: HeadingRecogniser = {
  style: 'heading',
  recognise(node, title) {
    if (isProblemTitle(title)) return undefined;
    const q = stripQuestionMarker(title);
    if (!q.marked && !isQuestionText(q.text)) return undefined;
    return { question: q.text, style: 'heading', line: startLine(node), rank: node.depth, answerStart: endOffset(node), answerEnd: endOffset(node), flows: true };
  },
};
