import type { Problem } from '../model';
import { decodeBytes, type Cp949Decoder } from './encoding';

export interface DecodedNote {
  text: string;
  problems: Problem[];
}

/**
 * Bytes → text the parser can trust: decoded (UTF-8, UTF-16, EUC-KR/CP949: see encoding.ts; invalid bytes
 * replaced and reported), no BOM, LF line endings, NFC (macOS writes decomposed Hangul).
 */
export function decodeNote(file: string, bytes: Uint8Array, cp949?: Cp949Decoder): DecodedNote {
  const { text, problems } = decodeBytes(file, bytes, cp949);
  return { text: normaliseText(text), problems };
}

export function normaliseText(text: string): string {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  // NFC only when needed: normalising is a copy of the whole text.
  return /[\u1100-\u11FF]|[\u0300-\u036F]/.test(text) ? text.normalize('NFC') : text;
}

const MAX_CONTAINER_DEPTH = 32;
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+/;
const MAX_INDENT = 128;

/**
 * Deeply nested blockquotes/lists make Markdown parsers recurse once per level; flatten them beyond a
 * sane depth so a hostile or broken note cannot exhaust the stack. Returns the text unchanged when fine.
 */
export function limitNesting(file: string, text: string, problems: Problem[]): string {
  // Any mix of markers counts: `> - 1. ` repeated is as deep as `>` repeated.
  if (!/(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*){16}|[ \t]{129}/.test(text)) return text;
  let firstLine = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const prefix = line.match(CONTAINER_PREFIX)?.[0];
    if (prefix) {
      const markers = prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? [];
      if (markers.length > MAX_CONTAINER_DEPTH) {
        lines[i] = markers.slice(0, MAX_CONTAINER_DEPTH).join(' ') + ' ' + line.slice(prefix.length).trimStart();
        firstLine ||= i + 1;
        continue;
      }
    }
    const indent = line.length - line.trimStart().length;
    if (indent > MAX_INDENT) {
      lines[i] = line.slice(0, MAX_INDENT) + line.trimStart();
      firstLine ||= i + 1;
    }
  }
  if (!firstLine) return text;
  problems.push({
    file, line: firstLine, severity: 'warning', code: 'too-deep',
    message: `Blockquotes or lists are nested more than ${MAX_CONTAINER_DEPTH} levels deep; deeper levels were flattened.`,
  });
  return lines.join('\n');
}
