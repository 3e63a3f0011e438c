import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { classifyEmail, type ClassifyInput, type DocKind } from '../../lib/domain/classify';

function fixture(name: string): { subject: string; text: string } {
  return JSON.parse(readFileSync(new URL(`../fixtures/mail/${name}`, import.meta.url), 'utf8')) as { subject: string; text: string };
}

const mail = (subject: string, text: string, attachments: ClassifyInput['attachments'] = []): ClassifyInput => ({ subject, text, attachments });

// All records below were written for these tests.
const CASES: Array<{ name: string; input: ClassifyInput; kind: DocKind }> = [
  {
    name: 'fr invoice in the body',
    input: (() => { const f = fixture('invoice-fr-body.json'); return mail(f.subject, f.text); })(),
    kind: 'invoice',
  },
  {
    name: 'en invoice in the body',
    input: mail('Invoice KD-88 – May retainer', 'Hi Sam,\n\nInvoice KD-88\nDate: May 2, 2025\nBill to: Northwind Labs Ltd\nRetainer (May): £1,500.00\nTotal due: £1,500.00\n\nTerms: Net 14.\n\nThanks,\nKim'),
    kind: 'invoice',
  },
  {
    name: 'de invoice with a PDF, minimal wrapper',
    input: mail('Rechnung', 'Guten Tag,\n\nanbei die Rechnung.\n\nMit freundlichen Grüßen\nJonas Berg', [{ filename: 'Rechnung_2025-114.pdf', text: 'RECHNUNG\nRechnungsnummer: 2025-114\nGesamtbetrag 595,00 €' }]),
    kind: 'invoice',
  },
  {
    name: 'es invoice in the body',
    input: mail('Factura F-77/2025', 'Hola Marta:\n\nTe adjunto la factura.\n\nFactura n.º F-77/2025\nFecha: 03/04/2025\nCliente: Café Sol S.L.\nTotal factura: 242,00 €\nVencimiento a 30 días.\n\nUn saludo'),
    kind: 'invoice',
  },
  {
    name: 'it invoice in the body',
    input: mail('Fattura 9/2025', 'Buongiorno,\n\necco la fattura.\n\nFattura n. 9/2025 del 02/04/2025\nCliente: Bar Roma S.r.l.\nTotale fattura: € 610,00\nPagamento a 30 giorni.\n\nSaluti'),
    kind: 'invoice',
  },
  {
    name: 'nl invoice in the body',
    input: mail('Factuur 2025-12', 'Beste Joost,\n\nBijgaand de factuur.\n\nFactuurnummer: 2025-12\nTotaal: € 484,00\nTe betalen binnen 14 dagen.\n\nGroeten'),
    kind: 'invoice',
  },
  {
    name: 'trap: a quote with an amount and a validity date',
    input: (() => { const f = fixture('quote-en-validity.json'); return mail(f.subject, f.text); })(),
    kind: 'quote',
  },
  {
    name: 'trap: a French devis valid until a date',
    input: mail('Devis D-12 – rénovation cuisine', 'Bonjour,\n\nVoici mon devis :\nDEVIS N° D-12 – 02/05/2025\nTotal TTC : 4 800,00 €\nDevis valable jusqu\'au 30/06/2025. Bon pour accord à me retourner signé.\n\nCordialement'),
    kind: 'quote',
  },
  {
    name: 'trap: a pro-forma is a quote',
    input: mail('Facture proforma PF-9', 'Bonjour,\n\nFACTURE PRO FORMA N° PF-9\nTotal TTC : 1 200,00 €\nLa facture définitive sera émise à la livraison.\n'),
    kind: 'quote',
  },
  {
    name: 'trap: a reminder quoting the original invoice',
    input: mail('Relance – facture n° 2025-031', 'Bonjour,\n\nSauf erreur de ma part, la facture n° 2025-031 du 02/03/2025 d\'un montant de 900,00 € TTC n\'a pas encore été réglée.\nMerci de procéder au virement.\n\nCordialement'),
    kind: 'reminder',
  },
  {
    name: 'trap: a German reminder',
    input: mail('Zahlungserinnerung Rechnung 2025-019', 'Hallo Herr Kurz,\n\ndie Rechnung 2025-019 vom 01.03.2025 über 480,00 € ist noch offen.\n\nViele Grüße'),
    kind: 'reminder',
  },
  {
    name: 'trap: a receipt thanking for a payment',
    input: mail('Thanks!', 'Hi Jo,\n\nThank you for your payment of $350.00 for invoice INV-204. Your account is all settled.\n\nBest,\nAl'),
    kind: 'receipt',
  },
  {
    name: 'a credit note',
    input: mail('Gutschrift GS-2025-3', 'Hallo,\n\nanbei eine Gutschrift über 120,00 € zur Rechnung 2025-011.\n\nGruß'),
    kind: 'credit_note',
  },
  {
    name: 'a purchase order',
    input: mail('Purchase order PO-551', 'Hello,\n\nPlease find our purchase order below.\nPURCHASE ORDER PO-551\nOrder total: $900.00\nPlease reference PO-551 on your invoice.\n'),
    kind: 'order',
  },
  {
    name: 'trap: a booking aid that says it is not an invoice',
    input: mail('Buchungshilfe 2025-07', 'Guten Tag,\n\nanbei die Buchungshilfe.\n', [{ filename: 'Buchungshilfe.pdf', text: 'Buchungshilfe - KEINE Rechnung\nBetrag 200,00 €' }]),
    kind: 'none',
  },
  {
    name: 'trap: a newsletter about invoicing',
    input: mail('Monthly tips: invoicing and payment', 'Hi all,\n\nTip: always send your invoice the day the work ends. Payment within 30 days is normal.\nPrices from $20.\n\nUnsubscribe here.'),
    kind: 'none',
  },
  {
    name: 'trap: a forwarded payslip',
    input: mail('Fwd: bulletin de salaire mars', 'Bonjour,\n\nvoici mon bulletin de salaire.\nNet à payer : 1 980,00 €', [{ filename: 'bulletin_mars.pdf', text: null }]),
    kind: 'none',
  },
  {
    name: 'trap: a contract to sign',
    input: mail('Contrat de prestation', 'Bonjour,\n\nci-joint le contrat. Facturation : 50 % à la signature, paiement à 30 jours.\n', [{ filename: 'contrat.pdf', text: 'CONTRAT DE PRESTATION\nPrix : 3 000,00 €' }]),
    kind: 'none',
  },
  {
    name: 'ordinary mail mentioning an invoice',
    input: mail('Re: next week', 'Sure, I will send the invoice once the project is done. See you Tuesday.'),
    kind: 'none',
  },
  {
    name: 'XML type code 751 wins over any words',
    input: mail('Rechnung 12', 'anbei die Rechnung', [{ filename: 'x.pdf', text: 'Rechnung 12', xml: { syntax: 'CII', typeCode: '751' } }]),
    kind: 'none',
  },
  {
    name: 'XML type code 381 is a credit note',
    input: mail('Document', 'Hello', [{ filename: 'doc.pdf', text: '', xml: { syntax: 'CII', typeCode: '381', grandTotalMinor: 1000 } }]),
    kind: 'credit_note',
  },
];

describe('classifyEmail', () => {
  it.each(CASES)('$name -> $kind', ({ input, kind }) => {
    const c = classifyEmail(input);
    expect(c.kind).toBe(kind);
    expect(c.confidence).toBeGreaterThan(0);
    expect(c.confidence).toBeLessThanOrEqual(1);
  });

  it('explains an invoice decision with evidence from several sources', () => {
    const c = classifyEmail(mail('Invoice 77', 'Please find attached the invoice.', [{ filename: 'Invoice_77.pdf', text: 'INVOICE\nInvoice number: 77\nTotal: $50.00' }]));
    const sources = new Set(c.evidence.map((e) => e.source));
    expect(sources.has('subject')).toBe(true);
    expect(sources.has('attachment_name')).toBe(true);
    expect(c.evidence.every((e) => typeof e.text === 'string' && e.text.length > 0)).toBe(true);
  });

  it('never throws on arbitrary subject and text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ maxLength: 2000 }), fc.option(fc.string(), { nil: null }), (subject, text, pdf) => {
        const c = classifyEmail({ subject, text, attachments: [{ filename: subject, text: pdf }] });
        expect(['invoice', 'credit_note', 'reminder', 'quote', 'order', 'receipt', 'none']).toContain(c.kind);
      }),
      { numRuns: 300 },
    );
  });

  it('tolerates malformed input objects', () => {
    expect(classifyEmail({} as unknown as ClassifyInput).kind).toBe('none');
  });
});
