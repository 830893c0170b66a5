/**
 * The diagram without a mouse: Tab moves through the nodes (each announced by its label), Enter or Space
 * opens a node's note section, arrow keys pan, `+`/`-` zoom, `0` goes back to the readable first view.
 */
import type { PanZoom } from './panZoom';
import { nodeAt, type ClickedNode } from './svg';

const NODE_SELECTOR = 'g.node, g.cluster, rect.actor[name], text.messageText';
const PAN_STEP = 60;
const ZOOM_STEP = 1.25;

/** Puts every node of a freshly rendered SVG in the tab order, labelled for screen readers. */
export function makeNodesFocusable(svg: SVGSVGElement, canvas: HTMLElement): void {
  for (const el of Array.from(svg.querySelectorAll<SVGElement>(NODE_SELECTOR))) {
    const node = nodeAt(el, canvas);
    if (!node) continue;
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-label', node.label ?? node.nodeId);
    el.classList.add('focusable-node');
  }
}

/** The label of the node that has the keyboard focus, if one of `canvas` has it. */
export function focusedNodeLabel(canvas: HTMLElement): string | undefined {
  const el = document.activeElement;
  return el && canvas.contains(el) && el.classList.contains('focusable-node') ? (el.getAttribute('aria-label') ?? undefined) : undefined;
}

/** Gives the focus back to the node labelled `label` in a picture that replaced the one it was in. */
export function refocusNode(svg: SVGSVGElement, label: string): void {
  const node = Array.from(svg.querySelectorAll<SVGElement>('.focusable-node')).find((el) => el.getAttribute('aria-label') === label);
  node?.focus({ preventScroll: true });
}

export interface KeyboardTargets {
  canvas: HTMLElement;
  panZoom: PanZoom;
  /** `0`: the readable first view. */
  resetView(): void;
  openNode(node: ClickedNode): void;
}

export function installKeyboard({ canvas, panZoom, resetView, openNode }: KeyboardTargets): void {
  canvas.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const el = (e.target as Element | null)?.closest('.focusable-node');
    const node = el ? nodeAt(el, canvas) : undefined;
    if (!node) return;
    e.preventDefault();
    e.stopPropagation();
    openNode(node);
  });
  window.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLButtonElement && (e.key === 'Enter' || e.key === ' ')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') panZoom.zoomBy(ZOOM_STEP);
    else if (e.key === '-' || e.key === '_') panZoom.zoomBy(1 / ZOOM_STEP);
    else if (e.key === '0') resetView();
    else if (e.key === 'ArrowLeft') panZoom.panBy(PAN_STEP, 0);
    else if (e.key === 'ArrowRight') panZoom.panBy(-PAN_STEP, 0);
    else if (e.key === 'ArrowUp') panZoom.panBy(0, PAN_STEP);
    else if (e.key === 'ArrowDown') panZoom.panBy(0, -PAN_STEP);
    else return;
    e.preventDefault();
  });
}
