/**
 * The passage of a section that defines the concept its heading names: a sentence whose subject is the name
 * (`Deployment는 …`, `gateway가 … 보낸다`, `A Deployment is …`, `Deployments create …`), with the rest of its
 * paragraph. A section often opens on a sub-topic (`### Rolling updates`) and says what the thing is further down.
 */

/** How far into a section the definition is looked for: a bounded read, whatever the section's size. */
const READ_AHEAD = 4000;

// What may stand before the subject on its line: list and quote markers, emphasis, an article.
// Each marker is followed by its own spaces only, so a line of markers and spaces is read once (no backtracking).
const LEAD = String.raw`^\s*(?:(?:[-*+>]|\d{1,3}[.)])\s*)*(?:\*\*|__|\x60)?(?:(?:an?|the)\s+)?`;
const MARKERS = /^\s*(?:(?:[-*+>]|\d{1,3}[.)])\s+)*/;
// After the name (and its closing emphasis, an aside in parentheses): a topic particle or a copula (rank 0)…
const TOPIC_TAIL = String.raw`\s?(?:은|는|이란|란|이라는\s+것은|라는\s+것은|이라\s?함은|라\s?함은)\s|\s+(?:is|are|means|refers\s+to)\s`;
// …or a subject particle or an English verb: the name does something (rank 1).
const SUBJECT_TAIL = String.raw`\s?(?:이|가)\s|\s+(?:creates?|manages?|runs?|keeps?|lets?|makes?|provides?|represents?|ensures?|controls?|owns?|wraps?|holds?|handles?|stores?|declares?|describes?|allows?|gives?|tells?|defines?|starts?|schedules?|watches?|replaces?|maintains?)\s`;
// A subject that is only the condition of the sentence (`Pod이 죽으면 …`, `when X …`) does not define it.
const CONDITION = /(?:면|때|경우)(?:\s|$)|\b(?:if|when|once|unless)\b/iu;
/** A sentence is read this far for its subject: the name, an aside and the particle fit in it. */
const WINDOW = 160;
const FENCE = /^\s{0,3}(?:```|~~~)/;
const HEADING = /^\s{0,3}#{1,6}(?:\s|$)/;
// A line that is only bold (`**Rolling updates**`): a sub-heading written as emphasis.
export const BOLD_LABEL = /^\s{0,3}(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)[ \t]*(?:[:：][ \t]*)?$/;
// A picture alone on its line (`![diagram](…){width=600}`) or a rule (`---`): decoration before the text.
const IMAGE = /^\s*!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)(?:\{[^}\n]{0,200}\})?\s*$/;
const RULE = /^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
// What the term can, may or must do (`X은 …도 관리할 수 있다`, `X는 …에 써야 한다`) says less than what it is.
const MODAL_END = /(?:수\s?있다|수\s?없다|야\s?한다|지\s?않는다|지\s?않다)[.!]?\s*$/u;

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The passage that should lead the summary of a section about `names` (`text[from, to)`), or nothing. Only a section
 * that opens on a sub-topic (a sub-heading or a bold label line before any text of its own) needs one: a section
 * with an opening paragraph of its own explains the concept there, as notes usually do without naming it
 * (`…하는 오브젝트이다.`). One pass over at most READ_AHEAD characters.
 */
export function definingPassage(text: string, from: number, to: number, names: readonly string[]): string | undefined {
  const name = namePattern(names);
  if (!name) return undefined;
  const topic = new RegExp(`${LEAD}${name}(?:${TOPIC_TAIL})`, 'iu');
  const subject = new RegExp(`${LEAD}${name}(?:${SUBJECT_TAIL})`, 'iu');

  const lines = text.slice(from, Math.min(to, from + READ_AHEAD)).split('\n');
  let inFence = false;
  let first = true;
  let best: { rank: number; line: number; at: number } | undefined;
  for (let i = 0; i < lines.length && best?.rank !== 0; i++) {
    const line = lines[i];
    if (line.trim() === '' || IMAGE.test(line) || RULE.test(line)) continue;
    if (first && !HEADING.test(line) && !BOLD_LABEL.test(line)) return undefined;
    first = false;
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence || FENCE.test(line) || HEADING.test(line)) continue;
    // Each sentence of the line may open with the name.
    let at = 0;
    while (at !== -1 && at < line.length) {
      const next = nextSentence(line, at);
      // A bounded window of the sentence: each costs at most WINDOW characters, however long the line.
      const sentence = line.slice(at, Math.min(next === -1 ? line.length : next, at + WINDOW));
      // A question about it is not its definition; what it can or must do is one only when nothing says what it is.
      const rank = sentence.includes('?')
        ? -1
        : topic.test(sentence)
          ? MODAL_END.test(sentence)
            ? 1
            : 0
          : subject.test(sentence) && !CONDITION.test(firstClause(sentence))
            ? 1
            : -1;
      if (rank !== -1 && (!best || rank < best.rank)) best = { rank, line: i, at };
      if (rank === 0) break;
      at = next;
    }
  }
  if (!best) return undefined;
  // The sentence and the rest of its paragraph.
  const out = [lines[best.line].slice(best.at).replace(MARKERS, '')];
  for (let i = best.line + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || FENCE.test(line) || HEADING.test(line)) break;
    out.push(line);
  }
  return out.join('\n').trim();
}

/**
 * Whether a passage opens by saying what one of `names` is (`Record는 … 클래스로 …`, `A Pod is …`): its first line of
 * text (past pictures and rules) starts with the name and a topic particle or copula. Reads one line.
 */
export function opensWithDefinition(passage: string, names: readonly string[]): boolean {
  const name = namePattern(names);
  if (!name) return false;
  const topic = new RegExp(`${LEAD}${name}(?:${TOPIC_TAIL})`, 'iu');
  let from = 0;
  while (from < passage.length) {
    const end = passage.indexOf('\n', from);
    const line = passage.slice(from, end === -1 ? passage.length : end).slice(0, WINDOW);
    from = end === -1 ? passage.length : end + 1;
    if (line.trim() === '' || IMAGE.test(line) || RULE.test(line)) continue;
    const next = nextSentence(line, 0);
    const sentence = next === -1 ? line : line.slice(0, next);
    return !sentence.includes('?') && topic.test(sentence);
  }
  return false;
}

/** The names as one pattern, with what may close or follow a name (emphasis, an aside in parentheses). */
function namePattern(names: readonly string[]): string | undefined {
  const usable = names.filter((n) => n.trim().length > 1);
  if (!usable.length) return undefined;
  return `(?:${usable.map(escape).join('|')})(?:\\*\\*|__|\\x60)?(?:\\s?[(（][^()（）\\n]{1,40}[)）])?`;
}

/** Where the sentence after the one at `at` starts, or -1. */
function nextSentence(line: string, at: number): number {
  const m = /[.!?。](?:\s+)/g;
  m.lastIndex = at;
  const found = m.exec(line);
  return found ? found.index + found[0].length : -1;
}

/** Up to the first comma or the sentence's end: where a condition (`…면`, `when …`) would sit. */
function firstClause(sentence: string): string {
  const end = sentence.search(/[,，.!?]/u);
  return end === -1 ? sentence : sentence.slice(0, end);
}
