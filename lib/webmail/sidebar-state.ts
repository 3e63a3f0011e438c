import { browser } from 'wxt/browser';

/**
 * Whether the sidebar is open, remembered across pages and webmails. A UI preference, not user data: it lives in
 * storage.local rather than in the background's database, and losing it only closes the sidebar.
 *
 * Read with one plain storage.local call, not WXT's storage helper: that helper (and its dependencies) was a fifth
 * of the content script's code and its set-up ran on every page load, for one boolean. The key is the one the
 * helper used ("local:relance.sidebarOpen" is stored as "relance.sidebarOpen"), so a remembered state carries over.
 */
export const SIDEBAR_OPEN_KEY = 'relance.sidebarOpen';

type LocalArea = Pick<typeof browser.storage.local, 'get' | 'set'>;

/** True only when the stored value is exactly `true`; anything else, or a failed read, means closed. */
export async function loadSidebarOpen(area: LocalArea = browser.storage.local): Promise<boolean> {
  try {
    const got = await area.get(SIDEBAR_OPEN_KEY);
    return got[SIDEBAR_OPEN_KEY] === true;
  } catch {
    return false;
  }
}

export async function saveSidebarOpen(open: boolean, area: LocalArea = browser.storage.local): Promise<void> {
  try {
    await area.set({ [SIDEBAR_OPEN_KEY]: open });
  } catch {
    // Storage can fail while the extension reloads; the sidebar still works, it just forgets.
  }
}
