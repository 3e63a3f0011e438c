import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { BridgeError, type Ask } from '@/lib/content/bridge';
import { t } from '@/components/ui/i18n';

export type ClientView = ResponseOf<'client.view'>;
export type FollowupView = ResponseOf<'client.followup'>;

export interface ClientData {
  view: ClientView | null;
  followup: FollowupView | null;
  defaults: { currency: string; today: string };
  error: string | null;
  reload: () => Promise<void>;
}

/**
 * One client's data for the sidebar: invoices, detections and timeline (client.view), and the follow-up brain's
 * answer (client.followup: risk, next step, draft), loaded while the panel is open and reloaded on demand. A
 * follow-up failure does not hide the invoices: it only leaves the two cards out.
 */
export function useClientData(ask: Ask, clientEmail: string | null, active: boolean, version: number): ClientData {
  const [view, setView] = useState<ClientView | null>(null);
  const [followup, setFollowup] = useState<FollowupView | null>(null);
  const [defaults, setDefaults] = useState({ currency: 'EUR', today: '' });
  const [error, setError] = useState<string | null>(null);
  // A slow answer for the previous client must not overwrite the current one.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setError(null);
    try {
      const [status, settings] = await Promise.all([ask('status.get', {}), ask('settings.get', {})]);
      if (ticket !== latest.current) return;
      setDefaults({ currency: settings.defaultCurrency, today: status.today });
      if (!clientEmail) {
        setView(null);
        setFollowup(null);
        return;
      }
      const [v, f] = await Promise.all([ask('client.view', { clientEmail }), ask('client.followup', { clientEmail }).catch(() => null)]);
      if (ticket !== latest.current) return;
      setView(v);
      setFollowup(f);
    } catch (err) {
      if (ticket === latest.current) setError(err instanceof BridgeError ? err.message : t('errUnexpected'));
    }
  }, [ask, clientEmail]);

  useEffect(() => {
    if (active) void reload();
  }, [active, reload, version]);

  return { view, followup, defaults, error, reload };
}
