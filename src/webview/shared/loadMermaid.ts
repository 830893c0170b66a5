/** The bundled Mermaid for a page built as an ES module with chunks (statistics): imported once, on first call. */
import type { Mermaid } from 'mermaid';

let loading: Promise<Mermaid> | undefined;

/** The bundled Mermaid, loaded once; call it as early as possible. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((module) => module.default);
  return loading;
}
