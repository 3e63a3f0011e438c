import type { PanelHandle, PanelProps } from './panel-root';

/**
 * How the content script and the sidebar panel's own script (entrypoints/sidebar-panel.ts) meet. The panel is a
 * separate file so a page load does not even parse React and the panel (about two thirds of the sidebar's code);
 * the content script imports it when the user opens the sidebar or acts in the first view of a sidebar left open
 * (static-panel.ts), and the file, once evaluated in the content script's isolated world, leaves its mount
 * function under this key of that world's global object. The page's own scripts live in another world and never
 * see it.
 */
export type MountPanel = (slot: HTMLElement, props: PanelProps, initialOpen: boolean) => PanelHandle;

export const PANEL_SCRIPT = '/sidebar-panel.js';
export const PANEL_GLOBAL = '__relanceMountPanel';

type PanelGlobal = { [PANEL_GLOBAL]?: MountPanel };

export function registerPanel(global: object, mount: MountPanel): void {
  (global as PanelGlobal)[PANEL_GLOBAL] = mount;
}

/**
 * Loads the panel's script (web-accessible to the webmails only, see wxt.config.ts) and returns its mount function.
 * `importModule` is `(url) => import(url)` in the content script; tests pass their own.
 */
export async function loadPanel(global: object, url: string, importModule: (url: string) => Promise<unknown>): Promise<MountPanel> {
  const already = (global as PanelGlobal)[PANEL_GLOBAL];
  if (already) return already;
  await importModule(url);
  const mount = (global as PanelGlobal)[PANEL_GLOBAL];
  if (typeof mount !== 'function') throw new Error(`The sidebar panel (${url}) did not load.`);
  return mount;
}
