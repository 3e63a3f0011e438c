import { allEvents } from '../db/events';
import { StoreError, type RelanceStore } from '../db/store';
import { localIsoDate } from '../domain/clock';
import type { Client, Invoice, InvoiceEvent } from '../domain/invoice';
import { clientKeyFor } from '../domain/invoice';
import { DEFAULT_PLANS } from '../domain/ladder/plans';
import { readPauses } from '../domain/ladder/pauses';
import type { IsoDate } from '../domain/types';
import type { Handlers } from '../messaging/router';
import { popupClient, popupPage } from './popup-page';
import { PlanSettingsSchema, type PlanSettings, type PopupClient, type PopupList } from './popup-schemas';

/**
 * What the popup and the options page need beyond the foundation's commands: the popup's pages (popup-page.ts:
 * the clients that need attention first, each with its next step, computed here so the popup stays a view), every
 * client with its next step for the options page (popup.list: the whole database, so not for the popup), per-client
 * overrides, and the ladder plans the user chose or edited. Plans live in the `meta` table under PLANS_META_KEY (no schema version needed).
 */

type PopupCommands = 'popup.page' | 'popup.list' | 'client.update' | 'plans.get' | 'plans.update';

export const PLANS_META_KEY = 'ladder-plans';

export async function readPlanSettings(store: RelanceStore): Promise<PlanSettings> {
  const row = await store.db.meta.get(PLANS_META_KEY);
  const parsed = PlanSettingsSchema.safeParse(row?.value ?? {});
  // A stored value this version cannot read is ignored rather than breaking the popup.
  return parsed.success ? parsed.data : PlanSettingsSchema.parse({});
}

function knownPlanId(plans: PlanSettings, id: string): boolean {
  return plans.plans.some((p) => p.id === id) || DEFAULT_PLANS.some((p) => p.id === id || p.id.startsWith(`${id}-`));
}

async function popupList(store: RelanceStore, today: IsoDate): Promise<PopupList> {
  const db = store.db;
  const [invoices, clients, events, settings, plans] = await Promise.all([
    db.invoices.toArray(),
    db.clients.toArray(),
    allEvents(db),
    store.getSettings(),
    readPlanSettings(store),
  ]);
  const confirmed = invoices.filter((i) => i.review === 'confirmed');
  const byKey = new Map<string, { client: Client | null; email: string; invoices: Invoice[]; events: InvoiceEvent[] }>();
  for (const c of clients) byKey.set(c.key, { client: c, email: c.email, invoices: [], events: [] });
  for (const inv of confirmed) {
    const entry = byKey.get(inv.clientKey) ?? { client: null, email: inv.clientEmail, invoices: [], events: [] };
    entry.invoices.push(inv);
    byKey.set(inv.clientKey, entry);
  }
  for (const ev of events) byKey.get(ev.clientKey)?.events.push(ev);

  const out: PopupClient[] = [];
  const invoicePauses: PopupList['invoicePauses'] = [];
  for (const [key, e] of byKey) {
    const pauses = readPauses(e.events, today);
    for (const inv of e.invoices) {
      const p = pauses.invoices.get(inv.id);
      if (p && inv.status === 'open') invoicePauses.push({ invoiceId: inv.id, kind: p.kind, until: p.until });
    }
    out.push(popupClient(key, e.client, e.invoices, e.events, settings, plans, today));
  }
  out.sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email));
  return { today, clients: out, invoices: confirmed, invoicePauses };
}

export function createPopupHandlers(store: RelanceStore, deps: { now(): Date; afterWrite(): Promise<void> }): Pick<Handlers, PopupCommands> {
  const today = () => localIsoDate(deps.now());
  const db = store.db;
  return {
    // One read-only transaction for the page's few dozen reads: each read outside one would open its own.
    'popup.page': async (req) =>
      db.transaction('r', [db.invoices, db.clients, db.histories, db.settings, db.meta], async () => {
        const [settings, plans] = await Promise.all([store.getSettings(), readPlanSettings(store)]);
        return popupPage(store, today(), req, { settings, plans });
      }),
    'popup.list': async () => popupList(store, today()),
    'client.update': async (req) => {
      const key = clientKeyFor(req.clientEmail);
      const now = deps.now().toISOString();
      const { planId, ...fields } = req.patch;
      const result = await db.transaction('rw', db.clients, db.meta, async () => {
        const client = await db.clients.get(key);
        if (!client) throw new StoreError('not_found', 'Relance does not know this client.');
        if (planId !== undefined) {
          const plans = await readPlanSettings(store);
          if (planId !== null && !knownPlanId(plans, planId)) throw new StoreError('invalid', `There is no plan "${planId}".`);
          const clientPlans = { ...plans.clientPlans };
          if (planId === null) delete clientPlans[key];
          else clientPlans[key] = planId;
          await db.meta.put({ key: PLANS_META_KEY, value: { ...plans, clientPlans } });
        }
        const updated: Client = { ...client, ...fields, updatedAt: now };
        await db.clients.put(updated);
        return updated;
      });
      await deps.afterWrite();
      return result;
    },
    'plans.get': async () => readPlanSettings(store),
    'plans.update': async (req) => {
      const current = await readPlanSettings(store);
      const next: PlanSettings = {
        defaultPlanId: req.defaultPlanId !== undefined ? req.defaultPlanId : current.defaultPlanId,
        plans: req.plans ?? current.plans,
        clientPlans: current.clientPlans,
      };
      const ids = new Set<string>();
      for (const p of next.plans) {
        if (ids.has(p.id)) throw new StoreError('invalid', `Two plans have the id "${p.id}".`);
        if (DEFAULT_PLANS.some((d) => d.id === p.id)) throw new StoreError('invalid', `"${p.id}" is a built-in plan: save your copy under another id.`);
        ids.add(p.id);
      }
      if (next.defaultPlanId && !knownPlanId(next, next.defaultPlanId)) throw new StoreError('invalid', `There is no plan "${next.defaultPlanId}".`);
      await db.meta.put({ key: PLANS_META_KEY, value: next });
      return next;
    },
  };
}
