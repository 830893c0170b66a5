import type { Section } from '../model';

/** The innermost section that contains a line (sections are in document order). */
export function sectionAt(sections: Section[], line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) {
    if (s.line > line) break;
    if (s.endLine >= line && (!found || s.depth > found.depth)) found = s;
  }
  return found;
}
