import type { PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isFullSentence, termKey } from '../../text';
import { startLine } from '../positions';
import { sentenceAround } from './summary';
import type { TermRecogniser } from './types';

// Code written in prose: a call `fork()`, a camelCase field `matchLabels`, a snake_case name `pthread_create`.
const CALL = /(?<![\w.])([A-Za-z_][A-Za-z0-9_]{1,40})\(\)/g;
const CODE_LIKE = /(?<![\w./-])([a-z][a-z0-9]*[A-Z][A-Za-z0-9]*|[a-z][a-z0-9]*_[a-z0-9_]+)(?![\w/(])/g;
// Inline code counts when it reads as code nobody writes by accident: a call, a snake_case or camelCase name.
// (`final`, `class` in backticks are language keywords the notes talk about, not things to point code at.)
const INLINE_CODE = /^([A-Za-z_][A-Za-z0-9_]{1,40}\(\)|[a-z][a-z0-9]*(?:_[a-z0-9_]+|[A-Z][A-Za-z0-9]*))$/;

// A mention in a fragment (`spawn() : new child`) says less than one in a sentence: a sentence ranks first among mentions.
const FRAGMENT_BONUS = -0.5;

/**
 * An identifier written in prose or inline code. It names no definition, so it ranks below every other way of
 * explaining a term; the hover shows it as "mentioned in your notes". Per note, the first mention is kept, and the
 * first one in a full sentence when the first was a fragment (a list bullet, a heading-like line).
 */
export const mentionTerms: TermRecogniser = {
  name: 'mention',
  weight: 0.5,
  recognise(note, out) {
    // Per name: whether a mention in a full sentence was kept yet (false: only a fragment such as a list bullet).
    const seen = new Map<string, boolean>();
    const add = (name: string, plain: string, at: number, line: number) => {
      const key = termKey(name);
      if (key.length < 3 || seen.get(key) === true) return;
      const summary = sentenceAround(plain, Math.max(0, at));
      const full = isFullSentence(summary);
      if (seen.has(key) && !full) return;
      seen.set(key, full);
      out.push({ term: name, source: 'mention', line, summary, bonus: full ? 0 : FRAGMENT_BONUS });
    };
    for (const { node } of note.nodes.paragraphs) {
      const plain = toString(node);
      const line = startLine(node);
      for (const child of node.children as PhrasingContent[]) {
        if (child.type !== 'inlineCode') continue;
        const m = child.value.trim().match(INLINE_CODE);
        if (m) add(m[1].replace(/\(\)$/, ''), plain, plain.indexOf(child.value), line);
      }
      for (const m of plain.matchAll(CALL)) add(m[1], plain, m.index!, line);
      for (const m of plain.matchAll(CODE_LIKE)) add(m[1], plain, m.index!, line);
    }
  },
};
