/** The diagram page's elements: toolbar, viewport with the canvas, error box, text version, status line. */
import type { DiagramStrings } from '../../shared/diagramProtocol';

function button(id: string, label: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.id = id;
  b.type = 'button';
  b.title = label;
  b.setAttribute('aria-label', label);
  b.textContent = text;
  return b;
}

export interface DiagramDom {
  titleEl: HTMLElement;
  zoomLabel: HTMLElement;
  zoomInBtn: HTMLButtonElement;
  zoomOutBtn: HTMLButtonElement;
  fitBtn: HTMLButtonElement;
  exportSvgBtn: HTMLButtonElement;
  exportPngBtn: HTMLButtonElement;
  copySvgBtn: HTMLButtonElement;
  copyPngBtn: HTMLButtonElement;
  /** Enabled only while a diagram is on screen. */
  exportButtons: HTMLButtonElement[];
  viewport: HTMLElement;
  canvas: HTMLElement;
  errorBox: HTMLElement;
  status: HTMLElement;
  textAlternative: HTMLDetailsElement;
  textAlternativeBody: HTMLElement;
}

/** Builds the page into document.body; every text is the host's (translated) string. */
export function buildDiagramDom(strings: DiagramStrings): DiagramDom {
  const toolbar = document.createElement('div');
  toolbar.className = 'toolbar';
  toolbar.setAttribute('role', 'toolbar');
  const titleEl = document.createElement('span');
  titleEl.className = 'title';
  const zoomOutBtn = button('zoom-out', strings.zoomOut, '−');
  const zoomLabel = document.createElement('span');
  zoomLabel.className = 'zoom-level';
  zoomLabel.setAttribute('aria-live', 'polite');
  const zoomInBtn = button('zoom-in', strings.zoomIn, '+');
  const fitBtn = button('fit', strings.fit, '⤢');
  const exportSvgBtn = button('export-svg', strings.exportSvg, strings.exportSvg);
  exportSvgBtn.classList.add('primary');
  const exportPngBtn = button('export-png', strings.exportPng, strings.exportPng);
  const copySvgBtn = button('copy-svg', strings.copySvg, strings.copySvg);
  const copyPngBtn = button('copy-png', strings.copyPng, strings.copyPng);
  const exportButtons = [exportSvgBtn, exportPngBtn, copySvgBtn, copyPngBtn];
  for (const b of exportButtons) b.disabled = true;
  toolbar.append(titleEl, zoomOutBtn, zoomLabel, zoomInBtn, fitBtn, ...exportButtons);

  const viewport = document.createElement('div');
  viewport.className = 'viewport';
  viewport.tabIndex = 0;
  const canvas = document.createElement('div');
  canvas.className = 'canvas';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-describedby', 'diagram-text');
  viewport.append(canvas);

  const errorBox = document.createElement('div');
  errorBox.className = 'error';
  errorBox.hidden = true;
  errorBox.setAttribute('role', 'alert');

  const status = document.createElement('div');
  status.className = 'status';
  status.setAttribute('role', 'status');
  status.textContent = strings.noDiagram;

  const textAlternative = document.createElement('details');
  textAlternative.className = 'text-alternative';
  textAlternative.hidden = true;
  const summary = document.createElement('summary');
  summary.textContent = strings.textAlternative;
  const textAlternativeBody = document.createElement('div');
  textAlternativeBody.id = 'diagram-text';
  textAlternative.append(summary, textAlternativeBody);

  document.body.append(toolbar, errorBox, viewport, textAlternative, status);
  return {
    titleEl,
    zoomLabel,
    zoomInBtn,
    zoomOutBtn,
    fitBtn,
    exportSvgBtn,
    exportPngBtn,
    copySvgBtn,
    copyPngBtn,
    exportButtons,
    viewport,
    canvas,
    errorBox,
    status,
    textAlternative,
    textAlternativeBody,
  };
}

/** Shows mermaid's error message as text, never markup. */
export function showError(dom: DiagramDom, heading: string, message: string): void {
  const strong = document.createElement('strong');
  strong.textContent = heading;
  const pre = document.createElement('pre');
  pre.textContent = message;
  dom.errorBox.replaceChildren(strong, pre);
  dom.errorBox.hidden = false;
}
