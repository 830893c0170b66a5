import type { Node } from 'unist';

export function startOffset(node: Node): number {
  return node.position?.start.offset ?? 0;
}
export function endOffset(node: Node): number {
  return node.position?.end.offset ?? 0;
}
export function startLine(node: Node): number {
  return node.position?.start.line ?? 1;
}
export function endLine(node: Node): number {
  return node.position?.end.line ?? startLine(node);
}

/** 1-based lines of character offsets, by binary search over precomputed line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }
  get lineCount(): number {
    return this.starts.length;
  }
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}
