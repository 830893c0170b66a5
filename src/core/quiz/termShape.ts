/**
 * What the quiz accepts as a term to name, and as an explanation to name it from.
 *
 * The notes' term recognisers keep whatever a note explains under a name (a heading, a list label, the subject of a
 * sentence): a hover wants them all. A quiz that offers "Create the deployment from a file" as an option, or shows
 * "-___:" as the explanation, teaches nothing. The rules below are about the shape of the text, in English and
 * Korean, never about particular words of someone's notes. Every check is a bounded pass over one name or one
 * explanation.
 */

/**
 * Where the term was, in the prompt's Markdown: a private-use character, which Markdown treats like
 * a letter (so `**term**은` stays bold when blanked); the host shows it as a visible blank.
 */
export const BLANK = '\uE000';

/** Why a name is not offered as a term (undefined: it is one). */
export type TermShapeProblem = 'empty' | 'long' | 'sentence' | 'title' | 'clause' | 'step' | 'particle' | 'function-word';

/** Why an explanation cannot stand as the question (undefined: it can). */
export type ExplanationProblem = 'short' | 'punctuation' | 'gives-away';

const MAX_TERM_WORDS = 5;
const MAX_TERM_CHARS = 48;
/** Letters and digits an explanation keeps once the term is blanked: `open() : 파일 열기` is not enough to go on. */
export const MIN_CLUE_LETTERS = 8;

// A name that ends like a sentence, or holds a break between two parts ("Title: subtitle", "A. B", "X, Y").
const SENTENCE_END = /[.!?。？！:;,…]$/u;
const INNER_BREAK = /[.!?:;,](?:\s|$)/u;
// Korean verb and adjective forms: a conjugated verb makes a clause, not a name ("파일을 사용하여 만든다").
const KOREAN_VERB_FORM =
  /(?:하여|해서|하면|하며|해야|되어|되면|되며|하는|되는|하기|되기|한다|된다|했다|하다|되다|있다|없다|이다|입니다|합니다|보자|하자)/u;
// A word ending in an adnominal verb form (`중단된 작업`) or an object particle (`파일을`), or a particle of place,
// direction or limit (`서버에서`, `끝까지`): the name is a clause.
const KOREAN_CLAUSE_WORD = /[가-힣](?:된|을|를|에서|에게|으로|까지|부터|처럼|와|와의|과의)$/u;
// Before another word, a particle of place (`서버에 전송`): nouns rarely end in `에`, so only there.
const KOREAN_INNER_PARTICLE = /[가-힣]에$/u;
// Two names joined: `A 또는 B`, `A 및 B`.
const KOREAN_JOINERS = new Set(['또는', '혹은', '및']);
// An identifier with a particle on it: anywhere, one that joins or governs (`DTO와 VO`, `YAML을 사용`, `MCU에서`);
// at the end, any particle (`CPU가`, `Java의`). Either way a fragment of a sentence.
const LATIN_WITH_PARTICLE = /[A-Za-z0-9)\]](?:을|를|와|과|에서|에게|으로|로|까지|부터|처럼|와의|과의)$/u;
const LATIN_WITH_LAST_PARTICLE = /[A-Za-z0-9)\]][은는이가의에도만]$/u;
// The last word names an operation: a step of a procedure or a how-to heading (`Pod 생성`, `상태 복구`), not a
// concept. Only with words before it: `생성` alone is the word itself.
const KOREAN_OPERATIONS = new Set([
  '생성',
  '삭제',
  '저장',
  '지정',
  '설정',
  '설치',
  '실행',
  '확인',
  '추가',
  '수정',
  '변경',
  '조회',
  '전환',
  '호출',
  '반환',
  '재개',
  '보관',
  '복구',
  '판별',
  '처리',
  '불러오기',
  '만들기',
  '작성',
  '등록',
  '전송',
]);
// A section's title rather than a concept: a date in it, or a word that names the kind of section (`… 정리`, `… 비교`).
const DATE = /\d{4}[-./]\d{1,2}[-./]\d{1,2}/u;
const SECTION_WORDS = new Set([
  '정리',
  '요약',
  '실습',
  '예제',
  '예시',
  '개요',
  '소개',
  '참고',
  '회고',
  '비교',
  '차이',
  '차이점',
  'summary',
  'overview',
  'introduction',
  'notes',
  'examples',
  'exercises',
  'recap',
  'comparison',
]);
// Words a name does not start with: conjunctions, pronouns and adverbs that open a sentence.
const OPENING_WORDS = new Set([
  '그런데',
  '그래서',
  '그러나',
  '하지만',
  '그리고',
  '따라서',
  '또한',
  '만약',
  '즉',
  '이러한',
  '이런',
  '그런',
  '우리',
  '우리는',
  '여기서',
  '이제',
  'and',
  'but',
  'so',
  'then',
  'however',
  'therefore',
  'if',
  'when',
  'where',
  'why',
  'how',
  'what',
  'which',
  'who',
  'this',
  'that',
  'these',
  'those',
  'we',
  'you',
  'they',
  'it',
  "let's",
]);
// Words a name does not end with: bound nouns that need the sentence around them (`X 자체`, `X 경우`).
const CLOSING_WORDS = new Set(['자체', '자신', '경우', '때', '것', '등', '중', '위해', '대해', '관해', '통해']);
// English words that make a name a phrase: articles and pronouns inside it, in lower case (`Peer A` is a name).
const ENGLISH_PHRASE_WORDS = new Set(['a', 'an', 'the', 'my', 'your', 'our', 'its', 'their', 'is', 'are', 'was', 'were']);
// English verbs a how-to heading opens with (`Create deployment from YAML`); with two words or more after it.
const ENGLISH_IMPERATIVES = new Set([
  'create',
  'add',
  'install',
  'configure',
  'save',
  'delete',
  'remove',
  'update',
  'check',
  'deploy',
  'generate',
  'specify',
  'define',
  'enable',
  'disable',
  'edit',
  'change',
  'fix',
  'apply',
  'expose',
  'scale',
  'run',
  'write',
  'learn',
  'understand',
  'try',
  'avoid',
  'compare',
  'explain',
  'describe',
  'find',
]);

/** Is the name one to offer as a term? A short noun phrase or an identifier, not a sentence, clause or step. */
export function termShapeProblem(name: string): TermShapeProblem | undefined {
  const text = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return 'empty';
  if (text.length > MAX_TERM_CHARS) return 'long';
  const words = text.split(' ');
  if (words.length > MAX_TERM_WORDS) return 'long';
  if (SENTENCE_END.test(text) || INNER_BREAK.test(text)) return 'sentence';
  const bare = words.map((w) => w.replace(/^[("'“‘[]+|[)"'”’\]]+$/gu, ''));
  const lower = bare.map((w) => w.toLowerCase());
  if (OPENING_WORDS.has(lower[0])) return 'function-word';
  if (words.length > 1 && CLOSING_WORDS.has(bare[bare.length - 1])) return 'function-word';
  if (words.length > 1 && bare.some((w) => ENGLISH_PHRASE_WORDS.has(w))) return 'sentence';
  if (words.length > 2 && ENGLISH_IMPERATIVES.has(lower[0])) return 'step';
  if (bare.some((w) => KOREAN_JOINERS.has(w))) return 'clause';
  if (bare.some((w) => /[가-힣]/u.test(w) && (KOREAN_VERB_FORM.test(w) || KOREAN_CLAUSE_WORD.test(w)))) return 'clause';
  if (bare.slice(0, -1).some((w) => KOREAN_INNER_PARTICLE.test(w))) return 'clause';
  if (bare.some((w) => LATIN_WITH_PARTICLE.test(w)) || LATIN_WITH_LAST_PARTICLE.test(bare[bare.length - 1])) return 'particle';
  if (words.length > 1 && KOREAN_OPERATIONS.has(bare[bare.length - 1])) return 'step';
  if (DATE.test(text) || (words.length > 1 && (SECTION_WORDS.has(lower[0]) || SECTION_WORDS.has(lower[lower.length - 1])))) return 'title';
  return undefined;
}

export function isQuizTerm(name: string): boolean {
  return termShapeProblem(name) === undefined;
}

/**
 * The explanation as the reader sees it, as plain text: link targets, line-start list and quote markers, emphasis
 * and code marks gone, spaces collapsed. Blanks (BLANK) stay where they are.
 */
export function visibleText(markdown: string): string {
  return (
    markdown
      .normalize('NFC')
      // Images say nothing in a question; a link reads as its text. Bounded, so each `[` costs at most a few hundred steps.
      .replace(/!\[[^\]\n]{0,300}\]\([^)\s]{0,2000}\)/g, ' ')
      .replace(/\[([^\]\n]{0,300})\]\([^)\s]{0,2000}\)/g, '$1')
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      .replace(/^[ \t]*(?:>[ \t]?)*(?:#{1,6}[ \t]+|[-*+][ \t]+|\d{1,3}[.)][ \t]+)?/gm, '')
      .replace(/^[ \t]*(?:```|~~~).*$/gm, '')
      .replace(/\*\*|__|~~|`/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Lower case, NFC, single spaces: how names are compared with explanations. */
export function comparable(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Can this prompt (an explanation with the term blanked out) stand as the question? Enough left to go on, not opening
 * on stray punctuation, and naming none of the other options (`others`: their names).
 */
export function explanationProblem(prompt: string, others: readonly string[] = []): ExplanationProblem | undefined {
  const visible = visibleText(prompt);
  if (!hasLetters(visible, MIN_CLUE_LETTERS)) return 'short';
  const first = visible.charAt(0);
  if (first !== BLANK && !/[\p{L}\p{N}([{"'“‘「『<]/u.test(first)) return 'punctuation';
  const seen = comparable(visible);
  if (others.some((name) => mentions(seen, name))) return 'gives-away';
  return undefined;
}

/** At least `min` letters or digits besides blanks (stops counting there: explanations can be long). */
function hasLetters(text: string, min: number): boolean {
  let count = 0;
  for (const ch of text) if (ch !== BLANK && LETTER.test(ch) && ++count >= min) return true;
  return false;
}

const LETTER = /[\p{L}\p{N}]/u;

/** Does the (comparable) text name this option? Plain containment: Korean writes particles onto the name. */
function mentions(comparableText: string, name: string): boolean {
  const n = comparable(name);
  return n.length > 0 && comparableText.includes(n);
}
