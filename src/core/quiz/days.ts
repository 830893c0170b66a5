/**
 * Study days in the user's local time. A day starts at `DAY_START_HOUR` (4 a.m., as Anki does), so a
 * late-night session still counts for the evening it began in.
 */

export const DAY_START_HOUR = 4;
export const DAY_MS = 86_400_000;

/** The start of the study day that `now` falls in. */
export function studyDayStart(now: Date): Date {
  const d = new Date(now.getTime());
  if (d.getHours() < DAY_START_HOUR) d.setDate(d.getDate() - 1);
  d.setHours(DAY_START_HOUR, 0, 0, 0);
  return d;
}

/** The start of the next study day ("tomorrow" for buried cards). */
export function nextStudyDayStart(now: Date): Date {
  const d = studyDayStart(now);
  d.setDate(d.getDate() + 1);
  return d;
}

/** "2025-03-10": the study day of a moment, in local time. */
export function studyDayKey(at: Date): string {
  const d = studyDayStart(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The study-day keys of `count` days ending with the day of `now` (oldest first), or starting with it. */
export function studyDayKeys(now: Date, count: number, direction: 'past' | 'future'): string[] {
  const out: string[] = [];
  const start = studyDayStart(now);
  for (let i = 0; i < count; i++) {
    const d = new Date(start.getTime());
    d.setDate(d.getDate() + (direction === 'past' ? i - count + 1 : i));
    // Noon of that day, so DST shifts never move it across a boundary.
    d.setHours(12);
    out.push(studyDayKey(d));
  }
  return out;
}
