/** The webview side of VS Code's messaging: typed, acquired once, strings from the host's page. */
import { STRINGS_META_NAME } from '../../shared/webviewProtocol';

export { format } from '../../shared/webviewProtocol';

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

/**
 * The localised strings the host wrote into the page (`<meta name="til-strings">`). There is no English copy
 * here: a string the host did not send shows as its key, which the UI tests would catch.
 */
export function readStrings<T extends object>(): T {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${STRINGS_META_NAME}"]`);
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(meta?.content ?? '{}');
    if (typeof value === 'object' && value !== null) parsed = value as Record<string, unknown>;
  } catch {
    // fall through: every string shows as its key
  }
  return new Proxy(parsed, {
    get: (target, key) => (typeof key === 'string' && typeof target[key] === 'string' ? target[key] : String(key)),
  }) as T;
}
