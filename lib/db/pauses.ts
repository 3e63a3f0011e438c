import { clientKeyFor, type Client, type Invoice } from '../domain/invoice';
import { addDaysIso } from '../domain/dates';
import type { IsoDate } from '../domain/types';
import { addEvent } from './events';
import type { RelanceDb } from './schema';
import { StoreError, type Clock } from './store';

/**
 * Snoozing and pausing, from the popup. The ladder (lib/domain/ladder/pauses.ts) reads 'paused' / 'resumed'
 * events, so each action writes one; the invoice's `snoozedUntil` and the client's `paused` flag let lists show the
 * state without reading the event log.
 *
 * Snooze until D: the invoice comes back on D (as a mail snoozed until Friday is back on Friday). The 'paused'
 * event therefore says `until: D - 1`, the last quiet day, because a ladder pause covers its end date.
 */

export class PauseActions {
  constructor(
    private readonly db: RelanceDb,
    private readonly clock: Clock,
  ) {}

  async snoozeInvoice(id: string, until: IsoDate | null, today: IsoDate): Promise<Invoice> {
    if (until !== null && until <= today) throw new StoreError('invalid', 'Choose a day after today to snooze until.');
    const now = this.clock.now().toISOString();
    return this.db.transaction('rw', this.db.invoices, this.db.histories, async () => {
      const inv = await this.db.invoices.get(id);
      if (!inv) throw new StoreError('not_found', 'This invoice no longer exists.');
      await this.db.invoices.update(id, { snoozedUntil: until, updatedAt: now });
      await addEvent(
        this.db,
        until === null
          ? { invoiceId: id, clientKey: inv.clientKey, type: 'resumed', at: now, payload: { reason: 'snooze' } }
          : { invoiceId: id, clientKey: inv.clientKey, type: 'paused', at: now, payload: { reason: 'snooze', until: addDaysIso(until, -1), snoozedUntil: until } },
      );
      return { ...inv, snoozedUntil: until, updatedAt: now };
    });
  }

  /** Stops (or restarts) the ladder for one invoice until the user says otherwise; resuming also ends a snooze. */
  async pauseInvoice(id: string, paused: boolean): Promise<Invoice> {
    const now = this.clock.now().toISOString();
    return this.db.transaction('rw', this.db.invoices, this.db.histories, async () => {
      const inv = await this.db.invoices.get(id);
      if (!inv) throw new StoreError('not_found', 'This invoice no longer exists.');
      const changes: Partial<Invoice> = paused ? { updatedAt: now } : { snoozedUntil: null, updatedAt: now };
      await this.db.invoices.update(id, changes);
      await addEvent(this.db, { invoiceId: id, clientKey: inv.clientKey, type: paused ? 'paused' : 'resumed', at: now, payload: {} });
      return { ...inv, ...changes };
    });
  }

  /** Stops (or restarts) every reminder to one client: the flag, and a client-wide event for the timeline. */
  async pauseClient(clientEmail: string, paused: boolean): Promise<Client> {
    const key = clientKeyFor(clientEmail);
    const now = this.clock.now().toISOString();
    return this.db.transaction('rw', this.db.clients, this.db.histories, async () => {
      const client = await this.db.clients.get(key);
      if (!client) throw new StoreError('not_found', 'Relance does not know this client.');
      await this.db.clients.update(key, { paused, updatedAt: now });
      await addEvent(this.db, { invoiceId: null, clientKey: key, type: paused ? 'paused' : 'resumed', at: now, payload: { scope: 'client' } });
      return { ...client, paused, updatedAt: now };
    });
  }
}

/** Everything Relance stored, gone: invoices, clients, events, settings, the mail ledger, diagnostics, meta. */
export async function deleteAllData(db: RelanceDb): Promise<void> {
  await db.transaction('rw', [db.invoices, db.clients, db.histories, db.settings, db.meta, db.messages, db.diagnostics], async () => {
    await Promise.all([db.invoices.clear(), db.clients.clear(), db.histories.clear(), db.settings.clear(), db.meta.clear(), db.messages.clear(), db.diagnostics.clear()]);
  });
}
