/** The webview side of VS Code's messaging: typed, acquired once. */

export interface VsCodeApi<State, Out> {
  postMessage(message: Out): void;
  getState(): State | undefined;
  setState(state: State): State;
}

declare function acquireVsCodeApi<State = unknown>(): {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState<T extends State>(state: T): T;
};

let api: ReturnType<typeof acquireVsCodeApi> | undefined;

/** `acquireVsCodeApi()` may be called only once per webview: cache it. */
export function vscodeApi<State, Out>(): VsCodeApi<State, Out> {
  api ??= acquireVsCodeApi<State>();
  return api as unknown as VsCodeApi<State, Out>;
}

/** Localised UI strings the host put into `<meta name="til-strings" content="{json}">`. */
export function readStrings<T extends Record<string, string>>(defaults: T): T {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="til-strings"]');
  if (!meta?.content) return defaults;
  try {
    const parsed = JSON.parse(meta.content) as Record<string, unknown>;
    const out: Record<string, string> = { ...defaults };
    for (const key of Object.keys(defaults)) if (typeof parsed[key] === 'string') out[key] = parsed[key] as string;
    return out as T;
  } catch {
    return defaults;
  }
}

/** `{0}`-style placeholders, as vscode.l10n.t uses. */
export function format(template: string, ...args: Array<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}
