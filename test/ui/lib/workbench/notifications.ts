// Notification toasts.
import type { Locator, Page } from 'playwright-core';

/** A visible notification toast containing `text`; the error lists the toasts that were visible. */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const toast = page.locator('.notification-toast', { hasText: text }).first();
  try {
    await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (err) {
    const seen = await page
      .locator('.notification-toast')
      .allInnerTexts()
      .catch(() => []);
    throw new Error(`no notification matching ${String(text)} within ${timeoutMs} ms; visible: ${JSON.stringify(seen)}`, { cause: err });
  }
  return toast;
}
