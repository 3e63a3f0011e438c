import { describe, expect, it } from 'vitest';
import { currencyFormat, utcDateFormat } from '@/components/ui/intl-cache';
import { formatAmount, formatIsoDate } from '@/components/ui/format';
import { currencyDecimals } from '@/components/ui/amount';
import { dayMonth } from '@/components/ui/event-text';

describe('cached Intl formatters', () => {
  it.each([
    ['fr', 'EUR'],
    ['en-US', 'USD'],
    ['de', 'JPY'],
  ])('builds one currency formatter per locale %s and currency %s', (locale, currency) => {
    const first = currencyFormat(locale, currency);
    expect(first).toBeInstanceOf(Intl.NumberFormat);
    expect(currencyFormat(locale, currency)).toBe(first);
    expect(first?.resolvedOptions().currency).toBe(currency);
  });

  it('keeps formatters for different currencies or styles apart', () => {
    expect(currencyFormat('fr', 'EUR')).not.toBe(currencyFormat('fr', 'USD'));
    expect(utcDateFormat('fr', 'medium')).not.toBe(utcDateFormat('fr', 'dayMonth'));
    expect(utcDateFormat('en', 'medium')).toBe(utcDateFormat('en', 'medium'));
  });

  it.each([
    ['a currency code Intl refuses', () => currencyFormat('en', 'EURO')],
    ['a malformed locale', () => currencyFormat('not a locale!', 'EUR')],
    ['a malformed locale for dates', () => utcDateFormat('not a locale!', 'medium')],
  ])('answers null for %s, twice (the refusal is remembered)', (_label, build) => {
    expect(build()).toBeNull();
    expect(build()).toBeNull();
  });
});

describe('formatting through the cache', () => {
  it.each([
    [123456, 'EUR', 'en', '€1,234.56'],
    [5000, 'JPY', 'en', '¥5,000'],
    [12345, 'KWD', 'en', 'KWD 12.345'],
    [1050, 'EURO', 'en', '10.50 EURO'],
  ])('formatAmount(%d, %s, %s) is %s', (minor, currency, locale, expected) => {
    expect(formatAmount(minor, currency, locale).replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it.each([
    ['2026-11-02', 'en', 'Nov 2, 2026'],
    ['2026-01-31', 'en-GB', '31 Jan 2026'],
    ['not a date', 'en', 'not a date'],
    ['2026-11-02', 'not a locale!', '2026-11-02'],
  ])('formatIsoDate(%s, %s) is %s', (iso, locale, expected) => {
    expect(formatIsoDate(iso, locale)).toBe(expected);
  });

  it.each([
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
    ['??', 2],
  ])('currencyDecimals(%s) is %d', (currency, digits) => {
    expect(currencyDecimals(currency)).toBe(digits);
  });

  it.each([
    ['2026-03-12', 'en-GB', '12 March'],
    ['2026-03-12T10:00:00Z', 'fr', '12 mars'],
    [42, 'en', null],
  ])('dayMonth(%s, %s) is %s', (iso, locale, expected) => {
    expect(dayMonth(iso, locale)).toBe(expected);
  });
});
