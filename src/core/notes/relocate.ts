import type { ParsedNote } from '../model';

/** The same parse for a note whose content moved to another path (cache hits are by content, not by name). */
export function relocate(note: ParsedNote, file: string): ParsedNote {
  if (note.file === file) return note;
  const id = (old: string | undefined) => (old && old.startsWith(note.file + '#') ? file + old.slice(note.file.length) : old);
  return {
    file,
    hash: note.hash,
    days: note.days.map((d) => ({ ...d, file })),
    sections: note.sections.map((s) => ({ ...s, file, id: id(s.id)!, parentId: id(s.parentId) })),
    cards: note.cards.map((c) => ({ ...c, file, sectionId: id(c.sectionId) })),
    terms: note.terms.map((t) => ({ ...t, file })),
    diagrams: note.diagrams.map((d) => ({ ...d, file, id: id(d.id)!, sectionId: id(d.sectionId) })),
    problems: note.problems.map((p) => ({ ...p, file })),
  };
}
