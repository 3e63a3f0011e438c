import { buildFirstView } from '@/components/sidebar/first-view-tree';
import { uiLocale } from '@/components/ui/i18n';
import type { RelanceStore } from '../db/store';
import { localIsoDate } from '../domain/clock';
import type { Handlers } from '../messaging/router';
import { createFollowupHandlers } from './followup-handlers';
import { lookalikeOf, watchClientDomains } from './known-domains';

/**
 * What the sidebar shows, in one round trip from the webmail page: today, the settings (default currency for the
 * form), the client's invoices and timeline (as client.view) and the follow-up brain's answer (as
 * client.followup). It saves the page a second sequential round trip, and the overdue scan of status.get that
 * the sidebar never used. A follow-up failure does not hide the invoices: it answers `followup: null`. `lookalike`:
 * the warning for an address that imitates a client's domain (only the background knows the clients).
 *
 * `firstView` (asked by a webmail page whose sidebar was left open): the panel's first render as text, in the UI
 * language (components/sidebar/first-view-tree.ts). Its i18n lookups and Intl formatters run here, in the worker,
 * instead of in the webmail page at load; only that request pays for it (the panel's own reloads do not ask).
 */
export function createSidebarHandlers(store: RelanceStore, deps: { now(): Date }): Pick<Handlers, 'sidebar.load'> {
  // The look-alike check's client domains follow the writes from now on, before any request (known-domains.ts).
  watchClientDomains(store.db);
  const followup = createFollowupHandlers(store, deps)['client.followup'];
  return {
    'sidebar.load': async (req, ctx) => {
      const today = localIsoDate(deps.now());
      const clientEmail = req.clientEmail;
      const withFirstView = <T extends Parameters<typeof buildFirstView>[0]>(load: T) => (req.firstView ? { ...load, firstView: buildFirstView(load, clientEmail, uiLocale()) } : load);
      if (clientEmail === null) return withFirstView({ today, settings: await store.getSettings(), view: null, followup: null });
      // One read-only transaction for all of it: each read on its own would be an IndexedDB transaction of its own
      // (five or six per load), and creating them was a large part of the worker's time under load.
      const db = store.db;
      const [settings, view, next, lookalike] = await db.transaction('r', [db.settings, db.meta, db.clients, db.invoices, db.histories], () =>
        Promise.all([
          store.getSettings(),
          store.clientView(clientEmail),
          followup({ clientEmail }, ctx).catch(() => null),
          lookalikeOf(store.db, clientEmail).catch(() => null),
        ]),
      );
      return withFirstView({ today, settings, view: { today, ...view, pending: view.invoices.filter((i) => i.review === 'pending') }, followup: next, lookalike });
    },
  };
}
