import * as path from 'node:path';
import type { NoteIndex } from '../core/index/noteIndex';
import { QUESTION_STYLE_NAMES } from '../core/model';

/** The `inspect` output: everything the index knows, as plain JSON. */
export function inspectReport(index: NoteIndex) {
  return {
    days: index
      .days()
      .map((d) => ({ title: d.title, date: d.date, places: d.entries.map((e) => ({ file: e.day.file, line: e.day.line })) })),
    sections: index
      .sections()
      .map((s) => ({ title: s.title, depth: s.depth, topic: s.topic, file: s.file, line: s.line, endLine: s.endLine })),
    cards: index.cardGroups().map((c) => ({
      question: c.question,
      answer: c.answer,
      topic: c.topic,
      file: c.places[0].file,
      line: c.places[0].line,
      style: c.places[0].style,
      places: c.places.map((p) => ({ file: p.file, line: p.line })),
    })),
    terms: index.terms().map((t) => ({
      term: t.term,
      aliases: t.allAliases,
      file: t.file,
      line: t.line,
      summary: t.summary,
      topic: t.topic,
      source: t.source,
    })),
    diagrams: index.diagrams().map((d) => ({ title: d.title, file: d.file, line: d.line, source: d.source })),
    problems: index.problems(),
    glossary: { entries: index.glossaryEntries().length, unresolved: index.unresolvedGlossaryEntries().map((e) => e.code) },
  };
}

/** Cards per question style (every style listed, 0 included), and how many have no answer yet. */
export function questionStats(report: Pick<InspectReport, 'cards' | 'days'>) {
  const byStyle = Object.fromEntries(QUESTION_STYLE_NAMES.map((s) => [s, 0])) as Record<string, number>;
  for (const c of report.cards) byStyle[c.style] = (byStyle[c.style] ?? 0) + 1;
  return {
    cards: report.cards.length,
    byStyle,
    unanswered: report.cards.filter((c) => c.answer === '').length,
    days: report.days.length,
    datedDays: report.days.filter((d) => d.date !== undefined).length,
  };
}

/** `inspect --stats`: what was recognised, so a user can see which of their question styles were read. */
export function formatStats(report: InspectReport): string {
  const stats = questionStats(report);
  const width = Math.max(...Object.keys(stats.byStyle).map((s) => s.length));
  const lines = [`${stats.cards} cards by question style:`];
  for (const [style, count] of Object.entries(stats.byStyle)) lines.push(`  ${style.padEnd(width)}  ${String(count).padStart(5)}`);
  lines.push(`${stats.unanswered} cards without an answer yet`);
  lines.push(`${stats.days} days (${stats.datedDays} with a date)`);
  return lines.join('\n');
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
