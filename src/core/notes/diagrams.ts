import type { Code } from 'mdast';
import type { MermaidBlock, Section } from '../model';
import { endLine, startLine } from './positions';
import { sectionAt } from './sectionAt';

/** Every ```mermaid block, wherever it sits (lists and quotes included), titled by its section. */
export function extractDiagrams(file: string, code: Code[], sections: Section[]): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  for (const node of code) {
    if ((node.lang ?? '').toLowerCase() !== 'mermaid') continue;
    const line = startLine(node);
    const section = sectionAt(sections, line);
    const firstLine = node.value.trim().split('\n')[0] ?? '';
    blocks.push({
      id: `${file}#L${line}`,
      title: section?.title ?? firstLine.slice(0, 40),
      source: node.value,
      topic: section?.topic ?? 'other',
      sectionId: section?.id,
      file, line, endLine: endLine(node),
    });
  }
  return blocks;
}
