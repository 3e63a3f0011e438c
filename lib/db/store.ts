import type { z } from 'zod';
import { outstandingMinor, clientKeyFor, type Client, type Invoice, type InvoiceEvent, NewInvoiceSchema, type NewInvoice } from '../domain/invoice';
import { applySettingsPatch, defaultSettings, SettingsSchema, type Settings, type SettingsPatch } from '../domain/settings';
import type { IsoDate } from '../domain/types';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup';
import { clientRows } from './client-rows';
import { addEvent, allEvents, packHistories } from './events';
import { overdueState } from './overdue';
import type { RelanceDb } from './schema';

/** A domain error with a stable code that crosses the message boundary as `{code, message}`. */
export class StoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'duplicate' | 'invalid' | 'quota' | 'internal',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface Clock {
  now(): Date;
}

export interface OverdueSummary {
  count: number;
  /** Outstanding overdue amount per currency, minor units. */
  totals: Record<string, number>;
}

export interface ClientView {
  client: Client | null;
  invoices: Invoice[];
  events: InvoiceEvent[];
}

/** Events the client view (the sidebar's timeline) shows. */
const CLIENT_VIEW_EVENTS = 200;

function newId(): string {
  return crypto.randomUUID();
}

export type ParsedNewInvoice = z.output<typeof NewInvoiceSchema>;

/** How a detected invoice is tracked: its review state, the detection's confidence and the amount payable it read. */
export interface InvoiceDetection {
  review: 'pending' | 'confirmed';
  confidence: number;
  amountDueMinor?: number | null;
}

/** A new invoice as given, validated: a clear `invalid` error naming the first problem otherwise. */
export function parseNewInvoice(input: NewInvoice): ParsedNewInvoice {
  const parsed = NewInvoiceSchema.safeParse(input);
  if (!parsed.success) throw new StoreError('invalid', parsed.error.issues[0]?.message ?? 'invalid invoice');
  return parsed.data;
}

/**
 * The rows a new invoice writes: the invoice, its client's row when it is new or gains a name (`client`, else
 * null), and its `created` event. Shared by createInvoice and the mail batch (lib/background/mail-view.ts), which
 * writes them with the rest of its batch.
 */
export function newInvoiceRows(
  v: ParsedNewInvoice,
  detection: InvoiceDetection | undefined,
  now: string,
  existing: Client | undefined,
): { invoice: Invoice; client: Client | null; created: Omit<InvoiceEvent, 'id'> } {
  const clientKey = clientKeyFor(v.clientEmail);
  let client: Client | null = null;
  if (!existing) {
    client = { key: clientKey, email: v.clientEmail, name: v.clientName, jurisdiction: null, b2b: true, language: v.language ?? null, paused: false, createdAt: now, updatedAt: now };
  } else if (v.clientName && !existing.name) {
    client = { ...existing, name: v.clientName, updatedAt: now };
  }
  const invoice: Invoice = {
    id: newId(),
    clientKey,
    clientEmail: v.clientEmail,
    clientName: v.clientName || existing?.name || '',
    number: v.number,
    amountMinor: v.amountMinor,
    amountDueMinor: detection?.amountDueMinor && detection.amountDueMinor > 0 ? detection.amountDueMinor : null,
    currency: v.currency,
    issueDate: v.issueDate,
    dueDate: v.dueDate,
    terms: v.terms ?? null,
    status: 'open',
    review: detection?.review ?? (v.source === 'detected' ? 'pending' : 'confirmed'),
    source: v.source,
    confidence: detection ? Math.min(1, Math.max(0, detection.confidence)) : null,
    paidDate: null,
    paidMinor: 0,
    webmail: v.webmail ?? null,
    threadId: v.threadId ?? null,
    messageId: v.messageId ?? null,
    language: v.language ?? null,
    createdAt: now,
    updatedAt: now,
  };
  return { invoice, client, created: { invoiceId: invoice.id, clientKey, type: 'created', at: now, payload: { source: v.source } } };
}

/**
 * All reads and writes of Relance's data. Only the background worker constructs one.
 * Writes are transactions so that an interrupted write leaves nothing half done.
 */
export class RelanceStore {
  constructor(
    readonly db: RelanceDb,
    readonly clock: Clock,
  ) {}

  private nowIso(): string {
    return this.clock.now().toISOString();
  }

  /**
   * `detection` lets the detector set the review state (pending, or confirmed when auto-tracking a confident
   * detection), the detection's confidence and the amount payable it read; without it, detected invoices wait for
   * review as before.
   */
  async createInvoice(input: NewInvoice, detection?: InvoiceDetection): Promise<Invoice> {
    const v = parseNewInvoice(input);
    const clientKey = clientKeyFor(v.clientEmail);
    return this.db.transaction('rw', this.db.invoices, this.db.clients, this.db.histories, async () => {
      // Both reads at once: inside a long transaction each request is a round trip, not worth waiting for in turn.
      const [dup, existing] = await Promise.all([
        this.db.invoices
          .where('number')
          .equals(v.number)
          .filter((i) => i.clientKey === clientKey && i.review !== 'dismissed')
          .first(),
        this.db.clients.get(clientKey),
      ]);
      if (dup) throw new StoreError('duplicate', `Invoice ${v.number} is already tracked for ${v.clientEmail}.`);
      const rows = newInvoiceRows(v, detection, this.nowIso(), existing);
      if (rows.client) await this.db.clients.put(rows.client);
      await this.db.invoices.add(rows.invoice);
      await addEvent(this.db, rows.created);
      return rows.invoice;
    });
  }

  /** Record a payment; the invoice is paid once the outstanding amount reaches zero. */
  async recordPayment(id: string, payment: { date: IsoDate; amountMinor?: number }): Promise<Invoice> {
    const now = this.nowIso();
    return this.db.transaction('rw', this.db.invoices, this.db.histories, async () => {
      const inv = await this.db.invoices.get(id);
      if (!inv) throw new StoreError('not_found', 'This invoice no longer exists.');
      if (inv.status === 'paid') return inv;
      const remaining = outstandingMinor(inv);
      const amount = payment.amountMinor ?? remaining;
      if (amount <= 0 && remaining > 0) throw new StoreError('invalid', 'The payment must be a positive amount.');
      const paidMinor = inv.paidMinor + amount;
      const fullyPaid = paidMinor >= (inv.amountDueMinor ?? inv.amountMinor);
      const changes: Partial<Invoice> = {
        paidMinor,
        updatedAt: now,
        ...(fullyPaid ? { status: 'paid' as const, paidDate: payment.date } : {}),
      };
      await this.db.invoices.update(id, changes);
      await addEvent(this.db, {
        invoiceId: id,
        clientKey: inv.clientKey,
        type: 'payment-recorded',
        at: now,
        payload: { date: payment.date, amountMinor: amount, full: fullyPaid },
      });
      return { ...inv, ...changes };
    });
  }

  async getInvoice(id: string): Promise<Invoice | undefined> {
    return this.db.invoices.get(id);
  }

  async listInvoices(): Promise<Invoice[]> {
    return this.db.invoices.where('review').equals('confirmed').toArray();
  }

  /** The client, its invoices by due date (dismissed ones left out) and its latest 200 events, newest first. */
  async clientView(clientKey: string): Promise<ClientView> {
    const { client, invoices, events } = await clientRows(this.db, clientKeyFor(clientKey));
    return {
      client: client ?? null,
      invoices: invoices.filter((i) => i.review !== 'dismissed').sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1)),
      events: events.slice(-CLIENT_VIEW_EVENTS).reverse(),
    };
  }

  /** Open confirmed invoices whose due date is before today: an index range, not a table scan (lib/db/overdue.ts). */
  async overdueSummary(today: IsoDate): Promise<OverdueSummary> {
    const { count, totals } = await overdueState(this.db, today);
    return { count, totals: { ...totals } };
  }

  async getSettings(): Promise<Settings> {
    const row = await this.db.settings.get('settings');
    if (!row) return defaultSettings();
    const parsed = SettingsSchema.safeParse(row.value);
    return parsed.success ? parsed.data : defaultSettings();
  }

  async updateSettings(patch: SettingsPatch): Promise<Settings> {
    return this.db.transaction('rw', this.db.settings, async () => {
      const next = applySettingsPatch(await this.getSettings(), patch);
      await this.db.settings.put({ key: 'settings', value: next });
      return next;
    });
  }

  async exportAll(): Promise<Backup> {
    return this.db.transaction('r', [this.db.invoices, this.db.clients, this.db.histories, this.db.settings], async () => ({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: this.nowIso(),
      settings: await this.getSettings(),
      clients: await this.db.clients.toArray(),
      invoices: await this.db.invoices.toArray(),
      events: await allEvents(this.db),
    }));
  }

  /**
   * Replace everything with a validated backup, in one transaction: if anything fails, the
   * database is left exactly as it was.
   */
  async importAll(backup: Backup): Promise<{ invoices: number; clients: number; events: number }> {
    await this.db.transaction('rw', [this.db.invoices, this.db.clients, this.db.histories, this.db.settings, this.db.messages], async () => {
      // The ledger of handled mail points at invoices that are being replaced: it goes too. Mail seen again is then
      // matched against the imported invoices (by message id, then client and number) rather than tracked twice.
      await Promise.all([this.db.invoices.clear(), this.db.clients.clear(), this.db.histories.clear(), this.db.messages.clear()]);
      await this.db.clients.bulkAdd(backup.clients);
      await this.db.invoices.bulkAdd(backup.invoices);
      // One row per client, not per event (lib/db/events.ts): the file stays a flat list.
      await this.db.histories.bulkAdd(packHistories(backup.events));
      await this.db.settings.put({ key: 'settings', value: backup.settings });
    });
    return { invoices: backup.invoices.length, clients: backup.clients.length, events: backup.events.length };
  }
}
