import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openRelanceDb, type RelanceDb } from '@/lib/db/schema';
import { RelanceStore, StoreError } from '@/lib/db/store';
import { localIsoDate } from '@/lib/domain/clock';
import { todayIso } from '@/lib/domain/dates';
import type { NewInvoice } from '@/lib/domain/invoice';

/**
 * The request-saving paths keep their meaning: createInvoice's duplicate check with its reads issued together, and
 * the cached day formatters.
 */

function fresh(): RelanceDb {
  return openRelanceDb({ indexedDB: new IDBFactory(), IDBKeyRange });
}

const INVOICE: NewInvoice = {
  clientEmail: 'Ana@Example.com',
  clientName: 'Ana',
  number: 'F-2026-001',
  amountMinor: 120_000,
  currency: 'EUR',
  issueDate: '2026-11-01',
  dueDate: '2026-12-01',
  source: 'detected',
};

describe('createInvoice', () => {
  it('refuses an invoice already tracked under the same number for the same client', async () => {
    const db = fresh();
    const store = new RelanceStore(db, { now: () => new Date('2026-11-22T10:00:00Z') });
    await store.createInvoice(INVOICE);
    await expect(store.createInvoice(INVOICE)).rejects.toBeInstanceOf(StoreError);
    await store.createInvoice({ ...INVOICE, clientEmail: 'bob@example.com' });
    expect(await db.invoices.count()).toBe(2);
  });

  it('stores the amount payable read by the detector, and nothing for a non-positive one', async () => {
    const db = fresh();
    const store = new RelanceStore(db, { now: () => new Date('2026-11-22T10:00:00Z') });
    const a = await store.createInvoice(INVOICE, { review: 'pending', confidence: 0.7, amountDueMinor: 80_000 });
    const b = await store.createInvoice({ ...INVOICE, number: 'F-2026-003' }, { review: 'pending', confidence: 0.7, amountDueMinor: 0 });
    expect((await db.invoices.get(a.id))?.amountDueMinor).toBe(80_000);
    expect((await db.invoices.get(b.id))?.amountDueMinor).toBeNull();
    expect((await db.clients.toArray()).map((c) => c.key)).toEqual(['ana@example.com']);
  });
});

describe('civil dates with cached formatters', () => {
  const instant = new Date('2026-03-29T22:30:00Z');
  const cases: Array<{ zone: string; expected: string }> = [
    { zone: 'UTC', expected: '2026-03-29' },
    { zone: 'Europe/Paris', expected: '2026-03-30' },
    { zone: 'America/Los_Angeles', expected: '2026-03-29' },
    { zone: 'Pacific/Kiritimati', expected: '2026-03-30' },
    { zone: 'Not/AZone', expected: '2026-03-29' },
  ];
  it.each(cases)('$zone', ({ zone, expected }) => {
    // Asked twice (the second from the cache) and through localIsoDate with an explicit zone: the same answer.
    expect(todayIso(instant, zone)).toBe(expected);
    expect(todayIso(instant, zone)).toBe(expected);
    expect(localIsoDate(instant, zone)).toBe(expected);
  });

  it('keeps answering right after more zones than the cache holds', () => {
    const zones = ['Asia/Tokyo', 'Asia/Kolkata', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Sao_Paulo', 'Australia/Sydney', 'Africa/Cairo', 'Pacific/Honolulu', 'UTC'];
    const first = zones.map((z) => todayIso(instant, z));
    expect(zones.map((z) => todayIso(instant, z))).toEqual(first);
    expect(todayIso(instant, 'Asia/Tokyo')).toBe('2026-03-30');
    expect(todayIso(instant, 'Pacific/Honolulu')).toBe('2026-03-29');
  });

  it.each([new Date('2026-01-01T00:30:00Z'), new Date('2026-06-30T23:59:59Z'), new Date('2026-11-22T12:00:00Z')])(
    'the local date (%s) matches the runtime zone formatter',
    (d) => {
      expect(localIsoDate(d)).toBe(todayIso(d, Intl.DateTimeFormat().resolvedOptions().timeZone));
    },
  );

  it('an invalid instant still fails as before', () => {
    expect(() => localIsoDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});
