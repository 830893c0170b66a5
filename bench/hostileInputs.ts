// Hostile inputs, one generator per class found in issue 10: each makes a text of about `bytes` bytes
// that once cost seconds to minutes. Shared by `npm run bench` (hostile inputs section) and the unit tests.
import { generateText } from './corpus';

export type HostileTarget = 'note' | 'answerHtml' | 'mermaid' | 'glossary';

export interface HostileClass {
  name: string;
  /** Which function the text is fed to. */
  target: HostileTarget;
  make(bytes: number): string;
}

const fill = (unit: string, bytes: number) => unit.repeat(Math.max(1, Math.ceil(bytes / unit.length)));
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n') + '\n';

export const HOSTILE_CLASSES: HostileClass[] = [
  { name: 'alternating nesting "> - 1. "', target: 'note', make: (b) => fill('> - 1. ', b) + 'x\n' },
  {
    name: 'emphasis runs *×n x *×n',
    target: 'note',
    make: (b) => {
      const n = Math.floor(b / 2);
      return '*'.repeat(n) + 'x' + '*'.repeat(n) + '\n';
    },
  },
  { name: 'one long line of words', target: 'note', make: (b) => fill('word *emph* `code` [link](x) ', b) + '\n' },
  { name: 'one long line of * runs', target: 'note', make: (b) => fill('a**b*c***d ', b) + '\n' },
  { name: 'many headings', target: 'note', make: (b) => lines(Math.ceil(b / 12), (i) => `## head ${i}`) },
  { name: 'many block-quote questions', target: 'note', make: (b) => lines(Math.ceil(b / 16), (i) => `> 질문 ${i}?\n`) },
  { name: 'equal day headings', target: 'note', make: (b) => lines(Math.ceil(b / 14), () => '# 2025-01-13\n') },
  { name: 'front matter date: with spaces', target: 'note', make: (b) => `---\ndate: "2025-01-13${' '.repeat(b)}x"\n---\n# body\n` },
  { name: 'raw HTML <div b<a b<a', target: 'answerHtml', make: (b) => '<div' + fill(' b<a', b) },
  { name: 'unclosed %%{ lines', target: 'mermaid', make: (b) => 'graph TD\n' + lines(Math.ceil(b / 12), (i) => `%%{ A${i}-->B`) },
  { name: 'glossary entries', target: 'glossary', make: (b) => 'os:\n' + lines(Math.ceil(b / 24), (i) => `  identifier_${i}: term ${i}`) },
];

/** A plain note of about the same size, the baseline each class is compared with. */
export function plainNote(bytes: number): string {
  return generateText(20250113, bytes);
}
