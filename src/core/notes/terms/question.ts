import { cleanInline } from '../../text';
import { namesOfTitle, plausibleSubject } from './names';
import { clip } from './summary';
import { opensWithDefinition } from './definingPassage';
import type { TermRecogniser } from './types';

// What a question asks about: `X에 대해 설명해 주세요`, `X란 무엇인가요?`, `What is X?` ask what X is…
const WHAT_IS_PATTERNS: RegExp[] = [
  /^(.{2,40}?)\s*에\s*(?:대해|대하여|관해)/u,
  /^(.{2,40}?)\s*(?:이란|란|은|는)\s*(?:무엇|뭔가요|뭘까|뭐야|뭐지|어떤)/u,
  /^what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(.{2,40}?)\s*\??$/iu,
];
// …`X를 DTO로 사용하는 이유가 뭔가요?`, `X와 Y는 언제 쓸까?` ask something else about X.
const ABOUT_PATTERN = /^([A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*)?)\s?(?:를|을|와|과|은|는|이|가|의)\s/u;
/** An answer to a question about something else than what X is explains X less than a sentence that says it. */
const ASIDE_PENALTY = -1.5;
// A sub-heading in a heading question's answer (`### 예시`): the answer's own words end there.
const SUB_HEADING = /\n {0,3}#{1,6}[ \t]/;

/** A question heading or quote about a concept: the concept is explained by the question's answer. */
export const questionTerms: TermRecogniser = {
  name: 'question',
  weight: 2.5,
  recognise(note, out) {
    for (const card of note.cards) {
      if (!card.answer) continue;
      const question = cleanInline(card.question);
      let subject: string | undefined;
      for (const pattern of WHAT_IS_PATTERNS) {
        subject = question.match(pattern)?.[1];
        if (subject) break;
      }
      const asksWhatItIs = subject !== undefined;
      subject ??= question.match(ABOUT_PATTERN)?.[1];
      if (!subject) continue;
      // `운영체제의 Dual Mode` asks about Dual Mode.
      subject = subject.split(/\s*의\s+|,\s*/u).pop()!.trim();
      if (!plausibleSubject(subject)) continue;
      const names = namesOfTitle(subject);
      if (!names) continue;
      const summary = clip(ownWords(card.answer));
      // `DTO와 Record는 언제 쓸까?` answered with when to use each: a sentence elsewhere that says what DTO is leads.
      const bonus = asksWhatItIs || opensWithDefinition(summary, [names.term, ...names.aliases]) ? 0 : ASIDE_PENALTY;
      out.push({ term: names.term, aliases: names.aliases, source: 'question', line: card.line, summary, bonus });
    }
  },
};

/** The answer up to its first sub-heading, when it has words before it: what follows is a neighbouring topic. */
function ownWords(answer: string): string {
  const at = answer.search(SUB_HEADING);
  return at > 0 && answer.slice(0, at).trim() ? answer.slice(0, at).trim() : answer;
}
