import { registerPanel } from '@/components/sidebar/panel-contract';
import { mountPanel } from '@/components/sidebar/panel-root';

/**
 * The sidebar's panel (React and every card), loaded by the webmail content scripts only when the user opens the
 * sidebar or acts in the first view of a sidebar left open
 * (components/sidebar/mount.ts). Not a page: a script imported into the content script's isolated world.
 */
export default defineUnlistedScript(() => {
  registerPanel(globalThis, mountPanel);
});
