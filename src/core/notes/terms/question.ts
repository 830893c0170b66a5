import { cleanInline } from '../../text';
import { namesOfTitle, plausibleSubject } from './names';
import { clip } from './summary';
import type { TermRecogniser } from './types';

// What a question asks about: `X에 대해 설명해 주세요`, `X란 무엇인가요?`, `X를 DTO로 사용하는 이유가 뭔가요?`, `What is X?`
const SUBJECT_PATTERNS: RegExp[] = [
  /^(.{2,40}?)\s*에\s*(?:대해|대하여|관해)/u,
  /^(.{2,40}?)\s*(?:이란|란|은|는)\s*(?:무엇|뭔가요|뭘까|뭐야|뭐지|어떤)/u,
  /^what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(.{2,40}?)\s*\??$/iu,
  /^([A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*)?)\s?(?:를|을|와|과|은|는|이|가|의)\s/u,
];

/** A question heading or quote about a concept: the concept is explained by the question's answer. */
export const questionTerms: TermRecogniser = {
  name: 'question',
  weight: 2.5,
  recognise(note, out) {
    for (const card of note.cards) {
      if (!card.answer) continue;
      const question = cleanInline(card.question);
      let subject: string | undefined;
      for (const pattern of SUBJECT_PATTERNS) {
        subject = question.match(pattern)?.[1];
        if (subject) break;
      }
      if (!subject) continue;
      // `운영체제의 Dual Mode` asks about Dual Mode.
      subject = subject.split(/\s*의\s+|,\s*/u).pop()!.trim();
      if (!plausibleSubject(subject)) continue;
      const names = namesOfTitle(subject);
      if (names) out.push({ term: names.term, aliases: names.aliases, source: 'question', line: card.line, summary: clip(card.answer) });
    }
  },
};
