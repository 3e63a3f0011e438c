import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openRelanceDb, type RelanceDb } from '@/lib/db/schema';
import { RelanceStore } from '@/lib/db/store';
import type { NewInvoice } from '@/lib/domain/invoice';

/** A fresh in-memory database per test (a new factory: no ids or rows leak between tests). */
export function freshStore(now: () => Date = () => new Date('2025-06-15T10:00:00Z')): { db: RelanceDb; store: RelanceStore; clock: { set(d: string): void } } {
  let current = now();
  const db = openRelanceDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const store = new RelanceStore(db, { now: () => current });
  return { db, store, clock: { set: (d) => (current = new Date(d)) } };
}

export function invoiceInput(over: Partial<NewInvoice> = {}): NewInvoice {
  return {
    clientEmail: 'billing@acme.example',
    clientName: 'Acme SARL',
    number: 'F-2025-001',
    amountMinor: 288000,
    currency: 'EUR',
    issueDate: '2025-05-01',
    dueDate: '2025-05-31',
    ...over,
  };
}
