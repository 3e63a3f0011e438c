import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, parseDate } from '../../lib/domain/dates';
import { detectLanguage } from '../../lib/domain/language';
import { findMoney, formatMinor, parseAmount, parseMoney } from '../../lib/domain/money';
import { computeDueDate, findPaymentTerms, parsePaymentTerms } from '../../lib/domain/terms';
import { LANGS } from '../../lib/domain/types';

/** Strings mixing the characters the parsers care about, so the generator hits their edge cases. */
const tricky = fc.string({
  unit: fc.constantFrom(
    ...'0123456789 .,-/%€$£()\'’\u00A0\u202F:\nabcdefjmnorstéèüß'.split(''),
    'EUR', 'CHF', 'jours', 'fin de mois', 'Net ', 'Tage', 'días', ' giorni', 'mars', 'März', 'acompte', '50/50',
  ),
  maxLength: 80,
});
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), tricky);
const lang = fc.constantFrom(...LANGS);
const isoDate = fc
  .date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('parsers never throw', () => {
  it('on any string, in any language', () => {
    fc.assert(
      fc.property(anyText, lang, isoDate, (s, l, issue) => {
        parseAmount(s, { lang: l });
        parseMoney(s, { lang: l });
        for (const m of findMoney(s, { lang: l })) {
          expect(Number.isSafeInteger(m.minor)).toBe(true);
          expect(s.slice(m.index, m.end)).toBe(m.raw);
        }
        const d = parseDate(s, { lang: l, ref: issue });
        if (d !== null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        for (const m of findDates(s, { lang: l })) expect(s.slice(m.index, m.end)).toBe(m.raw);
        const terms = parsePaymentTerms(s, { lang: l, issueDate: issue });
        computeDueDate(terms, issue, { jurisdiction: 'FR' });
        findPaymentTerms(s, { lang: l });
        expect(LANGS).toContain(detectLanguage(s, l));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('round trips', () => {
  it('formatMinor -> parseAmount gives back the minor units, whatever the language', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), lang, (minor, l) => {
        expect(parseAmount(formatMinor(minor, 'EUR'), { lang: l })).toBe(minor);
      }),
    );
  });

  it('an ISO date parses to itself', () => {
    fc.assert(
      fc.property(isoDate, lang, (d, l) => {
        expect(parseDate(d, { lang: l })).toBe(d);
      }),
    );
  });

  it('a day-first numeric date parses to the same date', () => {
    fc.assert(
      fc.property(isoDate, fc.constantFrom('/', '.', '-'), (d, sep) => {
        const text = `${d.slice(8, 10)}${sep}${d.slice(5, 7)}${sep}${d.slice(0, 4)}`;
        expect(parseDate(text, { lang: 'fr' })).toBe(d);
      }),
    );
  });

  it('"N jours" is net N days whatever the issue date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), isoDate, (n, issue) => {
        const terms = parsePaymentTerms(`Paiement à ${n} jours`, { lang: 'fr' });
        expect(terms).toMatchObject({ kind: 'net', days: n });
        const due = computeDueDate(terms, issue).dueDate!;
        expect(Math.round((Date.parse(due) - Date.parse(issue)) / 86_400_000)).toBe(n);
      }),
    );
  });
});

describe('linear time', () => {
  it('handles long adversarial inputs quickly', () => {
    const inputs = [
      '1 '.repeat(20_000),
      '1,'.repeat(20_000),
      '1.1.'.repeat(10_000),
      ' '.repeat(50_000) + 'x',
      '30 '.repeat(10_000) + 'jours',
      'fin de mois '.repeat(5_000),
      '€'.repeat(10_000) + '1',
      '50/'.repeat(10_000),
    ];
    const start = performance.now();
    for (const s of inputs) {
      findMoney(s);
      findDates(s);
      parsePaymentTerms(s);
      findPaymentTerms(s);
      detectLanguage(s);
    }
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
