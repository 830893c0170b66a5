// Webview panels: VS Code nests each panel's page in two iframes; the ready one shown last is the active panel.
import type { FrameLocator, Page } from 'playwright-core';

/** The page inside the most recently shown webview panel (diagram, quiz, statistics). */
export function activeWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}
