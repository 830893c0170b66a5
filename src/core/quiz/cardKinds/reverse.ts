/**
 * Reverse cards: the explanation is the question, the term the answer ("which term is this?"), to be
 * recalled rather than picked among four as in the term mode. One card per term, from its best
 * explanation; the term and its other names are blanked out of the question. Only names shaped like terms
 * (termShape.ts): a heading or a step of a procedure is not an answer to recall.
 */
import { cleanInline } from '../../text';
import { BLANK, blankOut } from '../termChoices';
import { isQuizTerm } from '../termShape';
import { placeOf } from './cloze';
import { CLOZE_BLANK, generatedKey, type CardKindGenerator } from './types';

const MIN_CLUE = 20;
const MAX_QUESTION = 280;

/** The question of a reverse card: the explanation as plain text, names blanked, clipped at a word. */
export function reverseQuestion(summary: string, names: readonly string[]): string | undefined {
  const plain = cleanInline(summary);
  const blanked = blankOut(plain, [...names]).replaceAll(BLANK, CLOZE_BLANK);
  const clue = blanked.replaceAll(CLOZE_BLANK, '').replace(/\s+/g, ' ').trim();
  if (clue.length < MIN_CLUE) return undefined;
  if (blanked.length <= MAX_QUESTION) return blanked;
  const cut = blanked.lastIndexOf(' ', MAX_QUESTION);
  return `${blanked.slice(0, cut > MAX_QUESTION / 2 ? cut : MAX_QUESTION)} …`;
}

export const reverseCards: CardKindGenerator = {
  kind: 'reverse',
  generate(source, { sectionOf }) {
    const out = [];
    for (const info of source.terms()) {
      if (info.mentionOnly || info.source === 'mention' || !info.summary.trim() || !isQuizTerm(info.term)) continue;
      const names = [info.term, ...info.allAliases, ...info.aliases];
      const question = reverseQuestion(info.summary, names);
      if (!question) continue;
      const key = generatedKey('reverse', info.key);
      const aliases = [...new Set(info.allAliases.filter((a) => a !== info.term))];
      const answer = `**${info.term}**${aliases.length ? ` (${aliases.join(', ')})` : ''}\n\n${info.summary}`;
      out.push({
        key,
        question,
        answer,
        topic: info.topic,
        kind: 'reverse' as const,
        places: [placeOf(info, question, answer, key, sectionOf)],
      });
    }
    return out;
  },
};
