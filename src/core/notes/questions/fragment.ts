import { cleanInline } from '../../text';

// Openers that point back at what came before: `둘의 차이는?`, `이건 언제 쓰나요?`, `What is it used for?`.
const ANAPHORA = /^(?:둘의|둘은|둘 다|이 둘|그 둘|이것은|이것의|이건|이게|그건|그게|그것은|여기서|이때|이 때|이 경우|그 차이|(?:this|that|these|those|it|they|both)(?![a-z]))/i;
// `When should I avoid them?`: an English question about something named only above it.
const TRAILING_PRONOUN = /^[a-z].*\s(?:it|them|they|these|those)$/i;
// Openers of a bare question word: `왜 쓰나요?`, `어떻게 처리하나요?`, `Why?`.
const OPENERS = /^(?:왜|어떻게|언제|어디|무엇|뭐|뭘|어떤|그럼|그러면|그렇다면|다시|why|how|when|where|what|which)(?![a-z])/i;
// Words that name no topic: a question made only of them needs its heading.
const GENERIC = /^(?:왜|어떻게|언제|어디|무엇|뭐|뭘|어떤|다시|정리|사용|쓰나|쓰는|쓸까|써야|필요|고려|장점|단점|장단점|차이|이유|예시|예를|특징|한계|문제|해결|방법|개념|의미|역할|종류|동작|원리|과정|방식|성능|사항|주의|결론|요약|그럼|그러면|그렇다면|하나요|할까|인가요|있나요|뭔가요|(?:why|how|what|when|where|which|is|are|it|this|that|do|does|use|used|pros|cons|differences?|examples?|summary|the|a|an|of|and|or|so|then|again|for)(?![a-z]))/i;

/** A question that makes sense only under its heading (`왜 쓰나요?`, `다시 정리해보면?`, `둘의 차이는?`). */
export function isFragment(question: string): boolean {
  const t = cleanInline(question).replace(/[\s?？.!]+$/u, '').trim();
  if (!t) return false;
  if (ANAPHORA.test(t)) return true;
  const words = t.split(' ');
  if (words.length <= 8 && TRAILING_PRONOUN.test(t)) return true;
  if (words.length <= 3 && OPENERS.test(t)) return true;
  return words.length <= 4 && words.every((w) => GENERIC.test(w));
}

/** `DTO — 왜 쓰나요?`: the heading the fragment was asked under, then the fragment. */
export function withContext(question: string, context: string | undefined): string {
  if (!context || !isFragment(question)) return question;
  const heading = cleanInline(context);
  if (!heading || heading === cleanInline(question)) return question;
  return `${heading} — ${question}`;
}
