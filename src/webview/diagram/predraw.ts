/**
 * Drawing ahead (the host's `predraw`): once the page is quiet, Mermaid draws the notes' other diagrams, one per
 * idle moment and never while the page draws for the user; each picture goes to the host's store, so that the
 * diagram, opened later in any panel, paints at once.
 */
import { whenIdle } from './renderQueue';

export interface PredrawHooks {
  /** True while the page draws for the user: drawing ahead waits for the next quiet moment. */
  busy(): boolean;
  /** Draws and files one source; a source Mermaid cannot draw is skipped. */
  draw(source: string): Promise<void>;
  /** After each source, how many are done (UI tests read it). */
  progress(done: number): void;
}

export function predrawWhenIdle(sources: readonly string[], hooks: PredrawHooks): void {
  let next = 0;
  const step = (): void => {
    if (next >= sources.length) return;
    if (hooks.busy()) return whenIdle(step);
    const source = sources[next++];
    void hooks
      .draw(source)
      .catch(() => undefined)
      .finally(() => {
        hooks.progress(next);
        whenIdle(step, 300);
      });
  };
  whenIdle(step);
}
