import type { Code, Heading, Paragraph, Parent, Root } from 'mdast';

export interface Located<T> {
  node: T;
  parent: Parent;
  index: number;
}

/** The nodes the extractors read, gathered in one document-order walk (one pass instead of one per extractor). */
export interface CollectedNodes {
  paragraphs: Located<Paragraph>[];
  headings: Located<Heading>[];
  code: Code[];
}

export function collectNodes(root: Root): CollectedNodes {
  const out: CollectedNodes = { paragraphs: [], headings: [], code: [] };
  // Explicit stack: nesting is bounded by limitNesting, but recursion is not needed either.
  const stack: Parent[] = [root];
  while (stack.length) {
    const parent = stack.pop()!;
    const children = parent.children;
    const nested: Parent[] = [];
    for (let index = 0; index < children.length; index++) {
      const node = children[index];
      switch (node.type) {
        case 'paragraph':
          out.paragraphs.push({ node, parent, index });
          break;
        case 'heading':
          out.headings.push({ node, parent, index });
          break;
        case 'code':
          out.code.push(node);
          break;
        case 'blockquote':
        case 'list':
        case 'listItem':
          nested.push(node);
          break;
        default:
          break;
      }
    }
    for (let i = nested.length - 1; i >= 0; i--) stack.push(nested[i]);
  }
  const byOffset = (a: { node: { position?: { start: { offset?: number } } } }, b: typeof a) => (a.node.position?.start.offset ?? 0) - (b.node.position?.start.offset ?? 0);
  out.paragraphs.sort(byOffset);
  out.headings.sort(byOffset);
  out.code.sort((a, b) => (a.position?.start.offset ?? 0) - (b.position?.start.offset ?? 0));
  return out;
}
