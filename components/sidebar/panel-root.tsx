import { startTransition, useDeferredValue, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import relanceCss from '@/components/ui/relance.css?inline';
import type { Ask } from '@/lib/messaging/content-client';
import type { SidebarHost } from '@/lib/content/host';
import type { Correspondent, WebmailAdapter } from '@/lib/webmail/adapter';
import type { SidebarBus } from './bus';
import type { InitialLoad } from './prefetch';
import { SidebarPanel } from './SidebarPanel';

export interface PanelProps {
  adapter: WebmailAdapter;
  ask: Ask;
  bus: SidebarBus;
  host: SidebarHost;
  /** Aborts when the content script is invalidated (extension reloaded): stops observing the page. */
  signal: AbortSignal;
  /** The shell's close (toggle state, focus back on the toggle). */
  onClose: () => void;
  /** The panel element exists with this id, or no longer does. */
  onPanelShown: (id: string | null) => void;
  /** The client's data when it arrived before the panel's script (the prefetch): painted in the first render. */
  initialLoad?: InitialLoad | null;
  /**
   * The shadow root whose head takes the panel's styles, when `slot` is not in it yet (the panel rendered aside,
   * then put in place of the first view: mount.ts). Default: the slot's own root.
   */
  styleRoot?: Node;
}

export interface PanelHandle {
  setOpen(open: boolean): void;
  unmount(): void;
}

// One panel per page, in the sidebar's own shadow root: a fixed id cannot collide with the webmail's.
const PANEL_ID = 'relance-panel';

function Panel({ open, ...props }: PanelProps & { open: boolean }) {
  // Deferred: on opening, the toggle has already changed (plain DOM) and React renders the panel in slices that
  // yield to the page (no long task). The first render is already a transition (mountPanel): it renders the panel
  // directly, without an empty pass and a second render first.
  const shown = useDeferredValue(open, open);
  // With no thread open, the client of the last invoice entered by hand: kept here so a close does not forget it.
  const [pinned, setPinned] = useState<Correspondent | null>(null);
  const { onPanelShown } = props;
  useEffect(() => {
    onPanelShown(shown ? PANEL_ID : null);
  }, [shown, onPanelShown]);
  if (!shown) return null;
  return <SidebarPanel id={PANEL_ID} adapter={props.adapter} ask={props.ask} bus={props.bus} host={props.host} signal={props.signal} open={open} pinned={pinned} setPinned={setPinned} onClose={props.onClose} initialLoad={props.initialLoad ?? null} />;
}

/**
 * React and the panel: loaded by mount.ts when the user opens the sidebar or acts in its first view, rendered into
 * the shell's slot (or aside, then put in the first view's place).
 */
export function mountPanel(slot: HTMLElement, props: PanelProps, initialOpen: boolean): PanelHandle {
  // The panel's styles come with it: the shadow root held only the shell's until now (shell.css), unless the
  // first view painted before React (static-panel.ts) brought the same stylesheet already.
  const shadow = props.styleRoot ?? slot.getRootNode();
  // Next to the shell's own stylesheet, in the head WXT gives the shadow root: the body holds only the UI.
  const head = shadow instanceof ShadowRoot ? shadow.querySelector('head') : null;
  const existing = head?.querySelector<HTMLStyleElement>('style[data-relance="panel-styles"]') ?? null;
  const style = existing ?? slot.ownerDocument.createElement('style');
  if (!existing) {
    style.textContent = relanceCss;
    style.dataset.relance = 'panel-styles';
    if (head) head.append(style);
    else slot.before(style);
  }
  const root = createRoot(slot);
  const render = (open: boolean) => startTransition(() => root.render(<Panel open={open} {...props} />));
  render(initialOpen);
  return {
    setOpen: render,
    unmount() {
      root.unmount();
      style.remove();
    },
  };
}
