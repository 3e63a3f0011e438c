import { describe, expect, it } from 'vitest';
import { currencyDigits, findMoney, formatMinor, formatMoney, parseAmount, parseMoney } from '../../lib/domain/money';
import type { Lang } from '../../lib/domain/types';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('parseAmount', () => {
  const cases: Array<[string, Lang | undefined, number | null]> = [
    ['1 234,56', 'fr', 123456],
    [`1${NBSP}234,56`, 'fr', 123456],
    [`1${NNBSP}234,56`, 'fr', 123456],
    [`12${NNBSP}345${NNBSP}678,90`, 'fr', 1234567890],
    ['1.234,56', 'de', 123456],
    ['1,234.56', 'en', 123456],
    ["1'234.50", 'de', 123450],
    ['1’234.50', undefined, 123450],
    ['1234', undefined, 123400],
    ['-8,79', 'fr', -879],
    ['−8,79', 'fr', -879],
    ['(8.79)', 'en', -879],
    ['8,79-', 'de', -879],
    ['0,5', 'fr', 50],
    ['12,345', 'en', 1234500],
    ['12,345', 'de', 1235],
    ['1.234', 'de', 123400],
    ['1.234', 'en', 123],
    ['1,234', undefined, 123400],
    ['1234,567', 'fr', 123457],
    ['1,00,000.00', 'en', 10000000],
    ['1.234.567', 'it', 123456700],
    ['1.234.56', 'en', null],
    ['12 34', 'fr', null],
    ['', 'fr', null],
    ['abc', 'en', null],
    ['1,2,3', 'en', null],
  ];
  it.each(cases)('%j (%s) -> %s', (input, lang, expected) => {
    expect(parseAmount(input, lang ? { lang } : {})).toBe(expected);
  });

  it('honours the number of decimals of the currency', () => {
    expect(parseAmount('1234', { digits: 0 })).toBe(1234);
    expect(parseAmount('1.234', { digits: 3, lang: 'en' })).toBe(1234);
  });
});

describe('parseMoney', () => {
  const cases: Array<[string, Lang | undefined, { minor: number; currency: string } | null]> = [
    ['1 234,56 €', 'fr', { minor: 123456, currency: 'EUR' }],
    [`1${NNBSP}234,56${NBSP}€`, 'fr', { minor: 123456, currency: 'EUR' }],
    ['1.234,56 EUR', 'de', { minor: 123456, currency: 'EUR' }],
    ['€1,234.56', 'en', { minor: 123456, currency: 'EUR' }],
    ["CHF 1'234.50", 'de', { minor: 123450, currency: 'CHF' }],
    ['$1,234', 'fr', { minor: 123400, currency: 'USD' }],
    ['USD 12.00', 'en', { minor: 1200, currency: 'USD' }],
    ['£40', 'en', { minor: 4000, currency: 'GBP' }],
    ['12,50 €', 'fr', { minor: 1250, currency: 'EUR' }],
    ['EUR -8,79', 'de', { minor: -879, currency: 'EUR' }],
    ['-8,79 €', 'fr', { minor: -879, currency: 'EUR' }],
    ['Rs. 1,000', 'en', { minor: 100000, currency: 'INR' }],
    ['₹ 5,00,000', 'en', { minor: 50000000, currency: 'INR' }],
    ['CA$ 99.00', 'en', { minor: 9900, currency: 'CAD' }],
    ['C$12', 'en', { minor: 1200, currency: 'CAD' }],
    ['CAD 10', 'en', { minor: 1000, currency: 'CAD' }],
    ['Fr. 12.50', 'de', { minor: 1250, currency: 'CHF' }],
    ['-€8.79', 'en', { minor: -879, currency: 'EUR' }],
    ['− €8.79', 'en', { minor: -879, currency: 'EUR' }],
    ['¥1,234', 'en', { minor: 1234, currency: 'JPY' }],
    ['1234,56', 'fr', null],
    ['€', 'fr', null],
  ];
  it.each(cases)('%j (%s)', (input, lang, expected) => {
    expect(parseMoney(input, lang ? { lang } : {})).toEqual(expected);
  });

  it('uses the default currency when no marker is present, and for a bare $ in a dollar document', () => {
    expect(parseMoney('1 234,56', { lang: 'fr', defaultCurrency: 'EUR' })).toEqual({ minor: 123456, currency: 'EUR' });
    expect(parseMoney('$99', { defaultCurrency: 'CAD' })).toEqual({ minor: 9900, currency: 'CAD' });
  });
});

describe('findMoney', () => {
  const amounts = (text: string, lang: Lang = 'fr') => findMoney(text, { lang }).map((m) => [m.minor, m.currency]);

  const cases: Array<[string, string, Lang, Array<[number, string | null]>]> = [
    ['amount with label', 'Total TTC : 1 234,56 €', 'fr', [[123456, 'EUR']]],
    ['narrow NBSP thousands', `Montant dû :${NBSP}12${NNBSP}500,00${NBSP}€`, 'fr', [[1250000, 'EUR']]],
    ['credit note', 'Gutschrift: EUR -8,79', 'de', [[-879, 'EUR']]],
    ['accounting parentheses', 'Balance (8.79) USD', 'en', [[-879, 'USD']]],
    ['no currency, 2 decimals', 'Sous-total 1 028,80', 'fr', [[102880, null]]],
    ['percentage', 'TVA 20 % et remise 2,50 %', 'fr', []],
    ['date', 'Facture du 10.03.2025 et du 10/03/2025', 'fr', []],
    ['phone', 'Tél. +33 6 12 34 56 78', 'fr', []],
    ['IBAN', 'IBAN FR76 3000 6000 0112 3456 7890 189', 'fr', []],
    ['SIRET', 'SIRET 123 456 789 00012', 'fr', []],
    ['postcode', '75001 Paris', 'fr', []],
    ['invoice number', 'Facture FA-2017-0010 et n° 2025-001', 'fr', []],
    ['time', 'à 10:30', 'fr', []],
    ['several', 'Subtotal $1,000.00, tax $80.00, total $1,080.00', 'en', [[100000, 'USD'], [8000, 'USD'], [108000, 'USD']]],
    ['code glued', 'Total EUR1234,50', 'de', [[123450, 'EUR']]],
    // "Fr." is Swiss francs only in a money context, not in weekday ranges or before a time of day.
    ['opening hours', 'Mo.-Fr. 08.30', 'de', []],
    ['opening hours range', 'Öffnungszeiten: Mo.-Fr. 08.30 - 17.00 Uhr', 'de', []],
    ['opening hours, words', 'Montag bis Fr. 8.30', 'de', []],
    ['friday with a time', 'Fr 08.30 - 12.00', 'de', []],
    ['time with Uhr', 'Abholung um 14.30 Uhr', 'de', []],
    ['french hours', 'du lun. au ven. 9.00 - 18.00', 'fr', []],
    ['english hours', 'Mon-Fri 9.00-17.30', 'en', []],
    ['swiss francs', 'Betrag: Fr. 8.30', 'de', [[830, 'CHF']]],
    ['swiss francs, thousands', "Total Fr. 1'234.50", 'de', [[123450, 'CHF']]],
    ['SFr. after', 'Total 120.00 SFr.', 'de', [[12000, 'CHF']]],
    // A minus before the currency symbol (hyphen or U+2212) belongs to the amount.
    ['minus before euro', 'Rabatt -€8.79', 'en', [[-879, 'EUR']]],
    ['minus sign before euro', 'Discount − €8.79', 'en', [[-879, 'EUR']]],
    ['minus before dollar', 'Credit: -$12.00', 'en', [[-1200, 'USD']]],
    ['minus before code', 'Gutschrift -CHF 10.00', 'de', [[-1000, 'CHF']]],
    ['hyphenated word before euro', 'Pauschal-€8.79', 'en', [[879, 'EUR']]],
    ['range of amounts', '€10.00-€20.00', 'en', [[1000, 'EUR'], [2000, 'EUR']]],
    ['dash as a separator', 'Total — $1,800.00', 'en', [[180000, 'USD']]],
    ['hyphen as a separator', 'Total - $1,800.00', 'en', [[180000, 'USD']]],
    ['em dash before a number', 'Total — 1 800,00 €', 'fr', [[180000, 'EUR']]],
    ['en dash as a minus', 'Remise – 8,79 €', 'fr', [[-879, 'EUR']]],
  ];
  it.each(cases)('%s', (_name, text, lang, expected) => {
    expect(amounts(text, lang)).toEqual(expected);
  });

  it('reports positions in the input', () => {
    const text = `Total : 1${NNBSP}234,56 € TTC`;
    const [m] = findMoney(text, { lang: 'fr' });
    expect(m).toBeDefined();
    expect(text.slice(m!.index, m!.end)).toBe(m!.raw);
    expect(m!.raw).toBe(`1${NNBSP}234,56 €`);
  });

  it('includes a prefix marker and its sign in the raw text', () => {
    const [m] = findMoney('Avoir : EUR -8,79.', { lang: 'fr' });
    expect(m?.raw).toBe('EUR -8,79');
  });

  it.each([['Total -€8.79', '-€8.79'], ['Total − €8.79', '− €8.79']])('includes a sign before the marker: %j', (text, raw) => {
    const [m] = findMoney(text, { lang: 'en' });
    expect(m?.raw).toBe(raw);
    expect(text.slice(m!.index, m!.end)).toBe(raw);
  });
});

describe('formatMinor / currencyDigits / formatMoney', () => {
  const cases: Array<[number, string, string]> = [
    [123456, 'EUR', '1234.56'],
    [-879, 'EUR', '-8.79'],
    [5, 'EUR', '0.05'],
    [0, 'USD', '0.00'],
    [1234, 'JPY', '1234'],
    [1234, 'KWD', '1.234'],
  ];
  it.each(cases)('%i %s -> %s', (minor, currency, expected) => {
    expect(formatMinor(minor, currency)).toBe(expected);
  });

  it('knows the minor units of a few currencies', () => {
    expect([currencyDigits('EUR'), currencyDigits('JPY'), currencyDigits('bhd')]).toEqual([2, 0, 3]);
  });

  it('formats for display with the locale conventions', () => {
    const fr = formatMoney({ minor: 123456, currency: 'EUR' }, 'fr-FR');
    expect(fr.replace(/[\u00A0\u202F]/g, ' ')).toBe('1 234,56 €');
    expect(formatMoney({ minor: 123456, currency: 'EUR' }, 'en-US')).toBe('€1,234.56');
    expect(formatMoney({ minor: 1234, currency: 'JPY' }, 'en-US')).toBe('¥1,234');
  });
});
