import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html

// Where the content scripts run (entrypoints/*.content): the only sites the panel's script is exposed to.
const WEBMAIL_MATCHES = ['https://mail.google.com/*', 'https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.cloud.microsoft/*'];
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
    // One file, to the webmails only: the sidebar's panel (React and its cards), which the content script imports
    // when the sidebar opens so that a page load does not parse it (README, Performance). A script, not a page;
    // Chrome serves it under a per-session URL (use_dynamic_url) so no site can probe for it.
    web_accessible_resources: [
      {
        resources: ['sidebar-panel.js'],
        matches: WEBMAIL_MATCHES,
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png' } },
    // Stated, not left to the MV3 default: only the package's own scripts, no eval, no remote code (SECURITY.md).
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
  }),
});
