/**
 * Turning mermaid's SVG text into DOM safely, finding the node a click landed on, and serialising
 * the SVG for export. Mermaid (securityLevel strict) already sanitises labels with DOMPurify; this is
 * the second wall: the text is parsed in an inert document, scrubbed, then imported.
 */

const BLOCKED_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'link',
  'meta',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'audio',
  'video',
  'source',
  'track',
  'portal',
  'template',
  'noscript',
  'animate',
  'set',
  'animatemotion',
  'animatetransform',
  'handler',
  'listener',
]);
const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'srcset', 'poster', 'background', 'ping']);

function safeUrl(value: string): boolean {
  const v = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return v.startsWith('#') || /^data:image\/(png|gif|jpe?g|webp);/.test(v);
}

/** Removes script-capable elements, event-handler attributes and non-local URLs, in place. */
export function scrubElement(root: Element): void {
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  for (const el of all) {
    const tag = el.localName.toLowerCase();
    if (BLOCKED_TAGS.has(tag)) {
      el.remove();
      continue;
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') || (URL_ATTRS.has(name) && !safeUrl(attr.value))) el.removeAttribute(attr.name);
      else if (name === 'style' && /url\(\s*(['"]?)\s*(?!#|data:image\/)[^'")\s]/i.test(attr.value)) el.removeAttribute(attr.name);
    }
    if ((tag === 'img' || tag === 'image') && !el.getAttribute('src') && !el.getAttribute('href') && !el.getAttribute('xlink:href'))
      el.remove();
  }
}

/** Mermaid's SVG text → a scrubbed `<svg>` element owned by `doc`. Parsing happens in an inert document. */
export function svgFromText(text: string, doc: Document = document): SVGSVGElement {
  const inert = new DOMParser().parseFromString(`<!DOCTYPE html><body>${text}`, 'text/html');
  const svg = inert.body.querySelector('svg');
  if (!svg) throw new Error('Mermaid returned no SVG.');
  scrubElement(svg);
  const imported = doc.importNode(svg, true) as SVGSVGElement;
  // Size the SVG by its viewBox so zooming is ours alone (mermaid sets width=100% and a max-width).
  const vb = imported.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) {
    imported.setAttribute('width', String(Math.ceil(vb.width)));
    imported.setAttribute('height', String(Math.ceil(vb.height)));
    imported.style.maxWidth = 'none';
  }
  return imported;
}

export interface ClickedNode {
  nodeId: string;
  label?: string;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const DOM_ID = /^(?:[\w-]*?-)?(?:flowchart|state|classId|entity|node|id)-(.+?)-\d+$/;

/**
 * The diagram element a click landed on: a flowchart/state node or cluster (mermaid's `data-id`),
 * a sequence participant (`name`), an edge label, or a message / note text.
 */
export function nodeAt(target: Element, root: Element): ClickedNode | undefined {
  if (!root.contains(target)) return undefined;
  // Sequence participants: the box (rect.actor / g with data-id) or its label text.
  const actorGroup = target.closest('g');
  const actorRect = target.closest('[name].actor') ?? actorGroup?.querySelector(':scope > rect.actor[name], :scope > [name].actor');
  if (actorRect && root.contains(actorRect)) {
    const name = actorRect.getAttribute('name') ?? '';
    if (name) return { nodeId: name, label: text(actorGroup?.querySelector('text.actor, text')) || name };
  }
  const message = target.closest('text.messageText, text.noteText, text.loopText, text.labelText');
  if (message && root.contains(message)) {
    const label = text(message);
    if (label) return { nodeId: label, label };
  }
  const withId = target.closest('g.node, g.cluster, g[data-et="cluster"], g.edgeLabel, g.label[data-id], [data-id]');
  if (withId && root.contains(withId) && withId !== root) {
    let nodeId = withId.getAttribute('data-id') ?? '';
    if (!nodeId) nodeId = DOM_ID.exec(withId.id)?.[1] ?? withId.id;
    // Cluster ids are prefixed with the SVG's own id (`til-diagram-3-MCUmode`).
    const svgId = root.querySelector('svg')?.id;
    if (svgId && nodeId.startsWith(`${svgId}-`)) nodeId = nodeId.slice(svgId.length + 1);
    const labelEl = withId.matches('g.cluster, g[data-et="cluster"]') ? withId.querySelector('.cluster-label, .nodeLabel, text') : withId;
    const label = text(labelEl);
    if (nodeId || label) return { nodeId: nodeId || label, label: label || undefined };
  }
  const idEl = target.closest('[id]');
  if (idEl && root.contains(idEl) && idEl !== root) {
    const m = DOM_ID.exec(idEl.id);
    if (m) return { nodeId: m[1], label: text(idEl) || undefined };
  }
  return undefined;
}

/** A standalone SVG file: XML-serialised (valid outside HTML), with namespaces and a background. */
export function svgForExport(svg: SVGSVGElement, background?: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  if (background) clone.style.backgroundColor = background;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}
