import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ask } from '@/lib/content/bridge';
import { startController } from '@/lib/content/controller';
import { createSidebarHost } from '@/lib/content/host';
import type { WebmailAdapter } from '@/lib/webmail/adapter';
import { loadSidebarOpen, saveSidebarOpen } from '@/lib/webmail/sidebar-state';
import { createSidebarBus } from './bus';
import { Sidebar } from './Sidebar';
import '@/components/ui/relance.css';

export interface SidebarLayout {
  /** Height of the webmail's top bar (account menu, search): the open panel starts below it, never over it. */
  topInsetPx: number;
}

/**
 * Mount the sidebar in an open shadow root (styles isolated both ways; open so tests and assistive tech can reach
 * it). Key events are stopped at the shadow boundary so typing in the form never triggers webmail shortcuts.
 * Everything is torn down when the content script is invalidated (extension reloaded or updated).
 */
export async function mountSidebar(ctx: ContentScriptContext, adapter: WebmailAdapter, layout: SidebarLayout): Promise<void> {
  // The controller starts first: a sent invoice is reported even before the panel has rendered.
  const bus = createSidebarBus();
  startController({ adapter, ask, signal: ctx.signal, onPageState: bus.setPage, onDataChanged: bus.dataChanged, onInvoiceSent: bus.invoiceSent });
  const host = createSidebarHost(document);
  const initialOpen = await loadSidebarOpen();
  if (ctx.isInvalid) return;
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'relance-sidebar',
    mode: 'open',
    position: 'overlay',
    alignment: 'top-right',
    zIndex: 2147483000,
    anchor: 'body',
    append: 'last',
    isolateEvents: true,
    onMount(container) {
      const root = createRoot(container);
      root.render(<Sidebar adapter={adapter} ask={ask} bus={bus} host={host} signal={ctx.signal} topInsetPx={layout.topInsetPx} initialOpen={initialOpen} onOpenChange={(open) => void saveSidebarOpen(open)} />);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
}
