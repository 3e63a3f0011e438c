import { parseBackup } from '../db/backup';
import { StoreError, type RelanceStore } from '../db/store';
import { localIsoDate } from '../domain/clock';
import type { Handlers } from '../messaging/router';

/**
 * The background's command handlers: business logic over the store, no `browser.*` here, so they
 * run under unit tests with an in-memory database. `afterWrite` lets the caller refresh the badge
 * after every change.
 */
export function createHandlers(store: RelanceStore, deps: { now(): Date; afterWrite(): Promise<void> }): Handlers {
  const today = () => localIsoDate(deps.now());
  const write = async <T>(p: Promise<T>): Promise<T> => {
    const r = await p;
    await deps.afterWrite();
    return r;
  };
  return {
    'invoice.create': (req) => write(store.createInvoice(req.invoice)),
    'invoice.markPaid': (req) =>
      write(store.recordPayment(req.id, { date: req.date ?? today(), ...(req.amountMinor !== undefined ? { amountMinor: req.amountMinor } : {}) })),
    'client.view': async (req) => ({ today: today(), ...(await store.clientView(req.clientEmail)) }),
    'invoice.list': async () => ({ today: today(), invoices: await store.listInvoices() }),
    'status.get': async () => ({ today: today(), overdue: await store.overdueSummary(today()) }),
    'settings.get': () => store.getSettings(),
    'settings.update': (req) => store.updateSettings(req.patch),
    'data.export': () => store.exportAll(),
    'data.import': async (req) => {
      const parsed = parseBackup(req.text);
      if (!parsed.ok) throw new StoreError('invalid', `Nothing was imported: ${parsed.error}`);
      return write(store.importAll(parsed.backup));
    },
  };
}
