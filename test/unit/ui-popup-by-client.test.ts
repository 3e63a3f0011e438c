import { describe, expect, it } from 'vitest';
import type { Invoice } from '@/lib/domain/invoice';
import { popupInvoice } from './popup-invoice';
import { groupByClient } from '@/components/popup/groups';
import { threadUrl } from '@/components/popup/webmail-links';
import { addDaysToIso, minorToInput } from '@/components/popup/InlineForms';

const invoice = popupInvoice;

const TODAY = '2026-11-22';
const clients = [
  { key: 'a@x.example', name: 'Alpha SARL', email: 'a@x.example' },
  { key: 'b@y.example', name: 'Beta Ltd', email: 'b@y.example' },
];

describe('groupByClient', () => {
  const list = [
    invoice('A-1', 'a@x.example', '2026-11-20', { amountMinor: 50_000, paidMinor: 10_000 }),
    invoice('A-2', 'a@x.example', '2026-12-01'),
    invoice('A-3', 'a@x.example', '2026-11-01', { currency: 'USD', amountMinor: 7_000 }),
    invoice('B-1', 'b@y.example', '2026-11-10'),
    invoice('B-PAID', 'b@y.example', '2026-10-10', { status: 'paid' }),
    invoice('C-1', 'c@z.example', '2026-11-25', { clientName: 'Gamma' }),
    invoice('C-PENDING', 'c@z.example', '2026-10-25', { review: 'pending' }),
  ];
  const g = groupByClient(list, clients, [{ invoiceId: 'id-B-1', kind: 'manual', until: '2026-11-30' }], TODAY);

  it('orders overdue groups by their most late invoice, and the invoices inside the same way', () => {
    expect(g.overdue.map((x) => [x.key, x.items.map((i) => [i.invoice.number, i.daysLate])])).toEqual([
      ['a@x.example', [['A-3', 21], ['A-1', 2]]],
      ['b@y.example', [['B-1', 12]]],
    ]);
  });

  it('lists upcoming invoices by due date, a client appearing in both sections when it has both', () => {
    expect(g.upcoming.map((x) => [x.key, x.items.map((i) => [i.invoice.number, i.daysLate])])).toEqual([
      ['c@z.example', [['C-1', -3]]],
      ['a@x.example', [['A-2', -9]]],
    ]);
  });

  it('totals what is still owed per currency, and takes names from the client record or the invoice', () => {
    expect(g.overdue[0]!.totals).toEqual([
      { currency: 'USD', minor: 7_000 },
      { currency: 'EUR', minor: 40_000 },
    ]);
    expect(g.overdue.map((x) => x.name)).toEqual(['Alpha SARL', 'Beta Ltd']);
    expect(g.upcoming[0]!.name).toBe('Gamma');
    expect(g.upcoming[0]!.client).toBeNull();
  });

  it('attaches each invoice its own pause', () => {
    expect(g.overdue[1]!.items[0]!.pause).toEqual({ kind: 'manual', until: '2026-11-30' });
    expect(g.overdue[0]!.items[0]!.pause).toBeNull();
  });

  it('is empty for nothing owed', () => {
    expect(groupByClient([invoice('P', 'a@x.example', '2026-01-01', { status: 'paid' })], clients, [], TODAY)).toEqual({ overdue: [], upcoming: [] });
  });
});

describe('threadUrl', () => {
  it.each([
    [{ webmail: 'gmail' as const, threadId: 'thread-f:1823456789012345678', clientEmail: 'a@x.example' }, `https://mail.google.com/mail/u/0/#all/${BigInt('1823456789012345678').toString(16)}`],
    [{ webmail: 'gmail' as const, threadId: 'FMfcgzQbfLrTzWmK', clientEmail: 'a@x.example' }, 'https://mail.google.com/mail/u/0/#all/FMfcgzQbfLrTzWmK'],
    [{ webmail: 'outlook' as const, threadId: 'AQQkAD/AwAT+M=', clientEmail: 'a@x.example' }, 'https://outlook.office.com/mail/deeplink/read/AQQkAD%2FAwAT%2BM%3D'],
    [{ webmail: null, threadId: null, clientEmail: 'a+b@x.example' }, 'https://mail.google.com/mail/u/0/#search/a%2Bb%40x.example'],
    [{ webmail: 'outlook' as const, threadId: null, clientEmail: 'a@x.example' }, 'https://outlook.office.com/mail/search?q=a%40x.example'],
  ])('%o -> %s', (inv, url) => {
    expect(threadUrl(inv)).toBe(url);
  });
});

describe('popup form helpers', () => {
  it.each([
    ['2026-11-22', 1, '2026-11-23'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDaysToIso(%s, %i) = %s', (iso, days, out) => {
    expect(addDaysToIso(iso, days)).toBe(out);
  });

  it.each([
    [45_050, 'EUR', '450.50'],
    [1_200, 'JPY', '1200'],
    [5, 'EUR', '0.05'],
  ])('minorToInput(%i, %s) = %s', (minor, currency, out) => {
    expect(minorToInput(minor, currency)).toBe(out);
  });
});
