import type { ParsedNote } from '../model';
import { yearFromPath } from '../notes/dates';

/** For each `MM-DD` day of a note, the year of the nearest dated day before it in the note (else after it, else the path's). */
export function yearsForMonthDays(note: ParsedNote): Map<string, number> {
  const out = new Map<string, number>();
  const days = note.days;
  if (!days.some((d) => d.date?.length === 5)) return out;
  const pathYear = yearFromPath(note.file);
  let previous: string | undefined;
  const pending: string[] = [];
  for (const day of days) {
    if (day.date?.length === 10) {
      previous = day.date;
      for (const id of pending.splice(0)) out.set(id, +day.date.slice(0, 4));
    } else if (day.date?.length === 5) {
      // Past the year's end (`12-30` then `01-02`): the next year.
      if (previous) out.set(day.id, +previous.slice(0, 4) + (day.date < previous.slice(5) ? 1 : 0));
      else pending.push(day.id);
    }
  }
  if (pathYear) for (const id of pending) out.set(id, pathYear);
  return out;
}
