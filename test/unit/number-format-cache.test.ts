import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatMinor, formatMoney, numberFormat } from '../../lib/domain/money';
import { intlFormatsCached as numberFormatCacheSize } from '../../lib/domain/intl-formats';
import { makeWriter } from '../../lib/domain/reminders/format';

/** What formatMoney printed before formatters were cached: a fresh Intl.NumberFormat per call. */
function uncachedMoney(minor: number, currency: string, locale: string): string {
  const digits = currency === 'JPY' ? 0 : currency === 'KWD' ? 3 : 2;
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return `${formatMinor(minor, currency)} ${currency}`;
  }
}

const RealNumberFormat = Intl.NumberFormat;
const RealDateTimeFormat = Intl.DateTimeFormat;

/** Counts the formatters built, each still a real one (a bare spy would build objects without Intl's methods). */
function countNumberFormats() {
  return vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
    return new RealNumberFormat(...args);
  } as typeof Intl.NumberFormat);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('cached number formatters', () => {
  const cases: Array<[locale: string, currency: string, minor: number]> = [
    ['fr-FR', 'EUR', 123456],
    ['fr-FR', 'EUR', -879],
    ['en-GB', 'GBP', 7000],
    ['en-US', 'USD', 1458834],
    ['de-DE', 'EUR', 0],
    ['de-DE', 'CHF', 99],
    ['en-GB', 'JPY', 12345],
    ['fr-FR', 'KWD', 1234567],
    ['en-GB', 'ZZZ', 100], // well formed, unknown to ISO: Intl prints the code
    ['en-GB', 'EURO', 1234], // refused by Intl: the plain fallback
    ['fr-FR', '€', 1234],
    ['not a locale!', 'EUR', 1234],
  ];
  it.each(cases)('%s %s %i prints what a fresh Intl.NumberFormat prints', (locale, currency, minor) => {
    const first = formatMoney({ minor, currency }, locale);
    expect(first).toBe(uncachedMoney(minor, currency, locale));
    // Asked again, the cached formatter (or the remembered refusal) gives the same text.
    expect(formatMoney({ minor, currency }, locale)).toBe(first);
  });

  const options: Array<[locale: string, opts: Intl.NumberFormatOptions, value: number]> = [
    ['fr-FR', { maximumFractionDigits: 4 }, 12.3456789],
    ['en-GB', { maximumFractionDigits: 4 }, 8.15],
    ['fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 0 }, 40],
    ['en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0, maximumFractionDigits: 0 }, 70],
  ];
  it.each(options)('numberFormat(%s, %o) formats as a fresh formatter', (locale, opts, value) => {
    expect(numberFormat(locale, opts)?.format(value)).toBe(new Intl.NumberFormat(locale, opts).format(value));
    expect(numberFormat(locale, { ...opts })).toBe(numberFormat(locale, opts));
  });

  it('stays bounded under a stream of made-up currency codes', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 0; i < 2000; i++) {
      const code = `${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676) % 26]}`;
      formatMoney({ minor: i, currency: code }, 'en-GB');
      formatMoney({ minor: i, currency: `${code}${i}` }, 'en-GB'); // refused ones are remembered, and bounded too
    }
    expect(numberFormatCacheSize()).toBeLessThanOrEqual(64);
    // The flood evicted entries, it did not break them: the usual currencies still print right.
    expect(formatMoney({ minor: 123456, currency: 'EUR' }, 'fr-FR')).toBe(uncachedMoney(123456, 'EUR', 'fr-FR'));
  });

  it('does not keep keys too long to be a real locale', () => {
    const before = numberFormatCacheSize();
    const locale = `en-${'x'.repeat(5000)}`;
    expect(formatMoney({ minor: 100, currency: 'EUR' }, locale)).toBe(uncachedMoney(100, 'EUR', locale));
    expect(numberFormatCacheSize()).toBeLessThanOrEqual(Math.max(before, 64));
  });

  const refused: Array<[locale: string, currency: string]> = [
    ['en-GB', 'EU'],
    ['en-GB', 'E1R'],
    ['xx_not_a_tag!', 'EUR'],
  ];
  it.each(refused)('a combination Intl refuses (%s, %s) costs one attempt, then falls back', (locale, currency) => {
    const spy = countNumberFormats();
    const a = formatMoney({ minor: 1234, currency }, locale);
    const b = formatMoney({ minor: 5678, currency }, locale);
    expect(a).toBe(`12.34 ${currency}`);
    expect(b).toBe(`56.78 ${currency}`);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('builds a formatter once per locale and currency, however many amounts', () => {
    const spy = countNumberFormats();
    for (let i = 0; i < 50; i++) formatMoney({ minor: i * 101, currency: 'SEK' }, 'de-DE');
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('writers share their date and list formatters and print the same text', () => {
    const w1 = makeWriter('fr', 'FR', '2026-11-22');
    const spy = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      return new RealDateTimeFormat(...args);
    } as typeof Intl.DateTimeFormat);
    const w2 = makeWriter('fr', 'FR', '2026-11-22');
    expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(w2.date('2026-03-01')).toBe(w1.date('2026-03-01'));
    expect(w2.date('2026-03-01')).toBe(`1er ${new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(Date.UTC(2026, 2, 1))}`);
    expect(w2.moneyWhole(4000, 'EUR')).toBe(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(40));
    expect(w2.list(['A', 'B', 'C'])).toBe(new Intl.ListFormat('fr-FR', { type: 'conjunction' }).format(['A', 'B', 'C']));
  });
});
