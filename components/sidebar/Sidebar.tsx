import { useDeferredValue, useId, useRef, useState } from 'react';
import type { Ask } from '@/lib/messaging/content-client';
import type { SidebarHost } from '@/lib/content/host';
import type { Correspondent, WebmailAdapter } from '@/lib/webmail/adapter';
import { t } from '@/components/ui/i18n';
import type { SidebarBus } from './bus';
import { SidebarPanel } from './SidebarPanel';

interface SidebarProps {
  adapter: WebmailAdapter;
  ask: Ask;
  bus: SidebarBus;
  host: SidebarHost;
  /** Aborts when the content script is invalidated (extension reloaded): stops observing the page. */
  signal: AbortSignal;
  initialOpen: boolean;
  /** The open panel starts this far from the top, below the webmail's own top bar. */
  topInsetPx: number;
  onOpenChange: (open: boolean) => void;
}

/**
 * The sidebar's shell: its root and the toggle, all a closed sidebar is. The panel (SidebarPanel) exists only while
 * open, and is rendered as a deferred value: the shell commits at once, then React renders the panel in slices
 * that yield to the page (no long task), also on the first render when the sidebar was left open.
 */
export function Sidebar({ adapter, ask, bus, host, signal, initialOpen, topInsetPx, onOpenChange }: SidebarProps) {
  const [open, setOpen] = useState(initialOpen);
  const panelShown = useDeferredValue(open, false);
  // With no thread open, the client of the last invoice entered by hand: kept here so a close does not forget it.
  const [pinned, setPinned] = useState<Correspondent | null>(null);
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);

  const setOpenAndRemember = (next: boolean) => {
    setOpen(next);
    onOpenChange(next);
    if (!next) toggleRef.current?.focus();
  };

  return (
    <div
      className="rl rl-sidebar"
      data-relance="sidebar"
      data-open={open ? 'true' : 'false'}
      style={{ top: topInsetPx }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) setOpenAndRemember(false);
      }}
    >
      <button
        ref={toggleRef}
        type="button"
        className="rl-toggle"
        data-relance="sidebar-toggle"
        aria-expanded={open}
        // Only names the panel while it exists: a reference to a missing id is an accessibility error.
        aria-controls={open && panelShown ? panelId : undefined}
        aria-label={open ? t('sidebarClose') : t('sidebarOpen')}
        title={open ? t('sidebarClose') : t('sidebarOpen')}
        onClick={() => setOpenAndRemember(!open)}
      >
        {open ? (
          <span className="rl-toggle-chevron" aria-hidden="true">
            ›
          </span>
        ) : (
          <span className="rl-toggle-label" aria-hidden="true">
            Relance
          </span>
        )}
      </button>
      {panelShown ? (
        <SidebarPanel id={panelId} adapter={adapter} ask={ask} bus={bus} host={host} signal={signal} open={open} pinned={pinned} setPinned={setPinned} onClose={() => setOpenAndRemember(false)} />
      ) : null}
    </div>
  );
}
