import { describe, expect, it } from 'vitest';
import type { Invoice } from '@/lib/domain/invoice';
import { popupInvoice } from './popup-invoice';
import { groupInvoicesForPopup } from '@/components/popup/groups';
import { backupFileName } from '@/components/options/backup-file';
import { formatIsoDate, langOfLocale } from '@/components/ui/format';

// One client, a@b.example, with no name on file.
const invoice = (number: string, dueDate: string, extra: Partial<Invoice> = {}): Invoice => popupInvoice(number, 'a@b.example', dueDate, { clientName: '', ...extra });

const TODAY = '2026-11-22';

describe('groupInvoicesForPopup', () => {
  it('puts overdue first (most late first), then upcoming (soonest first), leaving out paid, cancelled and unconfirmed', () => {
    const groups = groupInvoicesForPopup(
      [
        invoice('UP-LATER', '2026-12-20'),
        invoice('LATE-3', '2026-11-19'),
        invoice('PAID', '2026-10-01', { status: 'paid' }),
        invoice('TODAY', '2026-11-22'),
        invoice('LATE-52', '2026-10-01'),
        invoice('CANCELLED', '2026-10-01', { status: 'cancelled' }),
        invoice('PENDING', '2026-10-01', { review: 'pending' }),
        invoice('LATE-1', '2026-11-21'),
      ],
      TODAY,
    );
    expect(groups.overdue.map((i) => [i.invoice.number, i.daysOverdue])).toEqual([
      ['LATE-52', 52],
      ['LATE-3', 3],
      ['LATE-1', 1],
    ]);
    expect(groups.upcoming.map((i) => [i.invoice.number, i.dueInDays])).toEqual([
      ['TODAY', 0],
      ['UP-LATER', 28],
    ]);
  });

  it.each([
    [[], 0, 0],
    [[invoice('P', '2026-01-01', { status: 'paid' })], 0, 0],
    [[invoice('A', '2026-11-21'), invoice('B', '2026-11-21')], 2, 0],
  ])('counts: %#', (list, overdue, upcoming) => {
    const g = groupInvoicesForPopup(list, TODAY);
    expect([g.overdue.length, g.upcoming.length]).toEqual([overdue, upcoming]);
  });

  it('orders ties by invoice number', () => {
    const g = groupInvoicesForPopup([invoice('B', '2026-11-01'), invoice('A', '2026-11-01')], TODAY);
    expect(g.overdue.map((i) => i.invoice.number)).toEqual(['A', 'B']);
  });
});

describe('small UI helpers', () => {
  it.each([
    ['2026-11-22', 'relance-backup-2026-11-22.json'],
    ['2027-01-05', 'relance-backup-2027-01-05.json'],
  ])('backup file name for %s', (today, name) => {
    expect(backupFileName(today)).toBe(name);
  });

  it.each([
    ['fr', 'fr'],
    ['fr-CA', 'fr'],
    ['en_GB', 'en'],
    ['ja', undefined],
    ['', undefined],
  ])('language of locale %j', (locale, lang) => {
    expect(langOfLocale(locale)).toBe(lang);
  });

  it.each([
    ['2026-01-01', 'en-US', 'Jan 1, 2026'],
    ['2026-12-31', 'en-US', 'Dec 31, 2026'],
    ['not a date', 'en-US', 'not a date'],
  ])('formats %s in %s without shifting the day', (iso, locale, text) => {
    expect(formatIsoDate(iso, locale)).toBe(text);
  });
});
