import { registerPanel } from '@/components/sidebar/panel-contract';
import { mountPanel } from '@/components/sidebar/panel-root';

/**
 * The sidebar's panel (React and every card), loaded by the webmail content scripts only once the sidebar opens
 * (components/sidebar/mount.ts). Not a page: a script imported into the content script's isolated world.
 */
export default defineUnlistedScript(() => {
  registerPanel(globalThis, mountPanel);
});
