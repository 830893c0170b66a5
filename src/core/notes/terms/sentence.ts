import { toString } from 'mdast-util-to-string';
import { cleanInline } from '../../text';
import { startLine } from '../positions';
import { boldLead } from './label';
import { namesOfTitle, plausibleSubject } from './names';
import { clip } from './summary';
import type { TermRecogniser } from './types';

// `targetPort는 파드 안의 컨테이너가 듣는 포트이다.`, `프로세스란 실행 중인 프로그램을 말한다.`
const KOREAN = /^([\p{L}\p{N}][\p{L}\p{N} _-]{0,28}?)\s?(?:은|는|이란|란)\s+(.{6,})$/u;
const KOREAN_END = /(?:다|니다|요)[.!]?$/u;
// `A semaphore is a counter that …`, `Pods are the smallest …`
const ENGLISH = /^(?:an?\s+|the\s+)?([A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,2})\s+(?:is|are)\s+(?:an?|the|one of the)\s+(.{6,})$/iu;

/** A definitional sentence anywhere in a paragraph: `X는/은 …다`, `X란 …`, `X is a …`. */
export const sentenceTerms: TermRecogniser = {
  name: 'sentence',
  weight: 2,
  recognise(note, out) {
    for (const { node } of note.nodes.paragraphs) {
      if (boldLead(note, node)) continue; // read by the label and definition recognisers
      const plain = cleanInline(toString(node));
      if (plain.length < 10) continue;
      for (const sentence of plain.split(/(?<=[.!?])\s+|\n/u)) {
        const s = sentence.trim();
        const korean = s.match(KOREAN);
        const subject = korean && KOREAN_END.test(s) ? korean[1] : s.match(ENGLISH)?.[1];
        if (!subject || !plausibleSubject(subject)) continue;
        const names = namesOfTitle(subject);
        if (names) out.push({ term: names.term, aliases: names.aliases, source: 'sentence', line: startLine(node), summary: clip(s) });
      }
    }
  },
};

