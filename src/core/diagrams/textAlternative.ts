/**
 * A diagram's text alternative for screen readers and for people who prefer a list: the states (or nodes,
 * or participants) and the transitions (or edges, or messages) of a Mermaid source, in source order.
 * Line by line and linear in the source; it reads stateDiagram, flowchart/graph and sequenceDiagram, and
 * gives an empty description for other kinds rather than guessing.
 */
export interface DiagramDescription {
  readonly kind: 'state' | 'flowchart' | 'sequence' | 'other';
  /** Display names, in order of first appearance. */
  readonly nodes: string[];
  readonly edges: { from: string; to: string; label?: string }[];
}

const MAX_LINE = 2000; // a longer line is not a diagram statement worth describing

function statements(source: string): string[] {
  return source
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('%%') && l.length <= MAX_LINE);
}

const KIND_OF_KEYWORD = new Map<string, DiagramDescription['kind']>([
  ['statediagram', 'state'],
  ['flowchart', 'flowchart'],
  ['graph', 'flowchart'],
  ['sequencediagram', 'sequence'],
]);

/** The header's keyword, lower case, without a variant suffix (`stateDiagram-v2 …`, `flowchart-elk TD` → `flowchart`). */
function headerKeyword(header: string): string {
  const first = /^[^\s:;{]*/.exec(header)?.[0] ?? '';
  return first.replace(/-(v\d+|beta|elk)$/i, '').toLowerCase();
}

function kindOf(header: string): DiagramDescription['kind'] {
  return KIND_OF_KEYWORD.get(headerKeyword(header)) ?? 'other';
}

/** Where the diagram's own statements start: after a front-matter block (`---` … `---`), if any. */
function headerIndex(lines: string[]): number {
  if (lines[0] !== '---') return 0;
  const close = lines.indexOf('---', 1);
  return close < 0 ? lines.length : close + 1;
}

/** The statement that declares a source's kind (`flowchart LR`): the first after any front matter and comments. */
export function diagramHeader(source: string): string {
  const lines = statements(source);
  return lines[headerIndex(lines)] ?? '';
}

/** The keyword a source declares its kind with (`xychart-beta` → `xychart`): the one reading every table of kinds keys. */
export function kindKeyword(source: string): string {
  return headerKeyword(diagramHeader(source));
}

/** The kind of diagram a source declares (its first statement). */
export function diagramKind(source: string): DiagramDescription['kind'] {
  return kindOf(diagramHeader(source));
}

export function describeDiagram(source: string): DiagramDescription {
  const lines = statements(source);
  const at = headerIndex(lines);
  const header = lines[at] ?? '';
  const body = lines.slice(at + 1);
  switch (kindOf(header)) {
    case 'state':
      return describeStates(body);
    case 'flowchart':
      return describeFlowchart(body);
    case 'sequence':
      return describeSequence(body);
    case 'other':
      return { kind: 'other', nodes: [], edges: [] };
  }
}

class Names {
  private readonly labels = new Map<string, string>();
  private readonly order = new Set<string>(); // insertion order is first appearance
  label(id: string, name: string): void {
    this.labels.set(id, name);
    this.see(id);
  }
  see(id: string): string {
    this.order.add(id);
    return id;
  }
  name(id: string): string {
    return this.labels.get(id) ?? id;
  }
  list(): string[] {
    return [...this.order].map((id) => this.name(id));
  }
}

function describeStates(lines: string[]): DiagramDescription {
  const names = new Names();
  const edges: { from: string; to: string; label?: string }[] = [];
  for (const line of lines) {
    const alias = /^state\s+"([^"]*)"\s+as\s+(\S+)/.exec(line);
    if (alias) {
      names.label(alias[2], alias[1]);
      continue;
    }
    const arrow = line.indexOf('-->');
    if (arrow < 0) continue;
    const from = line.slice(0, arrow).trim();
    const rest = line.slice(arrow + 3);
    const colon = rest.indexOf(':');
    const to = (colon < 0 ? rest : rest.slice(0, colon)).trim();
    const label = colon < 0 ? undefined : rest.slice(colon + 1).trim() || undefined;
    const endpoint = (id: string, start: boolean) => (id === '[*]' ? (start ? 'start' : 'end') : names.see(id));
    edges.push({ from: endpoint(from, true), to: endpoint(to, false), label });
  }
  return { kind: 'state', nodes: names.list(), edges: edges.map((e) => ({ ...e, from: names.name(e.from), to: names.name(e.to) })) };
}

/** `A["label"]`, `A(label)`, `A((label))`, `A{label}` → id and label. */
function flowNode(text: string, names: Names): string {
  const t = text.trim();
  let id = '';
  let i = 0;
  while (i < t.length && /[\w.-]/.test(t[i])) id += t[i++];
  if (!id) return t;
  const open = t[i];
  if (open === '[' || open === '(' || open === '{' || open === '>') {
    const label = t
      .slice(i)
      .replace(/^[[({>]+/, '')
      .replace(/[\])}]+$/, '')
      .replace(/^"|"$/g, '')
      .trim();
    if (label) names.label(id, label);
  }
  return names.see(id);
}

function describeFlowchart(lines: string[]): DiagramDescription {
  const names = new Names();
  const edges: { from: string; to: string; label?: string }[] = [];
  for (const line of lines) {
    if (/^(subgraph|end|direction|classDef|class|style|click|linkStyle)\b/.test(line)) continue;
    // Split on arrows: -->, ---, ==>, -.->, <-->, with an optional -- label -- or |label| part.
    const parts = line.split(/\s*(?:<?-{2,}>?|<?={2,}>?|-\.+->?|~~~)\s*/);
    if (parts.length < 2) {
      flowNode(line, names);
      continue;
    }
    let label: string | undefined;
    let previous: string | undefined;
    for (const raw of parts) {
      let part = raw.trim();
      const piped = /^\|([^|]*)\|\s*(.*)$/.exec(part);
      if (piped) {
        label = piped[1].trim() || undefined;
        part = piped[2];
      }
      if (!part) continue;
      // `A -- text --> B` splits into A, text, B: a part with spaces and no shape between two nodes is a label.
      if (previous !== undefined && !/^[\w.-]+\s*([[({>]|$)/.test(part)) {
        label = part.replace(/^"|"$/g, '');
        continue;
      }
      const id = flowNode(part, names);
      if (previous !== undefined) edges.push({ from: previous, to: id, label });
      previous = id;
      label = undefined;
    }
  }
  return { kind: 'flowchart', nodes: names.list(), edges: edges.map((e) => ({ ...e, from: names.name(e.from), to: names.name(e.to) })) };
}

function describeSequence(lines: string[]): DiagramDescription {
  const names = new Names();
  const edges: { from: string; to: string; label?: string }[] = [];
  for (const line of lines) {
    const participant = /^(?:participant|actor)\s+(\S+)(?:\s+as\s+(.+))?$/.exec(line);
    if (participant) {
      names.label(participant[1], participant[2]?.trim() || participant[1]);
      continue;
    }
    const message = /^([^\s:>-][^:>]*?)\s*(?:-{1,2}>>|-{1,2}>|-{1,2}x|-{1,2}\))[+-]?\s*([^:]+?)\s*:\s*(.*)$/.exec(line);
    if (message)
      edges.push({ from: names.see(message[1].trim()), to: names.see(message[2].trim()), label: message[3].trim() || undefined });
  }
  return { kind: 'sequence', nodes: names.list(), edges: edges.map((e) => ({ ...e, from: names.name(e.from), to: names.name(e.to) })) };
}
