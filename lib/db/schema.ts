import Dexie, { type EntityTable } from 'dexie';
import type { Client, Invoice, InvoiceEvent } from '../domain/invoice';
import type { Settings } from '../domain/settings';

export interface SettingsRow {
  key: 'settings';
  value: Settings;
}

/** Small internal facts (last overdue recompute, schema notes). Never exported. */
export interface MetaRow {
  key: string;
  value: unknown;
}

export type RelanceDb = Dexie & {
  invoices: EntityTable<Invoice, 'id'>;
  clients: EntityTable<Client, 'key'>;
  events: EntityTable<InvoiceEvent, 'id'>;
  settings: EntityTable<SettingsRow, 'key'>;
  meta: EntityTable<MetaRow, 'key'>;
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
  return db;
}
