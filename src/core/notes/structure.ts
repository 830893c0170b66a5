import type { Root, RootContent, Heading, Blockquote, Html } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Card, Day, Problem, QuestionStyle, Section, Topic } from '../model';
import { cleanInline, isQuestionText, questionKey } from '../text';
import { dateFromFileName, parseDayHeading, type DayDate } from './dates';
import type { FrontMatter } from './frontmatter';
import { endOffset, LineIndex, startLine, startOffset } from './positions';
import { topicOf } from './topics';

export interface NoteStructure {
  days: Day[];
  sections: Section[];
  cards: Card[];
}

interface OpenQuestion {
  question: string;
  style: QuestionStyle;
  line: number;
  answerStart: number;
  answerEnd: number;
  /** A heading at this depth or higher ends the answer. */
  boundary: number;
  sectionId?: string;
  dayId?: string;
}

type SectionDraft = Section & { ownTopic: Topic; question: boolean };

const ASIDE_OPEN = /^<aside\b/i;
const ASIDE_CLOSE = /<\/aside\s*>/i;
const SEPARATOR_HTML = /^<hr\s*\/?>$/i;
const ASIDE_LOOKAHEAD = 12;

/**
 * One pass over the top-level blocks: day headings start days, other headings build the section tree,
 * question blockquotes / headings / `<aside>` callouts open a card whose answer runs to the next question
 * or to a heading at the question's level or above.
 */
export function walkStructure(file: string, root: Root, text: string, fm: FrontMatter, problems: Problem[]): NoteStructure {
  const days: Day[] = [];
  const sections: SectionDraft[] = [];
  const cards: Card[] = [];
  const stack: SectionDraft[] = [];
  const dayIds = new Set<string>();
  let day: Day | undefined;
  let open: OpenQuestion | undefined;
  const lines = new LineIndex(text);
  const lastLine = lines.lineAt(text.length);

  const startDay = (title: string, date: DayDate | undefined, line: number) => {
    let id = date?.date ?? `untitled-${line}`;
    for (let n = 2; dayIds.has(id); n++) id = `${date?.date ?? 'untitled'}~${n}`;
    dayIds.add(id);
    day = { id, title, date: date?.date, file, line, endLine: lastLine };
    days.push(day);
  };
  const closeDay = (line: number) => {
    if (day) day.endLine = Math.max(day.line, line);
  };
  const closeSections = (depth: number, line: number) => {
    while (stack.length && stack[stack.length - 1].depth >= depth) {
      const s = stack.pop()!;
      s.endLine = Math.max(s.line, line);
    }
  };
  const closeQuestion = () => {
    if (!open) return;
    const answer = text.slice(open.answerStart, Math.max(open.answerStart, open.answerEnd)).trim();
    const key = questionKey(open.question);
    if (!answer) {
      problems.push({
        file, line: open.line, severity: 'info', code: 'question-without-answer',
        message: `The question "${open.question.slice(0, 60)}" has no answer yet.`,
      });
    }
    cards.push({
      key, question: open.question, answer, style: open.style, topic: 'other',
      dayId: open.dayId, sectionId: open.sectionId, file, line: open.line,
      endLine: answer ? lines.lineAt(open.answerEnd) : open.line,
    });
    open = undefined;
  };
  const openQuestion = (question: string, style: QuestionStyle, line: number, answerStart: number, boundary: number, sectionId?: string) => {
    closeQuestion();
    open = { question, style, line, answerStart, answerEnd: answerStart, boundary, sectionId, dayId: day?.id };
  };
  const extendAnswer = (node: RootContent) => {
    if (open) open.answerEnd = endOffset(node);
  };

  const implicitDate = fm.date ?? dateFromFileName(file);
  if (implicitDate) startDay(fm.title ?? implicitDate.date, implicitDate, 1);

  const children = root.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    switch (node.type) {
      case 'yaml':
        break;
      case 'heading': {
        const title = cleanInline(toString(node));
        const line = startLine(node);
        const date = node.depth <= 2 ? parseDayHeading(title) : undefined;
        if (date) {
          closeQuestion();
          closeSections(1, line - 1);
          closeDay(line - 1);
          startDay(title, date, line);
          break;
        }
        if (open && node.depth <= open.boundary) closeQuestion();
        closeSections(node.depth, line - 1);
        const isQuestion = isQuestionText(title);
        const parent = stack[stack.length - 1];
        const section: SectionDraft = {
          id: `${file}#L${line}`, title, depth: node.depth, topic: 'other', ownTopic: topicOf(title),
          dayId: day?.id, parentId: parent?.id, file, line, endLine: lastLine, question: isQuestion,
        };
        sections.push(section);
        stack.push(section);
        if (isQuestion) openQuestion(title, 'heading', line, endOffset(node), node.depth, parent?.id);
        break;
      }
      case 'blockquote': {
        const question = questionOfBlockquote(node);
        if (question) {
          const answerStart = node.children.length > 1 ? startOffset(node.children[1]) : endOffset(node);
          const section = stack[stack.length - 1];
          openQuestion(question, 'blockquote', startLine(node), answerStart, section?.depth ?? 6, section?.id);
          if (node.children.length > 1) extendAnswer(node);
        } else {
          extendAnswer(node);
        }
        break;
      }
      case 'html': {
        if (ASIDE_OPEN.test(node.value)) {
          const close = findAsideClose(children, i);
          if (close === -1) {
            problems.push({
              file, line: startLine(node), severity: 'warning', code: 'unclosed-html',
              message: 'An <aside> callout is not closed with </aside>; only its first block was read.',
            });
          }
          const last = close === -1 ? i : close;
          const question = cleanInline(children.slice(i, last + 1).map(plainText).join(' '));
          if (question) {
            const section = stack[stack.length - 1];
            openQuestion(question, 'aside', startLine(node), endOffset(children[last]), section?.depth ?? 6, section?.id);
          }
          i = last;
        } else if (!SEPARATOR_HTML.test(node.value.trim())) {
          extendAnswer(node);
        }
        break;
      }
      case 'thematicBreak':
        break;
      default:
        extendAnswer(node);
    }
  }
  closeQuestion();
  closeSections(1, lastLine);
  closeDay(lastLine);

  assignTopics(sections, fm.topic);
  const topicOfSection = new Map(sections.map((s) => [s.id, s.topic] as const));
  for (const card of cards) {
    const fromSection = card.sectionId ? topicOfSection.get(card.sectionId) : undefined;
    const fromText = topicOf(card.question);
    card.topic = fromSection && fromSection !== 'other' ? fromSection : fromText !== 'other' ? fromText : fm.topic ?? 'other';
  }
  return {
    days,
    sections: sections.map(({ ownTopic: _own, question, ...s }) => (question ? { ...s, question } : s)),
    cards,
  };
}

function questionOfBlockquote(node: Blockquote): string | undefined {
  const first = node.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const text = cleanInline(toString(first));
  return isQuestionText(text) ? text : undefined;
}

function plainText(node: RootContent): string {
  return node.type === 'html' ? (node as Html).value.replace(/<[^>]*>/g, ' ') : toString(node);
}

function findAsideClose(children: RootContent[], from: number): number {
  for (let j = from; j < children.length && j <= from + ASIDE_LOOKAHEAD; j++) {
    const n = children[j];
    if (n.type === 'html' && ASIDE_CLOSE.test(n.value)) return j;
    if (j > from && n.type === 'heading') return -1;
  }
  return -1;
}

/**
 * A section's topic: its own heading's, else its parent's, else what its sub-headings say,
 * else the previous top-level section of the same day (authors keep writing about the same thing),
 * else the note's front matter topic.
 */
function assignTopics(sections: SectionDraft[], noteTopic: Topic | undefined): void {
  const byId = new Map(sections.map((s) => [s.id, s] as const));
  for (const s of sections) {
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    s.topic = s.ownTopic !== 'other' ? s.ownTopic : parent?.topic ?? 'other';
  }
  let previousTop: SectionDraft | undefined;
  for (const s of sections) {
    if (s.parentId) continue;
    if (s.topic === 'other') {
      const child = sections.find((c) => c.parentId === s.id && c.ownTopic !== 'other');
      const sameDay = previousTop && previousTop.dayId === s.dayId ? previousTop.topic : undefined;
      s.topic = child?.ownTopic ?? (sameDay && sameDay !== 'other' ? sameDay : noteTopic ?? 'other');
    }
    previousTop = s;
  }
  for (const s of sections) {
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    if (s.ownTopic === 'other' && parent) s.topic = parent.topic;
  }
}
