import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractInvoice, type ExtractInput } from '../../lib/domain/extract';
import { documentDateOrder, isUsContext, resolveDollar } from '../../lib/domain/extract/locale';
import { refersToOtherInvoice } from '../../lib/domain/extract/amounts';
import { toLines } from '../../lib/domain/extract/candidates';
import { findMoney } from '../../lib/domain/money';
import type { Lang } from '../../lib/domain/types';

// All records below were written for these tests.

const body = (subject: string, text: string, date = '2025-04-20T10:00:00Z'): ExtractInput => ({ subject, text, date, attachments: [] });

describe('resolveDollar: which dollar a bare "$" means, per document', () => {
  const CASES: Array<{ name: string; text: string; lang: Lang; want: string | null }> = [
    { name: 'fr-CA: "$ CA" on the total', text: 'Conception : 1 200,00 $\nTotal 1 782,11 $ CA', lang: 'fr', want: 'CAD' },
    { name: 'fr: "dollars canadiens"', text: 'Montants en dollars canadiens.\nTotal : 500,00 $', lang: 'fr', want: 'CAD' },
    { name: 'fr: TPS/TVQ only', text: 'TPS : 25,00 $\nTVQ : 49,88 $\nTotal : 574,88 $', lang: 'fr', want: 'CAD' },
    { name: 'fr: "$" and no other hint', text: 'Total : 300,00 $', lang: 'fr', want: 'CAD' },
    { name: 'en: HST and Ontario', text: 'HST (13%): $65.00\nTotal: $565.00\nToronto, Ontario', lang: 'en', want: 'CAD' },
    { name: 'en: GST and a Canadian postal code', text: 'GST 5%: $10.00\nTotal: $210.00\n100 Main St, Calgary AB T2P 1J9', lang: 'en', want: 'CAD' },
    { name: 'en: "CA$" written', text: 'Total: CA$ 410.00', lang: 'en', want: 'CAD' },
    { name: 'en: "Canadian dollars"', text: 'All amounts in Canadian dollars. Total $900.00', lang: 'en', want: 'CAD' },
    { name: 'en: US address', text: 'Total: $1,200.00\n12 Main St, Springfield, IL 62701', lang: 'en', want: 'USD' },
    { name: 'en: bare "$"', text: 'Total: $80.00', lang: 'en', want: 'USD' },
    { name: 'fr: explicit "US$" stays USD', text: 'Total : 1 500,00 US$', lang: 'fr', want: 'USD' },
    { name: 'fr: explicit "USD" stays USD', text: 'Montant : 900,00 $ (USD)', lang: 'fr', want: 'USD' },
    { name: 'en: AUD code', text: 'Total: $330.00 AUD', lang: 'en', want: 'AUD' },
    { name: 'en: "A$"', text: 'Total: A$330.00', lang: 'en', want: 'AUD' },
    { name: 'en: GST and ABN', text: 'ABN 12 345 678 901\nGST: $30.00\nTotal: $330.00', lang: 'en', want: 'AUD' },
    { name: 'en: NZ$', text: 'Total: NZ$ 460.00', lang: 'en', want: 'NZD' },
    { name: 'en: HK$', text: 'Total: HK$ 4,600.00', lang: 'en', want: 'HKD' },
    { name: 'en: S$', text: 'Total: S$ 1,070.00', lang: 'en', want: 'SGD' },
    { name: 'es: pesos', text: 'Total: $12,500.00 pesos', lang: 'es', want: 'MXN' },
    { name: 'es: MXN', text: 'Total: $12,500.00 MXN', lang: 'es', want: 'MXN' },
    { name: 'de: no dollar at all', text: 'Gesamtbetrag 595,00 €', lang: 'de', want: null },
  ];
  it.each(CASES)('$name', ({ text, lang, want }) => {
    expect(resolveDollar(text, lang)?.currency ?? null).toBe(want);
  });
});

describe('money markers around a dollar sign', () => {
  const CASES: Array<{ text: string; dollar?: string; want: Array<[number, string]> }> = [
    { text: 'Total 1 782,11 $ CA', want: [[178211, 'CAD']] },
    { text: 'Total 1 782,11 $CA', want: [[178211, 'CAD']] },
    { text: '99,00 $ USD', dollar: 'CAD', want: [[9900, 'USD']] },
    { text: 'MX$ 1,500.00', want: [[150000, 'MXN']] },
    { text: '1 200,00 $', dollar: 'CAD', want: [[120000, 'CAD']] },
    { text: '$5 and US$ 7', dollar: 'CAD', want: [[500, 'CAD'], [700, 'USD']] },
    { text: '$5', want: [[500, 'USD']] },
  ];
  it.each(CASES)('$text', ({ text, dollar, want }) => {
    const got = findMoney(text, dollar ? { lang: 'fr', dollar } : { lang: 'fr' }).map((m) => [m.minor, m.currency]);
    expect(got).toEqual(want);
  });
});

describe('isUsContext and documentDateOrder: one order for the whole document', () => {
  const CASES: Array<{ name: string; texts: string[]; lang: Lang; currency: string | null; us: boolean; order: 'dmy' | 'mdy' }> = [
    { name: 'en, USD, ambiguous dates', texts: ['Date: 04/11/2025', 'Net 30 (due 05/11/2025)'], lang: 'en', currency: 'USD', us: true, order: 'mdy' },
    { name: 'en, US address, no currency', texts: ['Date: 04/11/2025\nSpringfield, IL 62701'], lang: 'en', currency: null, us: true, order: 'mdy' },
    { name: 'en, Net 30 and no currency', texts: ['Date: 04/11/2025\nNet 30'], lang: 'en', currency: null, us: true, order: 'mdy' },
    { name: 'en, GBP', texts: ['Date: 04/11/2025\nNet 30'], lang: 'en', currency: 'GBP', us: false, order: 'dmy' },
    { name: 'en, USD, but a date proves day-first', texts: ['Date: 04/11/2025', 'Due: 25/11/2025'], lang: 'en', currency: 'USD', us: true, order: 'dmy' },
    { name: 'en, GBP, but a date proves month-first', texts: ['Date: 04/11/2025', 'Due: 11/25/2025'], lang: 'en', currency: 'GBP', us: false, order: 'mdy' },
    { name: 'fr, CAD', texts: ['Date : 04/11/2025'], lang: 'fr', currency: 'CAD', us: false, order: 'dmy' },
    { name: 'de, EUR', texts: ['Datum: 04.11.2025'], lang: 'de', currency: 'EUR', us: false, order: 'dmy' },
  ];
  it.each(CASES)('$name', ({ texts, lang, currency, us, order }) => {
    expect(isUsContext(texts.join('\n'), lang, currency)).toBe(us);
    expect(documentDateOrder(texts, lang, currency)).toBe(order);
  });
});

describe('extractInvoice: document context decides currency and date order', () => {
  const CASES: Array<{ name: string; input: ExtractInput; want: Partial<{ currency: string; totalMinor: number; issueDate: string; dueDate: string }> }> = [
    {
      name: 'fr-CA invoice with TPS/TVQ and "$ CA" is CAD',
      input: body(
        'Facture 2025-031',
        'Bonjour Marc,\n\nVoici la facture 2025-031 pour la refonte du site.\n\nConception : 1 200,00 $\nIntégration : 350,00 $\nTPS (5 %) : 77,50 $\nTVQ (9,975 %) : 154,61 $\nTotal … 1 782,11 $ CA\n\nMontants en dollars canadiens.\n\nJulie Tremblay\n1234 rue Saint-Denis, Montréal (Québec) H2X 3K4',
      ),
      want: { currency: 'CAD', totalMinor: 178211 },
    },
    {
      name: 'en-CA invoice with HST is CAD',
      input: body('Invoice 88', 'Hi,\n\nInvoice 88\nDesign: $500.00\nHST (13%): $65.00\nTotal: $565.00\n\nKate, Toronto, Ontario'),
      want: { currency: 'CAD', totalMinor: 56500 },
    },
    {
      name: 'en invoice with a US address and Net 30: all numeric dates month-first',
      input: body(
        'Invoice 1047',
        'Hi Tom,\n\nInvoice #1047\nDate: 04/11/2025\n\nDesign work: $1,200.00\nTotal: $1,200.00\n\nTerms: Net 30 (due 05/11/2025)\n\nThanks,\nAmy Lee\n12 Main St, Springfield, IL 62701',
      ),
      want: { currency: 'USD', issueDate: '2025-04-11', dueDate: '2025-05-11' },
    },
    {
      name: 'en invoice in USD: a due date only in the terms line follows the issue date order',
      input: body('Invoice 2210', 'Invoice 2210\nDate: 03/09/2025\nTotal: $640.00\nPayment terms: payable by 04/08/2025'),
      want: { issueDate: '2025-03-09', dueDate: '2025-04-08' },
    },
    {
      name: 'en invoice in GBP stays day-first',
      input: body('Invoice 77', 'Invoice 77\nDate: 04/11/2025\nTotal: £640.00\nPayment due by 04/12/2025'),
      want: { currency: 'GBP', issueDate: '2025-11-04', dueDate: '2025-12-04' },
    },
    {
      name: 'es invoice in pesos',
      input: body('Factura 301', 'Factura 301\nFecha: 10/03/2025\nTotal: $12,500.00 pesos\nVencimiento: 10/04/2025'),
      want: { currency: 'MXN', totalMinor: 1250000, dueDate: '2025-04-10' },
    },
  ];
  it.each(CASES)('$name', ({ input, want }) => {
    const r = extractInvoice(input);
    for (const [k, v] of Object.entries(want)) expect(r[k as keyof typeof want]).toBe(v);
  });
});

describe('extractInvoice: the amount to pay beats a balance quoted in a sentence', () => {
  const CASES: Array<{ name: string; input: ExtractInput; total: number; due: number | null }> = [
    {
      name: 'fr: arrears of another invoice added to the total',
      input: body(
        'Facture 2025-23',
        "Bonjour,\n\nVeuillez trouver ci-dessous la facture 2025-23.\n\nPrestation : 1 850,00 €\nTVA 20 % : 370,00 €\nTotal TTC : 2 220,00 €\nPour mémoire, un solde de 150,00 € reste dû sur la facture 2025-19 du 3 octobre ; je l'ajoute ici.\nTotal à régler : 2 370,00 €\n\nCordialement,\nPaul",
      ),
      total: 222000,
      due: 237000,
    },
    {
      name: 'en: balance still due on an earlier invoice, then Amount due',
      input: body(
        'Invoice 1052',
        'Hi,\n\nInvoice 1052\nServices: $900.00\nTotal: $900.00\nNote: a balance of $150.00 is still due on invoice 1041, added below.\nAmount due: $1,050.00\n\nThanks',
      ),
      total: 90000,
      due: 105000,
    },
    {
      name: 'de: offener Betrag einer anderen Rechnung, dann Zu zahlender Betrag',
      input: body(
        'Rechnung 2025-090',
        'Rechnung Nr. 2025-090\nLeistung: 500,00 €\nGesamtbetrag: 595,00 €\nAus Rechnung 2025-071 ist noch ein Restbetrag von 80,00 € offen, den ich hier aufnehme.\nZu zahlender Betrag: 675,00 €',
      ),
      total: 59500,
      due: 67500,
    },
    {
      name: 'it: saldo di una fattura precedente citato in una frase',
      input: body(
        'Fattura 14/2025',
        'Fattura n. 14/2025\nTotale fattura: 1.220,00 €\nResta da saldare un residuo da pagare di 100,00 € sulla fattura 9/2025, che aggiungo qui.\nTotale da pagare: 1.320,00 €',
      ),
      total: 122000,
      due: 132000,
    },
    {
      name: 'nl: openstaand bedrag van een andere factuur',
      input: body('Factuur 2025-040', 'Factuur 2025-040\nTotaal: € 726,00\nVan factuur 2025-031 staat nog € 50,00 open (nog te betalen € 50,00), dat tel ik erbij op.\nTe betalen: € 776,00'),
      total: 72600,
      due: 77600,
    },
    {
      name: 'fr: a balance with no other invoice and no total-to-pay line is still the amount due',
      input: body('Facture 2025-30', 'Facture 2025-30\nTotal TTC : 1 200,00 €\nAcompte versé : 400,00 €\nReste à payer : 800,00 €'),
      total: 120000,
      due: 80000,
    },
  ];
  it.each(CASES)('$name', ({ input, total, due }) => {
    const r = extractInvoice(input);
    expect(r.totalMinor).toBe(total);
    expect(r.amountDueMinor).toBe(due);
  });

  it('does not take the date of the other invoice as the issue date', () => {
    const r = extractInvoice(CASES[0]!.input);
    expect(r.issueDate).not.toBe('2025-10-03');
  });
});

describe('refersToOtherInvoice', () => {
  const CASES: Array<[string, string | null, boolean]> = [
    ['un solde de 150 € reste du sur la facture 2025-19', '2025-23', true],
    ['reste a payer sur la facture 2025-23 : 800 €', '2025-23', false],
    ['balance due on invoice #1041', '1052', true],
    ['balance due on invoice inv-1052', '1052', false],
    ['restbetrag aus rechnung nr. 2025-071', '2025-090', true],
    ['amount due', '1052', false],
    ['balance due on invoice 1041', null, false],
  ];
  it.each(CASES)('%s (own %s)', (line, own, want) => {
    expect(refersToOtherInvoice(line, own)).toBe(want);
  });
});

describe('extractInvoice: deadlines written around the date', () => {
  const CASES: Array<{ name: string; lang: Lang; text: string; due: string }> = [
    { name: 'fr: pour le … au plus tard', lang: 'fr', text: 'Merci de verser ce montant pour le 4 mars 2025 au plus tard.', due: '2025-03-04' },
    { name: "fr: d'ici le", lang: 'fr', text: "Merci de régler ce montant d'ici le 4 mars 2025.", due: '2025-03-04' },
    { name: 'fr: au plus tard le', lang: 'fr', text: 'Paiement par virement au plus tard le 4 mars 2025.', due: '2025-03-04' },
    { name: 'fr: avant le', lang: 'fr', text: 'Merci de payer avant le 4 mars 2025.', due: '2025-03-04' },
    { name: 'en: by … at the latest', lang: 'en', text: 'Please pay by 4 March 2025 at the latest.', due: '2025-03-04' },
    { name: 'en: on … at the latest', lang: 'en', text: 'Please transfer the amount on March 4, 2025 at the latest.', due: '2025-03-04' },
    { name: 'de: bis spätestens', lang: 'de', text: 'Bitte überweisen Sie den Betrag bis spätestens 04.03.2025.', due: '2025-03-04' },
    { name: 'de: am … spätestens', lang: 'de', text: 'Bitte zahlen Sie am 4. März 2025 spätestens.', due: '2025-03-04' },
    { name: 'es: a más tardar el', lang: 'es', text: 'Por favor, realice el pago a más tardar el 4 de marzo de 2025.', due: '2025-03-04' },
    { name: 'it: entro e non oltre il', lang: 'it', text: 'Si prega di effettuare il bonifico entro e non oltre il 4 marzo 2025.', due: '2025-03-04' },
    { name: 'nl: uiterlijk op', lang: 'nl', text: 'Graag het bedrag uiterlijk op 4 maart 2025 overmaken.', due: '2025-03-04' },
  ];
  it.each(CASES)('$name', ({ lang, text, due }) => {
    const r = extractInvoice({ ...body('Invoice F-88', `Invoice F-88\nDate: 2025-02-02\nTotal: 640,00 €\n${text}`), lang });
    expect(r.dueDate).toBe(due);
  });
});

describe('toLines: a paragraph is read as runs of sentences', () => {
  it('keeps every field of a long one-paragraph invoice, each run under 300 characters', () => {
    const para =
      'hier - direkt in der Mail - meine Rechnung Nr. 2025-044 vom 07.07.2025 an die Physiotherapie Brandt für die Texte der neuen Website mit Startseite, Leistungsseiten und Team: pauschal 780,00 €. Gemäß § 19 UStG wird keine Umsatzsteuer berechnet. Zahlungsziel: 14 Tage. Vielen Dank für die angenehme Zusammenarbeit in den letzten Wochen.';
    const lines = toLines(para);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.raw.length <= 300)).toBe(true);
    expect(lines.map((l) => l.raw).join(' ')).toBe(para);
    const r = extractInvoice({ ...body('Texte', `Hallo,\n\n${para}\n\nViele Grüße\nLena`), lang: 'de' });
    expect(r.issueDate).toBe('2025-07-07');
    expect(r.dueDate).toBe('2025-07-21');
    expect(r.totalMinor).toBe(78000);
  });

  it('leaves short lines and table rows alone', () => {
    expect(toLines('Total\t1 200,00 €\nShort line.').map((l) => l.raw)).toEqual(['Total\t1 200,00 €', 'Short line.']);
  });
});

describe('document context readers never throw', () => {
  it('resolveDollar, isUsContext and documentDateOrder accept any string', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom<Lang>('en', 'fr', 'de', 'es', 'it', 'nl'), (text, lang) => {
        const d = resolveDollar(text, lang);
        expect(d === null || /^[A-Z]{3}$/.test(d.currency)).toBe(true);
        expect(typeof isUsContext(text, lang, null)).toBe('boolean');
        expect(['dmy', 'mdy']).toContain(documentDateOrder([text], lang, 'USD'));
      }),
      { numRuns: 300 },
    );
  });
});
