import type { Heading, RootContent } from 'mdast';
import type { QuestionStyle } from '../../model';
import { endOffset } from '../positions';
import { isLabelLine } from './emphasisLine';
import { withContext } from './fragment';
import { HEADING_QUESTION_STYLES, QUESTION_STYLES } from './index';
import { RANK_SUB, type BlockContext, type QuestionMatch } from './types';

/** Where a question sits: its section (for the tree and topic), its day, and the heading that gives it context. */
export interface Place {
  sectionId?: string;
  dayId?: string;
  /** Title of the heading above (for a heading question, its parent's), used when the question is a fragment. */
  context?: string;
}

export interface CardDraft {
  question: string;
  style: QuestionStyle;
  line: number;
  answerStart: number;
  answerEnd: number;
  place: Place;
  /** `>` markers and indentation to drop from answer lines: everywhere, and within the question's own block. */
  quoteDepth: number;
  indent: number;
  ownEnd: number;
  ownQuote: number;
  /** Asked inside another question's answer (an emphasised line under a quote or heading question). */
  sub?: boolean;
}

interface Open {
  draft: CardDraft;
  rank: number;
}

const CONTAINERS = new Set(['blockquote', 'list', 'listItem']);

/** The questions open at one nesting level: a stack whose ranks strictly increase (at most 8 deep). */
class Scope {
  readonly open: Open[] = [];
  constructor(readonly quoteDepth: number, readonly indent: number) {}
}

/**
 * Finds the questions in a note's blocks with the `QUESTION_STYLES` table, and bounds their answers: an answer runs
 * over the blocks after its question until the next question (a sub-question only ends other sub-questions),
 * a heading at its level or above (any heading for paragraph-level questions), a thematic break (once it has some
 * answer), or the end of the container it was asked in.
 * Each block is visited once and the open stack is at most 8 deep: linear in the note.
 */
export class QuestionWalker {
  readonly drafts: CardDraft[] = [];
  private readonly root = new Scope(0, 0);

  constructor(private readonly text: string) {}

  /** A heading at the top level: closes what it ends, then may itself be a question. */
  heading(node: Heading, title: string, ctx: BlockContext, place: Place): QuestionMatch | undefined {
    this.closeFrom(this.root, node.depth);
    for (const style of HEADING_QUESTION_STYLES) {
      const match = style.recognise(node, title, ctx);
      if (match) {
        this.start(this.root, match, place, node);
        return match;
      }
    }
    this.extend(this.root, endOffset(node));
    return undefined;
  }

  /** A top-level block other than a heading; returns how many following siblings it consumed. */
  block(node: RootContent, ctx: BlockContext, place: Place): number {
    return this.visit(this.root, node, ctx, place);
  }

  /** A thematic break ends the answers that have begun. */
  thematicBreak(): void {
    const open = this.root.open;
    const first = open.findIndex((o) => o.draft.answerEnd > o.draft.answerStart && this.text.slice(o.draft.answerStart, o.draft.answerEnd).trim() !== '');
    if (first !== -1) this.closeFrom(this.root, open[first].rank);
  }

  /** A day heading or the end of the note: everything closes. */
  closeAll(): void {
    this.closeFrom(this.root, 0);
  }

  private visit(scope: Scope, node: RootContent, ctx: BlockContext, place: Place): number {
    for (const style of QUESTION_STYLES) {
      const match = style.recognise(node, ctx);
      if (!match) continue;
      const extra = match.extraBlocks ?? 0;
      const last = ctx.siblings[ctx.index + extra] ?? node;
      this.start(scope, match, place, node, endOffset(last));
      for (const also of match.more ?? []) this.start(scope, also, place, node, endOffset(last));
      if (match.nested?.length) {
        const quote = node.type === 'blockquote' ? 1 : 0;
        this.walk(match.nested, new Scope(scope.quoteDepth + quote, scope.indent + (match.indent ?? 0)), place);
      }
      return extra;
    }
    if (isLabelLine(node)) this.closeFrom(scope, RANK_SUB);
    this.extend(scope, endOffset(node));
    if (CONTAINERS.has(node.type) && 'children' in node) {
      const quote = node.type === 'blockquote' ? 1 : 0;
      const indent = node.type === 'listItem' ? Math.max(0, (node.children[0]?.position?.start.column ?? 1) - 1) : 0;
      this.walk(node.children as RootContent[], new Scope(scope.quoteDepth + quote, scope.indent + indent), place);
    }
    return 0;
  }

  private walk(siblings: readonly RootContent[], scope: Scope, place: Place): void {
    for (let index = 0; index < siblings.length; index++) {
      const node = siblings[index];
      if (node.type === 'thematicBreak') {
        this.closeFrom(scope, 0);
        continue;
      }
      index += this.visit(scope, node, { text: this.text, siblings, index }, place);
    }
    this.closeFrom(scope, 0);
  }

  private start(scope: Scope, match: QuestionMatch, place: Place, node: RootContent, coveredEnd = endOffset(node)): void {
    // A question in its own right ends every open one (the old answer stops where the next question starts);
    // a sub-question (an emphasised line) ends only other sub-questions, and is asked in its parent's context.
    const sub = match.rank >= RANK_SUB;
    this.closeFrom(scope, sub ? match.rank : 0);
    const parent = sub ? scope.open[scope.open.length - 1] : undefined;
    this.extend(scope, coveredEnd);
    const draft: CardDraft = {
      question: withContext(match.question, parent ? parent.draft.question : place.context),
      style: match.style,
      line: match.line,
      answerStart: match.answerStart,
      answerEnd: Math.max(match.answerStart, match.answerEnd),
      place: { sectionId: place.sectionId, dayId: place.dayId },
      quoteDepth: scope.quoteDepth,
      indent: scope.indent + (match.indent ?? 0),
      ownEnd: endOffset(node),
      ownQuote: node.type === 'blockquote' ? 1 : 0,
      ...(parent ? { sub: true } : {}),
    };
    if (match.flows) scope.open.push({ draft, rank: match.rank });
    else this.drafts.push(draft);
  }

  private extend(scope: Scope, end: number): void {
    for (const o of scope.open) if (end > o.draft.answerEnd) o.draft.answerEnd = end;
  }

  private closeFrom(scope: Scope, rank: number): void {
    while (scope.open.length && scope.open[scope.open.length - 1].rank >= rank) {
      this.drafts.push(scope.open.pop()!.draft);
    }
    // A lower-ranked question above a higher one cannot happen: ranks only grow up the stack.
  }
}
