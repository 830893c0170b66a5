import type { Paragraph, Parent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { cleanInline, isQuestionText } from '../../text';
import { endOffset, startLine, startOffset } from '../positions';
import { MAX_TERM_CHARS, namesOfTitle } from './names';
import type { NoteText, TermDraft, TermRecogniser } from './types';

/** A paragraph that is only a bold (or bold-bracketed) phrase: `**Semaphore**`, `**[ 좀비 프로세스 ]**`. */
export function boldLead(note: NoteText, paragraph: Paragraph): { bold: string; rest: string } | undefined {
  // Read the bold from the source: CommonMark does not close `**괄호(Term)**는`, Korean writers do.
  const raw = note.text.slice(startOffset(paragraph), endOffset(paragraph));
  const lead = raw.match(/^(\*\*|__)(?!\s)([^*\n]{1,80}?)\1([\s\S]*)$/u);
  return lead ? { bold: cleanInline(lead[2]), rest: lead[3] } : undefined;
}

/**
 * `**Semaphore**` or `**[ 좀비 프로세스 ]**` alone on a line, with the paragraph or list under it as the explanation.
 */
export const labelTerms: TermRecogniser = {
  name: 'label',
  weight: 4,
  recognise(note, out) {
    for (const { node, index, parent } of note.nodes.paragraphs) {
      const lead = boldLead(note, node);
      if (!lead || lead.rest.trim() !== '') continue;
      labelTerm(note, lead.bold, node, index, parent, out);
    }
  },
};

function labelTerm(note: NoteText, bold: string, paragraph: Paragraph, index: number, parent: Parent, out: TermDraft[]): void {
  let label = bold.replace(/^\[\s*|\s*\]$/g, '').trim();
  const colon = label.match(/^(.{1,30}?)\s*[:：]/u);
  if (colon) label = colon[1].trim();
  // `**ICE Candidate 교환 과정 ( 너 누구야 ? )**` is a label with a joke in parentheses, not a question.
  else if (isQuestionText(label.replace(/\s*[(（][^()（）]*[)）]\s*$/u, ''))) return;
  if (label.length > MAX_TERM_CHARS * 2) return;
  const names = namesOfTitle(label);
  if (!names) return;
  // The explanation is the next block or two (a quote under a label is part of it).
  const siblings = parent.children as RootContent[];
  let end = index + 1;
  let taken = 0;
  while (end < siblings.length && taken < 2) {
    const n = siblings[end];
    if (n.type === 'heading' || (n.type === 'paragraph' && n.children[0]?.type === 'strong' && n.children.length === 1)) break;
    taken += n.type === 'blockquote' ? 0.5 : 1;
    end++;
    if (taken >= 1 && toString(n).length > 60) break;
  }
  if (end === index + 1) return;
  out.push({ term: names.term, aliases: names.aliases, source: 'label', line: startLine(paragraph), summary: note.slice(startOffset(siblings[index + 1]), endOffset(siblings[end - 1])) });
}
