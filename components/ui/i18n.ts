import { browser } from 'wxt/browser';

/**
 * UI text from the extension's `_locales` (browser.i18n follows the browser's language). Keys are literal strings
 * at every call site so test/unit/i18n.test.ts can check that each one exists in every locale.
 * A missing key shows the key itself: visible in review, never a blank button.
 */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: MessageKey, subs?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}

/** The browser's UI locale ("fr", "en-US"), for number and date formatting. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}
