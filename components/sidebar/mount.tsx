import { startTransition } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { ask } from '@/lib/messaging/content-client';
import { startController } from '@/lib/content/controller';
import { createSidebarHost } from '@/lib/content/host';
import { createIdleRunner } from '@/lib/content/idle';
import type { WebmailAdapter } from '@/lib/webmail/adapter';
import { loadSidebarOpen, saveSidebarOpen } from '@/lib/webmail/sidebar-state';
import relanceCss from '@/components/ui/relance.css?inline';
import { createSidebarBus } from './bus';
import { Sidebar } from './Sidebar';

export interface SidebarLayout {
  /** Height of the webmail's top bar (account menu, search): the open panel starts below it, never over it. */
  topInsetPx: number;
}

/**
 * Mount the sidebar in an open shadow root (styles isolated both ways; open so tests and assistive tech can reach
 * it). Key events are stopped at the shadow boundary so typing in the form never triggers webmail shortcuts.
 * Everything is torn down when the content script is invalidated (extension reloaded or updated).
 *
 * The page's load comes first: the controller starts in idle tasks, the styles are bundled (no fetch of a
 * web-accessible file before the first paint), the open state is read while the shadow root is built, and the
 * first render is a transition (React renders in slices that yield to the page).
 */
export async function mountSidebar(ctx: ContentScriptContext, adapter: WebmailAdapter, layout: SidebarLayout): Promise<void> {
  const bus = createSidebarBus();
  // Queued before the sidebar renders: a sent invoice is reported even if the panel never opens.
  startController({ adapter, ask, signal: ctx.signal, onPageState: bus.setPage, onDataChanged: bus.dataChanged, onInvoiceSent: bus.invoiceSent, runStep: createIdleRunner(window, ctx.signal) });
  const host = createSidebarHost(document);
  const openRead = loadSidebarOpen();
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'relance-sidebar',
    mode: 'open',
    position: 'overlay',
    alignment: 'top-right',
    zIndex: 2147483000,
    anchor: 'body',
    append: 'last',
    isolateEvents: true,
    // What WXT does to the stylesheet it fetches: custom properties declared on :root belong to the shadow host.
    css: relanceCss.replaceAll(':root', ':host'),
    onMount(container) {
      const root = createRoot(container);
      void openRead.then((initialOpen) => {
        if (ctx.isInvalid) return;
        startTransition(() => {
          root.render(<Sidebar adapter={adapter} ask={ask} bus={bus} host={host} signal={ctx.signal} topInsetPx={layout.topInsetPx} initialOpen={initialOpen} onOpenChange={(open) => void saveSidebarOpen(open)} />);
        });
      });
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  if (ctx.isInvalid) return;
  ui.mount();
}
