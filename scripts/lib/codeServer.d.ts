// Types for codeServer.js (plain CommonJS, so Node 20 runs it directly; TypeScript callers such as
// test/ui/lib/workbench.ts import it through these declarations and esbuild bundles the .js).

export interface CodeServerBins {
  /** node_modules/.bin/code-server inside the cache folder */
  codeServerBin: string;
  /** the folder holding the Node 24 `node` binary */
  node24Bin: string;
}

export interface StartOptions {
  /** folder to open by default */
  folder?: string;
  /** preferred port (the next free one is used if taken); default: any free port */
  port?: number;
  /** `--vscode-option enable-smoke-test-driver` (extension-host tests; hides notification toasts) */
  smokeTestDriver?: boolean;
  /** use this extensions folder instead of a fresh empty one */
  extensionsDir?: string;
  /** extra user settings, merged over DEFAULT_SETTINGS */
  settings?: Record<string, unknown>;
  /** extra environment for the server and its extension host */
  env?: Record<string, string>;
  /** more code-server arguments */
  extraArgs?: string[];
  /** how long to wait for GET /healthz (default 90000) */
  timeoutMs?: number;
  /** keep the temp folder after stop() (also env TIL_KEEP_TMP=1) */
  keepTmp?: boolean;
  /** workspace trust on and the folder not trusted: Restricted Mode, without the startup prompt */
  restrictedMode?: boolean;
}

export interface CodeServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  port: number;
  /** 127.0.0.1:<port> (the remote authority in vscode-remote:// URIs) */
  host: string;
  pid: number;
  tmpDir: string;
  logFile: string;
  userDataDir: string;
  extensionsDir: string;
  /** URL opening `folder` (default: the started folder) with optional extra query parameters */
  folderUrl(folder?: string, query?: Record<string, string>): string;
  /** last `lines` lines of the server log */
  logTail(lines?: number): string;
  /** resolves when the code-server process exits (after stop() or by itself) */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** kills the whole process group (and escaped descendants) and removes tmpDir; idempotent */
  stop(): Promise<void>;
}

export const DEFAULT_SETTINGS: Readonly<Record<string, unknown>>;
export function findRepoRoot(start?: string): string;
export function ensureCodeServer(opts?: { quiet?: boolean }): CodeServerBins;
export function findFreePort(preferred?: number): Promise<number>;
export function startCodeServer(opts?: StartOptions): Promise<CodeServer>;
/** Installs a .vsix into extensionsDir; returns the extension folder names found there. */
export function installVsix(vsixPath: string, extensionsDir: string, opts?: { timeoutMs?: number }): string[];
export function descendants(pid: number): number[];
