import type { Ask } from '@/lib/messaging/content-client';

// A prefetched answer older than this is not shown: the data may have changed since.
const PREFETCH_FRESH_MS = 3000;

/**
 * An `ask` that answers the panel's first `sidebar.load` with a request already in flight: the round trip to the
 * background then overlaps loading React and rendering, instead of starting after them.
 */
export function withPrefetch(base: Ask, now: () => number): { ask: Ask; prefetch(clientEmail: string | null): void } {
  let pending: { clientEmail: string | null; at: number; answer: ReturnType<Ask> } | null = null;
  const wrapped: Ask = (command, payload) => {
    const p = pending;
    if (command === 'sidebar.load' && p && (payload as { clientEmail: string | null }).clientEmail === p.clientEmail && now() - p.at < PREFETCH_FRESH_MS) {
      pending = null;
      return p.answer as ReturnType<typeof base<typeof command>>;
    }
    return base(command, payload);
  };
  return {
    ask: wrapped,
    prefetch(clientEmail) {
      const answer = base('sidebar.load', { clientEmail });
      // An unused prefetch that fails must not surface as an unhandled rejection; the panel's own request reports.
      answer.catch(() => undefined);
      pending = { clientEmail, at: now(), answer: answer as ReturnType<Ask> };
    },
  };
}
