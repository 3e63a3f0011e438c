import type { PageState } from '@/lib/content/controller';

/**
 * What the controller tells the sidebar: whether the page is readable, and a counter that moves each time the
 * background wrote something the sidebar shows. A tiny external store for React's useSyncExternalStore.
 */
export interface SidebarSignals {
  page: PageState | null;
  dataVersion: number;
  /** The client of the last invoice caught at send time, shown when no thread is open. */
  sentTo: { email: string; name: string } | null;
}

export interface SidebarBus {
  get(): SidebarSignals;
  subscribe(listener: () => void): () => void;
  setPage(page: PageState): void;
  dataChanged(): void;
  invoiceSent(client: { email: string; name: string }): void;
}

export function createSidebarBus(): SidebarBus {
  let state: SidebarSignals = { page: null, dataVersion: 0, sentTo: null };
  const listeners = new Set<() => void>();
  const emit = (next: SidebarSignals) => {
    state = next;
    for (const l of listeners) l();
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setPage: (page) => {
      if (state.page?.recognised !== page.recognised || state.page?.webmail !== page.webmail) emit({ ...state, page });
    },
    dataChanged: () => emit({ ...state, dataVersion: state.dataVersion + 1 }),
    invoiceSent: (client) => emit({ ...state, sentTo: client }),
  };
}
