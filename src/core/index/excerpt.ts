/**
 * A note passage made fit for a hover: no raw HTML, no images (their relative paths do not resolve there),
 * bold that CommonMark would leave as literal `**` in Korean text unwrapped, and cut to a length.
 */
export function hoverExcerpt(markdown: string, maxChars: number): string {
  let text = markdown
    .replace(/!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?/g, '')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    // `**괄호(Term)**는`: a closing ** after punctuation and before a letter does not close; show plain text.
    .replace(/\*\*([^*\n]*?[)\]'"”’.!?])\*\*(?=[\p{L}\p{N}])/gu, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length > maxChars) {
    const cut = text.slice(0, maxChars);
    const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('다.'), cut.lastIndexOf('\n'));
    text = (end > maxChars / 2 ? cut.slice(0, end + 1) : cut).trimEnd() + ' …';
    // An excerpt cut inside a code fence would swallow the links below it.
    if ((text.match(/^```/gm)?.length ?? 0) % 2 === 1) text += '\n```';
  }
  return text;
}
