// The days of the notes, merged by date across files. A note's own part (its days with their sections and cards,
// and the years its `MM-DD` days imply) is worked out once per parsed note and kept with it, so the days of the
// whole index cost a merge and a sort: the tree asks again after every burst of indexing, and working out every
// note's part each time held the extension host for tens of milliseconds at a few thousand notes.
import type { Card, Day, NoteSource, ParsedNote, Section } from '../model';
import { groupByDay } from './indexMaps';
import { yearsForMonthDays } from './dayYears';

export interface DayEntry {
  day: Day;
  sections: Section[];
  cards: Card[];
}

export interface DayGroup {
  key: string;
  title: string;
  date?: string;
  entries: DayEntry[];
}

interface NoteDay {
  key: string;
  entry: DayEntry;
  /** The year an `MM-DD` day of this note implies. */
  year?: number;
}

interface NoteDays {
  days: NoteDay[];
  /** The latest year a full date of this note names (0: none). */
  latestYear: number;
}

/** Parsed notes are not changed once made (an edit makes a new one), so a note's part can be kept with it. */
const partOf = new WeakMap<ParsedNote, NoteDays>();

/**
 * Works out a note's part now, so the next `dayGroups` over the whole index is only a merge and a sort: the index
 * calls this as each note comes in (a few microseconds each, in the slices that merge a load), instead of the first
 * ask after a load of thousands working out every note's part in one turn of the event loop.
 */
export function prepareNoteDays(note: ParsedNote): void {
  noteDays(note);
}

function noteDays(note: ParsedNote): NoteDays {
  let part = partOf.get(note);
  if (part) return part;
  const years = yearsForMonthDays(note);
  const sectionsByDay = groupByDay(note.sections);
  const cardsByDay = groupByDay(note.cards);
  let latestYear = 0;
  const days = note.days.map((day): NoteDay => {
    if (day.date?.length === 10) latestYear = Math.max(latestYear, +day.date.slice(0, 4));
    return {
      key: day.date ?? `${note.file}#${day.id}`,
      entry: { day, sections: sectionsByDay.get(day.id) ?? [], cards: cardsByDay.get(day.id) ?? [] },
      year: years.get(day.id),
    };
  });
  partOf.set(note, (part = { days, latestYear }));
  return part;
}

/** Days across the notes (given in file order), the same date in two files shown as one day. Oldest first, by real date. */
export function dayGroups(notes: Iterable<ParsedNote>, sources?: readonly NoteSource[]): DayGroup[] {
  const groups = new Map<string, DayGroup>();
  const yearHint = new Map<string, number>();
  let latestYear = 0;
  for (const note of notes) {
    if (sources && !sources.includes(note.source ?? 'workspace')) continue;
    const part = noteDays(note);
    latestYear = Math.max(latestYear, part.latestYear);
    for (const { key, entry, year } of part.days) {
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, title: entry.day.title, date: entry.day.date, entries: [] }));
      group.entries.push(entry);
      if (year && !yearHint.has(key)) yearHint.set(key, year);
    }
  }
  const sortable = (group: DayGroup): string => {
    if (!group.date) return `~${group.title}`;
    if (group.date.length === 10) return group.date;
    // `MM-DD` (no year written): the year its note implies, else the latest year the notes mention.
    const year = yearHint.get(group.key) ?? latestYear;
    return `${year ? String(year) : '0000'}-${group.date}`;
  };
  // Keys made once and compared as plain strings (dates sort as text; ICU collation for thousands of days held the
  // extension host for a tenth of a second); undated days, by title, last.
  const keyed = [...groups.values()].map((group) => ({ group, key: sortable(group) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.group);
}
