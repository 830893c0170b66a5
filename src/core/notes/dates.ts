/** Recognise TIL day headings in the styles people write them: `1월 13일 TIL`, `0114 TIL`, `2025-01-13`, `TIL 2025.01.13`. */

export interface DayDate {
  /** ISO `YYYY-MM-DD` when the year is known, else `MM-DD`. */
  date: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function make(year: number | undefined, month: number, day: number): DayDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return { date: year ? `${year}-${pad(month)}-${pad(day)}` : `${pad(month)}-${pad(day)}` };
}

const PREFIX = /^(?:TIL|today i learned)?[\s:\-–—|[\]()]*/i;
// What may follow the date: "TIL", a separator and a short label; nothing that reads as a sentence.
const SUFFIX_OK = /^(?:\s*[-–—:|)\]]?\s*(?:TIL\b.*|\(.{0,20}\).*|[-–—:|].*)?|\s*)$/i;

export function parseDayHeading(heading: string): DayDate | undefined {
  const text = heading.normalize('NFC').trim().replace(PREFIX, '');
  let m: RegExpMatchArray | null;
  let found: DayDate | undefined;
  let rest = '';
  if ((m = text.match(/^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일/))) {
    found = make(+m[1], +m[2], +m[3]);
  } else if ((m = text.match(/^(\d{1,2})\s*월\s*(\d{1,2})\s*일/))) {
    found = make(undefined, +m[1], +m[2]);
  } else if ((m = text.match(/^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?/))) {
    found = make(+m[1], +m[2], +m[3]);
  } else if ((m = text.match(/^(\d{4})(\d{2})(\d{2})(?!\d)/))) {
    found = make(+m[1], +m[2], +m[3]);
  } else if ((m = text.match(/^(\d{2})(\d{2})(\d{2})(?!\d)/))) {
    found = make(2000 + +m[1], +m[2], +m[3]);
  } else if ((m = text.match(/^(\d{2})(\d{2})(?!\d)/))) {
    // `0114 TIL`: four digits alone are too ambiguous without the TIL marker.
    if (/^\d{4}\s*TIL\b/i.test(text) || /^TIL/i.test(heading.trim())) found = make(undefined, +m[1], +m[2]);
  } else if ((m = text.match(/^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?/i))) {
    found = make(m[3] ? +m[3] : undefined, MONTHS[m[1].toLowerCase()], +m[2]);
  }
  if (!found || !m) return undefined;
  rest = text.slice(m[0].length);
  return SUFFIX_OK.test(rest) ? found : undefined;
}

/** A date in a file name such as `2025-01-13.md`, `20250113-os.md` or `til-2025.01.13.md`. */
export function dateFromFileName(path: string): DayDate | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const m = name.match(/(?:^|\D)(\d{4})[-._]?(\d{2})[-._]?(\d{2})(?:\D|$)/);
  return m ? make(+m[1], +m[2], +m[3]) : undefined;
}

/** Front matter `date:` as written (string or YAML date). */
export function dateFromFrontMatter(value: unknown): DayDate | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return make(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'string') return parseDayHeading(value) ?? dateFromFileName(value);
  return undefined;
}
