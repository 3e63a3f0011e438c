import { describe, expect, it } from 'vitest';
import { parseBackup } from '@/lib/db/backup';

const valid = {
  format: 'relance-backup',
  version: 1,
  exportedAt: '2025-06-15T10:00:00.000Z',
  settings: {},
  clients: [{ key: 'a@b.example', email: 'a@b.example', name: 'A', createdAt: 'x', updatedAt: 'x' }],
  invoices: [
    {
      id: 'i1', clientKey: 'a@b.example', clientEmail: 'a@b.example', number: 'F1', amountMinor: 100, currency: 'EUR',
      issueDate: '2025-01-01', dueDate: '2025-01-31', status: 'open', source: 'manual', createdAt: 'x', updatedAt: 'x',
    },
  ],
  events: [{ invoiceId: 'i1', clientKey: 'a@b.example', type: 'created', at: 'x' }],
};

describe('parseBackup', () => {
  it('accepts a valid backup and fills defaults', () => {
    const r = parseBackup(JSON.stringify(valid));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.backup.settings.defaultJurisdiction).toBe('FR');
  });

  it.each([
    ['not JSON', '{"format": "relance-backup",', /not valid JSON/],
    ['another file', JSON.stringify({ hello: 1 }), /not a Relance backup/],
    ['a newer version', JSON.stringify({ ...valid, version: 99 }), /newer version/],
    ['a bad date, with its place', JSON.stringify({ ...valid, invoices: [{ ...valid.invoices[0], dueDate: '31/01/2025' }] }), /^invoices\[0\]\.dueDate: expected a date/],
    ['an impossible date', JSON.stringify({ ...valid, invoices: [{ ...valid.invoices[0], dueDate: '2025-02-30' }] }), /invoices\[0\]\.dueDate: not a real calendar date/],
    ['a float amount', JSON.stringify({ ...valid, invoices: [{ ...valid.invoices[0], amountMinor: 12.5 }] }), /invoices\[0\]\.amountMinor/],
    ['duplicate ids', JSON.stringify({ ...valid, invoices: [valid.invoices[0], valid.invoices[0]] }), /duplicate invoice id "i1"/],
    ['an invoice without its client', JSON.stringify({ ...valid, clients: [] }), /no client "a@b.example"/],
    ['an event of a missing invoice', JSON.stringify({ ...valid, events: [{ ...valid.events[0], invoiceId: 'zz' }] }), /missing invoice "zz"/],
    ['an event filed under another client than its invoice', JSON.stringify({ ...valid, events: [{ ...valid.events[0], clientKey: 'someone@else.example' }] }), /events\[0\]\.clientKey: is "someone@else\.example" but its invoice "i1" belongs to "a@b\.example"/],
    ['empty', '', /not valid JSON/],
  ])('refuses %s with a message that names the problem', (_name, text, message) => {
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
