/** What part of the diagram the reader sees: the readable first view, and bringing a highlighted node into it. */
import type { PanZoom } from './panZoom';
import { nodeAt } from './svg';

/** The diagram's text size in SVG units, so the first view can keep it readable. */
export function textPxOf(svg: SVGSVGElement): number {
  const label = svg.querySelector('text, .nodeLabel, .label');
  const size = label ? parseFloat(getComputedStyle(label).fontSize) : NaN;
  return Number.isFinite(size) && size > 0 ? size : 16;
}

/** The SVG's own size (its viewBox, else its bounding box). */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const vb = svg.viewBox?.baseVal;
  if (vb && vb.width > 0 && vb.height > 0) return { width: vb.width, height: vb.height };
  const box = svg.getBBox();
  return { width: box.width, height: box.height };
}

/**
 * `whole`: the whole diagram, however small its text gets (the fit button). Otherwise the readable first
 * view: fit while text stays at least 11 px, else 100 % from the top left (`0` and every first render).
 */
export function fitDiagram(panZoom: PanZoom, canvas: HTMLElement, whole: boolean): void {
  const svg = canvas.querySelector('svg');
  if (!svg) return;
  const { width, height } = svgSize(svg);
  panZoom.fit(width, height, whole ? { minTextPx: 0 } : { textPx: textPxOf(svg) });
}

/**
 * Lights up the node or message a hover asked for (`sem_wait` → Waiting) and, unless `stay`, brings it into view
 * and focuses it (`stay`: the same picture redrawn under a reader who may have moved on). The name comes from our
 * own diagram table; it is matched against node ids and labels, never used as a selector.
 */
export function highlightNode(canvas: HTMLElement, viewport: HTMLElement, panZoom: PanZoom, name: string | undefined, stay = false): void {
  for (const old of Array.from(canvas.querySelectorAll('.highlighted'))) old.classList.remove('highlighted');
  if (!name) return;
  const target = Array.from(canvas.querySelectorAll<SVGElement>('.focusable-node')).find((el) => {
    const node = nodeAt(el, canvas);
    return node && (node.nodeId === name || node.label === name);
  });
  if (!target) return;
  target.classList.add('highlighted');
  if (stay) return;
  const box = target.getBoundingClientRect();
  const view = viewport.getBoundingClientRect();
  const outside = box.left < view.left || box.right > view.right || box.top < view.top || box.bottom > view.bottom;
  if (outside)
    panZoom.panBy(view.left + view.width / 2 - (box.left + box.width / 2), view.top + view.height / 2 - (box.top + box.height / 2));
  target.focus({ preventScroll: true });
}
