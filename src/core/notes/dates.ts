/**
 * Days as people write them: headings and first lines (`1월 13일 TIL`, `0114 TIL`, `2025-01-13`, `TIL 2025.01.13`,
 * `TIL on May 15th, 2022`, `15 May 2022`), file names (`2025-01-13.md`, `05-15-2022.md`, `20250113.md`, `250113.md`)
 * and date folders (`2022/05/15/…`). Every date is checked against the calendar, and a year must look like one
 * (1990–2099), so a problem id (`1167-11-09`) or a count is never read as a date.
 */

export interface DayDate {
  /** ISO `YYYY-MM-DD` when the year is known, else `MM-DD`. */
  date: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
// Full names or abbreviations only: `10 Decisions` is not the 10th of December.
const MONTH_NAME =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?(?![a-z])';
const MIN_YEAR = 1990;
const MAX_YEAR = 2099;
/** Longer "headings" are prose; the guard also keeps every pattern below linear in practice. */
const MAX_HEADING = 120;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar-checked date, or undefined: `2월 31일`, `2025-02-30` and year 1167 are not days. */
export function calendarDate(year: number | undefined, month: number, day: number): DayDate | undefined {
  if (year !== undefined && (year < MIN_YEAR || year > MAX_YEAR)) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(month, year)) return undefined;
  return { date: year !== undefined ? `${year}-${pad(month)}-${pad(day)}` : `${pad(month)}-${pad(day)}` };
}

const twoDigitYear = (yy: number) => 2000 + yy;
const monthOf = (name: string) => MONTHS[name.toLowerCase().slice(0, 3)];

const PREFIX = /^(?:TIL|today i learned|오늘 배운 것|오늘의 학습)?(?:\s+on)?[\s:\-–—|[\]()]*/i;
// What may follow the date: "TIL", a weekday in brackets, a separator and a short label; nothing that reads as a sentence.
// Matched against the trimmed rest: two `\s*` around an optional separator backtrack quadratically on long spaces.
const SUFFIX_OK = /^[-–—:|)\]]?\s*(?:TIL\b.*|\(.{0,20}\).*|\[.{0,20}\].*|[-–—:|].*)?$/i;
/** After `TIL <date>` a short title may follow (`TIL 2022 10 18 Tech Interview`): the marker already says it is a day. */
const MAX_TIL_TITLE = 60;

type Reader = (m: RegExpMatchArray) => DayDate | undefined;
// Order matters: longer, more specific forms first.
const HEADING_FORMS: Array<[RegExp, Reader]> = [
  [/^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/, (m) => calendarDate(+m[1], +m[2], +m[3])],
  [/^(\d{1,2})\s*월\s*(\d{1,2})\s*일/, (m) => calendarDate(undefined, +m[1], +m[2])],
  [/^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?/, (m) => calendarDate(+m[1], +m[2], +m[3])],
  // `TIL 2022 10 18`: the parts separated by single spaces (a year must look like one, so counts are not read).
  [/^(\d{4}) (\d{1,2}) (\d{1,2})(?!\d)/, (m) => calendarDate(+m[1], +m[2], +m[3])],
  // US order (`05-15-2022`, `5/15/2022`); day first when the first number cannot be a month.
  [/^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?!\d)/, (m) => (+m[1] > 12 ? calendarDate(+m[3], +m[2], +m[1]) : calendarDate(+m[3], +m[1], +m[2]))],
  [/^(\d{2})\.(\d{2})\.(\d{2})(?![\d.])/, (m) => calendarDate(twoDigitYear(+m[1]), +m[2], +m[3])],
  [/^(\d{4})(\d{2})(\d{2})(?!\d)/, (m) => calendarDate(+m[1], +m[2], +m[3])],
  [/^(\d{2})(\d{2})(\d{2})(?!\d)/, (m) => calendarDate(twoDigitYear(+m[1]), +m[2], +m[3])],
  [new RegExp(`^${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?!\\d)`, 'i'), (m) => calendarDate(m[3] ? +m[3] : undefined, monthOf(m[1]), +m[2])],
  [new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME},?(?:\\s+(\\d{4}))?(?!\\d)`, 'i'), (m) => calendarDate(m[3] ? +m[3] : undefined, monthOf(m[2]), +m[1])],
];

export function parseDayHeading(heading: string): DayDate | undefined {
  const trimmed = heading.normalize('NFC').trim();
  if (trimmed.length > MAX_HEADING) return undefined;
  const text = trimmed.replace(PREFIX, '');
  const tilMarked = /^(?:TIL|today i learned)\b/i.test(trimmed);
  for (const [pattern, read] of HEADING_FORMS) {
    const m = text.match(pattern);
    if (!m) continue;
    const found = read(m);
    const rest = text.slice(m[0].length).trim();
    return found && (SUFFIX_OK.test(rest) || (tilMarked && rest.length <= MAX_TIL_TITLE)) ? found : undefined;
  }
  // `0114 TIL`: four digits alone are too ambiguous (a problem id, a year) without the TIL marker.
  const m = text.match(/^(\d{2})(\d{2})(?!\d)/);
  if (m && (/^\d{4}\s*TIL\b/i.test(text) || /^TIL/i.test(trimmed))) {
    const found = calendarDate(undefined, +m[1], +m[2]);
    return found && SUFFIX_OK.test(text.slice(m[0].length).trim()) ? found : undefined;
  }
  return undefined;
}

/**
 * A note's first line as a day (`TIL on May 15th, 2022`, `Date: 2022-05-15`): only a line that says it is a TIL
 * or a date line, so a sentence that happens to start with a number is not a day.
 */
export function parseDayLine(line: string): DayDate | undefined {
  const text = line.normalize('NFC').trim().replace(/^(?:date|날짜|작성일)\s*[:：]\s*/i, '');
  return parseDayHeading(text);
}

// File names: each form is tried where a run of digits starts; `(?!\d)` keeps it from ending inside one.
const NAME_FORMS: Array<[RegExp, Reader]> = [
  [/(\d{4})[-._](\d{1,2})[-._](\d{1,2})(?!\d)/, (m) => calendarDate(+m[1], +m[2], +m[3])],
  // `2022 10 19 Webpack.md`: single spaces, as some people name files.
  [/(\d{4}) (\d{2}) (\d{2})(?!\d)/, (m) => calendarDate(+m[1], +m[2], +m[3])],
  [/(\d{1,2})[-._](\d{1,2})[-._](\d{4})(?!\d)/, (m) => (+m[1] > 12 ? calendarDate(+m[3], +m[2], +m[1]) : calendarDate(+m[3], +m[1], +m[2]))],
  [/(\d{4})(\d{2})(\d{2})(?!\d)/, (m) => calendarDate(+m[1], +m[2], +m[3])],
  [/(\d{2})[._-](\d{2})[._-](\d{2})(?![\d._-])/, (m) => calendarDate(twoDigitYear(+m[1]), +m[2], +m[3])],
  [/(\d{2})(\d{2})(\d{2})(?!\d)/, (m) => calendarDate(twoDigitYear(+m[1]), +m[2], +m[3])],
];

function isDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * A date in a note's path: `2025-01-13.md`, `05-15-2022.md`, `20250113-os.md`, `250113.md`, `til-2025.01.13.md`,
 * or folders `2022/05/15/notes.md`, `2022/05/15.md`, `2022/05-15.md`.
 */
export function dateFromFileName(path: string): DayDate | undefined {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  const name = (parts.pop() ?? '').replace(/\.[A-Za-z]{1,9}$/, '');
  // Tried at every start of a digit run, so a problem id before the date (`boj-1167-2022-05-15`) does not hide it.
  for (const [pattern, read] of NAME_FORMS) {
    const sticky = new RegExp(pattern.source, 'y');
    for (let i = 0; i < name.length; i++) {
      if (!isDigit(name, i) || isDigit(name, i - 1)) continue;
      sticky.lastIndex = i;
      const m = sticky.exec(name);
      const found = m ? read(m) : undefined;
      if (found) return found;
    }
  }
  return dateFromFolders(parts, name);
}

function dateFromFolders(folders: string[], fullName: string): DayDate | undefined {
  // `2022/10/TIL1018 Tech Interview.md`, `2022/10/TIL20 Without CRA.md`: the TIL marker before the day.
  const name = fullName.replace(/^TIL[-_ ]?(?=\d)/i, '');
  const year = (s: string | undefined) => (s !== undefined && /^\d{4}$/.test(s) ? +s : undefined);
  const num = (s: string | undefined) => (s !== undefined && /^\d{1,2}$/.test(s) ? +s : undefined);
  const n = folders.length;
  // 2022/05/15/notes.md
  if (n >= 3 && year(folders[n - 3]) && num(folders[n - 2]) && num(folders[n - 1])) {
    return calendarDate(year(folders[n - 3]), num(folders[n - 2])!, num(folders[n - 1])!);
  }
  // 2022/10/1018-title.md (month and day, in a year or year/month folder)
  const monthDay4 = name.match(/^(\d{2})(\d{2})(?!\d)/);
  if (monthDay4 && name !== fullName) {
    const y = n >= 2 && year(folders[n - 2]) && num(folders[n - 1]) ? year(folders[n - 2]) : year(folders[n - 1]);
    if (y) return calendarDate(y, +monthDay4[1], +monthDay4[2]);
  }
  // 2022/05/15.md or 2022/05/15-title.md
  const leadingDay = name.match(/^(\d{1,2})(?:$|[-_ ]\D|_)/);
  if (n >= 2 && year(folders[n - 2]) && num(folders[n - 1]) && leadingDay) {
    return calendarDate(year(folders[n - 2]), num(folders[n - 1])!, +leadingDay[1]);
  }
  // 2022/05-15.md
  const monthDay = name.match(/^(\d{1,2})[-._](\d{1,2})(?!\d)/);
  if (n >= 1 && monthDay) {
    const y = year(folders[n - 1]) ?? (n >= 2 ? year(folders[n - 2]) : undefined);
    if (y) return calendarDate(y, +monthDay[1], +monthDay[2]);
  }
  return undefined;
}

/** A year the note's path states (`TIL/2022/…`), used to place `MM-DD` days. */
export function yearFromPath(path: string): number | undefined {
  const full = dateFromFileName(path);
  if (full && full.date.length === 10) return +full.date.slice(0, 4);
  for (const part of path.split(/[\\/]/).reverse()) {
    if (/^\d{4}$/.test(part) && +part >= MIN_YEAR && +part <= MAX_YEAR) return +part;
  }
  return undefined;
}

/** Front matter `date:` as written (string or YAML date). */
const MAX_DATE_TEXT = 200;

export function dateFromFrontMatter(value: unknown): DayDate | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  // A date is short; a long string (100k spaces in a hostile note) is not one, and is not scanned.
  if (typeof value === 'string' && value.length <= MAX_DATE_TEXT) return parseDayHeading(value) ?? dateFromFileName(value);
  return undefined;
}
