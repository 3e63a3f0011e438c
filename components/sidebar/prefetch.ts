import type { Ask } from '@/lib/messaging/content-client';
import type { ResponseOf } from '@/lib/messaging/protocol';

// A prefetched answer older than this is not shown: the data may have changed since.
const PREFETCH_FRESH_MS = 3000;

export type SidebarLoad = ResponseOf<'sidebar.load'>;
/** An answer to `sidebar.load` and the client it was asked for. */
export interface InitialLoad {
  clientEmail: string | null;
  data: SidebarLoad;
}

export interface Prefetch {
  /** Answers the panel's first matching `sidebar.load` with the request already in flight. */
  ask: Ask;
  prefetch(clientEmail: string | null): void;
  /**
   * The prefetched answer for this client if it has already arrived (and is fresh), handed over once: the panel
   * then paints its first view with the client's data instead of an empty one followed by a second render.
   */
  take(clientEmail: string | null): InitialLoad | null;
  /** The background wrote something the sidebar shows: an answer asked before that is not used. */
  invalidate(): void;
}

/**
 * An `ask` that answers the panel's first `sidebar.load` with a request already in flight: the round trip to the
 * background then overlaps loading React and rendering, instead of starting after them.
 */
export function withPrefetch(base: Ask, now: () => number): Prefetch {
  let pending: { clientEmail: string | null; at: number; answer: Promise<SidebarLoad>; settled: SidebarLoad | null } | null = null;
  const fresh = (clientEmail: string | null) => pending !== null && pending.clientEmail === clientEmail && now() - pending.at < PREFETCH_FRESH_MS;
  const wrapped: Ask = (command, payload) => {
    const p = pending;
    if (command === 'sidebar.load' && p && fresh((payload as { clientEmail: string | null }).clientEmail)) {
      pending = null;
      return p.answer as ReturnType<typeof base<typeof command>>;
    }
    return base(command, payload);
  };
  return {
    ask: wrapped,
    prefetch(clientEmail) {
      const answer = base('sidebar.load', { clientEmail });
      const entry = { clientEmail, at: now(), answer, settled: null as SidebarLoad | null };
      // An unused prefetch that fails must not surface as an unhandled rejection; the panel's own request reports.
      answer.then((data) => (entry.settled = data)).catch(() => undefined);
      pending = entry;
    },
    take(clientEmail) {
      const p = pending;
      if (!p || !p.settled || !fresh(clientEmail)) return null;
      pending = null;
      return { clientEmail: p.clientEmail, data: p.settled };
    },
    invalidate() {
      pending = null;
    },
  };
}
