import type { NoteIndex } from './noteIndex';
import { termKey } from '../text';

/** One thing the search lists: a question, a term or a section, at its place in the notes. */
export interface SearchEntry {
  kind: 'question' | 'term' | 'section';
  title: string;
  /** What else the place is called: a term's other names, and the names of what was folded into it. */
  alsoCalled: string[];
  /**
   * Names that only restate the title or another name (`Web RTC` beside `WebRTC`, the title with a remark in
   * parentheses): not shown as other names, still found by `foundByName`.
   */
  restated: string[];
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
      restated: [],
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
      alsoCalled: [],
      restated: [],
      passage: t.summary,
      file: t.file,
      line: t.line,
    };
    addNames(entry, t.allAliases);
    byPlace.set(at(t.file, t.line), entry);
    terms.push(entry);
  }
  const sections: SearchEntry[] = [];
  for (const s of index.sections()) {
    const taken = byPlace.get(at(s.file, s.line));
    // The heading a question or a term was read from is where its name came from, not another name.
    if (taken) {
      addNames(taken, [s.title], { restating: true });
      continue;
    }
    const entry: SearchEntry = { kind: 'section', title: s.title, alsoCalled: [], restated: [], passage: '', file: s.file, line: s.line };
    byPlace.set(at(s.file, s.line), entry);
    sections.push(entry);
  }
  return [...terms, ...questions, ...sections];
}

/**
 * Names the entry does not say yet: another name joins `alsoCalled`; one that only restates the title (the title plus
 * a parenthetical, a heading the name was read from) joins `restated`. One spelling of a name is enough (`foundByName`
 * finds the others), and a name within the title (a heading question's term, a plural's singular) is in the label.
 */
function addNames(entry: SearchEntry, names: readonly string[], { restating = false } = {}): void {
  const title = entry.title.toLowerCase();
  const said = new Set([entry.title, ...entry.alsoCalled, ...entry.restated].map(termKey));
  for (const name of names) {
    const key = termKey(name);
    if (said.has(key)) continue;
    said.add(key);
    if (title.includes(name.toLowerCase())) continue;
    if (restating || restatesTitle(entry.title, name)) entry.restated.push(name);
    else entry.alsoCalled.push(name);
  }
}

/** A remark in parentheses at the end: `Deployment YAML 생성 (생성하지 않음)`. */
const TRAILING_PARENTHETICAL = /\s*[(（][^()（）]*[)）]\s*$/u;

/** `name` is the title again, give or take a parenthetical at the end of either and its spelling. */
function restatesTitle(title: string, name: string): boolean {
  const bare = (text: string) => termKey(text.replace(TRAILING_PARENTHETICAL, ''));
  return bare(name) === bare(title);
}

/**
 * Whether a search for `query` finds the entry by one of its names, spelled any way (`web rtc` finds `WebRTC`). The
 * quick pick matches only what it shows; the search shows entries this finds besides.
 */
export function foundByName(entry: SearchEntry, query: string): boolean {
  const key = termKey(query);
  return key.length > 0 && [entry.title, ...entry.alsoCalled, ...entry.restated].some((name) => termKey(name).includes(key));
}
