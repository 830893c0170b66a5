/**
 * Cloze cards from definitions: `**세마포어**는 공유 자원에 들어갈 수를 세는 동기화 도구이다.` asks
 * "세마포어는 ___ 동기화 도구이다." The blank is the definition's description; the head noun (and a
 * copula) stays, so the sentence still says what kind of thing the term is. English definitions
 * (`**X** is a tool that …`) blank what follows `that`/`which`; `X : …` blanks the explanation.
 * Linear in the definition's length.
 */
import type { CardGroup } from '../../index/noteIndex';
import type { Card, Term } from '../../model';
import { cleanInline, termKey } from '../../text';
import { CLOZE_BLANK, generatedKey, type CardKindGenerator } from './types';

export interface Cloze {
  /** The sentence with its description blanked, as plain text. */
  question: string;
  /** What the blank hides. */
  hidden: string;
}

const MAX_HIDDEN = 160;
const KOREAN_TOPIC = /^\s*(은|는|이란|란|이라고|라고|이라는)\s+/u;
const COLON = /^\s*[:：—–-]\s*/u;
const ENGLISH = /^\s*(is|are)\s+(an?|the)\s+/iu;
// A head noun this vague needs the word before it: "적는 것이다" rather than "것이다", "나누는 방법이다" rather than "방법이다".
const VAGUE_HEAD = /^(것|수|때|곳|뜻|말|방법|방식|개념|기법|역할|부분|기능|의미)/u;
const BARE_NOUN = /^[\p{L}\p{N}()-]*[\p{L}\p{N})](?<![는은던을를의한된인운적로에게고며서이가도만과와나면어아여지])$/u;

/** The cloze of one definition, or undefined when its first sentence has no description to blank. */
export function clozeOf(term: Term): Cloze | undefined {
  const lead = /^\*\*(.+?)\*\*/su.exec(term.summary.trimStart());
  const text = cleanInline(term.summary);
  if (!lead) {
    // `fork() : 새 프로세스를 만든다`: the explanation after the colon is the blank.
    const colon = /^(.{1,40}?)\s*[:：]\s+(.+)$/su.exec(text);
    return colon ? wrap(`${colon[1]} : `, stripEnd(firstSentence(colon[2])), '') : undefined;
  }
  const leadText = cleanInline(lead[1]);
  if (!text.startsWith(leadText)) return undefined;
  const rest = text.slice(leadText.length);
  const sentence = firstSentence(rest);
  const korean = KOREAN_TOPIC.exec(sentence);
  if (korean) return koreanCloze(leadText, korean[0], sentence.slice(korean[0].length));
  const english = ENGLISH.exec(sentence);
  if (english) return englishCloze(leadText, english[0], sentence.slice(english[0].length));
  const colon = COLON.exec(sentence);
  if (colon) return wrap(`${leadText} : `, stripEnd(sentence.slice(colon[0].length)), '');
  return undefined;
}

/** `X는 <description> <head>이다.` → `X는 ___ <head>이다.` */
function koreanCloze(lead: string, topic: string, body: string): Cloze | undefined {
  const end = /[.!。]$/u.test(body) ? body.slice(-1) : '';
  const words = stripEnd(body).split(' ').filter(Boolean);
  if (words.length < 2) return undefined;
  let keep = 1;
  if (VAGUE_HEAD.test(words[words.length - 1]) && words.length >= 3) keep = 2;
  // A bare noun before the head is part of it ("동기화 도구이다"); a word ending in a particle or a
  // modifier ("세는", "단순한", "스펙에") is where the description ends.
  while (keep < 3 && words.length - keep >= 2 && BARE_NOUN.test(words[words.length - keep - 1])) keep++;
  const hidden = words.slice(0, words.length - keep).join(' ');
  return wrap(`${lead}${topic.trim()} `, hidden, ` ${words.slice(-keep).join(' ')}${end}`);
}

/** `X is a tool that <description>.` → `X is a tool that ___.`; without `that`: `X is a ___.` */
function englishCloze(lead: string, verb: string, body: string): Cloze | undefined {
  const clean = stripEnd(body);
  const relative = /\s(that|which|who|where|used to|for)\s/iu.exec(clean);
  if (relative && relative.index > 0) {
    const cut = relative.index + relative[0].length;
    return wrap(`${lead} ${verb.trim()} ${clean.slice(0, cut).trim()} `, clean.slice(cut), '.');
  }
  return wrap(`${lead} ${verb.trim()} `, clean, '.');
}

function wrap(before: string, hidden: string, after: string): Cloze | undefined {
  const h = hidden.trim();
  if (h.length < 2 || h.length > MAX_HIDDEN) return undefined;
  return { question: `${before}${CLOZE_BLANK}${after}`, hidden: h };
}

/** Up to the first full stop that ends a sentence (not `0.5`), linear. */
function firstSentence(text: string): string {
  const m = /[.!?。](?=\s|$)/u.exec(text);
  return (m ? text.slice(0, m.index + 1) : text).trim();
}

function stripEnd(text: string): string {
  return text.replace(/[.!。]+$/u, '').trim();
}

export const clozeCards: CardKindGenerator = {
  kind: 'cloze',
  generate(source, { sectionOf }) {
    const byKey = new Map<string, CardGroup>();
    // The user's own definition words the card; a starter note's only adds a place.
    const notes = source.allNotes();
    for (const note of [...notes.filter((n) => n.source !== 'starter'), ...notes.filter((n) => n.source === 'starter')]) {
      for (const term of note.terms) {
        if (term.source !== 'definition') continue;
        const key = generatedKey('cloze', termKey(term.term));
        const existing = byKey.get(key);
        if (existing) {
          existing.places.push(placeOf(term, existing.question, existing.answer, key, sectionOf));
          continue;
        }
        const cloze = clozeOf(term);
        if (!cloze) continue;
        const answer = `**${cloze.hidden}**\n\n${term.summary}`;
        byKey.set(key, {
          key,
          question: cloze.question,
          answer,
          topic: term.topic,
          kind: 'cloze',
          places: [placeOf(term, cloze.question, answer, key, sectionOf)],
        });
      }
    }
    return [...byKey.values()];
  },
};

/** A generated card's place: where the term is explained, with its section and day. */
export function placeOf(
  term: Pick<Term, 'file' | 'line' | 'topic'>,
  question: string,
  answer: string,
  key: string,
  sectionOf: (file: string, line: number) => { id: string; dayId?: string } | undefined,
): Card {
  const section = sectionOf(term.file, term.line);
  const place: Card = {
    key,
    question,
    answer,
    style: 'generated',
    topic: term.topic,
    file: term.file,
    line: term.line,
    endLine: term.line,
  };
  if (section) {
    place.sectionId = section.id;
    if (section.dayId) place.dayId = section.dayId;
  }
  return place;
}
