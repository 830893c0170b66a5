/**
 * Diagrams ↔ notes: which note sections a diagram illustrates, where a click on a node should go,
 * and which diagrams a term can show. Pure (no vscode, no DOM); works on anything shaped like the
 * NoteIndex queries it uses.
 */
import type { MermaidBlock, Section, Topic } from '../model';
import type { TermInfo, TermMatch } from '../index/noteIndex';
import { diagramWord } from '../hover/links';
import { termKey } from '../text';
import { BUILTIN_DIAGRAMS, builtinDiagram, type BuiltinDiagram } from './builtin';

/** The part of NoteIndex the diagram links need (NoteIndex satisfies it). */
export interface DiagramIndex {
  sections(): Section[];
  diagrams(): MermaidBlock[];
  term(nameOrKey: string): TermInfo | undefined;
}

/** What diagramsForTerm needs: the term and the note that explains it (NoteIndex satisfies it). */
export interface TermDiagramIndex {
  term(nameOrKey: string): TermInfo | undefined;
  note(file: string): { sections: Section[]; diagrams: MermaidBlock[] } | undefined;
}

/** One diagram, built-in or a ```mermaid block of a note, as the panel and the pickers see it. */
export interface DiagramSource {
  id: string;
  title: string;
  source: string;
  topic: Topic;
  kind: 'builtin' | 'note';
  /** For note blocks: where the block is. */
  file?: string;
  line?: number;
  sectionId?: string;
}

export interface SectionLink {
  section: Section;
  /** The keyword that matched. */
  keyword: string;
  /** 3 = the title is the keyword, 2 = the title contains it, 1 = a term of that name is explained in the section. */
  score: number;
}

export interface NodeTarget {
  file: string;
  line: number;
  keyword: string;
  via: 'term' | 'section' | 'block';
}

export interface DiagramRef {
  id: string;
  title: string;
  kind: 'builtin' | 'note';
  /** A node or message of a built-in diagram to highlight: always a value of its own `highlights` table. */
  highlight?: string;
}

/** The node a built-in diagram highlights for any of these term names, from its own table only. */
export function highlightFor(diagram: Pick<BuiltinDiagram, 'highlights'>, names: Iterable<string>): string | undefined {
  if (!diagram.highlights) return undefined;
  const table = new Map(Object.entries(diagram.highlights).map(([k, v]) => [termKey(k), v]));
  for (const name of names) {
    const hit = table.get(termKey(name));
    if (hit) return hit;
  }
  return undefined;
}

// ---- catalogue ----

export function builtinSource(d: BuiltinDiagram): DiagramSource {
  return { id: d.id, title: d.title, source: d.source, topic: d.topic, kind: 'builtin' };
}

export function blockSource(b: MermaidBlock): DiagramSource {
  return { id: b.id, title: b.title, source: b.source, topic: b.topic, kind: 'note', file: b.file, line: b.line, sectionId: b.sectionId };
}

/** Every diagram: the built-in ones first, then every mermaid block of the notes. */
export function diagramCatalog(index: Pick<DiagramIndex, 'diagrams'>): DiagramSource[] {
  return [...BUILTIN_DIAGRAMS.map(builtinSource), ...index.diagrams().map(blockSource)];
}

export function findDiagram(index: Pick<DiagramIndex, 'diagrams'>, id: string): DiagramSource | undefined {
  const builtin = builtinDiagram(id);
  if (builtin) return builtinSource(builtin);
  const block = index.diagrams().find((b) => b.id === id);
  return block && blockSource(block);
}

// ---- keyword matching ----

/** Lower case, NFC, no emphasis marks, single spaces. */
export function normaliseTitle(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\*\*|__|`/g, '')
    .replace(/[\u2757\u2755\u2753\u2754\u{1F4A1}\u{1F4CC}\u{1F4DD}]|\uFE0F/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ASCII_WORD = /[a-z0-9]/;

/**
 * How well a section title matches a keyword: 3 when they are the same (ignoring case, spaces,
 * punctuation), 2 when the title contains the keyword as a whole word (an English plural `s` and a
 * Korean particle after it are fine), else 0. `Service` does not match `ICE`.
 */
export function titleMatch(title: string, keyword: string): number {
  const t = normaliseTitle(title);
  const k = normaliseTitle(keyword);
  if (!k) return 0;
  if (termKey(t) === termKey(k)) return 3;
  let from = 0;
  for (;;) {
    const at = t.indexOf(k, from);
    if (at < 0) return 0;
    from = at + 1;
    const before = t[at - 1];
    let after = t[at + k.length];
    if (after === 's' && !ASCII_WORD.test(t[at + k.length + 1] ?? '')) after = t[at + k.length + 1];
    const startsWord = !before || (!(ASCII_WORD.test(before) && ASCII_WORD.test(k[0])) && !(isHangul(before) && isHangul(k[0])));
    const endsWord = !after || !(ASCII_WORD.test(after) && ASCII_WORD.test(k[k.length - 1]));
    if (startsWord && endsWord) return 2;
  }
}

function isHangul(c: string | undefined): boolean {
  return !!c && /[\uAC00-\uD7A3]/u.test(c);
}

function topicFits(diagramTopic: Topic, other: Topic): boolean {
  return diagramTopic === other || other === 'other' || diagramTopic === 'other';
}

/** The innermost section of `file` that contains `line`. */
function sectionContaining(sections: Section[], file: string, line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) {
    if (s.file !== file || s.line > line || s.endLine < line) continue;
    if (!found || s.depth > found.depth || (s.depth === found.depth && s.line > found.line)) found = s;
  }
  return found;
}

/**
 * The note sections a diagram illustrates, best first: sections titled by one of its keywords, then
 * sections that explain a term named by one. A section whose note is about another topic only
 * counts when its title is exactly the keyword.
 */
export function linkDiagramToSections(
  diagram: Pick<BuiltinDiagram, 'illustrates' | 'topic'>,
  index: Pick<DiagramIndex, 'sections' | 'term'>,
): SectionLink[] {
  const sections = index.sections();
  const best = new Map<string, SectionLink>();
  const offer = (link: SectionLink) => {
    const old = best.get(link.section.id);
    if (!old || link.score > old.score) best.set(link.section.id, link);
  };
  for (const keyword of diagram.illustrates) {
    for (const section of sections) {
      const score = titleMatch(section.title, keyword);
      if (score === 3 || (score === 2 && topicFits(diagram.topic, section.topic))) offer({ section, keyword, score });
    }
    const term = index.term(keyword);
    if (term && topicFits(diagram.topic, term.topic)) {
      const section = sectionContaining(sections, term.file, term.line);
      if (section) offer({ section, keyword, score: 1 });
    }
  }
  return [...best.values()].sort(
    (a, b) => b.score - a.score || a.section.file.localeCompare(b.section.file) || a.section.line - b.section.line,
  );
}

/** The place a keyword stands for: the term's explanation, else the best section titled by it. */
export function locateKeyword(keyword: string, index: Pick<DiagramIndex, 'sections' | 'term'>, topic?: Topic): NodeTarget | undefined {
  const k = keyword.trim();
  if (!k) return undefined;
  const term = index.term(k);
  if (term) return { file: term.file, line: term.line, keyword: k, via: 'term' };
  let found: { section: Section; score: number } | undefined;
  for (const section of index.sections()) {
    const score = titleMatch(section.title, k);
    if (!score || (score < 3 && topic && !topicFits(topic, section.topic))) continue;
    if (!found || score > found.score) found = { section, score };
  }
  return found && { file: found.section.file, line: found.section.line, keyword: k, via: 'section' };
}

const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'then', 'back', 'on', 'of', 'to', 'in', 'or', 'is', 'a', 'an']);

/**
 * Where a click on a node should go. `nodeId` is the Mermaid id (or sequence participant), `label`
 * the text shown. Built-in diagrams go through `nodeLinks` first; any diagram then tries the label,
 * the id, and the label's words as term names or section titles. Note blocks fall back to the block.
 */
export function locateNode(
  diagram: DiagramSource,
  node: { nodeId: string; label?: string },
  index: Pick<DiagramIndex, 'sections' | 'term'>,
): NodeTarget | undefined {
  const builtin = diagram.kind === 'builtin' ? builtinDiagram(diagram.id) : undefined;
  const label = (node.label ?? '').replace(/\s+/g, ' ').trim();
  const candidates: string[] = [];
  const add = (k: string | undefined) => {
    const t = k?.trim();
    if (t && !candidates.includes(t)) candidates.push(t);
  };
  if (builtin) {
    add(builtin.nodeLinks[node.nodeId]);
    add(builtin.nodeLinks[label]);
  }
  add(label);
  add(label.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' '));
  add(node.nodeId);
  for (const word of label.split(/[\s,:;()[\]{}"'=+/]+/)) {
    if (word.length >= 3 && !STOP_WORDS.has(word.toLowerCase()) && !/^\d+$/.test(word)) add(word);
  }
  for (const keyword of candidates) {
    const target = locateKeyword(keyword, index, diagram.topic);
    if (target) return target;
  }
  if (builtin) {
    const [first] = linkDiagramToSections(builtin, index);
    if (first) return { file: first.section.file, line: first.section.line, keyword: first.keyword, via: 'section' };
  }
  if (diagram.file && diagram.line) return { file: diagram.file, line: diagram.line, keyword: label || node.nodeId, via: 'block' };
  return undefined;
}

/** The diagrams a hover offers for what it matched (the extension's hover and the CLI's `hover` both ask this). */
export function diagramsForMatch(index: TermDiagramIndex, match: Pick<TermMatch, 'key' | 'matched' | 'viaGlossary'>): DiagramRef[] {
  return diagramsForTerm(index, match.key, diagramWord(match).word);
}

/**
 * Diagrams to offer next to a term (hover, tree): built-in diagrams whose keywords name the term or
 * whose illustrated sections contain its explanation, then the mermaid blocks of the section that
 * explains it.
 */
export function diagramsForTerm(index: TermDiagramIndex, key: string, codeWord?: string): DiagramRef[] {
  const term = index.term(key);
  // The word in the code counts too: `RTCPeerConnection` reaches the notes' "WebRTC" through the glossary, and the
  // signalling diagram draws RTCPeerConnection, not WebRTC.
  const names = new Set<string>([termKey(key), ...(codeWord ? [termKey(codeWord)] : [])]);
  if (term) {
    names.add(termKey(term.term));
    for (const alias of term.allAliases) names.add(termKey(alias));
    for (const alias of term.aliases) names.add(termKey(alias));
  }
  names.delete('');
  // Only the term's own note is read: this runs on every hover, so it must not walk the corpus.
  const note = term ? index.note(term.file) : undefined;
  const home = term && note ? sectionContaining(note.sections, term.file, term.line) : undefined;

  const out: DiagramRef[] = [];
  for (const d of BUILTIN_DIAGRAMS) {
    // A term the diagram can light up (sem_wait → Waiting) is one it illustrates.
    const keywords = [...d.illustrates, ...Object.values(d.nodeLinks), ...Object.keys(d.highlights ?? {})].map(termKey);
    const named = keywords.some((k) => names.has(k));
    const topicOk = !term || topicFits(d.topic, term.topic);
    const inIllustratedSection =
      !!home &&
      d.illustrates.some((k) => {
        const score = titleMatch(home.title, k);
        return score === 3 || (score === 2 && topicFits(d.topic, home.topic));
      });
    if ((named && topicOk) || inIllustratedSection)
      out.push({ id: d.id, title: d.title, kind: 'builtin', highlight: highlightFor(d, names) });
  }
  if (home && note) {
    for (const block of note.diagrams) {
      if (block.sectionId === home.id) out.push({ id: block.id, title: block.title, kind: 'note' });
    }
  }
  return out;
}
