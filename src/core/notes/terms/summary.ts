const SUMMARY_CHARS = 600;
const READ_AHEAD = SUMMARY_CHARS * 4;

/** A section's text as a short summary: images and rules dropped, sub-headings shown as bold lines. */
export function sectionBody(text: string, from: number, to: number): string {
  const body = text.slice(from, Math.min(to, from + READ_AHEAD));
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    if (/^\s*(?:!\[[^\]]*\]\([^)]*\)\S*|-{3,}|\*{3,}|_{3,})\s*$/.test(line)) continue;
    const heading = line.match(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/);
    lines.push(heading ? `**${heading[1]}**` : line);
  }
  return clip(lines.join('\n').replace(/\n{3,}/g, '\n\n').trim());
}

/** Keep summaries short, cut at a sentence end when possible. */
export function clip(markdown: string, max = SUMMARY_CHARS): string {
  if (markdown.length <= max) return markdown;
  const cut = markdown.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'), cut.lastIndexOf('다.'));
  const kept = end > max / 2 ? cut.slice(0, end + 1) : cut.trimEnd();
  // A fence cut open would turn the rest of the hover into code.
  const fences = kept.match(/^\s*(?:```|~~~)/gm)?.length ?? 0;
  return kept + (fences % 2 ? '\n```' : ' …');
}

/** The sentence of `text` that contains offset `at`, plus the next one when it is short. */
export function sentenceAround(text: string, at: number): string {
  const before = text.slice(Math.max(0, at - 400), at);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('.\n'), before.lastIndexOf('\n'));
  const start = cut === -1 ? Math.max(0, at - 400) : at - before.length + cut + 1;
  const after = text.slice(at, at + 400);
  const stop = after.search(/[.!?](?:\s|$)|\n/);
  return text.slice(start, stop === -1 ? at + after.length : at + stop + 1).trim();
}
