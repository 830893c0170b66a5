/**
 * The gallery's second line for a diagram, in words a person reads: its kind ("Sequence diagram") and, for a note's
 * block, the headings it sits under that its row's label does not already say.
 */
import type { Section } from '../model';
import type { Translate } from '../hover/section';
import { diagramKindWords } from './kindWords';

/** The headings a section sits in, outermost first, ending with its own (none for an unknown id). */
export function headingTrail(sections: ReadonlyMap<string, Pick<Section, 'title' | 'parentId'>>, sectionId: string | undefined): string[] {
  const trail: string[] = [];
  const seen = new Set<string>(); // a parent chain from a cache is data: never follow a loop
  for (let id = sectionId; id && !seen.has(id); id = sections.get(id)?.parentId) {
    seen.add(id);
    const section = sections.get(id);
    if (!section) break;
    trail.push(section.title);
  }
  return trail.reverse();
}

/** Sections by id, for headingTrail over one note's sections. */
export function sectionsById(sections: readonly Section[]): Map<string, Section> {
  return new Map(sections.map((s) => [s.id, s]));
}

/**
 * "Sequence diagram · Networking": the kind in words, then the headings around the block outermost first, without
 * the label's own (a block is labelled by its nearest heading). Empty when neither is known.
 */
export function galleryDetail(diagram: { source: string; title: string }, trail: readonly string[], t: Translate): string {
  const headings = trail.at(-1) === diagram.title ? trail.slice(0, -1) : trail;
  return [diagramKindWords(diagram.source, t), headings.join(' › ')].filter(Boolean).join(' · ');
}
