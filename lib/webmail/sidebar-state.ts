import { storage } from 'wxt/utils/storage';

/**
 * Whether the sidebar is open, remembered across pages and webmails. A UI preference, not user data: it lives in
 * storage.local rather than in the background's database, and losing it only closes the sidebar.
 */
// Defined on first use, not at import: WXT imports entrypoints (and so this module) at build time in Node.
const sidebarOpen = () => storage.defineItem<boolean>('local:relance.sidebarOpen', { fallback: false });

export async function loadSidebarOpen(): Promise<boolean> {
  try {
    return (await sidebarOpen().getValue()) === true;
  } catch {
    return false;
  }
}

export async function saveSidebarOpen(open: boolean): Promise<void> {
  try {
    await sidebarOpen().setValue(open);
  } catch {
    // Storage can fail while the extension reloads; the sidebar still works, it just forgets.
  }
}
