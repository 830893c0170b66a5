// Types for browser.js.
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_ARGS: readonly string[];
export function chromiumPath(): string;
export function loadPlaywright(): typeof import('playwright-core');
export interface LaunchedChromium {
  context: BrowserContext;
  page: Page;
  profileDir: string;
  close(): Promise<void>;
}
export function launchChromium(opts?: {
  headless?: boolean;
  viewport?: { width: number; height: number };
  timeoutMs?: number;
}): Promise<LaunchedChromium>;
