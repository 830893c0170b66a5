import type { Heading, RootContent } from 'mdast';
import type { QuestionStyle } from '../../model';

/** Paragraph-level questions (blockquote, aside, Q:/A:, details): siblings of one another, inside heading questions. */
export const RANK_PARAGRAPH = 7;
/** Emphasised question lines: sub-questions when another question is open, never cutting its answer short. */
export const RANK_SUB = 8;

export interface BlockContext {
  /** The whole note (offsets index into it). */
  text: string;
  siblings: readonly RootContent[];
  index: number;
}

export interface QuestionMatch {
  question: string;
  style: QuestionStyle;
  line: number;
  /** A new question closes the open ones of the same or a higher rank. Headings rank by depth (1–6). */
  rank: number;
  /** Source offset where the answer starts. */
  answerStart: number;
  /** Source offset where the answer, as far as the question's own blocks go, ends. */
  answerEnd: number;
  /** True when the following sibling blocks continue the answer (until a sibling question, heading or break). */
  flows: boolean;
  /** Sibling blocks after this one that belong to the question (an `<aside>` or `<details>` spread over HTML blocks). */
  extraBlocks?: number;
  /** Blocks inside the question node to search for nested questions. */
  nested?: readonly RootContent[];
  /** Further questions the same block asks (several `question? : answer` lines in one paragraph), in order. */
  more?: readonly QuestionMatch[];
  /** Leading characters to drop from each answer line after the first (a list item's indentation). */
  indent?: number;
}

/** One question style: one module, one row in `QUESTION_STYLES`. */
export interface BlockRecogniser {
  style: QuestionStyle;
  recognise(node: RootContent, ctx: BlockContext): QuestionMatch | undefined;
}

export interface HeadingRecogniser {
  style: QuestionStyle;
  /** `title` is the cleaned heading text; a match's rank is the heading depth. */
  recognise(node: Heading, title: string, ctx: BlockContext): QuestionMatch | undefined;
}
