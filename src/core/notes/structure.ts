import type { Root, Heading, Html, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Card, Day, Problem, Section, Topic } from '../model';
import { cleanInline, questionKey } from '../text';
import { dateFromFileName, parseDayHeading, parseDayLine, type DayDate } from './dates';
import type { FrontMatter } from './frontmatter';
import { LineIndex, startLine } from './positions';
import { topicOf } from './topics';
import { answerShape } from './answerShape';
import { findAsideClose, isAsideOpen } from './questions/aside';
import { stripAnswerMarker } from './questions/lines';
import { QuestionWalker, type CardDraft } from './questions/walk';

export interface NoteStructure {
  days: Day[];
  sections: Section[];
  cards: Card[];
}

type SectionDraft = Section & { ownTopic: Topic; question: boolean };

const SEPARATOR_HTML = /^<hr\s*\/?>$/i;
const ANY_TAG = /<\/?[a-z][a-z0-9-]{0,20}(?:\s[^<>]{0,200})?\/?>/gi;

/**
 * One pass over the top-level blocks: day headings start days, other headings build the section tree, and the
 * question walker (the table of question styles in ./questions) finds the cards and bounds their answers.
 */
export function walkStructure(file: string, root: Root, text: string, fm: FrontMatter, problems: Problem[]): NoteStructure {
  const days: Day[] = [];
  const sections: SectionDraft[] = [];
  const stack: SectionDraft[] = [];
  const dayIds = new Set<string>();
  /** The next `~n` suffix to try per date: equal day headings cost O(1) each, not a scan of the earlier ones. */
  const nextSuffix = new Map<string, number>();
  let day: Day | undefined;
  let sectionsInDay = 0;
  const lines = new LineIndex(text);
  const lastLine = lines.lineAt(text.length);
  const walker = new QuestionWalker(text);

  const startDay = (title: string, date: DayDate | undefined, line: number) => {
    // The same date as the day the file name or first line gave: one day, titled by its heading.
    if (day && date && day.date === date.date && sectionsInDay === 0) {
      day.title = title;
      return;
    }
    const base = date?.date ?? 'untitled';
    let id = date?.date ?? `untitled-${line}`;
    let n = nextSuffix.get(base) ?? 2;
    for (; dayIds.has(id); n++) id = `${base}~${n}`;
    nextSuffix.set(base, n);
    dayIds.add(id);
    day = { id, title, date: date?.date, file, line, endLine: lastLine };
    days.push(day);
    sectionsInDay = 0;
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
  const place = () => {
    const section = stack[stack.length - 1];
    return { sectionId: section?.id, dayId: day?.id, context: section?.title };
  };

  const children = root.children;
  const implicitDate = fm.date ?? dateFromFileName(file) ?? dateFromFirstLine(children);
  if (implicitDate) startDay(fm.title ?? implicitDate.date, implicitDate, 1);

  for (let i = 0; i < children.length; i++) {
    const node = children[i];
    const ctx = { text, siblings: children, index: i };
    switch (node.type) {
      case 'yaml':
        break;
      case 'heading': {
        const title = cleanInline(toString(node));
        const line = startLine(node);
        const date = node.depth <= 2 ? parseDayHeading(title) : undefined;
        if (date) {
          walker.closeAll();
          closeSections(1, line - 1);
          closeDay(line - 1);
          startDay(title, date, line);
          break;
        }
        closeSections(node.depth, line - 1);
        const parent = stack[stack.length - 1];
        const section: SectionDraft = {
          id: `${file}#L${line}`, title, depth: node.depth, topic: 'other', ownTopic: topicOf(title),
          dayId: day?.id, parentId: parent?.id, file, line, endLine: lastLine, question: false,
        };
        const question = walker.heading(node as Heading, title, ctx, { sectionId: parent?.id, dayId: day?.id, context: parent?.title });
        section.question = question !== undefined;
        sections.push(section);
        stack.push(section);
        sectionsInDay++;
        break;
      }
      case 'thematicBreak':
        walker.thematicBreak();
        break;
      case 'html': {
        const value = (node as Html).value.trim();
        if (SEPARATOR_HTML.test(value)) {
          walker.thematicBreak();
          break;
        }
        if (isAsideOpen(node) && findAsideClose(ctx) === -1) {
          problems.push({
            file, line: startLine(node), severity: 'warning', code: 'unclosed-html',
            message: 'An <aside> callout is not closed with </aside>; only its first block was read.',
          });
        }
        i += walker.block(node, ctx, place());
        break;
      }
      default:
        i += walker.block(node, ctx, place());
    }
  }
  walker.closeAll();
  closeSections(1, lastLine);
  closeDay(lastLine);

  const cards: Card[] = [];
  for (const draft of walker.drafts.sort((a, b) => a.line - b.line)) {
    const card = toCard(draft, file, text, lines, problems);
    // `**그럼 무엇이 다른가?**` over nothing but a picture or links, asked inside another question's answer: that answer
    // already holds it, and a card of its own would show nothing (and repeat its parent's question).
    if (draft.sub && card.answer && answerShape(card.answer) !== 'text') continue;
    cards.push(card);
  }

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

function toCard(draft: CardDraft, file: string, text: string, lines: LineIndex, problems: Problem[]): Card {
  const atLineStart = draft.answerStart === 0 || text[draft.answerStart - 1] === '\n';
  const own = dedent(text.slice(draft.answerStart, Math.max(draft.answerStart, Math.min(draft.ownEnd, draft.answerEnd))), draft.quoteDepth + draft.ownQuote, draft.indent, atLineStart);
  const after = draft.answerEnd > draft.ownEnd ? dedent(text.slice(Math.max(draft.ownEnd, draft.answerStart), draft.answerEnd), draft.quoteDepth, draft.indent, true) : '';
  const written = stripAnswerMarker((own + after).trim()).trim();
  // `<br><b>\n</b>` left by a template with no answer filled in: the card is unanswered, not answered by tags.
  const answer = written.replace(ANY_TAG, '').trim() === '' ? '' : written;
  if (!answer) {
    problems.push({
      file, line: draft.line, severity: 'info', code: 'question-without-answer',
      message: `The question "${draft.question.slice(0, 60)}" has no answer yet.`,
    });
  }
  return {
    key: questionKey(draft.question), question: draft.question, answer, style: draft.style, topic: 'other',
    dayId: draft.place.dayId, sectionId: draft.place.sectionId, file, line: draft.line,
    endLine: answer ? lines.lineAt(draft.answerEnd) : draft.line,
  };
}

/**
 * Answer lines without the `>` markers and list indentation of the blocks they were written in. The first line
 * of a slice starts after those (block offsets do), unless the slice starts at a line start (`fromLineStart`).
 */
export function dedent(source: string, quotes: number, indent: number, fromLineStart = false): string {
  if (quotes === 0 && indent === 0) return source;
  let lineStart = fromLineStart ? 0 : source.indexOf('\n') + 1;
  if (lineStart === 0 && !fromLineStart) return source;
  let out = fromLineStart ? '' : source.slice(0, lineStart);
  while (lineStart <= source.length) {
    const lineEnd = source.indexOf('\n', lineStart);
    const end = lineEnd === -1 ? source.length : lineEnd + 1;
    let i = lineStart;
    let q = quotes;
    let spaces = indent;
    for (;;) {
      const c = source[i];
      if (c === '>' && q > 0) {
        q--;
        i++;
        if (source[i] === ' ') i++;
      } else if (c === ' ' && (spaces > 0 || (q > 0 && i - lineStart < 3))) {
        if (spaces > 0) spaces--;
        i++;
      } else break;
    }
    out += source.slice(Math.min(i, end), end);
    if (lineEnd === -1) break;
    lineStart = end;
  }
  return out;
}

/** `TIL on May 15th, 2022` or `[TIL 2022-05-15](…)` as a note's first paragraph: the note's day. */
function dateFromFirstLine(children: Root['children']): DayDate | undefined {
  const first = children.find((c) => c.type !== 'yaml' && c.type !== 'html');
  if (!first || first.type !== 'paragraph') return undefined;
  const line = cleanInline(toString(first as Paragraph).split('\n')[0]);
  return parseDayLine(line);
}

/**
 * A section's topic: its own heading's, else its parent's, else what its sub-headings say,
 * else the previous top-level section of the same day (authors keep writing about the same thing),
 * else the note's front matter topic.
 */
function assignTopics(sections: SectionDraft[], noteTopic: Topic | undefined): void {
  const byId = new Map(sections.map((s) => [s.id, s] as const));
  // The first child with a topic of its own, per parent: one pass instead of a search per section.
  const firstTopicalChild = new Map<string, SectionDraft>();
  for (const c of sections) {
    if (c.parentId && c.ownTopic !== 'other' && !firstTopicalChild.has(c.parentId)) firstTopicalChild.set(c.parentId, c);
  }
  for (const s of sections) {
    const parent = s.parentId ? byId.get(s.parentId) : undefined;
    s.topic = s.ownTopic !== 'other' ? s.ownTopic : parent?.topic ?? 'other';
  }
  let previousTop: SectionDraft | undefined;
  for (const s of sections) {
    if (s.parentId) continue;
    if (s.topic === 'other') {
      const child = firstTopicalChild.get(s.id);
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
