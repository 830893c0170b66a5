import type { NoteIndex } from './noteIndex';

/** One thing the search lists: a question, a term or a section, at its place in the notes. */
export interface SearchEntry {
  kind: 'question' | 'term' | 'section';
  title: string;
  /** What else the place is called: a term's other names, and the names of what was folded into it. */
  alsoCalled: string[];
  /** The passage to preview, as Markdown (empty: none). */
  passage: string;
  file: string;
  line: number;
}

type SearchIndex = Pick<NoteIndex, 'terms' | 'cardGroups' | 'sections'>;

/**
 * The search's entries, each place of the notes once. One line of a note is often read several ways: a heading
 * that asks a question is a section and a question, `## Deployments` a section and a term, `**세마포어란?**` a
 * question and a term. The question keeps the place (it is what the user wrote down to learn), then the term (it has
 * a passage to preview); what else was read there joins its `alsoCalled`, so searching for that name still finds it.
 * Terms, then questions, then sections, as the quick pick lists them. Linear in what the index holds.
 */
export function searchEntries(index: SearchIndex): SearchEntry[] {
  const byPlace = new Map<string, SearchEntry>();
  const at = (file: string, line: number) => `${line}\0${file}`;
  const questions: SearchEntry[] = [];
  for (const group of index.cardGroups()) {
    const first = group.places[0];
    if (!first) continue;
    const entry: SearchEntry = {
      kind: 'question',
      title: group.question,
      alsoCalled: [],
      passage: group.answer,
      file: first.file,
      line: first.line,
    };
    // A question written on several days is one entry: each of its places is taken by it.
    for (const p of group.places) if (!byPlace.has(at(p.file, p.line))) byPlace.set(at(p.file, p.line), entry);
    questions.push(entry);
  }
  const terms: SearchEntry[] = [];
  for (const t of index.terms()) {
    const taken = byPlace.get(at(t.file, t.line));
    if (taken) {
      addNames(taken, [t.term, ...t.allAliases]);
      continue;
    }
    const entry: SearchEntry = {
      kind: 'term',
      title: t.term,
      alsoCalled: [...t.allAliases],
      passage: t.summary,
      file: t.file,
      line: t.line,
    };
    byPlace.set(at(t.file, t.line), entry);
    terms.push(entry);
  }
  const sections: SearchEntry[] = [];
  for (const s of index.sections()) {
    const taken = byPlace.get(at(s.file, s.line));
    if (taken) {
      addNames(taken, [s.title]);
      continue;
    }
    const entry: SearchEntry = { kind: 'section', title: s.title, alsoCalled: [], passage: '', file: s.file, line: s.line };
    byPlace.set(at(s.file, s.line), entry);
    sections.push(entry);
  }
  return [...terms, ...questions, ...sections];
}

/** Names not yet said by the entry (its title or another name), compared without case. */
function addNames(entry: SearchEntry, names: readonly string[]): void {
  const said = new Set([entry.title, ...entry.alsoCalled].map((n) => n.toLowerCase()));
  for (const name of names) {
    const key = name.toLowerCase();
    // A heading question's title is its question: nothing to add.
    if (said.has(key) || entry.title.toLowerCase().includes(key)) continue;
    said.add(key);
    entry.alsoCalled.push(name);
  }
}
