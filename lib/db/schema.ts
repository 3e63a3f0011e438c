import Dexie, { type EntityTable } from 'dexie';
import type { Client, Invoice, InvoiceEvent } from '../domain/invoice';
import type { Settings } from '../domain/settings';
import { trackDataVersion } from './data-version';
import { packHistories } from './events';

export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/** Small internal facts (last overdue recompute, schema notes). Never exported. */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * One mail Relance has already handled (v2). The key is `${webmail}:${messageId}` when the webmail gave an id, and
 * `fp:${fingerprint}` for a message caught at send (no id yet): that is how a sent invoice seen again in its thread is
 * linked instead of tracked twice. No mail text is kept here.
 */
export interface MessageRow {
  key: string;
  /** The invoice the mail created, was linked to, or was recorded on; null when it led to nothing. */
  invoiceId: string | null;
  /** Classification of a sent mail (invoice, reminder…) or the intent of a received one. */
  kind: string;
  direction: 'sent' | 'received';
  /** ISO instant when Relance handled it. */
  seenAt: string;
}

/**
 * A client's history (v4): all its events, oldest first, in one row (lib/db/events.ts says why). `lastId` numbers
 * the next event recorded.
 */
export interface HistoryRow {
  clientKey: string;
  events: InvoiceEvent[];
  lastId: number;
}

/** A webmail view an adapter could not read (v2): selector names and tag-only HTML, never mail content. */
export interface DiagnosticRow {
  id?: number;
  webmail: 'gmail' | 'outlook';
  view: string;
  missed: string[];
  censoredHtml: string;
  /** ISO instant the adapter diagnosed the view. */
  at: string;
}

export type RelanceDb = Dexie & {
  invoices: EntityTable<Invoice, 'id'>;
  clients: EntityTable<Client, 'key'>;
  histories: EntityTable<HistoryRow, 'clientKey'>;
  settings: EntityTable<SettingsRow, 'key'>;
  meta: EntityTable<MetaRow, 'key'>;
  messages: EntityTable<MessageRow, 'key'>;
  diagnostics: EntityTable<DiagnosticRow, 'id'>;
};

export const DB_NAME = 'relance';

/**
 * Schema versions. A version is never edited once shipped: later versions are appended with an
 * upgrade function, and each upgrade has a test that opens a database written by the previous one.
 *
 * v1 indexes what the queries use: the sidebar reads by client, the badge counts open invoices by
 * due date ([status+dueDate] range), detection looks invoices up by thread/message to avoid
 * tracking one twice, and the timeline reads events by client or invoice in date order.
 */
export function defineSchema(db: Dexie): void {
  db.version(1).stores({
    invoices: 'id, clientKey, [status+dueDate], number, threadId, messageId, review, updatedAt',
    clients: 'key, name',
    events: '++id, invoiceId, [clientKey+at], type',
    settings: 'key',
    meta: 'key',
  });
  // v2 (issue 4, detection in the webmails): the ledger of handled mail, so nothing is tracked twice, and the last
  // diagnostics of unreadable views. Both tables are new: no existing row changes, so no upgrade function is needed.
  db.version(2).stores({
    messages: 'key, invoiceId, seenAt',
    diagnostics: '++id, at',
  });
  // v3 (issue 7, storage at scale): indexes no query uses are dropped, because every index is one more write per row
  // and an import writes tens of thousands of rows (10,000 invoices and 50,000 events: 284,000 index and row writes
  // with v2, 172,000 with v3). Gone: invoices.updatedAt, clients.name, events.type (never queried) and
  // events.invoiceId (an invoice's events are read from its client's [clientKey+at] range: lib/db/events.ts).
  // Dexie drops the indexes itself when the version is opened; no row changes, so no upgrade function.
  db.version(3).stores({
    invoices: 'id, clientKey, [status+dueDate], number, threadId, messageId, review',
    clients: 'key',
    events: '++id, [clientKey+at]',
  });
  // v4 (issue 7, import and the largest client's sidebar): a client's events are one `histories` row instead of one
  // row each. Every reader wants a client's history whole, or everything; one IndexedDB request per event made an
  // import of 50,000 events cost 3–5 s in Chromium. The upgrade packs the v3 rows in their recording order (the
  // primary key), so events of the same instant keep their order; Dexie deletes the `events` table after the
  // upgrade function has read it, in the same versionchange transaction: a failure leaves v3 as it was.
  db.version(4)
    .stores({ events: null, histories: 'clientKey' })
    .upgrade(async (tx) => {
      const events = (await tx.table('events').toArray()) as InvoiceEvent[];
      await tx.table('histories').bulkAdd(packHistories(events));
    });
}

export interface OpenOptions {
  name?: string;
  /** For tests: fake-indexeddb's factory and key range. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export function openRelanceDb(opts: OpenOptions = {}): RelanceDb {
  const db = new Dexie(opts.name ?? DB_NAME, {
    ...(opts.indexedDB ? { indexedDB: opts.indexedDB } : {}),
    ...(opts.IDBKeyRange ? { IDBKeyRange: opts.IDBKeyRange } : {}),
  }) as RelanceDb;
  defineSchema(db);
  // Caches of computed answers (badge, sidebar) are keyed on this counter of writes (lib/db/data-version.ts).
  trackDataVersion(db);
  return db;
}
