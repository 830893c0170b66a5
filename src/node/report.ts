import * as path from 'node:path';
import type { NoteIndex } from '../core/index/noteIndex';

/** The `inspect` output: everything the index knows, as plain JSON. */
export function inspectReport(index: NoteIndex) {
  return {
    days: index.days().map((d) => ({ title: d.title, date: d.date, places: d.entries.map((e) => ({ file: e.day.file, line: e.day.line })) })),
    sections: index.sections().map((s) => ({ title: s.title, depth: s.depth, topic: s.topic, file: s.file, line: s.line, endLine: s.endLine })),
    cards: index.cardGroups().map((c) => ({
      question: c.question, answer: c.answer, topic: c.topic, file: c.places[0].file, line: c.places[0].line, style: c.places[0].style,
      places: c.places.map((p) => ({ file: p.file, line: p.line })),
    })),
    terms: index.terms().map((t) => ({ term: t.term, aliases: t.allAliases, file: t.file, line: t.line, summary: t.summary, topic: t.topic, source: t.source })),
    diagrams: index.diagrams().map((d) => ({ title: d.title, file: d.file, line: d.line, source: d.source })),
    problems: index.problems(),
    glossary: { entries: index.glossaryEntries().length, unresolved: index.unresolvedGlossaryEntries().map((e) => e.code) },
  };
}

export type InspectReport = ReturnType<typeof inspectReport>;

export function formatSummary(report: InspectReport): string {
  const lines = [
    `${report.days.length} days, ${report.sections.length} sections, ${report.cards.length} questions, ${report.terms.length} terms, ${report.diagrams.length} diagrams, ${report.problems.length} problems`,
  ];
  if (report.glossary.entries) lines.push(`glossary: ${report.glossary.entries} entries, ${report.glossary.unresolved.length} unresolved`);
  for (const p of report.problems) lines.push(`  ${p.severity}: ${path.basename(p.file)}${p.line ? `:${p.line}` : ''} ${p.message}`);
  return lines.join('\n');
}
