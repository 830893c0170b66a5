import { safeNoteMarkdown } from '../hover/safeMarkdown';

/**
 * A note passage made fit for a trusted hover: cut to a length, bold that CommonMark would leave as
 * literal `**` in Korean text unwrapped, then made safe (no link, image, HTML or autolink of the
 * note's survives; see safeNoteMarkdown). Linear in the passage's length.
 */
const MAX_BLOCKS = 3;

export function hoverExcerpt(markdown: string, maxChars: number): string {
  // Cut first (with room for markup that is dropped), so a huge passage costs its excerpt, not its size.
  let text = markdown
    .slice(0, maxChars * 4)
    // `**괄호(Term)**는`: a closing ** after punctuation and before a letter does not close; show plain text.
    .replace(/\*\*([^*\n]*?[)\]'"”’.!?])\*\*(?=[\p{L}\p{N}])/gu, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  // A hover is a glance: at most a few blocks (a section of short paragraphs made a wall of text), fences kept whole.
  const blocks = text.split(/\n\n/);
  if (blocks.length > MAX_BLOCKS && !text.includes('```') && !text.includes('~~~')) text = blocks.slice(0, MAX_BLOCKS).join('\n\n') + ' …';
  if (text.length > maxChars) {
    const cut = text.slice(0, maxChars);
    const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('다.'), cut.lastIndexOf('\n'));
    text = (end > maxChars / 2 ? cut.slice(0, end + 1) : cut).trimEnd() + ' …';
  }
  return safeNoteMarkdown(text);
}
