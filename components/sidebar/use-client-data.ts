import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { BridgeError, type Ask } from '@/lib/messaging/content-client';
import { t } from '@/components/ui/i18n';
import type { InitialLoad } from './prefetch';

export type ClientView = ResponseOf<'client.view'>;
export type FollowupView = ResponseOf<'client.followup'>;
export type LookalikeView = NonNullable<ResponseOf<'sidebar.load'>['lookalike']>;

export interface ClientData {
  view: ClientView | null;
  followup: FollowupView | null;
  /** The background's look-alike warning for this client's address (it knows the other clients' domains). */
  lookalike: LookalikeView | null;
  defaults: { currency: string; today: string };
  error: string | null;
  reload: () => Promise<void>;
}

/**
 * One client's data for the sidebar, in one request (sidebar.load): invoices, detections and timeline (as
 * client.view), and the follow-up brain's answer (as client.followup: risk, next step, draft), loaded while the
 * panel is open and reloaded on demand. A follow-up failure does not hide the invoices: it only leaves the two
 * cards out.
 *
 * `initial`: an answer for this client that is already here (the content script's prefetch). It is the first
 * state, and the first load is skipped: the panel's first render shows the client's data.
 */
export function useClientData(ask: Ask, clientEmail: string | null, active: boolean, version: number, initial: InitialLoad | null = null): ClientData {
  // Used only at the first render, and only if it is for the client shown then.
  const [seed] = useState(() => (initial && initial.clientEmail === clientEmail ? initial.data : null));
  const [view, setView] = useState<ClientView | null>(seed?.view ?? null);
  const [followup, setFollowup] = useState<FollowupView | null>(seed?.followup ?? null);
  const [lookalike, setLookalike] = useState<LookalikeView | null>(seed?.lookalike ?? null);
  const [defaults, setDefaults] = useState(seed ? { currency: seed.settings.defaultCurrency, today: seed.today } : { currency: 'EUR', today: '' });
  const skipFirstLoad = useRef(seed !== null);
  const [error, setError] = useState<string | null>(null);
  // A slow answer for the previous client must not overwrite the current one.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setError(null);
    try {
      // One round trip: today, settings, the client's invoices and timeline, and the follow-up's answer.
      const request = ask('sidebar.load', { clientEmail });
      const data = await request;
      if (ticket !== latest.current) return;
      // A transition: the rows, cards and timeline render in slices that yield to the page.
      startTransition(() => {
        setDefaults({ currency: data.settings.defaultCurrency, today: data.today });
        setView(data.view);
        setFollowup(data.followup);
        setLookalike(data.lookalike ?? null);
      });
    } catch (err) {
      if (ticket === latest.current) setError(err instanceof BridgeError ? err.message : t('errUnexpected'));
    }
  }, [ask, clientEmail]);

  useEffect(() => {
    if (skipFirstLoad.current) {
      skipFirstLoad.current = false;
      return;
    }
    if (active) void reload();
  }, [active, reload, version]);

  return { view, followup, lookalike, defaults, error, reload };
}
