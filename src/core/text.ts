/** Text helpers shared by the parser, the term matcher and the quiz: normalisation and question detection. */

const LEADING_MARKS = /^[\s\u2757\u2755\u2753\u2754\u{1F4A1}\u{1F4CC}\u{1F4DD}\u2705\u2714\u26A0\uFE0F\u200D*_>#\-–—:]+/u;
const EMOJI = /[\u{1F300}-\u{1FAFF}\u2600-\u27BF\uFE0F\u200D]/gu;

/** Plain question/heading text: no emoji markers, no emphasis markers, single spaces. */
export function cleanInline(text: string): string {
  return text
    .normalize('NFC')
    .replace(EMOJI, ' ')
    .replace(/\*\*|__|`/g, '')
    .replace(LEADING_MARKS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Korean endings that make a sentence a question or a request to explain, as interviewers write them.
const KOREAN_QUESTION_END =
  /(주세요|하세요|세요|까요|나요|가요|인가요|은가요|는가요|습니까|ㅂ니까|니까|을까|ㄹ까|는가|는지|인지|할까|될까|일까|었나|했나|뭔가요|뭘까)\s*[.!]?$/u;

/** Does this (cleaned) text read as a question the author asked? */
export function isQuestionText(text: string): boolean {
  const t = cleanInline(text);
  if (t.length < 4 || t.length > 400) return false;
  if (/[?？]\s*[)\]]?$/u.test(t)) return true;
  return KOREAN_QUESTION_END.test(t);
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
  '이라는', '에서는', '으로는', '이란', '에서', '으로', '에게', '까지', '부터', '이다', '입니다', '라는',
  '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '란', '랑',
];

/** Candidate stems of a Korean word with a trailing particle removed (`프로세스는` → `프로세스`). */
export function stripParticles(word: string): string[] {
  const out: string[] = [];
  for (const p of PARTICLES) {
    if (word.length > p.length + 1 && word.endsWith(p)) out.push(word.slice(0, -p.length));
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
