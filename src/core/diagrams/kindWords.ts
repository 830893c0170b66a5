/**
 * What a person calls each kind of Mermaid diagram, by the keyword its source starts with (`stateDiagram-v2` →
 * "State diagram"): the gallery shows these words, never the keyword. One row per kind; an unknown keyword has no
 * words (the caller shows nothing rather than guess).
 */
import type { Translate } from '../hover/section';
import { kindKeyword } from './textAlternative';

type Words = (t: Translate) => string;

/** Keywords as Mermaid writes them, without a variant suffix (textAlternative's kindKeyword); each words a literal the l10n check finds. */
const KIND_WORDS: ReadonlyArray<readonly [keywords: readonly string[], words: Words]> = [
  [['flowchart', 'graph'], (t) => t('Flowchart')],
  [['sequenceDiagram', 'zenuml'], (t) => t('Sequence diagram')],
  [['stateDiagram'], (t) => t('State diagram')],
  [['classDiagram'], (t) => t('Class diagram')],
  [['erDiagram'], (t) => t('Entity relationship diagram')],
  [['journey'], (t) => t('User journey')],
  [['gantt'], (t) => t('Gantt chart')],
  [['pie'], (t) => t('Pie chart')],
  [['quadrantChart'], (t) => t('Quadrant chart')],
  [['requirementDiagram'], (t) => t('Requirement diagram')],
  [['gitGraph'], (t) => t('Git graph')],
  [['C4Context', 'C4Container', 'C4Component', 'C4Dynamic', 'C4Deployment'], (t) => t('C4 diagram')],
  [['mindmap'], (t) => t('Mind map')],
  [['timeline'], (t) => t('Timeline')],
  [['sankey'], (t) => t('Sankey diagram')],
  [['xychart'], (t) => t('XY chart')],
  [['block'], (t) => t('Block diagram')],
  [['packet'], (t) => t('Packet diagram')],
  [['kanban'], (t) => t('Kanban board')],
  [['architecture'], (t) => t('Architecture diagram')],
  [['radar'], (t) => t('Radar chart')],
  [['treemap'], (t) => t('Treemap')],
];

const BY_KEYWORD = new Map(KIND_WORDS.flatMap(([keywords, words]) => keywords.map((k) => [k.toLowerCase(), words] as const)));

/** The kind of diagram in words ("State diagram"), or undefined for a kind the table does not know. */
export function diagramKindWords(source: string, t: Translate): string | undefined {
  return BY_KEYWORD.get(kindKeyword(source))?.(t);
}
