/** Text helpers shared by the parser, the term matcher and the quiz: normalisation and question detection. */

// Variation selectors (FE0F) and joiners (200D) combine with the mark before them: alternatives, not class members.
const LEADING_MARKS = /^(?:[\s\u2757\u2755\u2753\u2754\u{1F4A1}\u{1F4CC}\u{1F4DD}\u2705\u2714\u26A0*_>#\-–—:]|\uFE0F|\u200D)+/u;
// Keycap numbers (`1️⃣`) are emoji too: the digit goes with its keycap mark.
const EMOJI = /[\u{1F300}-\u{1FAFF}\u2600-\u27BF]|[0-9#*]\uFE0F?\u20E3|\uFE0F|\u200D/gu;

// Inline formatting tags authors write in Markdown (`<code>nginx</code>`, `<b>`, `<br>`): kept as their text. Only
// these names, so `What does <T> mean?` keeps its `<T>`; the attribute part is bounded, so the pass stays linear.
const FORMAT_TAG = /<\/?(?:code|kbd|b|i|em|strong|u|s|del|ins|mark|small|sub|sup|span|tt|var|samp)(?:\s[^<>]{0,200})?>/gi;
const BREAK_TAG = /<br\s{0,20}\/?>/gi;
// GitHub emoji shortcodes (`:notebook_with_decorative_cover:`, `:question:`) standing alone: decoration, not words.
const SHORTCODE = /(^|\s):[a-z][a-z0-9_+-]{1,40}:(?=\s|$)/g;

/** Plain question/heading text: no emoji markers, no emphasis markers, single spaces. */
export function cleanInline(text: string): string {
  return text
    .normalize('NFC')
    .replace(FORMAT_TAG, '')
    .replace(BREAK_TAG, ' ')
    .replace(SHORTCODE, '$1 ')
    .replace(EMOJI, ' ')
    .replace(/\*\*|__|`/g, '')
    .replace(LEADING_MARKS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Korean endings that make a sentence a question, as interviewers write them.
const KOREAN_QUESTION_END =
  /(까요|나요|가요|인가요|은가요|는가요|습니까|ㅂ니까|니까|을까|ㄹ까|는가|는지|인지|할까|될까|일까|었나|했나|뭔가요|뭘까|인가|던가)\s*[.!]?$/u;
// Requests to explain (`…설명해 주세요`, `…설명하시오`, `…비교하라`, `예시를 들어주세요`): exam and interview forms.
const EXPLAIN_REQUEST =
  /(설명|비교|서술|논|정의|기술|요약|나열|구분|분류|말|얘기|이야기|소개|정리)\s*(?:해|하)\s*(?:주세요|주십시오|주시겠어요|보세요|보시오|보라|봐라|시오|세요|라)\s*[.!]?$|(?:들어|알려|말해)\s*주세요\s*[.!]?$/u;
// Requests to the reader, not questions: `봐주세요`, `참고하세요`, `틀린 부분이 있으면 알려주세요`.
const READER_REQUEST = /봐\s*주세요|참고|눌러|댓글|피드백|구독|양해|있으면|있다면|바랍니다/u;
// Coding-problem titles (`1167번: 트리의 지름`, `[Silver II] …`, `BOJ 1167`), which are not cards.
const PROBLEM_TITLE =
  /^(?:\d{3,6}\s*번(?:\s|[:.)-]|$)|\[?\s*(?:백준|BOJ|프로그래머스|programmers|leetcode|SWEA|codeforces|acmicpc|Bronze|Silver|Gold|Platinum|Diamond|Ruby|Lv\.?\s*\d|level\s*\d)(?![A-Za-z]))/iu;
const ENGLISH_REQUEST = /^(?:explain|describe|compare|contrast|define|discuss|differentiate|distinguish|summari[sz]e|elaborate)\b/i;
// `Name three …`, `List the …`, `Cite a few …`, `Give an example …`: a request when a quantity or article follows,
// so a heading such as `List comprehension` or `Name resolution` stays a heading.
const ENGLISH_COUNTED_REQUEST =
  /^(?:cite|list|name|give|mention|outline|identify|state|provide|write down)\s+(?:a|an|the|some|few|several|all|any|one|two|three|four|five|\d+|me|us|examples?)\s/i;
const ENGLISH_INTERROGATIVE =
  /^(?:why\b|(?:what|how|when|where|which|who)(?:'s|\s+(?:is|are|was|were|does|do|did|can|could|should|would|will|happens?))\b|(?:which|what|how many|how much)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:is|are|was|were|do|does|can|could|should|would|will)\b)/i;
const VERSUS = /\S\s+vs\.?\s+\S/i;
// `Why Interviewers Care`, `Why It Matters`: a label in title case, not a question (a question would end with `?`).
const TITLE_CASE_LABEL = /^Why(?: [A-Z][\w'’-]*){1,4}$/;

/** A coding-problem title such as `1167번: 트리의 지름`: never a card, whatever it ends with. */
export function isProblemTitle(text: string): boolean {
  return PROBLEM_TITLE.test(cleanInline(text));
}

/** Does this (cleaned) text read as a question the author asked? */
export function isQuestionText(text: string): boolean {
  const t = cleanInline(text);
  if (t.length < 4 || t.length > 400) return false;
  if (PROBLEM_TITLE.test(t)) return false;
  // `ICE 후보 교환 (너 누구야?)`: a question mark only inside a closing aside does not make the line a question.
  // `…설명해주세요. (ARP에 대해 설명해주세요.)`: a question with a rewording in brackets after it is a question.
  // One recursive call per closing aside (each strips one), so nested asides cost no more than the text is long.
  const aside = t.endsWith(')') ? t.lastIndexOf('(') : -1;
  if (aside > 0) {
    if (isQuestionText(t.slice(0, aside))) return true;
    if (t.indexOf('?') > aside) return false;
  }
  if (/[?？]\s*[)\]]?$/u.test(t)) return true;
  if (KOREAN_QUESTION_END.test(t)) return true;
  if (EXPLAIN_REQUEST.test(t)) return !READER_REQUEST.test(t.slice(-40));
  if (t.length <= 120 && !/[.。]$/.test(t)) {
    if (ENGLISH_REQUEST.test(t) || ENGLISH_COUNTED_REQUEST.test(t)) return true;
    if (ENGLISH_INTERROGATIVE.test(t) && !/^how to\b/i.test(t) && !TITLE_CASE_LABEL.test(t)) return true;
    if (VERSUS.test(t) && t.split(' ').length <= 12) return true;
  }
  return false;
}

/** Key that identifies a question across edits: case, spacing, punctuation and emoji do not matter. */
export function questionKey(text: string): string {
  return cleanInline(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Matching key for terms: NFC, lower case, no spaces, hyphens, underscores or dots. */
export function termKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\-_.·/]+/g, '')
    .replace(/[()[\]{}'"`*“”‘’]/g, '');
}

// Particles and copulas that follow a noun in Korean prose; longest first.
const PARTICLES = [
  '이라는',
  '에서는',
  '으로는',
  '이란',
  '에서',
  '으로',
  '에게',
  '까지',
  '부터',
  '이다',
  '입니다',
  '라는',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
  '란',
  '랑',
];

/** Candidate stems of a Korean word with a trailing particle removed (`프로세스는` → `프로세스`). */
export function stripParticles(word: string): string[] {
  const out: string[] = [];
  for (const p of PARTICLES) {
    if (word.length > p.length + 1 && word.endsWith(p)) out.push(word.slice(0, -p.length));
  }
  return out;
}

/** `names` in order, each spelling once (the first as written), without those that only respell `first`: one name is one name. */
export function distinctSpellings(first: string, names: readonly string[]): string[] {
  // termKey: two spellings of one name (`Web RTC`, `webrtc`) are one key, as in every look-up of a term.
  const said = new Set([termKey(first)]);
  const out: string[] = [];
  for (const name of names) {
    const key = termKey(name);
    if (said.has(key)) continue;
    said.add(key);
    out.push(name);
  }
  return out;
}

const HANGUL = /[\uAC00-\uD7A3]/u;
export function hasHangul(text: string): boolean {
  return HANGUL.test(text);
}

/** Split a code identifier into words: `pthread_mutex_lock`, `RTCPeerConnection`, `createOffer`, `node-port`. */
export function splitIdentifier(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.:/]+/)
    .filter((w) => w.length > 0);
}

/** `프로세스는 fork()로 만든다.`, `The child starts from fork().`: words that end as a sentence, not a bullet's fragment. */
export function isFullSentence(text: string): boolean {
  const t = text.trim();
  return t.length >= 20 && t.length <= 400 && /\s/.test(t) && /(?:[.!。]|다|요)$/u.test(t);
}
