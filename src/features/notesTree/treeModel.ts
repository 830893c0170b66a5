import type { CardGroup, DayGroup, NoteIndex } from '../../core/index/noteIndex';
import type { Card, MermaidBlock, NoteSource, Section, Topic } from '../../core/model';
import type { HiddenCard } from '../../core/quiz/cardFlags';
import { TOPICS } from '../../core/model';
import { STARTER_SOURCES, USER_SOURCES } from '../../core/index/sources';
import { countQuestions, placeCounts, type QuestionCount } from '../../core/index/questionCounts';

/** Tree nodes as plain data, built from the index on demand (expanding a node costs only that node). */
export type TreeNode =
  | { kind: 'day'; id: string; group: DayGroup; count: QuestionCount; starter?: boolean }
  /** `own`: the heading is itself a question, shown by this one row (its card is not listed again under or beside it). */
  | { kind: 'section'; id: string; section: Section; children: Section[]; cards: Card[]; diagrams: MermaidBlock[]; own?: Card }
  | { kind: 'question'; id: string; card: Card; places: number }
  | { kind: 'topic'; id: string; topic: Topic; cards: CardGroup[]; count: QuestionCount; starter?: boolean }
  /** The starter notes that ship with the extension, apart from the user's days and topics. */
  | { kind: 'starter'; id: string; mode: 'day' | 'topic'; notes: number }
  | { kind: 'diagram'; id: string; diagram: MermaidBlock }
  | {
      kind: 'due';
      id: string;
      cards: CardGroup[];
      /** how many of the cards were never answered */
      fresh: number;
      /** terms of "Name the term" due for review besides the cards */
      terms?: number;
    }
  | { kind: 'hidden'; id: string; cards: HiddenCard[] }
  | { kind: 'hiddenCard'; id: string; card: HiddenCard }
  | { kind: 'diagrams'; id: string; links: Array<{ id: string; title: string }> }
  | { kind: 'diagramLink'; id: string; diagramId: string; title: string };

/**
 * The top of a view: the user's days (or topics), then the starter notes under their own root when they are loaded
 * (and `showStarter`: not while the first discovery may still drop them, see NotesSource.showsStarterNotes).
 * A day of the starter notes never merges with the user's day of the same date: each source has its own groups.
 */
export function rootNodes(index: NoteIndex, mode: 'day' | 'topic', showStarter = true): TreeNode[] {
  const roots = mode === 'day' ? dayNodes(index, USER_SOURCES) : topicNodes(index, USER_SOURCES);
  const starterNotes = showStarter ? index.files().filter((f) => index.sourceOf(f) === 'starter').length : 0;
  if (starterNotes) roots.push({ kind: 'starter', id: `starter:${mode}`, mode, notes: starterNotes });
  return roots;
}

export function childrenOfStarter(index: NoteIndex, node: TreeNode & { kind: 'starter' }): TreeNode[] {
  return node.mode === 'day' ? dayNodes(index, STARTER_SOURCES, true) : topicNodes(index, STARTER_SOURCES, true);
}

export function dayNodes(index: NoteIndex, sources?: readonly NoteSource[], starter = false): TreeNode[] {
  const placesOf = placeCounts(index.cardGroups(sources));
  return index.days(sources).map((group) => ({
    kind: 'day' as const,
    // Ids are unique across the view: the starter notes' "01-13" is another row than the user's.
    id: `${starter ? 'starter:' : ''}day:${group.key}`,
    group,
    count: countQuestions(
      group.entries.flatMap((e) => e.cards),
      placesOf,
    ),
    ...(starter ? { starter } : {}),
  }));
}

export function childrenOfDay(index: NoteIndex, group: DayGroup): TreeNode[] {
  const out: TreeNode[] = [];
  for (const entry of group.entries) {
    const note = index.note(entry.day.file);
    const diagrams = note?.diagrams ?? [];
    const top = entry.sections.filter((s) => !s.parentId);
    for (const s of top) out.push(sectionNode(s, entry.sections, entry.cards, diagrams));
    // Questions written before any heading of the day (a heading that asks one is its section's row).
    const askedByHeading = new Set(top.filter((s) => s.question).map((s) => s.line));
    for (const card of entry.cards) if (!card.sectionId && !askedByHeading.has(card.line)) out.push(questionNode(index, card));
  }
  return out;
}

export function sectionNode(section: Section, all: Section[], cards: Card[], diagrams: MermaidBlock[]): TreeNode & { kind: 'section' } {
  const within = (item: { line: number }) => item.line >= section.line && item.line <= section.endLine;
  const own = section.question ? cards.find((c) => c.line === section.line && c.file === section.file) : undefined;
  return {
    kind: 'section',
    id: `section:${section.id}`,
    section,
    children: all.filter((s) => s.parentId === section.id && !s.question),
    cards: cards.filter((c) => within(c) && c !== own),
    diagrams: diagrams.filter((d) => d.line >= section.line && d.line <= section.endLine),
    ...(own ? { own } : {}),
  };
}

export function childrenOfSection(index: NoteIndex, node: TreeNode & { kind: 'section' }): TreeNode[] {
  const note = index.note(node.section.file);
  if (!note) return [];
  const out: TreeNode[] = [];
  const childSections = node.children;
  const inChild = (line: number) => childSections.some((s) => line >= s.line && line <= s.endLine);
  for (const s of childSections) out.push(sectionNode(s, note.sections, note.cards, note.diagrams));
  for (const card of node.cards) if (!inChild(card.line)) out.push(questionNode(index, card));
  for (const d of node.diagrams) if (!inChild(d.line)) out.push({ kind: 'diagram', id: `diagram:${d.id}`, diagram: d });
  return out.sort((a, b) => lineOf(a) - lineOf(b));
}

function lineOf(node: TreeNode): number {
  switch (node.kind) {
    case 'section':
      return node.section.line;
    case 'question':
      return node.card.line;
    case 'diagram':
      return node.diagram.line;
    default:
      return 0;
  }
}

export function questionNode(index: NoteIndex, card: Card): TreeNode {
  return { kind: 'question', id: `q:${card.file}#${card.line}`, card, places: index.cardGroup(card.key)?.places.length ?? 1 };
}

export function topicNodes(index: NoteIndex, sources?: readonly NoteSource[], starter = false): TreeNode[] {
  const byTopic = new Map<Topic, CardGroup[]>();
  const groups = index.cardGroups(sources);
  for (const g of groups) {
    const list = byTopic.get(g.topic) ?? [];
    list.push(g);
    byTopic.set(g.topic, list);
  }
  const placesOf = placeCounts(groups);
  return TOPICS.filter((t) => byTopic.has(t)).map((topic) => ({
    kind: 'topic' as const,
    id: `${starter ? 'starter:' : ''}topic:${topic}`,
    topic,
    cards: byTopic.get(topic)!,
    count: countQuestions(byTopic.get(topic)!, placesOf),
    ...(starter ? { starter } : {}),
  }));
}

export function childrenOfTopic(index: NoteIndex, node: TreeNode & { kind: 'topic' }): TreeNode[] {
  return node.cards.map((g) => questionNode(index, g.places[0]));
}
