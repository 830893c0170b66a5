/**
 * Cards as a text file Anki imports (File → Import): tab-separated, one card a line, with Anki's
 * header lines naming the separator, the HTML setting, the columns and the tags column. Fields are
 * HTML: note text is escaped first, then only bold, inline code and line breaks are turned into tags,
 * so nothing from a note becomes markup of its own. Every field is quoted (Anki's CSV rules), and a
 * field that a spreadsheet would read as a formula gets a leading space. Linear in the cards' text.
 */
import type { CardGroup } from '../index/noteIndex';
import { escapeAttr, escapeText } from './sanitize';

export interface AnkiOptions {
  /** The link a card's source opens (e.g. a `vscode://file/…:line` URI); none: the place as text only. */
  sourceLink?: (file: string, line: number) => string | undefined;
  /** A built-in diagram's title for cards with no place in the notes. */
  diagramTitle?: (id: string) => string | undefined;
}

export const ANKI_COLUMNS = ['Front', 'Back', 'Tags', 'Source'] as const;

export function ankiTsv(cards: readonly CardGroup[], options: AnkiOptions = {}): string {
  const lines = ['#separator:tab', '#html:true', `#columns:${ANKI_COLUMNS.join('\t')}`, '#tags column:3'];
  for (const card of cards) {
    const tags = [card.topic, ...(card.kind ? [`til-${card.kind}`] : [])].map(tag).join(' ');
    lines.push([markdownLite(card.question), markdownLite(card.answer), tags, source(card, options)].map(field).join('\t'));
  }
  return lines.join('\n') + '\n';
}

/** Escaped text with **bold**, `code` and line breaks as HTML; nothing else from the text becomes a tag. */
export function markdownLite(markdown: string): string {
  return escapeText(markdown.replace(/\r\n?/g, '\n').trim())
    .replace(/\*\*([^*\n]+)\*\*/g, '<b>$1</b>')
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\n/g, '<br>');
}

function source(card: CardGroup, options: AnkiOptions): string {
  const place = card.places[0];
  if (!place) return escapeText(card.diagramId ? (options.diagramTitle?.(card.diagramId) ?? card.diagramId) : '');
  const name = `${baseName(place.file)}:${place.line}`;
  const href = options.sourceLink?.(place.file, place.line);
  return href ? `<a href="${escapeAttr(href)}">${escapeText(name)}</a>` : escapeText(name);
}

/** An Anki tag: no spaces (they separate tags). */
function tag(text: string): string {
  return text.replace(/\s+/g, '_');
}

/** Quoted for Anki's reader: tabs become spaces, quotes doubled; a formula-looking start is defused. */
function field(text: string): string {
  const flat = text.replace(/\t/g, ' ').replace(/\n/g, '<br>');
  const safe = /^[=+\-@]/.test(flat) ? ` ${flat}` : flat;
  return `"${safe.replace(/"/g, '""')}"`;
}

function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}
