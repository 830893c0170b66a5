import { toString } from 'mdast-util-to-string';
import { cleanInline } from '../../text';
import { startLine } from '../positions';
import { boldLead } from './label';
import { clip, sentenceAround } from './summary';
import { splitPair } from './names';
import type { TermRecogniser } from './types';

// In running text only `명사(English)` with one capitalised English word is trusted: the Korean side of a
// multi-word or acronym pair usually spans words we cannot delimit.
const KOREAN_PAIR = /(?<![가-힣])([가-힣]{2,12})\s?\(([A-Z][a-z]+(?:-[A-Za-z]+)?)\)/gu;
const ABBREVIATION_PAIR = /\b([A-Z][A-Z0-9]{1,6})\s?\(([A-Z][A-Za-z]+(?:[ -][A-Za-z]+){1,6})\)/g;

/** `교착 상태(Deadlock)`, `SFU (Selective Forwarding Unit)` in running text: two names of one concept. */
export const pairTerms: TermRecogniser = {
  name: 'pair',
  weight: 1,
  recognise(note, out) {
    for (const { node } of note.nodes.paragraphs) {
      const plain = cleanInline(toString(node));
      const leadingBold = boldLead(note, node)?.bold ?? '';
      for (const re of [KOREAN_PAIR, ABBREVIATION_PAIR]) {
        for (const m of plain.matchAll(re)) {
          if (leadingBold.includes(m[1])) continue; // already read as a label or definition
          const { term, aliases } = splitPair(`${m[1]}(${m[2].trim()})`);
          out.push({ term, aliases, source: 'pair', line: startLine(node), summary: clip(sentenceAround(plain, m.index!)) });
        }
      }
    }
  },
};
