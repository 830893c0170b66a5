/**
 * Questions from diagrams: the built-in diagrams' own questions (a table in diagrams/questions.ts, written by us),
 * and questions read off the transitions of state diagrams ("what state follows Ready on dispatch?")
 * and the messages of sequence diagrams ("who sends the SDP answer to the signaling server?"), for the
 * built-in diagrams and the Mermaid blocks in the notes. Flowcharts get only hand-written questions:
 * their edges rarely make a question on their own. A transition or message that could have two
 * answers is left out.
 */
import type { CardGroup } from '../../index/noteIndex';
import type { Topic } from '../../model';
import { BUILTIN_DIAGRAMS } from '../../diagrams/builtin';
import { BUILTIN_QUESTIONS } from '../../diagrams/questions';
import { describeDiagram } from '../../diagrams/textAlternative';
import { questionKey, termKey } from '../../text';
import { placeOf } from './cloze';
import { generatedKey, type CardKindGenerator, type DiagramPhrases } from './types';

/** At most this many read-off questions per diagram: a big diagram should not flood the day's new cards. */
export const MAX_QUESTIONS_PER_DIAGRAM = 12;
const MAX_LABEL = 100;

export interface DiagramQuestion {
  /** Stable within the diagram: the card key is built from it, never from the wording. */
  slug: string;
  question: string;
  answer: string;
}

/** Questions read off one Mermaid source (state transitions, sequence messages). */
export function readOffQuestions(source: string, title: string, phrases: DiagramPhrases): DiagramQuestion[] {
  const description = describeDiagram(source);
  if (description.kind !== 'state' && description.kind !== 'sequence') return [];
  // Group by what is asked; a question with two different answers is dropped.
  const asked = new Map<string, { from: string; label: string; to: string; answers: Set<string> }>();
  for (const edge of description.edges) {
    const label = edge.label?.trim();
    if (!label || label.length > MAX_LABEL || edge.from === edge.to) continue;
    if (description.kind === 'state' && (edge.from === 'start' || edge.to === 'end')) continue;
    const state = description.kind === 'state';
    const id = state ? `${edge.from}\u0000${label}` : `${label}\u0000${edge.to}`;
    const entry = asked.get(id) ?? { from: edge.from, label, to: edge.to, answers: new Set<string>() };
    entry.answers.add(state ? edge.to : edge.from);
    asked.set(id, entry);
  }
  const out: DiagramQuestion[] = [];
  for (const { from, label, to, answers } of asked.values()) {
    if (answers.size !== 1) continue;
    const state = description.kind === 'state';
    const template = state ? phrases.nextState : phrases.sender;
    out.push({
      slug: questionKey(state ? `${from} ${label}` : `${label} ${to}`) || 'x',
      question: fill(template, { title, from, label, to }),
      answer: `**${state ? to : from}**\n\n${from} → ${to}: ${label}`,
    });
    if (out.length >= MAX_QUESTIONS_PER_DIAGRAM) break;
  }
  return out;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(title|from|label|to)\}/g, (_, name: string) => values[name]);
}

function card(key: string, q: DiagramQuestion, topic: Topic, diagramId: string): CardGroup {
  return { key, question: q.question, answer: q.answer, topic, kind: 'diagram', diagramId, places: [] };
}

export const diagramCards: CardKindGenerator = {
  kind: 'diagram',
  generate(source, { sectionOf, phrases }) {
    const out: CardGroup[] = [];
    for (const d of BUILTIN_DIAGRAMS) {
      const own = BUILTIN_QUESTIONS[d.id] ?? [];
      const replaced = new Set(own.flatMap((q) => (q.replaces ? [q.replaces] : [])));
      for (const q of own) out.push(card(generatedKey('diagram', d.id, q.slug), q, d.topic, d.id));
      for (const q of readOffQuestions(d.source, d.title, phrases)) {
        if (!replaced.has(q.slug)) out.push(card(generatedKey('diagram', d.id, q.slug), q, d.topic, d.id));
      }
    }
    // The notes' diagrams: the same diagram (by title) in two notes is one card with two places.
    const byKey = new Map<string, CardGroup>();
    for (const block of source.diagrams()) {
      const title = block.title || 'Diagram';
      for (const q of readOffQuestions(block.source, title, phrases)) {
        const key = generatedKey('diagram', 'note', termKey(title) || 'untitled', q.slug);
        const place = placeOf(block, q.question, q.answer, key, sectionOf);
        const existing = byKey.get(key);
        if (existing) existing.places.push(place);
        else byKey.set(key, { ...card(key, q, block.topic, block.id), places: [place] });
      }
    }
    return [...out, ...byKey.values()];
  },
};
