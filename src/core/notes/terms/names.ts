import { cleanInline, isQuestionText } from '../../text';

export const MAX_TERM_CHARS = 40;

// Headings and labels that organise notes rather than name a concept.
export const GENERIC_TITLES = new Set([
  'commands', 'command', 'references', 'reference', 'summary', 'notes', 'note', 'tip', 'tips', 'example', 'examples',
  '추가', '좀 더 자세히', '프롤로그', '정리', '참고', '예시', '결론', '요약', '개요', '자세히', '차이점', '장점', '단점',
  '특징', '해결', '주의할 점', '종류', '비유', '명령어 모음집', '해결 방법', '결론적으로', '실제 성능', '단점 해결',
  '유형', '차이', '한계', '이유', '용도', '방식', '방법', '예제', '문제', '질문', '답변', 'help',
]);

// "Recap - X", "Review: X", "복습 - X": the prefix says why the author wrote, not what.
const LEADING_REMARK = /^(?:recap|review|summary|today|til|복습|정리|요약|다시 보기)\s*[-:–—]\s*/iu;
// "X 과정", "X의 역할", "X 동작 원리", "X 만들기": the tail says what about X the passage covers.
const TRAILING_ASPECT =
  /(?:\s*의|\s*[가이]\s+하는\s+일)?\s+(?:과정|교환|교환 과정|동작 원리|원리|역할|방법|차이|차이점|비교|종류|특징|개념|정의|소개|구조|흐름|방식|생성하기|만들기|사용하기|보기|비교하기|이란|란)$|[가이]\s+하는\s+일$/u;
const VERB_LIKE_END = /(?:하자|하기|해요|한다|이다|다|요|까|음|함|됨)[!?.\s]*$/u;

/** Display name and every name a title gives its concept: prefixes, aspect words and plurals removed. */
export function namesOfTitle(raw: string): { term: string; aliases: string[] } | undefined {
  let title = cleanInline(raw).replace(/^\[\s*|\s*\]$/g, '').trim();
  const pair = splitPair(title);
  title = pair.term;
  const aliases = pair.aliases;
  title = title.replace(LEADING_REMARK, '');
  for (let i = 0; i < 2; i++) title = title.replace(TRAILING_ASPECT, '').trim();
  if (!acceptableTerm(title)) return undefined;
  const names = new Set<string>(aliases);
  // "SDP Offer / Answer" names two things that share a head: SDP Offer and SDP Answer.
  const slash = title.match(/^(.*?)(\S+)\s*\/\s*(\S+)$/u);
  if (slash && slash[1]) {
    names.add(`${slash[1]}${slash[2]}`.trim());
    names.add(`${slash[1]}${slash[3]}`.trim());
  }
  for (const name of [title, ...names]) {
    const singular = singularOf(name);
    if (singular) names.add(singular);
  }
  names.delete(title);
  return { term: title, aliases: [...names].filter(acceptableTerm) };
}

/** `Deployments` → `Deployment`, `ReplicaSets` → `ReplicaSet`, `Pods and ReplicaSets` → undefined. */
function singularOf(name: string): string | undefined {
  if (!/[A-Za-z]{4,}s$/.test(name) || /(?:ss|us|is)$/i.test(name) || /\s(?:and|or|&)\s/i.test(name)) return undefined;
  if (/ies$/i.test(name)) return name.slice(0, -3) + 'y';
  if (/(?:ss|x|ch|sh)es$/i.test(name)) return name.slice(0, -2);
  return name.slice(0, -1);
}

/** `교착 상태(Deadlock)` → term 교착 상태, alias Deadlock; `WAS (Web Application Server)` likewise. A remark in
 *  parentheses (`(미디어 정보 교환하자!)`, `( 너 누구야 ? )`) is not a name and is dropped. */
export function splitPair(text: string): { term: string; aliases: string[] } {
  const m = text.match(/^(.+?)\s*[(（]([^()（）]+)[)）]\s*$/u);
  if (!m) return { term: text.trim(), aliases: [] };
  const inside = m[2].trim();
  if (isRemark(inside)) return { term: m[1].trim(), aliases: [] };
  const aliases = inside.split(/\s*[,/]\s*/).map((a) => a.trim()).filter((a) => a.length > 1);
  return { term: m[1].trim(), aliases };
}

function isRemark(text: string): boolean {
  return /[!?？！]/u.test(text) || text.split(/\s+/).length > 6 || (VERB_LIKE_END.test(text) && /[가-힣]/u.test(text));
}

// Language keywords the notes talk about (`final`은 …): explaining them would fire on every line of code.
const KEYWORDS = new Set([
  'final', 'static', 'class', 'public', 'private', 'protected', 'const', 'let', 'var', 'void', 'int', 'char', 'return',
  'new', 'this', 'null', 'true', 'false', 'import', 'export', 'async', 'await', 'function', 'extends', 'implements',
  'interface', 'abstract', 'struct', 'typedef', 'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'break', 'default',
]);

export function acceptableTerm(term: string): boolean {
  if (term.length < 2 || term.length > MAX_TERM_CHARS || KEYWORDS.has(term)) return false;
  if (/^[\d\s\p{P}\p{S}]+$/u.test(term)) return false;
  if (isQuestionText(term)) return false;
  return !GENERIC_TITLES.has(term.toLowerCase());
}

// Subjects that point back at something else or join sentences: never a term.
const NOT_A_SUBJECT =
  /^(?:이|그|저|이것|그것|저것|이건|그건|이는|이런|이러한|이렇게|그러면|이제|우리|나|너|여기|거기|즉|또한|하지만|그러나|따라서|반면|반면에|결론적으로|마지막으로|예를 들어|둘|하나|위|각|해당|일부|첫 번째|두 번째|세 번째|현대의|it|this|that|there|which|what|he|she|they|we|you)(?:\s|$)/iu;
// The lazy subject may stop inside a clause (`우리가 사용하|는`, `NAT 뒤에 있|는`): a Korean subject is one or two
// nouns, none carrying a case particle, the last not a verb stem.
const PARTICLE_WORD = /[가-힣](?:가|를|을|에|에서|로|으로|와|과|도|만|께서)$/u;
const VERB_STEM = /(?:하|되|있|없|같|않|했|였|할|한|된|던|는|될|많|높|낮|좋|하면서|되면서|빈번히)$/u;

export function plausibleSubject(subject: string): boolean {
  if (NOT_A_SUBJECT.test(subject) || /것|때$/u.test(subject)) return false;
  const words = subject.split(' ');
  if (!/[가-힣]/u.test(subject)) return words.length <= 3;
  if (words.length > 2) return false;
  if (words.slice(0, -1).some((w) => PARTICLE_WORD.test(w))) return false;
  const last = words[words.length - 1];
  return !(/[가-힣]$/u.test(last) && VERB_STEM.test(last)) && !PARTICLE_WORD.test(last);
}
