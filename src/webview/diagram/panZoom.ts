/**
 * Zoom (buttons, Ctrl/⌘ + wheel, pinch, keyboard) and pan (drag, wheel) of one element inside a
 * viewport, by CSS transform. A drag that moved suppresses the click that ends it.
 */

export interface View {
  zoom: number;
  panX: number;
  panY: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 8;
const clamp = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

export class PanZoom {
  private view: View = { zoom: 1, panX: 0, panY: 0 };
  private drag: { x: number; y: number; panX: number; panY: number; moved: boolean; pointerId: number } | undefined;
  private suppressClick = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly content: HTMLElement,
    private readonly onChange: (view: View) => void,
  ) {
    viewport.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    viewport.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    viewport.addEventListener('pointermove', (e) => this.onPointerMove(e));
    viewport.addEventListener('pointerup', (e) => this.onPointerUp(e));
    viewport.addEventListener('pointercancel', (e) => this.onPointerUp(e));
    // Capture phase: swallow the click that ends a drag before node handlers see it.
    viewport.addEventListener(
      'click',
      (e) => {
        if (this.suppressClick) {
          this.suppressClick = false;
          e.stopPropagation();
          e.preventDefault();
        }
      },
      true,
    );
  }

  get current(): View {
    return { ...this.view };
  }

  set(view: View, notify = true): void {
    this.view = { zoom: clamp(view.zoom), panX: view.panX, panY: view.panY };
    this.content.style.transform = `translate(${this.view.panX}px, ${this.view.panY}px) scale(${this.view.zoom})`;
    if (notify) this.onChange(this.current);
  }

  /** Zooms by `factor` keeping the point (viewport coordinates) still; default: the viewport centre. */
  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const rect = this.viewport.getBoundingClientRect();
    const px = at ? at.x : rect.width / 2;
    const py = at ? at.y : rect.height / 2;
    const zoom = clamp(this.view.zoom * factor);
    const k = zoom / this.view.zoom;
    this.set({ zoom, panX: px - (px - this.view.panX) * k, panY: py - (py - this.view.panY) * k });
  }

  /**
   * The first view of a diagram: the whole of it when its text stays readable (at least `minTextPx`),
   * else its width from the top, else 100 % at the top left: a reader scrolls rather than squints.
   */
  fit(width: number, height: number, { maxZoom = 1.5, textPx = 16, minTextPx = 11 } = {}): void {
    const rect = this.viewport.getBoundingClientRect();
    const pad = 24;
    if (width <= 0 || height <= 0 || rect.width <= 0 || rect.height <= 0) {
      this.set({ zoom: 1, panX: pad, panY: pad });
      return;
    }
    const byWidth = (rect.width - 2 * pad) / width;
    const byHeight = (rect.height - 2 * pad) / height;
    const readable = (zoom: number) => zoom * textPx >= minTextPx;
    const whole = Math.min(maxZoom, byWidth, byHeight);
    if (readable(whole)) {
      const zoom = clamp(whole);
      this.set({ zoom, panX: Math.max(pad, (rect.width - width * zoom) / 2), panY: Math.max(pad, (rect.height - height * zoom) / 2) });
      return;
    }
    const widthOnly = Math.min(maxZoom, byWidth, 1);
    if (readable(widthOnly)) {
      const zoom = clamp(widthOnly);
      this.set({ zoom, panX: Math.max(pad, (rect.width - width * zoom) / 2), panY: pad });
      return;
    }
    this.set({ zoom: 1, panX: pad, panY: pad });
  }

  /** Moves the view by a number of pixels (arrow keys). */
  panBy(dx: number, dy: number): void {
    this.set({ ...this.view, panX: this.view.panX + dx, panY: this.view.panY + dy });
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const rect = this.viewport.getBoundingClientRect();
    if (e.ctrlKey || e.metaKey) {
      // Pinch gestures arrive as ctrl+wheel with small deltas; mouse wheels with ±100.
      const factor = Math.exp(-Math.max(-100, Math.min(100, e.deltaY)) * 0.0025);
      this.zoomBy(factor, { x: e.clientX - rect.left, y: e.clientY - rect.top });
    } else {
      const scale = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? rect.height : 1;
      const dx = (e.shiftKey && !e.deltaX ? e.deltaY : e.deltaX) * scale;
      const dy = (e.shiftKey && !e.deltaX ? 0 : e.deltaY) * scale;
      this.set({ ...this.view, panX: this.view.panX - dx, panY: this.view.panY - dy });
    }
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0 || (e.target as Element).closest('button, .toolbar')) return;
    this.drag = { x: e.clientX, y: e.clientY, panX: this.view.panX, panY: this.view.panY, moved: false, pointerId: e.pointerId };
  }

  private onPointerMove(e: PointerEvent): void {
    const d = this.drag;
    if (!d || e.pointerId !== d.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < 4) return;
    if (!d.moved) {
      d.moved = true;
      this.viewport.setPointerCapture(e.pointerId);
      this.viewport.classList.add('dragging');
    }
    this.set({ ...this.view, panX: d.panX + dx, panY: d.panY + dy });
  }

  private onPointerUp(e: PointerEvent): void {
    const d = this.drag;
    if (!d || e.pointerId !== d.pointerId) return;
    this.drag = undefined;
    if (d.moved) {
      this.suppressClick = true;
      this.viewport.classList.remove('dragging');
      if (this.viewport.hasPointerCapture(e.pointerId)) this.viewport.releasePointerCapture(e.pointerId);
      // If no click follows (pointer released outside), do not eat the next real one.
      setTimeout(() => (this.suppressClick = false), 0);
    }
  }
}
