/**
 * The statistics charts' colours, from the VS Code theme (its `charts.*` colours, editor background and
 * foreground), each made to contrast with the background by at least 3:1 in every theme: Mermaid's own dark
 * palette drew the "studied" bars near-black on a dark grey and the pie's "New" slice dark brown. The chart
 * background is the page's, so a chart does not sit in a grey box.
 */
import { colour } from '../shared/mermaidTheme';
import { blend, opaque, readable } from '../shared/colour';
import type { ThemeKind } from '../shared/theme';

export interface ChartPalette {
  background: string;
  /** Axis labels, ticks, lines and legend text. */
  text: string;
  /** The series the chart is about: reviews, due cards, studied cards, true retention. */
  accent: string;
  /** What the accent is measured against: all cards, the target line, new cards. */
  muted: string;
  /** Forgotten (Again) and hidden cards. */
  warn: string;
}

export function chartPalette(kind: ThemeKind): ChartPalette {
  const dark = kind === 'dark' || kind === 'high-contrast';
  const background = colour('--vscode-editor-background', dark ? '#1f1f1f' : '#ffffff');
  const text = colour('--vscode-editor-foreground', dark ? '#cccccc' : '#333333');
  // Solid colours: a theme's translucent chart colour (Dark Modern's orange) over the page turned muddy brown.
  const fit = (c: string, min = 3) => readable(opaque(c), background, text, min);
  return {
    background,
    text: fit(text, 4.5),
    accent: fit(colour('--vscode-charts-blue', dark ? '#3794ff' : '#1a85ff')),
    // About halfway between the text and the background: plainly "the rest", still 3:1 against the page.
    muted: fit(blend(text, background, 0.45)),
    warn: fit(colour('--vscode-charts-orange', '#d18616')),
  };
}

/** Which palette colour each series of a chart takes, in the order its source lists them. */
const SERIES: Record<string, (p: ChartPalette) => string[]> = {
  reviews: (p) => [p.accent, p.warn],
  retention: (p) => [p.accent, p.muted],
  forecast: (p) => [p.accent],
  // Drawn over each other: all cards behind, the studied part in front.
  topics: (p) => [p.muted, p.accent],
  noteDays: (p) => [p.muted, p.accent],
  // Studied, new, hidden.
  overall: (p) => [p.accent, p.muted, p.warn],
};

/** Mermaid theme variables for one chart (xychart and pie read different ones; each ignores the other's). */
export function chartThemeVariables(p: ChartPalette, chartId: string): Record<string, unknown> {
  const series = (SERIES[chartId] ?? SERIES.reviews)(p);
  const pies = Object.fromEntries(series.map((c, i) => [`pie${i + 1}`, c]));
  return {
    ...pies,
    pieOpacity: '1',
    pieStrokeColor: p.background,
    pieOuterStrokeColor: p.text,
    pieSectionTextColor: p.text,
    pieLegendTextColor: p.text,
    pieTitleTextColor: p.text,
    xyChart: {
      backgroundColor: p.background,
      titleColor: p.text,
      dataLabelColor: p.text,
      legendTextColor: p.text,
      xAxisTitleColor: p.text,
      xAxisLabelColor: p.text,
      xAxisTickColor: p.text,
      xAxisLineColor: p.text,
      yAxisTitleColor: p.text,
      yAxisLabelColor: p.text,
      yAxisTickColor: p.text,
      yAxisLineColor: p.text,
      plotColorPalette: series.join(','),
    },
  };
}
