import { describe, expect, it } from 'vitest';
import { classifyEmail, type ClassifyInput, type DocKind } from '../../lib/domain/classify';

const mail = (subject: string, text: string, attachments: ClassifyInput['attachments'] = []): ClassifyInput => ({ subject, text, attachments });

// All records below were written for these tests.

/** One-paragraph invoices: own invoice by number + amount with currency + date/terms/tax, no PDF, no heading. */
const PARAGRAPH_INVOICES: Array<{ name: string; input: ClassifyInput }> = [
  {
    name: 'de: Rechnung in one paragraph, Kleinunternehmer, Zahlungsziel',
    input: mail(
      'Texte Website',
      'Hallo Frau Albers,\n\nhier – direkt in der Mail – meine Rechnung Nr. 2025-061 vom 12.08.2025 an das Studio Albers für die Texte der Startseite: pauschal 640,00 €. Gemäß § 19 UStG wird keine Umsatzsteuer berechnet. Zahlungsziel: 14 Tage.\n\nViele Grüße\nTom Riedel',
    ),
  },
  {
    name: 'fr: ma facture in one paragraph, TVA non applicable',
    input: mail(
      'Traduction du catalogue',
      "Bonjour Claire,\n\ncomme convenu, voici directement dans ce mail ma facture n° 2025-17 du 5 septembre 2025 pour la traduction du catalogue : 920,00 € net, TVA non applicable, art. 293 B du CGI. Paiement à 30 jours.\n\nBelle journée,\nLéa",
    ),
  },
  {
    name: 'en: our invoice in one paragraph with a date',
    input: mail(
      'Workshop last week',
      'Hi Dana,\n\nFor the workshop last Tuesday, our invoice #3307 dated 9 June 2025 comes to $2,400.00 for the two days, payable within 15 days by bank transfer.\n\nBest,\nRuth',
    ),
  },
  {
    name: 'es: mi factura in one paragraph with IVA',
    input: mail(
      'Sesión de fotos',
      'Hola Pablo:\n\nte paso aquí mi factura n.º 45/2025 del 02/06/2025 por la sesión de fotos del catálogo: 605,00 € (500,00 € + 21 % IVA). Pago por transferencia a 30 días.\n\nUn abrazo,\nNuria',
    ),
  },
  {
    name: 'it: la mia fattura in one paragraph',
    input: mail(
      'Logo e biglietti da visita',
      'Ciao Marco,\n\nti scrivo qui la mia fattura n. 12/2025 del 14/05/2025 per il logo e i biglietti da visita: totale 732,00 € IVA inclusa, pagamento a 30 giorni.\n\nA presto,\nGiulia',
    ),
  },
  {
    name: 'nl: mijn factuur in one paragraph',
    input: mail(
      'Fotografie bruiloft',
      'Hoi Sanne,\n\nbij deze mijn factuur 2025-033 van 20-06-2025 voor de fotografie op jullie bruiloft: € 1.250,00 inclusief 21% btw, te betalen binnen 14 dagen.\n\nGroet,\nDaan',
    ),
  },
];

/** Mail about invoices that bills nothing: templates, how-tos, invoices promised for later. */
const NOT_INVOICES: Array<{ name: string; input: ClassifyInput; kind?: DocKind }> = [
  {
    name: 'en: invoice template without any amount',
    input: mail(
      'Re: how I do my invoicing',
      "Hi Sam,\n\nHere's the invoice template I use, feel free to copy it. It has the invoice number, date, line items, total, and 'Net 15' at the bottom.\n\nInvoice #001\nDate:\nTotal:\n\nCheers,\nJo",
    ),
  },
  {
    name: 'en: template with an example amount',
    input: mail(
      'Invoice template',
      "Hi Sam,\n\nHere's the invoice template I use. Example line: Design work – $500.00. Invoice #001, Net 15.\n\nCheers,\nJo",
    ),
  },
  {
    name: 'fr: modèle de facture',
    input: mail(
      'Modèle',
      'Salut Paul,\n\nvoici le modèle de facture que j’utilise : numéro de facture, date, prestations, total TTC et conditions de paiement à 30 jours.\n\nFacture n° 2025-XXX\n\nBon courage,\nMarie',
    ),
  },
  {
    name: 'de: Rechnungsvorlage',
    input: mail('Vorlage', 'Hallo Jan,\n\nanbei meine Rechnungsvorlage als Text: Rechnung Nr. 2025-001, Datum, Leistung, Betrag, Zahlungsziel 14 Tage.\n\nGruß\nIna'),
  },
  {
    name: 'en: invoice promised for tomorrow, no amount',
    input: mail('Re: project wrap-up', "Hi Ken,\n\nThanks for the call. I'll send the invoice tomorrow once I have the final hours; it will be invoice #2025-14, Net 30.\n\nBest,\nAli"),
  },
  {
    name: 'en: invoice promised for later, with the price',
    input: mail('Re: project wrap-up', "Hi Ken,\n\nGreat working with you. I'll send you the invoice #2025-14 for $1,800.00 next week, due in 30 days.\n\nBest,\nAli"),
  },
  {
    name: 'fr: je vous enverrai la facture',
    input: mail('Re: atelier', 'Bonjour,\n\nmerci pour l’atelier. Je vous enverrai la facture n° 2025-31 de 450,00 € la semaine prochaine, payable à 30 jours.\n\nCordialement,\nNina'),
  },
  {
    name: 'de: ich schicke Ihnen die Rechnung morgen',
    input: mail('Re: Termin', 'Hallo Herr Kurz,\n\ndanke für heute. Ich schicke Ihnen die Rechnung morgen, Rechnung Nr. 2025-090 über 380,00 €, zahlbar in 14 Tagen.\n\nGruß\nPia'),
  },
  {
    name: 'en: how to write an invoice',
    input: mail('Question', 'Hi,\n\nHow do I write an invoice for a client abroad? Do I need the invoice number 2025-1 format and the date?\n\nThanks,\nLou'),
  },
  {
    name: 'es: plantilla de factura',
    input: mail('Plantilla', 'Hola:\n\nte mando la plantilla de factura que uso: factura n.º 001, fecha, concepto, total e IVA, vencimiento a 30 días.\n\nSaludos'),
  },
  {
    name: 'it: modello di fattura',
    input: mail('Modello', 'Ciao,\n\necco il modello di fattura: fattura n. 1/2025, data, descrizione, totale e IVA, pagamento a 30 giorni.\n\nCiao'),
  },
  {
    name: 'en: asking for billing details',
    input: mail('Billing details', 'Hi Joe,\n\nBefore I issue invoice #2025-40, could you send me your billing address and VAT number? Payment terms will be Net 30.\n\nThanks,\nAnn'),
  },
  {
    name: 'en: order confirmation promising the invoice later stays an order',
    input: mail('Order confirmation #B-310', "Hi,\n\nThanks for your order! Order #B-310: 2 x mug – $24.00 each. Order total: $48.00.\n\nWe'll send the invoice with the tracking number once it ships.\n\nAmy"),
    kind: 'order',
  },
  {
    name: 'de: reminder about my invoice stays a reminder',
    input: mail('Rechnung 2025-061', 'Hallo Frau Albers,\n\nmeine Rechnung Nr. 2025-061 vom 12.08.2025 über 640,00 € ist noch offen. Könnten Sie bitte nachsehen?\n\nViele Grüße\nTom'),
    kind: 'reminder',
  },
];

describe('classifyEmail: one-paragraph invoices in six languages', () => {
  it.each(PARAGRAPH_INVOICES)('$name', ({ input }) => {
    const r = classifyEmail(input);
    expect(r.kind).toBe('invoice');
    expect(r.evidence.some((e) => e.text.startsWith('body presents an invoice'))).toBe(true);
  });
});

describe('classifyEmail: talking about invoices is not sending one', () => {
  it.each(NOT_INVOICES)('$name', ({ input, kind }) => {
    expect(classifyEmail(input).kind).toBe(kind ?? 'none');
  });

  it('keeps an invoice with a PDF even when the body names no amount', () => {
    const r = classifyEmail(mail('Invoice 2025-14', 'Hi Ken,\n\nPlease find attached invoice 2025-14.\n\nBest,\nAli', [{ filename: 'invoice-2025-14.pdf' }]));
    expect(r.kind).toBe('invoice');
  });

  it('refuses the invoice reading when no amount, PDF or XML exists', () => {
    const r = classifyEmail(mail('Invoice 2025-14', 'Hi Ken,\n\nInvoice 2025-14\nDate: 2 May 2025\nTerms: Net 30\nIBAN: DE12 5001 0517 0648 4898 90\n\nBest,\nAli'));
    expect(r.kind).toBe('none');
    expect(r.evidence.some((e) => e.text.includes('nothing is billed'))).toBe(true);
  });
});
