/**
 * Mermaid for the diagram page. The page is a classic script inlined into the panel's HTML (so it paints a
 * stored picture without fetching anything); Mermaid is the ES module whose address the host wrote into the
 * page, imported by that address. The import carries the page script's nonce, and its chunks come from our
 * own folder like every webview resource.
 */
import type { Mermaid } from 'mermaid';
import { MERMAID_MODULE_META } from '../../shared/diagramProtocol';

let loading: Promise<Mermaid> | undefined;

/** Loads Mermaid once; rejects when the page carries no module address (which the host always writes). */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= (async () => {
    const url = document.querySelector<HTMLMetaElement>(`meta[name="${MERMAID_MODULE_META}"]`)?.content;
    if (!url) throw new Error('The page does not say where Mermaid is.');
    const module = (await import(url)) as { default: Mermaid };
    return module.default;
  })();
  return loading;
}
