import { describe, expect, it } from 'vitest';
import { extractInvoice, type ExtractInput } from '../../lib/domain/extract';
import { classifyEmail } from '../../lib/domain/classify';
import { computeDueDate, parsePaymentTerms } from '../../lib/domain/terms';
import { domainLabel, findLegalEntities, matchesDomain, squashName } from '../../lib/domain/extract/orgs';
import { looksLikePerson } from '../../lib/domain/extract/parties';

// Every mail below was written for these tests (no corpus sentence): one family of wording per row.

type To = { name?: string | null; email: string };
const mail = (subject: string, text: string, to: To, date = '2025-09-08T09:00:00Z', from: To = { name: 'Seller', email: 'me@seller-studio.example' }): ExtractInput => ({
  subject, text, date, to: [to], from, attachments: [], kind: 'invoice',
});

describe('client: the buyer company', () => {
  const cases: Array<{ name: string; input: ExtractInput; want: string }> = [
    {
      name: 'legal form in a sentence (de, "im Auftrag der")',
      input: mail('Rechnung 88-2025', 'Hallo Jonas,\n\nanbei die Rechnung 88-2025 für die Messeplanung im Auftrag der Nordlicht Events GmbH.\n\nGesamtbetrag: 2.380,00 €\n\nGruß\nPia', { name: 'Jonas Weber', email: 'jonas.weber@nordlicht-events.example' }),
      want: 'Nordlicht Events GmbH',
    },
    {
      name: 'legal form before the name (fr, "de la SARL")',
      input: mail('Facture F-301', "Bonjour Anne,\n\nVoici la facture F-301 pour la comptabilité de la SARL Les Jardins d'Ocre.\n\nTotal TTC : 540,00 €\n\nCordialement,\nLéo", { name: 'Anne Morel', email: 'anne@jardins-ocre.example' }),
      want: "SARL Les Jardins d'Ocre",
    },
    {
      name: 'name alone under the heading (en)',
      input: mail('Invoice 5012', 'Hey Priti,\n\nInvoice 5012 · September 8, 2025\nBlue Heron Yoga Loft\n\nWorkshop photography: $600.00\nTotal: $600.00\n\nThanks!\nKai', { name: 'Priti Shah', email: 'priti@blueheronyoga.example' }),
      want: 'Blue Heron Yoga Loft',
    },
    {
      name: 'sentence "for X" confirmed by the recipient domain (en)',
      input: mail('Invoice 77', 'Hi Tom,\n\nInvoice 77 for Copperleaf Bakery is below.\n\nLogo refresh: $450.00\nTotal: $450.00\n\nBest,\nIvy', { name: 'Tom Baker', email: 'tom@copperleafbakery.example' }),
      want: 'Copperleaf Bakery',
    },
    {
      name: 'department before the company (en, Attn)',
      input: mail('Invoice 0091', 'Attn: Accounts Payable, Saltmarsh Ferries\n\nInvoice 0091\nTotal: £220.00\n\nRegards,\nDee', { name: null, email: 'ap@saltmarsh.example' }),
      want: 'Saltmarsh Ferries',
    },
    {
      name: 'person then company on the label line (es)',
      input: mail('Factura 12/2025', 'Hola,\n\nFactura 12/2025\nCliente: Marta Ruiz, Ópticas del Sur S.L.\nTotal: 363,00 €\n\nUn saludo,\nÁlex', { name: 'Marta Ruiz', email: 'marta@opticasdelsur.example' }),
      want: 'Ópticas del Sur S.L.',
    },
    {
      name: 'label "Opdrachtgever" (nl)',
      input: mail('Factuur 2025-77', 'Hoi,\n\nFactuur 2025-77\nOpdrachtgever: Groenhuis Hoveniers\nTotaal: € 950,00\n\nGroet,\nBas', { name: 'Wim Groen', email: 'wim@groenhuis.example' }),
      want: 'Groenhuis Hoveniers',
    },
    {
      name: 'the seller company in the signature is not the buyer (it)',
      input: mail('Fattura 9/2025', 'Ciao Sara,\n\nFattura 9/2025 per la consulenza di agosto.\nTotale: 610,00 €\n\nCordiali saluti,\nGiorgio\nStudio Verdi S.r.l.', { name: 'Sara Conte', email: 'sara.conte@libero.example' }),
      want: 'Sara Conte',
    },
    {
      name: 'a capitalised German noun after "für" is not a company',
      input: mail('Rechnung 2025/31', 'Hallo Herr Kranz,\n\nanbei die Abrechnung für Gitarrenunterricht im August.\nRechnung 2025/31\n4 Stunden à 40,00 € = 160,00 €\n\nViele Grüße\nTim', { name: 'Peter Kranz', email: 'peter.kranz@gmx.example' }),
      want: 'Peter Kranz',
    },
  ];
  it.each(cases)('$name', ({ input, want }) => {
    expect(extractInvoice(input).client).toBe(want);
  });
});

describe('totals and the amount payable', () => {
  const cases: Array<{ name: string; text: string; total: number | null; due: number | null }> = [
    { name: 'subtotal incl. tax then disbursements (fr)', text: 'Facture 1\nSous-total TTC : 600,00 €\nFrais de port : 12,00 €\nTOTAL À PAYER : 612,00 €', total: 61200, due: null },
    { name: 'arrears carried over (fr)', text: 'Facture 2\nMontant de la facture : 300,00 € TTC\nReliquat facture précédente : 120,00 €\nTotal à régler : 420,00 €', total: 30000, due: 42000 },
    { name: 'IRPF withholding (es)', text: 'Factura 3\nBase imponible: 1.000,00 €\nIVA 21 %: 210,00 €\nTotal factura (base + IVA): 1.210,00 €\nRetención IRPF 15 %: -150,00 €\nLíquido a percibir: 1.060,00 €', total: 121000, due: 106000 },
    { name: "ritenuta d'acconto (it)", text: "Fattura 4\nImponibile: 500,00 €\nIVA 22%: 110,00 €\nTotale fattura: 610,00 €\nRitenuta d'acconto 20%: -100,00 €\nNetto a pagare: 510,00 €", total: 61000, due: 51000 },
    { name: 'deposit, "balance now due" (en)', text: 'Invoice 5\nProject total: $4,000.00\nLess deposit paid: -$1,000.00\nBalance now due: $3,000.00', total: 400000, due: 300000 },
    { name: 'bare "Balance" line (en)', text: 'Invoice 6\nTotal £900.00\nPaid on account £300.00\nBalance £600.00', total: 90000, due: 60000 },
    { name: 'previous balance is not the payable amount (en)', text: 'Invoice 7\nTotal this invoice: $200.00\nPrevious balance: $50.00\nAmount due: $250.00', total: 20000, due: 25000 },
    { name: '"Pendiente de pago" after an advance (es)', text: 'Factura 8\nImporte total: 800,00 €\nAnticipo recibido: 300,00 €\nPendiente de pago: 500,00 €', total: 80000, due: 50000 },
    { name: 'total only in a sentence (en)', text: 'Invoice 9\nThe work took 6 hours at $90, so the total comes to $540.00.', total: 54000, due: null },
    { name: 'total only in a sentence (de)', text: 'Rechnung 10\nDer Rechnungsbetrag beträgt 275,00 €.', total: 27500, due: null },
    { name: 'bare "Montant :" label with a VAT note after (fr)', text: 'Facture 11\nMontant : 95 € — TVA non applicable', total: 9500, due: null },
    { name: '"Gesamt:" label (de)', text: 'Rechnung 12\nNetto: 100,00 €\nMwSt 19 %: 19,00 €\nGesamt: 119,00 €', total: 11900, due: null },
    { name: 'no label at all: the largest amount (nl)', text: 'Factuur 13\nVertaling brochure: € 320,00\n(Vrijgesteld van btw)', total: 32000, due: null },
  ];
  it.each(cases)('$name', ({ text, total, due }) => {
    const r = extractInvoice(mail('Invoice', text, { name: 'X Y', email: 'x@y.example' }));
    expect(r.totalMinor).toBe(total);
    expect(r.amountDueMinor).toBe(due);
  });
});

describe('due dates written in a sentence', () => {
  const cases: Array<{ name: string; text: string; due: string | null }> = [
    { name: 'en "settle by"', text: 'Invoice 1\nDate: 1 September 2025\nTotal: €100.00\nPlease settle by 20 September 2025.', due: '2025-09-20' },
    { name: 'de "erbitte … bis zum"', text: 'Rechnung 2\nDatum: 01.09.2025\nGesamtbetrag: 100,00 €\nDie Zahlung erbitte ich bis zum 15.09.2025.', due: '2025-09-15' },
    { name: 'de "spätestens am"', text: 'Rechnung 3\nDatum: 01.09.2025\nGesamtbetrag: 100,00 €\nBitte überweisen Sie spätestens am 22.09.2025.', due: '2025-09-22' },
    { name: 'nl "uiterlijk"', text: 'Factuur 4\nDatum: 1 september 2025\nTotaal: € 100,00\nGraag uiterlijk 25 september 2025 betalen.', due: '2025-09-25' },
    { name: 'it "entro il"', text: 'Fattura 5\nData: 01/09/2025\nTotale: 100,00 €\nDa saldare entro il 30/09/2025.', due: '2025-09-30' },
    { name: 'es "antes del"', text: 'Factura 6\nFecha: 01/09/2025\nTotal: 100,00 €\nRealice el pago antes del 19/09/2025.', due: '2025-09-19' },
    { name: 'a discount sentence beside the due sentence (de)', text: 'Rechnung 7\nDatum: 01.09.2025\nGesamtbetrag: 100,00 €\nBei Zahlung bis 05.09.2025 gewähren wir 2 % Skonto. Fällig am 30.09.2025.', due: '2025-09-30' },
    { name: 'a payment already made is not a term (en)', text: 'Invoice 8\nDate 2025-09-01\nTotal £500.00\nPaid on account (3 Aug) £100.00\nBalance £400.00\nPayment terms: 14 days.', due: '2025-09-15' },
    { name: 'a link valid for 7 days is not a due date (fr)', text: 'Facture 9\nDate : 01/09/2025\nTotal TTC : 100,00 €\nLien de téléchargement valable jusqu\'au 08/09/2025.', due: null },
  ];
  it.each(cases)('$name', ({ text, due }) => {
    expect(extractInvoice(mail('Invoice', text, { name: 'X Y', email: 'x@y.example' })).dueDate).toBe(due);
  });
});

describe('invoice number with a qualifier word', () => {
  it.each([
    ['Facture rectificative n° FR-77 du 02/09/2025\nAnnule la facture F-70.\nSur la facture F-70, la remise manquait.', 'FR-77'],
    ['Final invoice #FIN-204\nThis replaces invoice 198.', 'FIN-204'],
  ])('%s', (text, want) => {
    expect(extractInvoice(mail('Invoice', text, { name: 'X Y', email: 'x@y.example' })).invoiceNumber).toBe(want);
  });
});

describe('kinds', () => {
  const cases: Array<{ name: string; subject: string; text: string; kind: string }> = [
    { name: 'receipt: cheque received, zero balance (fr)', subject: 'Reçu – facture 2025-31 acquittée', text: "Bonjour,\n\nJ'ai bien reçu votre chèque de 400,00 €.\nFacture concernée : 2025-31\nSolde restant : 0,00 €\n\nMerci !", kind: 'receipt' },
    { name: 'receipt: the transfer arrived (en)', subject: 'Invoice 220 – paid', text: 'Hi Jo,\n\nYour transfer of $300.00 for invoice 220 arrived this morning, so you are all square.\n\nThanks,\nMo', kind: 'receipt' },
    { name: 'reminder without the word (en)', subject: 'Invoice 4410', text: "Hi Ana,\n\nJust following up on invoice 4410, which was due last Monday. Could you tell me when it'll be paid?\n\nThanks,\nLi", kind: 'reminder' },
    { name: 'reminder without the word (de)', subject: 'Rechnung 2025-090', text: 'Hallo Frau Voss,\n\nzu meiner Rechnung 2025-090 über 450,00 € konnte ich bisher keinen Zahlungseingang feststellen.\n\nGrüße\nUwe', kind: 'reminder' },
    { name: 'reminder without the word (nl)', subject: 'Factuur 2025-12', text: 'Hoi Eva,\n\nFactuur 2025-12 van juli staat bij ons nog open. Wil je even kijken?\n\nGroet,\nTom', kind: 'reminder' },
    { name: 'a "rappel" about a tax return is not a payment reminder (fr)', subject: 'Rappel : déclaration de TVA', text: 'Bonjour,\n\nPetit rappel : la déclaration de TVA est à déposer avant le 19. Merci de nous transmettre vos pièces.\n\nLe cabinet', kind: 'none' },
    { name: 'a shipping notice is not an order (en)', subject: 'Your order #5531 has shipped', text: 'Hi Sam,\n\nYour order #5531 has shipped. Tracking number: 1Z999AA10123456784.\nOrder total: $42.00 (paid)\n\nEnjoy!', kind: 'none' },
    { name: 'an order written as a request (fr)', subject: 'Commande fournitures', text: 'Bonjour,\n\nJe souhaite passer commande de 10 cartouches d\'encre noire. Merci de me confirmer le délai.\n\nCordialement', kind: 'order' },
    { name: 'an estimate word with no price is not a quote (en)', subject: 'Rough estimate of the timeline', text: 'Hi,\n\nMy rough estimate is three weeks for the copy. Talk soon.\n\nJ', kind: 'none' },
    { name: 'an Austrian fee note is an invoice (de)', subject: 'Honorarnote 31/2025', text: 'Sehr geehrte Damen und Herren,\n\nHonorarnote Nr. 31/2025\nHonorar netto € 1.000,00\n20 % USt € 200,00\nGesamtbetrag € 1.200,00\n\nZahlbar binnen 14 Tagen.\n\nMit freundlichen Grüßen', kind: 'invoice' },
  ];
  it.each(cases)('$name', ({ subject, text, kind }) => {
    expect(classifyEmail({ subject, text, attachments: [] }).kind).toBe(kind);
  });
});

describe('terms: more ways to say when', () => {
  const cases: Array<{ text: string; issue: string; kind: string; due: string | null }> = [
    { text: 'Payable within one week of the invoice date', issue: '2025-09-01', kind: 'net', due: '2025-09-08' },
    { text: 'Zahlbar binnen zwei Wochen', issue: '2025-09-01', kind: 'net', due: '2025-09-15' },
    { text: 'Die Rechnung ist mit Eingang fällig', issue: '2025-09-01', kind: 'on_receipt', due: '2025-09-01' },
    { text: 'Payment on the day of delivery', issue: '2025-09-01', kind: 'on_receipt', due: '2025-09-01' },
    { text: 'Half on signature, half when the site goes live', issue: '2025-09-01', kind: 'installments', due: null },
    { text: 'Metà all\'ordine, metà alla consegna', issue: '2025-09-01', kind: 'installments', due: null },
  ];
  it.each(cases)('$text', ({ text, issue, kind, due }) => {
    const t = parsePaymentTerms(text, { issueDate: issue });
    expect(t.kind).toBe(kind);
    expect(computeDueDate(t, issue).dueDate).toBe(due);
  });
});

describe('organisation helpers', () => {
  it.each([
    ['Invoice for Hartwell & Sons Ltd, thanks', 'Hartwell & Sons Ltd'],
    ['Kunde: Bäckerei Kuhn OHG', 'Bäckerei Kuhn OHG'],
    ['pour la SAS Les Trois Moulins', 'SAS Les Trois Moulins'],
    ['Stichting Open Ateliers Noord', 'Stichting Open Ateliers Noord'],
    ['Destinatario: Ferramenta Gallo S.n.c.', 'Ferramenta Gallo S.n.c.'],
  ])('legal entity in "%s"', (line, want) => {
    expect(findLegalEntities(line).map((e) => e.name)).toContain(want);
  });
  it.each([
    ['Hartwell & Sons', 'hartwellandsons', true],
    ['Müller Kühn Verlag', 'mueller-kuehn-verlag', true],
    ['Domaine des Quatre Vents', 'domaine-quatre-vents', true],
    ['Blue Heron Yoga Loft', 'blueheronyoga', true],
    ['Blue Sky', 'blueheronyoga', false],
  ])('%s matches domain %s: %s', (name, label, want) => {
    expect(matchesDomain(name, label)).toBe(want);
  });
  it('reads the organisation label of a domain, not webmail', () => {
    expect(domainLabel('a@mail.atelier-nord.example')).toBe('atelier-nord');
    expect(domainLabel('a@gmail.com')).toBeNull();
    expect(domainLabel('not an address')).toBeNull();
    expect(squashName('Weber & Kühn Verlag OHG')).toBe('weberkuhnverlagohg');
  });
  it.each([
    ['Lea Brun', 'lea.brun@x.example', true],
    ['Herr Stein', 'info@x.example', true],
    ['Atelier Brun SARL', 'contact@x.example', false],
    ['Harbour Books', 'orders@harbourbooks.example', false],
  ])('%s <%s> is a person: %s', (name, email, want) => {
    expect(looksLikePerson(name, email)).toBe(want);
  });
  it('never throws on odd input', () => {
    for (const s of ['', '\u0000', 'GmbH', 'SAS', ','.repeat(500), 'A '.repeat(300) + 'Ltd']) {
      expect(() => findLegalEntities(s)).not.toThrow();
      expect(() => extractInvoice(mail(s, s, { email: s }))).not.toThrow();
    }
  });
});
