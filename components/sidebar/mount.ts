import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { ask } from '@/lib/messaging/content-client';
import { startController } from '@/lib/content/controller';
import { createSidebarHost } from '@/lib/content/host';
import { createIdleRunner } from '@/lib/content/idle';
import type { WebmailAdapter } from '@/lib/webmail/adapter';
import { loadSidebarOpen, saveSidebarOpen } from '@/lib/webmail/sidebar-state';
import shellCss from './shell.css?inline';
import relanceCss from '@/components/ui/relance.css?inline';
import { t, uiLocale } from '@/components/ui/i18n';
import { warmFormatters } from '@/components/ui/intl-cache';
import { createSidebarBus } from './bus';
import { loadPanel, PANEL_SCRIPT, type MountPanel } from './panel-contract';
import type { PanelHandle } from './panel-root';
import { withPrefetch, type InitialLoad } from './prefetch';
import { createShadowHost } from './shadow-host';
import { createSidebarShell } from './shell';
import { createStaticPanel, findActionTarget, type ActionTarget, type LoadedFirstView, type StaticPanel } from './static-panel';

export interface SidebarLayout {
  /** Height of the webmail's top bar (account menu, search): the open panel starts below it, never over it. */
  topInsetPx: number;
}

// One panel per page, in the sidebar's own shadow root (the React panel uses the same id: panel-root.tsx).
const PANEL_ID = 'relance-panel';
const FIRST_VIEW_WAIT_MS = 3000;

/** The answer, or null if it failed or is late: past a slow worker start, the shell and the React panel come as before. */
async function withinWait<T>(answer: Promise<T>): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), FIRST_VIEW_WAIT_MS)));
  try {
    return await Promise.race([answer.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Mount the sidebar in an open shadow root (styles isolated both ways; open so tests and assistive tech can reach
 * it). Key events are stopped at the shadow boundary so typing in the form never triggers webmail shortcuts.
 * Everything is torn down when the content script is invalidated (extension reloaded or updated).
 *
 * The page's load comes first: the controller starts in idle tasks, the shell's styles are bundled, and a closed
 * sidebar is a plain-DOM toggle (shell.ts). React and the panel are a script of their own
 * (entrypoints/sidebar-panel.ts, see panel-contract.ts), imported into this isolated world only when needed.
 *
 * A sidebar left open paints its first view without React, Intl or i18n in the page: the background answers
 * `sidebar.load` with the panel's first render as text (static-panel.ts). The React panel is loaded when the user
 * acts in it: it renders aside with the same data, takes the first view's place, and the click is replayed on the
 * same element there. Opening a closed sidebar loads the React panel at once, as before (the user is acting).
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
  // The panel's script is fetched and compiled off the main thread (a module script is streamed); a failed load is
  // retried at the next opening.
  let panelScript: Promise<MountPanel> | null = null;
  const loadPanelScript = () =>
    (panelScript ??= loadPanel(globalThis, browser.runtime.getURL(PANEL_SCRIPT), (url) => import(/* @vite-ignore */ url)).catch((err: unknown) => {
      panelScript = null;
      throw err;
    }));
  // In a task of its own, while the panel's script travels: the locale data the first amount and date formatters
  // load (15-25 ms the first time in a page; the browser keeps it for the page, so the panel's formatters are cheap).
  let localeWarmed = false;
  const warmLocaleData = () => {
    if (localeWarmed) return;
    localeWarmed = true;
    setTimeout(() => warmFormatters(uiLocale(), 'EUR'), 0);
  };

  // Left open: the first view, formatted by the background, for the thread shown now.
  const firstViewOf = (clientEmail: string | null) => ask('sidebar.load', { clientEmail, firstView: true });
  const firstWho = initialOpen ? (adapter.currentCorrespondent() ?? null) : null;
  const first = initialOpen ? await withinWait(firstViewOf(firstWho?.email ?? null)) : null;
  if (ctx.isInvalid) return;
  const firstData = first?.firstView ? (first as LoadedFirstView) : null;
  // Without it (the background did not answer), the React panel as before: its script, the data, the locale data.
  if (initialOpen && !firstData) {
    loadPanelScript().catch(() => undefined);
    early.prefetch(firstWho?.email ?? null);
    warmLocaleData();
  }

  // The shell's styles (base + toggle, bundled: nothing is fetched); the panel's come with the first view or React.
  const ui = createShadowHost(document, { name: 'relance-sidebar', css: shellCss, zIndex: 2147483000 });
  // The React panel renders into `stage`, which is in the slot from the start, or takes the first view's place once
  // React has rendered it (aside, so the page never holds two panels with the same hooks).
  const stage = document.createElement('div');
  stage.style.display = 'contents';
  let staticPanel: StaticPanel | null = null;
  let replay: ActionTarget | null = null;
  let panel: PanelHandle | null = null;
  let panelLoading: Promise<void> | null = null;

  const labels = firstData?.firstView.labels;
  const shell = createSidebarShell(document, ui.container, {
    topInsetPx: layout.topInsetPx,
    labels: labels ? { open: () => labels.sidebarOpen, close: () => labels.sidebarClose } : { open: () => t('sidebarOpen'), close: () => t('sidebarClose') },
    initialOpen,
    onOpenChange(open) {
      void saveSidebarOpen(open);
      if (staticPanel) {
        // Closing the first view: nothing to load. The next opening mounts the React panel.
        if (!open) closeFirstView();
        return;
      }
      showPanel();
    },
  });

  const replayClick = () => {
    const target = replay;
    replay = null;
    if (!target) return;
    // After React's commit (this runs in its effect): the click goes through React's own event handling.
    setTimeout(() => {
      const el = findActionTarget(stage, target);
      if (!el) return;
      if (target.focused) el.focus();
      el.click();
    }, 0);
  };
  const stageShown = () => {
    if (stage.parentNode !== shell.slot) {
      staticPanel?.remove();
      staticPanel = null;
      shell.slot.append(stage);
    }
    replayClick();
  };
  const mountReact = (initialLoad: InitialLoad | null) =>
    (panelLoading ??= loadPanelScript()
      .then((mountPanel) => {
        if (ctx.isInvalid) return;
        // Data already here (the first view's, or the prefetch's) is the panel's first view: one render, one layout.
        const load = initialLoad ?? early.take(adapter.currentCorrespondent()?.email ?? null);
        panel = mountPanel(
          stage,
          {
            adapter,
            ask: early.ask,
            bus,
            host,
            signal: ctx.signal,
            onClose: () => shell.setOpen(false),
            onPanelShown: (id) => {
              if (id) stageShown();
              shell.setPanelId(id);
            },
            initialLoad: load,
            styleRoot: ui.shadow,
          },
          shell.isOpen(),
        );
      })
      .catch((err: unknown) => {
        // The extension was reloaded under the page, or the file is missing: say so in the panel's place, and let
        // the next opening try again.
        panelLoading = null;
        shell.showFailure(t('errPanelLoad'), err);
      }));
  const showPanel = () => {
    if (panel) return panel.setOpen(shell.isOpen());
    if (!panelLoading && !panelScript) warmLocaleData();
    void mountReact(null);
  };
  const closeFirstView = () => {
    staticPanel?.remove();
    staticPanel = null;
    replay = null;
    shell.setPanelId(null);
  };

  if (firstData) {
    const style = document.createElement('style');
    style.textContent = relanceCss;
    style.dataset.relance = 'panel-styles';
    ui.shadow.querySelector('head')?.append(style);
    staticPanel = createStaticPanel({
      doc: document,
      slot: shell.slot,
      id: PANEL_ID,
      adapter,
      bus,
      signal: ctx.signal,
      first: { who: firstWho, data: firstData },
      load: firstViewOf,
      onClose: () => shell.setOpen(false),
      onWarm: () => {
        loadPanelScript().catch(() => undefined);
        warmLocaleData();
      },
      onHandOver(target) {
        if (target) replay = target;
        const painted = staticPanel?.current();
        warmLocaleData();
        void mountReact(painted ? { clientEmail: painted.who?.email ?? null, data: painted.data } : null);
      },
    });
    shell.setPanelId(PANEL_ID);
  } else {
    shell.slot.append(stage);
  }

  ctx.onInvalidated(() => {
    panel?.unmount();
    panel = null;
    staticPanel?.remove();
    ui.remove();
  });
  if (initialOpen && !firstData) showPanel();
}
