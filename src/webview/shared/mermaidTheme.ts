/** VS Code theme kind → mermaid theme (+ variables for high contrast, where mermaid has no theme). */
import type { DiagramTheme } from '../../shared/diagramProtocol';
import { cssVar, type ThemeKind } from './theme';

export interface MermaidThemeConfig {
  theme: DiagramTheme;
  darkMode?: boolean;
  themeVariables?: Record<string, string>;
}

const COLOUR = /^(#[0-9a-f]{3,8}|rgba?\([\d\s.,%]+\))$/i;

/** A VS Code colour variable if it is a plain colour mermaid (khroma) can read, else the fallback. */
export function colour(name: string, fallback: string): string {
  const v = cssVar(name);
  return COLOUR.test(v) ? v : fallback;
}

function highContrast(dark: boolean): MermaidThemeConfig {
  const bg = colour('--vscode-editor-background', dark ? '#000000' : '#ffffff');
  const fg = colour('--vscode-editor-foreground', dark ? '#ffffff' : '#000000');
  const border = colour('--vscode-contrastBorder', dark ? '#6fc3df' : '#0f4a85');
  const accent = colour('--vscode-contrastActiveBorder', dark ? '#f38518' : '#006bbd');
  return {
    theme: 'base',
    darkMode: dark,
    themeVariables: {
      background: bg,
      mainBkg: bg,
      primaryColor: bg,
      secondaryColor: bg,
      tertiaryColor: bg,
      primaryTextColor: fg,
      secondaryTextColor: fg,
      tertiaryTextColor: fg,
      textColor: fg,
      titleColor: fg,
      primaryBorderColor: border,
      secondaryBorderColor: border,
      tertiaryBorderColor: border,
      nodeBorder: border,
      clusterBkg: bg,
      clusterBorder: border,
      lineColor: fg,
      edgeLabelBackground: bg,
      actorBkg: bg,
      actorBorder: border,
      actorTextColor: fg,
      actorLineColor: fg,
      signalColor: fg,
      signalTextColor: fg,
      labelBoxBkgColor: bg,
      labelBoxBorderColor: border,
      labelTextColor: fg,
      loopTextColor: fg,
      noteBkgColor: bg,
      noteBorderColor: accent,
      noteTextColor: fg,
      activationBkgColor: bg,
      activationBorderColor: border,
      sequenceNumberColor: bg,
      stateLabelColor: fg,
      transitionColor: fg,
      transitionLabelColor: fg,
      stateBkg: bg,
      labelBackgroundColor: bg,
      compositeBackground: bg,
      compositeTitleBackground: bg,
      altBackground: bg,
      specialStateColor: fg,
      innerEndBackground: fg,
      errorBkgColor: bg,
      errorTextColor: fg,
    },
  };
}

/** light → default, dark → dark, high contrast (dark or light) → base with the theme's colours. */
export function mermaidThemeFor(kind: ThemeKind): MermaidThemeConfig {
  switch (kind) {
    case 'light':
      return { theme: 'default' };
    case 'dark':
      return { theme: 'dark', darkMode: true };
    case 'high-contrast':
      return highContrast(true);
    case 'high-contrast-light':
      return highContrast(false);
  }
}
