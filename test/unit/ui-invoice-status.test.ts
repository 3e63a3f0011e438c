import { describe, expect, it } from 'vitest';
import * as domain from '@/lib/domain/invoice';
import { parseAmount } from '@/lib/domain/money';
import { currencyDecimals, parseFormAmount } from '@/components/ui/amount';
import { daysOverdue, displayStatus, outstandingMinor } from '@/components/ui/invoice-status';

/** The content script's zod-free copies must agree with the domain's functions they stand in for. */
describe('invoice-status agrees with lib/domain/invoice', () => {
  it.each([
    ['open', '2026-11-30', '2026-11-22'],
    ['open', '2026-11-22', '2026-11-22'],
    ['open', '2026-11-21', '2026-11-22'],
    ['paid', '2026-01-01', '2026-11-22'],
    ['open', '2024-02-28', '2024-03-01'],
  ] as const)('%s due %s on %s', (status, dueDate, today) => {
    expect(displayStatus({ status, dueDate }, today)).toBe(domain.displayStatus({ status, dueDate }, today));
    expect(daysOverdue(dueDate, today)).toBe(domain.daysOverdue(dueDate, today));
  });

  it.each([
    [{ amountMinor: 1000, amountDueMinor: null, paidMinor: 0 }],
    [{ amountMinor: 1000, amountDueMinor: 800, paidMinor: 300 }],
  ])('outstandingMinor(%j)', (inv) => {
    expect(outstandingMinor(inv)).toBe(domain.outstandingMinor(inv));
  });
});

describe('parseFormAmount agrees with parseAmount on what a person types in the form', () => {
  it.each([
    ['2880', 'en'], ['2880.00', 'en'], ['2 880,00', 'fr'], ['2,880.00', 'en'], ['1.450,50', 'fr'], ['0,5', 'fr'],
    ['1 234,56 €', 'fr'], ['12..5', 'en'], ['abc', 'en'], ['-20.00', 'en'], ['1,234', 'en'], ['1.234', 'de'],
  ] as const)('%s (%s)', (text, lang) => {
    expect(parseFormAmount(text, { lang, digits: 2 })).toBe(parseAmount(text, { lang, digits: 2 }));
  });

  it.each([
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['nope', 2],
  ])('currencyDecimals(%s) = %i', (cur, digits) => {
    expect(currencyDecimals(cur)).toBe(digits);
  });
});
