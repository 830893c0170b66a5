/**
 * Mermaid's setup for every webview that draws (diagram, statistics); each page loads Mermaid its own way
 * (loadMermaid.ts, diagram/mermaidLoader.ts), and no code here imports it. Both pages configure it the same
 * way: strict security that a diagram's directives cannot loosen, SVG text labels (markup in a label shows as
 * text), VS Code's font and theme.
 */
import type { MermaidConfig } from 'mermaid';
import { SECURE_CONFIG_KEYS } from '../../core/diagrams/secureSource';
import type { MermaidThemeConfig } from './mermaidTheme';
import { cssVar } from './theme';

/** The configuration both webviews share; `extra` adds per-page sizing (never security keys). */
export function mermaidConfig(theme: MermaidThemeConfig, extra: MermaidConfig = {}): MermaidConfig {
  return {
    ...extra,
    startOnLoad: false,
    securityLevel: 'strict',
    // A diagram's %%{init}%% / front matter may not change these (mermaid drops them from directives).
    secure: [...SECURE_CONFIG_KEYS],
    suppressErrorRendering: true,
    theme: theme.theme,
    darkMode: theme.darkMode ?? false,
    themeVariables: theme.themeVariables ?? {},
    fontFamily: cssVar('--vscode-font-family', 'sans-serif').replace(/[<>]/g, ''),
    // SVG text labels, not HTML in foreignObject: markup in a label shows as the text it is.
    htmlLabels: false,
  };
}

/** Mermaid's error as text: an Error, a string, or its parser's `{ str }` object. */
export function mermaidErrorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  const maybe = error as { str?: unknown; message?: unknown } | undefined;
  if (typeof maybe?.str === 'string') return maybe.str;
  if (typeof maybe?.message === 'string') return maybe.message;
  return String(error);
}
