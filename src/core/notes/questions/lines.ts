import type { Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cleanInline } from '../../text';
import { endOffset, startOffset } from '../positions';

export interface FirstLine {
  /** The first line's text, cleaned (no emphasis markers, emoji or extra spaces). */
  text: string;
  /** Offset where the paragraph's second line starts, or undefined for a one-line paragraph. */
  restStart?: number;
  /** The phrasing nodes on the first line (a text node split by the line end is counted whole). */
  nodes: PhrasingContent[];
}

/** The first source line of a paragraph: authors put the question on it and the answer below (`> Q?\n> answer`). */
export function firstLineOf(paragraph: Paragraph, text: string): FirstLine {
  const start = startOffset(paragraph);
  const end = endOffset(paragraph);
  const newline = text.indexOf('\n', start);
  const restStart = newline !== -1 && newline < end ? newline + 1 : undefined;
  const nodes: PhrasingContent[] = [];
  let plain = '';
  for (const child of paragraph.children) {
    if (restStart !== undefined && startOffset(child) >= restStart - 1 && child.type !== 'text') break;
    if (child.type === 'break') break;
    nodes.push(child);
    if (child.type === 'text') {
      const cut = child.value.indexOf('\n');
      plain += cut === -1 ? child.value : child.value.slice(0, cut);
      if (cut !== -1) break;
    } else {
      plain += toString(child);
    }
  }
  return { text: cleanInline(plain), restStart, nodes };
}

/** Whole paragraph text, cleaned. */
export function paragraphText(paragraph: Paragraph): string {
  return cleanInline(toString(paragraph));
}

// `Q.`, `Q1:`, `Q)`, `질문:`, `Question 2.`: the author says it is a question, whatever it ends with.
// `5. Q: …`: an exercise number may come before the marker.
const QUESTION_MARKER = /^(?:\d{1,3}[.)]\s*)?(?:Q\s*\d{0,3}|질문\s*\d{0,3}|Question\s*\d{0,3})\s*[:.)．：]\s*/i;
const ANSWER_MARKER = /^(?:A\s*\d{0,3}|답|답변|Answer\s*\d{0,3})\s*[:.)．：]\s*/i;

export function stripQuestionMarker(text: string): { text: string; marked: boolean } {
  const m = text.match(QUESTION_MARKER);
  return m ? { text: text.slice(m[0].length).trim(), marked: true } : { text, marked: false };
}

export function startsWithAnswerMarker(text: string): boolean {
  return ANSWER_MARKER.test(text);
}

/** Drops a leading `A:` / `**A.**` from an answer's Markdown source. */
export function stripAnswerMarker(answer: string): string {
  const m = answer.match(/^(\*\*|__)?\s*(?:A\s*\d{0,3}|답|답변|Answer\s*\d{0,3})\s*[:.)．：]\s*(\*\*|__)?\s*/i);
  return m ? answer.slice(m[0].length) : answer;
}

// `유저모드? : 사용자 프로그램을 …`, `* Why? - because …`: a short question, a separator, then its answer on the
// same line. The question part holds no other `?` and is bounded, so the match cannot backtrack far.
const INLINE_ANSWER = /^[ \t]*(?:\\?[*+-][ \t]+|\d{1,3}[.)][ \t]+)?(?:\*\*|__)?([^?？\n]{1,60}[?？])(?:\*\*|__)?[ \t]*[:：\-–—][ \t]+(?=\S)/;

/** A raw source line read as `question? : answer`: the cleaned question and where in the line the answer starts. */
export function inlineAnswer(line: string): { question: string; answerAt: number } | undefined {
  const m = INLINE_ANSWER.exec(line);
  if (!m) return undefined;
  const question = cleanInline(m[1]);
  if (question.length < 2 || !/[\p{L}\p{N}]/u.test(question)) return undefined;
  return { question, answerAt: m[0].length };
}
