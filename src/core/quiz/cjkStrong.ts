/**
 * `**프로브(Probe)**는`: Korean puts a particle straight after a closing bracket, and CommonMark closes `**` after
 * punctuation only when a space or punctuation follows, so VS Code's renderer (which the quiz uses for answers) shows
 * the asterisks. Such a pair, and its mirror (`는**(Probe)**`), is written as `<strong>…</strong>` instead: raw
 * inline HTML the renderer passes through, its content still read as Markdown, and a tag the sanitiser allows.
 * Code spans and fenced code are left alone. One pass per line, linear in the text.
 */
const PAIR = /\*\*(?=[^\s*])([^*\n]*?[^\s*])\*\*/g;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WORD = /[\p{L}\p{N}]/u;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function strongForCjk(markdown: string): string {
  if (!markdown.includes('**')) return markdown;
  let fence = '';
  return markdown
    .split('\n')
    .map((line) => {
      const open = FENCE.exec(line);
      if (fence) {
        if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = '';
        return line;
      }
      if (open) {
        fence = open[1];
        return line;
      }
      // Odd pieces of the split are code spans (`…`), kept as written.
      return line
        .split(/(`+[^`]*`+)/)
        .map((piece, i) => (i % 2 ? piece : strongPairs(piece)))
        .join('');
    })
    .join('\n');
}

function strongPairs(text: string): string {
  return text.replace(PAIR, (whole, inner: string, at: number) => {
    const before = text[at - 1] ?? ' ';
    const after = text[at + whole.length] ?? ' ';
    const closesBadly = PUNCTUATION.test(inner[inner.length - 1]) && WORD.test(after);
    const opensBadly = PUNCTUATION.test(inner[0]) && WORD.test(before);
    return closesBadly || opensBadly ? `<strong>${inner}</strong>` : whole;
  });
}
