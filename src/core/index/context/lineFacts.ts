import type { LineSyntax } from './documentContext';
import { scanLine } from './occurrence';

/**
 * What one line cannot tell about itself, found in one pass over the document when its context is computed: which
 * lines are prose (inside a block comment that spans lines, or a YAML block scalar such as a ConfigMap's embedded
 * file), and under which YAML key each line sits (`port` under `httpGet` is a probe's, not a Service's).
 */
export interface LineFacts {
  /** 0-based lines that are comment or embedded text as a whole. */
  proseLines?: ReadonlySet<number>;
  /** The key of the mapping a YAML line belongs to, by 0-based line (`undefined` at the top level). */
  yamlParents?: ReadonlyArray<string | undefined>;
}

// A document larger than this is scanned only this far: the facts of its first lines are still right.
const MAX_SCAN_CHARS = 1024 * 1024;

export function lineFacts(text: string, syntax: LineSyntax, yaml: boolean): LineFacts {
  const body = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const lines = body.split(/\r?\n/);
  if (yaml) return yamlFacts(lines);
  if (syntax.blockCommentLines) {
    const prose = blockCommentLines(lines, syntax);
    return prose.size ? { proseLines: prose } : {};
  }
  return {};
}

/** Lines that begin inside a `/* … *\/` comment opened on an earlier line. */
function blockCommentLines(lines: string[], syntax: LineSyntax): Set<number> {
  const prose = new Set<number>();
  let open = false;
  lines.forEach((line, i) => {
    let rest = line;
    if (open) {
      prose.add(i);
      const close = line.indexOf('*/');
      if (close === -1) return;
      open = false;
      rest = line.slice(close + 2);
    }
    // Does this line open a block comment that it does not close? Strings and line comments are skipped by scanLine.
    const { commentAt } = scanLine(rest, syntax);
    if (commentAt !== -1 && rest.startsWith('/*', commentAt) && rest.indexOf('*/', commentAt + 2) === -1) open = true;
  });
  return prose;
}

const YAML_KEY = /^(\s*)(?:-\s+)?([A-Za-z_][\w.-]*)\s*:(?:\s+|$)(.*)$/;

/** Parent keys by indentation, and the lines of block scalars (`key: |` / `key: >`), in one pass. */
function yamlFacts(lines: string[]): LineFacts {
  const parents: Array<string | undefined> = new Array(lines.length);
  const prose = new Set<number>();
  const stack: Array<{ indent: number; key: string }> = [];
  let scalarIndent = -1; // lines indented deeper than this belong to a block scalar
  lines.forEach((line, i) => {
    const indent = line.length - line.trimStart().length;
    const blank = line.trim() === '' || line.trimStart().startsWith('#');
    if (scalarIndent >= 0) {
      if (blank || indent > scalarIndent) {
        prose.add(i);
        return;
      }
      scalarIndent = -1;
    }
    if (blank) return;
    if (/^---(?:\s|$)/.test(line)) {
      stack.length = 0;
      return;
    }
    // A list item that is itself a block scalar (`- |` under `command:`): a script, not manifest keys.
    if (/^\s*-\s+[|>][+-]?\d*\s*(?:#.*)?$/.test(line)) {
      parents[i] = stack[stack.length - 1]?.key;
      scalarIndent = indent;
      return;
    }
    const m = YAML_KEY.exec(line);
    // A list item's key sits one level inside the dash.
    const keyIndent = m ? m[1].length + (line.trimStart().startsWith('-') ? 2 : 0) : indent;
    while (stack.length && stack[stack.length - 1].indent >= keyIndent) stack.pop();
    parents[i] = stack[stack.length - 1]?.key;
    if (!m) return;
    stack.push({ indent: keyIndent, key: m[2] });
    if (/^[|>][+-]?\d*\s*(?:#.*)?$/.test(m[3].trim())) scalarIndent = keyIndent;
  });
  return { proseLines: prose.size ? prose : undefined, yamlParents: parents };
}
