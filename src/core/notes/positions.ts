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

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
