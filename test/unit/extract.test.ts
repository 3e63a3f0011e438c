import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { extractInvoice, findReferencedInvoice, type ExtractInput } from '../../lib/domain/extract';

function fixture(name: string): { subject: string; text: string; date: string; to: Array<{ name?: string; email: string }> } {
  return JSON.parse(readFileSync(new URL(`../fixtures/mail/${name}`, import.meta.url), 'utf8'));
}

interface Expect {
  invoiceNumber?: string | null;
  totalMinor?: number | null;
  amountDueMinor?: number | null;
  currency?: string | null;
  issueDate?: string | null;
  dueDate?: string | null;
  client?: string | null;
}

const body = (subject: string, text: string, date = '2025-05-02T10:00:00Z'): ExtractInput => ({ subject, text, date, attachments: [] });

// All records below were written for these tests.
const CASES: Array<{ name: string; input: ExtractInput; want: Expect }> = [
  {
    name: 'fr: TTC total, deposit paid, terms in days',
    input: (() => { const f = fixture('invoice-fr-body.json'); return { ...f, attachments: [] }; })(),
    want: { invoiceNumber: 'GD-2025-041', totalMinor: 102000, amountDueMinor: 72000, currency: 'EUR', issueDate: '2025-05-06', dueDate: '2025-06-05', client: 'Brasserie Henry SARL' },
  },
  {
    name: 'en: bill to, Net 14, GBP',
    input: body('Invoice KD-88 – May retainer', 'Hi Sam,\n\nInvoice KD-88\nDate: May 2, 2025\nBill to: Northwind Labs Ltd, 4 Dock Street, Leeds\nRetainer (May): £1,500.00\nTotal due: £1,500.00\n\nTerms: Net 14.\n'),
    want: { invoiceNumber: 'KD-88', totalMinor: 150000, amountDueMinor: null, currency: 'GBP', issueDate: '2025-05-02', dueDate: '2025-05-16', client: 'Northwind Labs Ltd' },
  },
  {
    name: 'de: Gesamtbetrag, Rechnungsempfänger, zahlbar bis',
    input: body('Rechnung 2025-114', 'Hallo,\n\nRechnungsnummer: 2025-114\nRechnungsdatum: 14.04.2025\nRechnungsempfänger: Müller Bau GmbH, Hauptstr. 5, 80331 München\nNettobetrag: 500,00 €\nzzgl. 19 % USt: 95,00 €\nGesamtbetrag: 595,00 €\nZahlbar bis 28.04.2025.\n'),
    want: { invoiceNumber: '2025-114', totalMinor: 59500, currency: 'EUR', issueDate: '2025-04-14', dueDate: '2025-04-28', client: 'Müller Bau GmbH' },
  },
  {
    name: 'es: total factura and vencimiento',
    input: body('Factura F-77/2025', 'Factura n.º F-77/2025\nFecha: 03/04/2025\nCliente: Café Sol S.L. – CIF B000\nBase imponible: 200,00 €\nIVA (21 %): 42,00 €\nTotal factura: 242,00 €\nVencimiento a 30 días fecha factura.'),
    want: { invoiceNumber: 'F-77/2025', totalMinor: 24200, currency: 'EUR', issueDate: '2025-04-03', dueDate: '2025-05-03', client: 'Café Sol S.L.' },
  },
  {
    name: 'it: totale fattura',
    input: body('Fattura 9/2025', 'Fattura n. 9/2025 del 02/04/2025\nCliente: Bar Roma S.r.l.\nImponibile: € 500,00\nIVA 22%: € 110,00\nTotale fattura: € 610,00'),
    want: { invoiceNumber: '9/2025', totalMinor: 61000, currency: 'EUR', issueDate: '2025-04-02', client: 'Bar Roma S.r.l.' },
  },
  {
    name: 'no stated terms: dueDate stays null, the legal default is only a hint',
    input: body('Facture 12', 'Facture n° 12\nDate : 02/05/2025\nClient : Atelier Bleu\nTotal TTC : 600,00 €'),
    want: { invoiceNumber: '12', totalMinor: 60000, dueDate: null, client: 'Atelier Bleu' },
  },
  {
    name: 'value glued before its label in a PDF layout',
    input: {
      subject: 'Invoice',
      text: 'Please find the invoice attached.',
      date: '2024-03-09T10:00:00Z',
      attachments: [{ filename: 'document.pdf', text: 'FACTUUR\nAcme B.V.\n2024-0042Factuurnummer:\n8 maart 2024Factuurdatum:\nTotaal € 121,00' }],
    },
    want: { invoiceNumber: '2024-0042', totalMinor: 12100, currency: 'EUR', issueDate: '2024-03-08' },
  },
];

describe('extractInvoice', () => {
  it.each(CASES)('$name', ({ input, want }) => {
    const x = extractInvoice(input);
    for (const [k, v] of Object.entries(want)) {
      expect(x[k as keyof Expect], k).toEqual(v);
    }
  });

  it('keeps a negative total on credit notes', () => {
    const x = extractInvoice({ ...body('Avoir AV-7', 'AVOIR N° AV-7 du 02/05/2025\nMontant TTC : 150,00 €'), kind: 'credit_note' });
    expect(x.invoiceNumber).toBe('AV-7');
    expect(x.totalMinor).toBe(-15000);
  });

  it('keeps a corrective invoice total negative as printed', () => {
    const x = extractInvoice(body('Invoice C-3', 'Invoice C-3\nTotal: -8,79 €'));
    expect(x.totalMinor).toBe(-879);
  });

  it('prefers the XML and keeps a disagreeing PDF value as an alternative', () => {
    const x = extractInvoice({
      subject: 'Rechnung',
      text: 'anbei die Rechnung',
      date: '2024-01-10T10:00:00Z',
      attachments: [{
        filename: 'r.pdf',
        text: 'Rechnungsnummer: 555\nGesamtbetrag 100,00 €',
        xml: { syntax: 'CII', typeCode: '380', invoiceNumber: 'R-555', grandTotalMinor: 11900, duePayableMinor: 11900, currency: 'EUR', issueDate: '2024-01-09', buyerName: 'Kunde AG' },
      }],
    });
    expect(x.invoiceNumber).toBe('R-555');
    expect(x.fields.invoiceNumber?.source).toBe('xml');
    expect(x.fields.invoiceNumber?.alternatives?.[0]?.value).toBe('555');
    expect(x.totalMinor).toBe(11900);
    expect(x.amountDueMinor).toBeNull();
    expect(x.issueDate).toBe('2024-01-09');
    expect(x.client).toBe('Kunde AG');
  });

  it('falls back to the email date and the recipient', () => {
    const x = extractInvoice({ subject: 'Invoice', text: 'Attached is our invoice.', date: '2025-02-03T08:00:00Z', to: [{ name: 'Lena Ortiz', email: 'lena@ortiz.example' }], attachments: [{ filename: 'inv.pdf' }] });
    expect(x.issueDate).toBe('2025-02-03');
    expect(x.fields.issueDate?.source).toBe('email_meta');
    expect(x.client).toBe('Lena Ortiz');
  });

  it('never throws on arbitrary subject and text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ maxLength: 2000 }), fc.string({ maxLength: 500 }), (subject, text, pdf) => {
        const x = extractInvoice({ subject, text, date: '2025-01-01T00:00:00Z', attachments: [{ filename: subject, text: pdf }] });
        expect(typeof x.language).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});

describe('findReferencedInvoice', () => {
  it.each([
    ['Relance : facture n° 2025-0031', 'Bonjour, la facture n° 2025-0031 reste impayée.', '2025-0031'],
    ['Friendly reminder', 'Just a nudge that invoice #1201 is now overdue.', '1201'],
    ['Zahlungserinnerung', 'Die Rechnung RE-77 vom 01.02.2025 ist noch offen.', 'RE-77'],
    ['Payment received', 'We received your payment for invoice INV-0456. Receipt no. R-0456.', 'INV-0456'],
  ])('%s', (subject, text, want) => {
    expect(findReferencedInvoice(subject, text)).toBe(want);
  });
});
