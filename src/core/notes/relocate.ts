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

/**
 * `relocate`, changing the parse itself instead of copying it (the same fields, the same values). Only for a parse
 * that nothing else holds yet (one just read from the pack): a warm start then keeps one copy of each note, not the
 * pack's and the index's, which halves what the extension host allocates and keeps while a large folder fills in.
 */
export function relocateInPlace(note: ParsedNote, file: string): ParsedNote {
  if (note.file === file) return note;
  const from = note.file;
  const id = (old: string | undefined) => (old && old.startsWith(from + '#') ? file + old.slice(from.length) : old);
  for (const d of note.days) d.file = file;
  for (const s of note.sections) Object.assign(s, { file, id: id(s.id)!, parentId: id(s.parentId) });
  for (const c of note.cards) Object.assign(c, { file, sectionId: id(c.sectionId) });
  for (const t of note.terms) t.file = file;
  for (const d of note.diagrams) Object.assign(d, { file, id: id(d.id)!, sectionId: id(d.sectionId) });
  for (const p of note.problems) p.file = file;
  note.file = file;
  return note;
}
