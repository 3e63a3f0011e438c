import { browser } from 'wxt/browser';

/**
 * UI text from the extension's `_locales` (browser.i18n follows the browser's language). Keys are literal strings
 * at every call site so test/unit/i18n.test.ts can check that each one exists in every locale.
 * A missing key shows the key itself: visible in review, never a blank button.
 */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

// The UI language does not change while a page lives, so a message's text is looked up once: each lookup goes
// through the browser (and the polyfill's proxy), a measurable part of rendering the sidebar in a webmail page.
const texts = new Map<string, string>();

export function t(key: MessageKey, subs?: string | string[]): string {
  // Texts with substitutions (amounts, dates, counts) rarely repeat: looked up each time.
  const cacheable = subs === undefined;
  const hit = cacheable ? texts.get(key) : undefined;
  if (hit !== undefined) return hit;
  try {
    const text = browser.i18n.getMessage(key, subs) || key;
    if (cacheable) texts.set(key, text);
    return text;
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
