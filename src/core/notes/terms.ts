import type { RootContent, Paragraph, Parent, Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Section, Term, TermSource, Topic } from '../model';
import { cleanInline, isQuestionText } from '../text';
import { parseDayHeading } from './dates';
import type { FrontMatter } from './frontmatter';
import { endOffset, startLine, startOffset } from './positions';
import { sectionAt } from './sectionAt';
import type { CollectedNodes } from './collect';

const SUMMARY_CHARS = 600;
const MAX_TERM_CHARS = 40;
// Headings that organise notes rather than name a concept.
const GENERIC_HEADINGS = new Set([
  'commands', 'command', 'references', 'reference', 'summary', 'notes', 'note', 'tip', 'tips', 'example', 'examples',
  '추가', '좀 더 자세히', '프롤로그', '정리', '참고', '예시', '결론', '요약', '개요', '자세히', '차이점', '장점', '단점',
  '특징', '해결', '주의할 점', '종류', '비유', '명령어 모음집',
]);
const WEIGHT: Record<TermSource, number> = { definition: 5, label: 4, heading: 3, pair: 1, frontmatter: 0 };
// `**X**는 …`, `**X** : …` — the bold opens a definition when a particle or colon follows it.
const DEFINITION_TAIL = /^\s*(?:은|는|이란|란|이라고|라고|이라는|이다|:|：|—|–|-)/u;
const COLON_DEFINITION = /^([^:：]{1,30}?)\s*[:：]\s+(.{10,})$/su;

interface Draft {
  term: string;
  source: TermSource;
  line: number;
  summary: string;
}

/** Concepts the note explains: definitions, bold labels, headings, `한글(English)` pairs, front matter aliases. */
export function extractTerms(file: string, nodes: CollectedNodes, text: string, sections: Section[], fm: FrontMatter): Term[] {
  const drafts: Draft[] = [];
  const slice = (from: number, to: number) => clip(text.slice(from, to).trim());

  for (const { node, index, parent } of nodes.headings) headingTerm(node, index, parent, slice, drafts);
  for (const { node: paragraph, index, parent } of nodes.paragraphs) {
    const first = paragraph.children[0];
    const plain = cleanInline(toString(paragraph));
    // Read the bold lead from the source: CommonMark does not close `**괄호(Term)**는`, Korean writers do.
    const raw = text.slice(startOffset(paragraph), endOffset(paragraph));
    const lead = raw.match(/^(\*\*|__)(?!\s)([^*\n]{1,60}?)\1([\s\S]*)$/u);
    if (lead) {
      const bold = cleanInline(lead[2]);
      const restText = lead[3];
      if (restText.trim() === '') {
        labelTerm(bold, paragraph, index, parent, slice, drafts);
      } else if (DEFINITION_TAIL.test(restText) && bold.length <= MAX_TERM_CHARS && !isQuestionText(bold) && !/[{}[\]]/.test(bold)) {
        drafts.push({ term: bold, source: 'definition', line: startLine(paragraph), summary: slice(startOffset(paragraph), endOffset(paragraph)) });
      }
    } else {
      const colon = plain.match(COLON_DEFINITION);
      if (colon && colon[1].split(' ').length <= 4 && !isQuestionText(plain) && !/^\d+$|[[\]{}()]/.test(colon[1]) && first?.type !== 'link') {
        drafts.push({ term: colon[1].trim(), source: 'definition', line: startLine(paragraph), summary: clip(plain) });
      }
    }
    const leadingBold = lead ? cleanInline(lead[2]) : '';
    for (const pair of freeTextPairs(plain)) {
      if (leadingBold.includes(pair.split('(')[0])) continue; // already read as a label or definition
      drafts.push({ term: pair, source: 'pair', line: startLine(paragraph), summary: clip(sentenceAround(plain, pair)) });
    }
  }
  drafts.sort((a, b) => a.line - b.line);

  const terms: Term[] = [];
  for (const d of drafts) {
    const { term, aliases } = splitPair(d.term);
    if (!acceptableTerm(term)) continue;
    const section = sectionAt(sections, d.line);
    terms.push({
      term, aliases, file, line: d.line, summary: d.summary,
      topic: (section?.topic ?? fm.topic ?? 'other') as Topic,
      source: d.source, weight: WEIGHT[d.source] + (d.summary.length > 40 ? 0.5 : 0),
    });
  }
  for (const [term, aliases] of fm.aliases) {
    terms.push({ term, aliases, file, line: 1, summary: '', topic: fm.topic ?? 'other', source: 'frontmatter', weight: WEIGHT.frontmatter });
  }
  return terms;
}

function headingTerm(node: Heading, index: number | undefined, parent: Parent | undefined, slice: (a: number, b: number) => string, out: Draft[]) {
  const title = cleanInline(toString(node));
  if (GENERIC_HEADINGS.has(title.toLowerCase()) || isQuestionText(title) || parseDayHeading(title)) return;
  if (title.length > MAX_TERM_CHARS || title.split(' ').length > 5 || index === undefined || !parent) return;
  const next = parent.children[index + 1] as RootContent | undefined;
  if (!next || next.type !== 'paragraph') return;
  out.push({ term: title, source: 'heading', line: startLine(node), summary: slice(startOffset(next), endOffset(next)) });
}

function labelTerm(bold: string, paragraph: Paragraph, index: number | undefined, parent: Parent | undefined, slice: (a: number, b: number) => string, out: Draft[]) {
  let term = bold.replace(/^\[\s*|\s*\]$/g, '').trim();
  const colon = term.match(/^(.{1,30}?)\s*[:：]/u);
  if (colon) term = colon[1].trim();
  else if (isQuestionText(term)) return;
  if (term.length > MAX_TERM_CHARS || index === undefined || !parent) return;
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
  out.push({ term, source: 'label', line: startLine(paragraph), summary: slice(startOffset(siblings[index + 1]), endOffset(siblings[end - 1])) });
}

// In running text only `명사(English)` with one capitalised English word is trusted: the Korean side of a
// multi-word or acronym pair usually spans words we cannot delimit.
const KOREAN_PAIR = /(?<![가-힣])([가-힣]{2,12})\s?\(([A-Z][a-z]+(?:-[A-Za-z]+)?)\)/gu;
const ABBREVIATION_PAIR = /\b([A-Z][A-Z0-9]{1,6})\s?\(([A-Z][A-Za-z]+(?:[ -][A-Za-z]+){1,6})\)/g;

function freeTextPairs(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(KOREAN_PAIR)) found.push(`${m[1]}(${m[2].trim()})`);
  for (const m of text.matchAll(ABBREVIATION_PAIR)) found.push(`${m[1]}(${m[2].trim()})`);
  return found;
}

/** `교착 상태(Deadlock)` → term 교착 상태, alias Deadlock; `WAS (Web Application Server)` likewise. */
export function splitPair(text: string): { term: string; aliases: string[] } {
  const m = text.match(/^(.+?)\s*[(（]([^()（）]+)[)）]\s*$/u);
  if (!m) return { term: text.trim(), aliases: [] };
  const aliases = m[2].split(/\s*[,/]\s*/).map((a) => a.trim()).filter((a) => a.length > 1);
  return { term: m[1].trim(), aliases };
}

function acceptableTerm(term: string): boolean {
  if (term.length < 2 || term.length > MAX_TERM_CHARS) return false;
  if (/^[\d\s\p{P}\p{S}]+$/u.test(term)) return false;
  return !GENERIC_HEADINGS.has(term.toLowerCase());
}

function sentenceAround(text: string, pair: string): string {
  const at = text.indexOf(pair.split('(')[0]);
  if (at < 0) return text;
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('.\n')) + 1;
  const endDot = text.indexOf('. ', at);
  return text.slice(start, endDot === -1 ? undefined : endDot + 1).trim();
}

/** Keep summaries short, cut at a sentence end when possible. */
export function clip(markdown: string, max = SUMMARY_CHARS): string {
  if (markdown.length <= max) return markdown;
  const cut = markdown.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'), cut.lastIndexOf('다.'));
  return (end > max / 2 ? cut.slice(0, end + 1) : cut.trimEnd()) + ' …';
}
