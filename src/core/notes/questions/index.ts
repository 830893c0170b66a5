import { asideQuestion } from './aside';
import { blockquoteQuestion } from './blockquote';
import { detailsQuestion } from './details';
import { emphasisLineQuestion } from './emphasisLine';
import { exerciseHeading } from './exercise';
import { exerciseTask } from './exerciseTask';
import { headingQuestion } from './heading';
import { inlineAnswerQuestion } from './inlineAnswer';
import { listItemQuestion } from './listItem';
import { plainLineQuestion } from './plainLine';
import { qaPairQuestion } from './qaPair';
import type { BlockRecogniser, HeadingRecogniser } from './types';

/**
 * The question styles, tried in order; the first that recognises a block wins. A new style is one module and one row.
 * Marked styles (`Q:`) come before the looser ones that could read the same paragraph differently.
 */
export const QUESTION_STYLES: readonly BlockRecogniser[] = [
  asideQuestion,
  detailsQuestion,
  exerciseTask,
  blockquoteQuestion,
  listItemQuestion,
  qaPairQuestion,
  inlineAnswerQuestion,
  emphasisLineQuestion,
  plainLineQuestion,
];

export const HEADING_QUESTION_STYLES: readonly HeadingRecogniser[] = [headingQuestion, exerciseHeading];

export type { BlockRecogniser, HeadingRecogniser, QuestionMatch } from './types';
