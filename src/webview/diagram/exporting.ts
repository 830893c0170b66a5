/** Export SVG / PNG (the host asks where, through a save dialog) and copy SVG / PNG to the clipboard. */
import type { DiagramStrings, WebviewToHost } from '../../shared/diagramProtocol';
import { cssVar } from '../shared/theme';
import type { DiagramDom } from './dom';
import { base64Of, pngFromSvg } from './png';
import { svgForExport } from './svg';
import { svgSize } from './view';

/** The diagram on screen as a standalone SVG file, on the editor's background. */
export function currentSvg(canvas: HTMLElement): string | undefined {
  const svg = canvas.querySelector('svg');
  return svg ? svgForExport(svg, cssVar('--vscode-editor-background') || undefined) : undefined;
}

/** The diagram as a PNG at twice its natural size. */
async function currentPng(canvas: HTMLElement): Promise<Blob | undefined> {
  const svgEl = canvas.querySelector('svg');
  const svg = currentSvg(canvas);
  if (!svgEl || !svg) return undefined;
  const { width, height } = svgSize(svgEl);
  return pngFromSvg(svg, Math.ceil(width), Math.ceil(height));
}

export function installExport(dom: DiagramDom, strings: DiagramStrings, post: (message: WebviewToHost) => void): void {
  dom.exportSvgBtn.addEventListener('click', () => {
    const svg = currentSvg(dom.canvas);
    if (svg) post({ type: 'exportSvg', svg });
  });
  dom.exportPngBtn.addEventListener('click', () => {
    void currentPng(dom.canvas).then(async (png) => {
      if (png) post({ type: 'exportPng', base64: await base64Of(png) });
    });
  });
  dom.copySvgBtn.addEventListener('click', () => {
    const svg = currentSvg(dom.canvas);
    if (svg) post({ type: 'copySvg', svg });
  });
  dom.copyPngBtn.addEventListener('click', () => {
    void currentPng(dom.canvas).then(async (png) => {
      if (!png) return;
      try {
        await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
        dom.status.textContent = strings.copied;
      } catch {
        dom.status.textContent = strings.copyFailed;
      }
    });
  });
}
