/**
 * Which encoding a note's bytes are in, and its text. Notes are UTF-8 nearly always; what else turns up:
 * - UTF-16 (Windows editors, PowerShell `>` redirection) with a byte order mark, or without one (told by its
 *   zero bytes);
 * - EUC-KR / CP949, the legacy Korean encodings (old Windows Notepad), decoded by the caller's CP949 decoder:
 *   the parse worker passes iconv-lite's (cp949.ts: the Unified Hangul Code superset of EUC-KR). Without one,
 *   TextDecoder('euc-kr'): Node's ICU decoder knows only the KS X 1001 syllables and silently drops the lead byte
 *   of the 8,822 others (똠, 햏), even with `fatal`. That fallback serves the extension host, which reads only
 *   glossary files and keeps iconv-lite's ~480 KB of tables out of its bundle.
 * A legacy file is used only when it decodes cleanly and reads as Korean; otherwise the message names the
 * encoding it seems to be in, so the user knows what to convert from. Linear in the size.
 */
import type { Problem } from '../model';

export type NoteEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'euc-kr';

/** Bytes in CP949 (or EUC-KR) → text, invalid bytes as U+FFFD. */
export type Cp949Decoder = (bytes: Uint8Array) => string;

/** ICU's EUC-KR (KS X 1001 only); a Node built without full ICU has none, and then nothing reads as Korean. */
const icuEucKr: Cp949Decoder = (bytes) => {
  try {
    return new TextDecoder('euc-kr').decode(bytes);
  } catch {
    return '\uFFFD';
  }
};

export interface DecodedBytes {
  text: string;
  encoding: NoteEncoding;
  problems: Problem[];
}

const SAVE_AS_UTF8 = 'Save it as UTF-8 to be sure it reads right.';

export function decodeBytes(file: string, bytes: Uint8Array, cp949: Cp949Decoder = icuEucKr): DecodedBytes {
  const problems: Problem[] = [];
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16.encoding, { ignoreBOM: false }).decode(bytes);
    if (!utf16.bom) problems.push(info(file, `The file has no byte order mark and was read as ${label(utf16.encoding)}. ${SAVE_AS_UTF8}`));
    if (text.includes('\uFFFD')) problems.push(replaced(file, text, `The file is ${label(utf16.encoding)} with bytes that are not valid in it; they were replaced with \uFFFD. Save it as UTF-8.`));
    return { text, encoding: utf16.encoding, problems };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', problems };

  const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  // UTF-8 Korean with a few broken bytes stays UTF-8: CP949 accepts most byte pairs, and would turn it into
  // other Hangul. EUC-KR read as UTF-8 gives replacement characters, hardly any Hangul.
  if (count(lenientUtf8, isHangul) <= count(lenientUtf8, (c) => c === 0xfffd)) {
    const korean = cp949(bytes);
    if (!korean.includes('\uFFFD') && readsAsKorean(korean)) {
      problems.push(info(file, `The file is not UTF-8; it was read as EUC-KR (CP949). ${SAVE_AS_UTF8}`));
      return { text: korean, encoding: 'euc-kr', problems };
    }
    const lenientKorean = korean;
    if (readsAsKorean(lenientKorean)) {
      problems.push(replaced(file, lenientKorean, 'The file looks like EUC-KR (CP949) but has bytes that are not valid in it; they were replaced with \uFFFD. Convert it from EUC-KR (CP949) to UTF-8.'));
      return { text: lenientKorean, encoding: 'euc-kr', problems };
    }
  }
  problems.push(replaced(file, lenientUtf8, 'The file is not valid UTF-8; unreadable bytes were replaced with \uFFFD. Save it as UTF-8.'));
  return { text: lenientUtf8, encoding: 'utf-8', problems };
}

function label(encoding: NoteEncoding): string {
  return encoding === 'utf-16le' ? 'UTF-16 (little-endian)' : encoding === 'utf-16be' ? 'UTF-16 (big-endian)' : encoding.toUpperCase();
}

function tryDecode(encoding: 'utf-8', bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A BOM, or (without one) zero bytes in most even or most odd positions of the start: ASCII as UTF-16. */
function utf16Of(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return { encoding: 'utf-16le', bom: false };
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return { encoding: 'utf-16be', bom: false };
  return undefined;
}

/**
 * Korean text, not Latin-1 or other bytes that CP949 happens to accept: most characters outside ASCII are
 * Hangul syllables or jamo (Hanja and symbols appear in Korean text, but not as the bulk of it).
 */
function readsAsKorean(text: string): boolean {
  const hangul = count(text, isHangul);
  return hangul >= 2 && hangul >= count(text, (c) => c >= 0x80 && !isHangul(c)) * 2;
}

/** Hangul syllables and compatibility jamo. */
function isHangul(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3131 && c <= 0x318e);
}

function count(text: string, test: (code: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (test(text.charCodeAt(i))) n++;
  return n;
}

function info(file: string, message: string): Problem {
  return { file, severity: 'info', code: 'encoding', message };
}

function replaced(file: string, text: string, message: string): Problem {
  const at = text.indexOf('\uFFFD');
  const line = at < 0 ? undefined : count(text.slice(0, at), (c) => c === 10) + 1;
  return { file, line, severity: 'warning', code: 'invalid-utf8', message };
}
