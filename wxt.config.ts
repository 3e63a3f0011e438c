import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // RELANCE_OUT_DIR lets two builds run side by side (a bench while tests run); the default is WXT's .output.
  ...(process.env.RELANCE_OUT_DIR ? { outDir: process.env.RELANCE_OUT_DIR } : {}),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: the sidebar's open/closed state; alarms: the hourly and midnight overdue recompute.
    // offscreen (Chrome only): PDFs are read in an offscreen document, because Chrome's service worker may not
    // import pdf.js; Firefox's background is an event page that reads them itself and has no such API.
    // notifications: tell the user when an invoice becomes overdue, a reminder falls due or a promise is broken
    // (opt-out in the options; one daily digest by default, none on weekends).
    permissions: browser === 'firefox' ? ['storage', 'alarms', 'notifications'] : ['storage', 'alarms', 'notifications', 'offscreen'],
    // Firefox MV3 needs a stable add-on id, and new add-ons must declare what data they collect: none.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'relance@relance-invoices.org', data_collection_permissions: { required: ['none'] } } } }
      : {}),
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
    // Stated, not left to the MV3 default: only the package's own scripts, no eval, no remote code (SECURITY.md).
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
  }),
});
