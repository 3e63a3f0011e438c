import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ask } from '@/lib/messaging/content-client';
import { startController } from '@/lib/content/controller';
import { createSidebarHost } from '@/lib/content/host';
import { createIdleRunner } from '@/lib/content/idle';
import type { WebmailAdapter } from '@/lib/webmail/adapter';
import { loadSidebarOpen, saveSidebarOpen } from '@/lib/webmail/sidebar-state';
import shellCss from './shell.css?inline';
import { t, uiLocale } from '@/components/ui/i18n';
import { warmFormatters } from '@/components/ui/intl-cache';
import { createSidebarBus } from './bus';
import { loadPanel, PANEL_SCRIPT, type MountPanel } from './panel-contract';
import type { PanelHandle } from './panel-root';
import { withPrefetch } from './prefetch';
import { createShadowHost } from './shadow-host';
import { createSidebarShell, type SidebarShell } from './shell';

export interface SidebarLayout {
  /** Height of the webmail's top bar (account menu, search): the open panel starts below it, never over it. */
  topInsetPx: number;
}

/**
 * Mount the sidebar in an open shadow root (styles isolated both ways; open so tests and assistive tech can reach
 * it). Key events are stopped at the shadow boundary so typing in the form never triggers webmail shortcuts.
 * Everything is torn down when the content script is invalidated (extension reloaded or updated).
 *
 * The page's load comes first: the controller starts in idle tasks, the shell's styles are bundled, and a closed
 * sidebar is a plain-DOM toggle (shell.ts). React and the panel are a script of their own
 * (entrypoints/sidebar-panel.ts, see panel-contract.ts), imported into this isolated world only once the sidebar is
 * open; the client's data is requested first, so the round trip overlaps loading and starting them.
 */
export async function mountSidebar(ctx: ContentScriptContext, adapter: WebmailAdapter, layout: SidebarLayout): Promise<void> {
  const bus = createSidebarBus();
  // Queued before the sidebar renders: a sent invoice is reported even if the panel never opens.
  const early = withPrefetch(ask, () => performance.now());
  // A write the sidebar shows (a reply recorded, an invoice detected) makes a prefetched answer stale.
  const dataChanged = () => {
    early.invalidate();
    bus.dataChanged();
  };
  startController({ adapter, ask, signal: ctx.signal, onPageState: bus.setPage, onDataChanged: dataChanged, onInvoiceSent: bus.invoiceSent, runStep: createIdleRunner(window, ctx.signal) });
  const host = createSidebarHost(document);
  const initialOpen = await loadSidebarOpen();
  if (ctx.isInvalid) return;
  // The panel's script is fetched and compiled (off the main thread: a module script is streamed) while the shadow
  // root is built; a failed load is retried at the next opening.
  let panelScript: Promise<MountPanel> | null = null;
  const loadPanelScript = () =>
    (panelScript ??= loadPanel(globalThis, browser.runtime.getURL(PANEL_SCRIPT), (url) => import(/* @vite-ignore */ url)).catch((err: unknown) => {
      panelScript = null;
      throw err;
    }));
  // While the panel's script travels, in a task of its own: the locale data the first amount and date formatters
  // load (15-25 ms the first time in a page; the browser keeps it for the page, so the panel's formatters are cheap).
  const warmLocaleData = () => setTimeout(() => warmFormatters(uiLocale(), 'EUR'), 0);
  if (initialOpen) {
    // Left open: the panel's script first (its fetch and compile run off the main thread while the rest of this
    // start runs), then the client's data, then the locale data in a task of its own.
    loadPanelScript().catch(() => undefined);
    early.prefetch(adapter.currentCorrespondent()?.email ?? null);
    warmLocaleData();
  }

  let panel: PanelHandle | null = null;
  let panelLoading: Promise<void> | null = null;
  const showPanel = (shell: SidebarShell) => {
    if (panel) return panel.setOpen(shell.isOpen());
    if (!panelLoading && !panelScript) warmLocaleData();
    panelLoading ??= loadPanelScript()
      .then((mountPanel) => {
        if (ctx.isInvalid) return;
        // The prefetched data, when it is already here, is the panel's first view: one render, one layout.
        const initialLoad = early.take(adapter.currentCorrespondent()?.email ?? null);
        panel = mountPanel(shell.slot, { adapter, ask: early.ask, bus, host, signal: ctx.signal, onClose: () => shell.setOpen(false), onPanelShown: (id) => shell.setPanelId(id), initialLoad }, shell.isOpen());
      })
      .catch((err: unknown) => {
        // The extension was reloaded under the page, or the file is missing: say so in the panel's place, and let
        // the next opening try again.
        panelLoading = null;
        shell.showFailure(t('errPanelLoad'), err);
      });
  };

  // The shell's styles only (base + toggle, bundled: nothing is fetched); the panel brings the rest with it.
  const ui = createShadowHost(document, { name: 'relance-sidebar', css: shellCss, zIndex: 2147483000 });
  const shell = createSidebarShell(document, ui.container, {
    topInsetPx: layout.topInsetPx,
    labels: { open: () => t('sidebarOpen'), close: () => t('sidebarClose') },
    initialOpen,
    onOpenChange(open) {
      void saveSidebarOpen(open);
      showPanel(shell);
    },
  });
  ctx.onInvalidated(() => {
    panel?.unmount();
    panel = null;
    ui.remove();
  });
  if (initialOpen) showPanel(shell);
}
