/**
 * The one style every webview protocol follows (src/shared/<panel>Protocol.ts). Plain data only: no vscode,
 * no DOM, no Node; the host and the webview bundle both compile these files.
 *
 * - `HostToWebview` and `WebviewToHost`: unions of messages told apart by `type`.
 * - `parseWebviewMessage(data)`: the host checks everything a webview posts and gets a typed message or
 *   `undefined`; `parseHostMessage(data)` does the same on the webview side.
 * - `<Panel>Strings`: every string the webview shows. The host translates them (vscode.l10n) and writes
 *   them into the page (`<meta name="til-strings">`); the webview reads them with `readStrings()` and holds
 *   no English of its own.
 * - `<Panel>ViewState`: what the webview keeps with `setState` to come back as it was.
 * - The webview posts `ready` first; the host sends nothing before it.
 */

/** The `<meta name=…>` that carries the page's strings, as JSON in its `content`. */
export const STRINGS_META_NAME = 'til-strings';

/** `{0}`-style placeholders, as vscode.l10n.t writes them: "{0} of {1}" → "3 of 12". */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
