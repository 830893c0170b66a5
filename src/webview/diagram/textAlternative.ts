/** The text version under the canvas: the states (nodes, participants) and the transitions between them. */
import { describeDiagram } from '../../core/diagrams/textAlternative';
import type { DiagramStrings } from '../../shared/diagramProtocol';

function listItem(text: string): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text; // note text stays text
  return li;
}

function subheading(text: string): HTMLHeadingElement {
  const h = document.createElement('h3');
  h.textContent = text;
  return h;
}

/** Fills `body` from the diagram's source; hides `details` for diagram kinds without states or edges. */
export function describeInto(details: HTMLDetailsElement, body: HTMLElement, source: string, strings: DiagramStrings): void {
  const text = describeDiagram(source);
  details.hidden = text.kind === 'other';
  const nodes = document.createElement('ul');
  for (const name of text.nodes) nodes.append(listItem(name));
  const edges = document.createElement('ol');
  for (const edge of text.edges) edges.append(listItem(`${edge.from} → ${edge.to}${edge.label ? `: ${edge.label}` : ''}`));
  body.replaceChildren(subheading(strings.textNodes), nodes, subheading(strings.textEdges), edges);
}
