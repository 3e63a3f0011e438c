import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalToMinor } from '../../lib/pdf/decimal';
import { findInvoiceXml, parseInvoiceXml, type InvoiceXmlData } from '../../lib/pdf/facturx';
import { readInvoicePdf } from '../../lib/pdf/index';
import { makePdf } from '../fixtures/pdf/make-pdf';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/pdf/${name}`, import.meta.url))));
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function expectData(r: InvoiceXmlData | { error: string }): InvoiceXmlData {
  if ('error' in r) throw new Error(`expected data, got error: ${r.error}`);
  return r;
}

describe('decimalToMinor', () => {
  const cases: Array<[string, number, number | null]> = [
    ['671.15', 2, 67115],
    ['470.1', 2, 47010],
    ['12', 2, 1200],
    ['+12.00', 2, 1200],
    ['-8.79', 2, -879],
    ['-0.00', 2, 0],
    ['.5', 2, 50],
    ['0.005', 2, 1],
    ['0.0049', 2, 0],
    ['-2.675', 2, -268],
    ['1234.5678', 2, 123457],
    ['  99.99 ', 2, 9999],
    ['1500', 0, 1500],
    ['1500.6', 0, 1501],
    ['1.234', 3, 1234],
    ['0.1', 2, 10],
    ['', 2, null],
    ['.', 2, null],
    ['1,50', 2, null],
    ['1e3', 2, null],
    ['12.34.56', 2, null],
    ['99999999999999999999', 2, null],
  ];
  it.each(cases)('%s with %i decimals → %s', (input, digits, expected) => {
    expect(decimalToMinor(input, digits)).toBe(expected);
  });

  it('agrees with integer arithmetic on any cents value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
        const abs = Math.abs(cents);
        const text = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
        expect(decimalToMinor(text)).toBe(cents === 0 ? 0 : cents);
      }),
    );
  });
});

describe('parseInvoiceXml on the XML embedded in real invoices', () => {
  const cases: Array<{ file: string; expected: InvoiceXmlData }> = [
    {
      // Factur-X BASIC WL (CII D16B) with a deposit already paid.
      file: 'Facture_FA-2017-0010.pdf',
      expected: {
        syntax: 'CII',
        profile: 'urn:factur-x.eu:1p0:basicwl',
        typeCode: '380',
        invoiceNumber: 'FA-2017-0010',
        issueDate: '2017-11-13',
        dueDate: '2017-12-13',
        currency: 'EUR',
        grandTotalMinor: 67115,
        duePayableMinor: 47015,
        prepaidMinor: 20100,
        taxBasisTotalMinor: 62490,
        sellerName: 'Au bon moulin',
        buyerName: 'Ma jolie boutique',
        notes: ['Franco de port (commande > 300 € HT)'],
      },
    },
  ];
  it.each(cases)('$file', async ({ file, expected }) => {
    const r = await readInvoicePdf(fixture(file));
    expect(r.xmlError).toBeUndefined();
    expect(r.xml).toEqual(expected);
  });

  it('ZUGFeRD 1.0 (CrossIndustryDocument, D13B names)', async () => {
    const r = await readInvoicePdf(fixture('Rechnung_471102-4.pdf'));
    expect(r.xmlName).toBe('ZUGFeRD-invoice.xml');
    expect(r.xml).toMatchObject({
      syntax: 'CII',
      profile: 'urn:ferd:CrossIndustryDocument:invoice:1p0:basic',
      typeCode: '380',
      invoiceNumber: '471102',
      issueDate: '2013-03-05',
      currency: 'EUR',
      grandTotalMinor: 23562,
      taxBasisTotalMinor: 19800,
      sellerName: 'Lieferant GmbH',
      buyerName: 'Kunden AG Mitte',
    });
    // This profile states the due date only in free text: it must not be invented.
    expect(r.xml?.dueDate).toBeUndefined();
    expect(r.xml?.notes?.some((n) => n.includes('Zahlbar innerhalb 30 Tagen netto bis 04.04.2013'))).toBe(true);
  });

  it('plain PDFs give no XML and no error', async () => {
    const r = await readInvoicePdf(fixture('Invoice_invoice_number_1.pdf'));
    expect(r.pdf.ok).toBe(true);
    expect(r.xml).toBeNull();
    expect(r.xmlError).toBeUndefined();
  });
});

const UBL_INVOICE = `<?xml version="1.0" encoding="UTF-8"?>
<ubl:Invoice xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0</cbc:CustomizationID>
  <cbc:ID>R-2024/0042</cbc:ID>
  <cbc:IssueDate>2024-02-29</cbc:IssueDate>
  <cbc:DueDate>2024-03-30</cbc:DueDate>
  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
  <cbc:Note>Leistungszeitraum Februar</cbc:Note>
  <cbc:Note>Bitte &quot;R-2024/0042&quot; angeben</cbc:Note>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party>
    <cac:PartyName><cbc:Name>Atelier Nord</cbc:Name></cac:PartyName>
    <cac:PartyLegalEntity><cbc:RegistrationName>Atelier Nord GmbH</cbc:RegistrationName></cac:PartyLegalEntity>
  </cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party>
    <cac:PartyName><cbc:Name>Müller &amp; Söhne KG</cbc:Name></cac:PartyName>
  </cac:Party></cac:AccountingCustomerParty>
  <cac:PaymentTerms><cbc:Note>30 Tage netto</cbc:Note></cac:PaymentTerms>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">1000.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">1000.00</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">1190.00</cbc:TaxInclusiveAmount>
    <cbc:PrepaidAmount currencyID="EUR">190.00</cbc:PrepaidAmount>
    <cbc:PayableAmount currencyID="EUR">1000.00</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
</ubl:Invoice>`;

// Default namespace, no prefixes; due date only under PaymentMeans (UBL CreditNote has no DueDate).
const UBL_CREDIT_NOTE = `<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2">
  <ID>GS-7</ID>
  <IssueDate>2024-05-02</IssueDate>
  <DocumentCurrencyCode>JPY</DocumentCurrencyCode>
  <PaymentMeans><PaymentDueDate>2024-05-16</PaymentDueDate></PaymentMeans>
  <LegalMonetaryTotal>
    <TaxInclusiveAmount currencyID="JPY">-15000</TaxInclusiveAmount>
    <PayableAmount currencyID="JPY">-15000</PayableAmount>
  </LegalMonetaryTotal>
</CreditNote>`;

// ZUGFeRD 1.0 release-candidate layout: root "Invoice" but CII content, dates without DateTimeString.
const ZUGFERD_RC = `<rsm:Invoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CBFBUY:5">
  <rsm:HeaderExchangedDocument><ID>RC-1</ID><TypeCode>380</TypeCode>
    <IssueDateTime format="102">20140519</IssueDateTime></rsm:HeaderExchangedDocument>
  <rsm:SpecifiedSupplyChainTradeTransaction>
    <ApplicableSupplyChainTradeSettlement>
      <InvoiceCurrencyCode>EUR</InvoiceCurrencyCode>
      <SpecifiedTradePaymentTerms><DueDateDateTime format="102">20140609</DueDateDateTime></SpecifiedTradePaymentTerms>
      <SpecifiedTradeSettlementMonetarySummation>
        <GrandTotalAmount currencyID="EUR">559.84</GrandTotalAmount>
      </SpecifiedTradeSettlementMonetarySummation>
    </ApplicableSupplyChainTradeSettlement>
  </rsm:SpecifiedSupplyChainTradeTransaction>
</rsm:Invoice>`;

// CII corrective invoice with the tax total in two currencies and an impossible due date.
const CII_CORRECTIVE = `<a:CrossIndustryInvoice xmlns:a="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
  xmlns:b="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
  xmlns:c="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <a:ExchangedDocument><b:ID>K-9</b:ID><b:TypeCode>384</b:TypeCode>
    <b:IssueDateTime><c:DateTimeString format="102">20240115</c:DateTimeString></b:IssueDateTime></a:ExchangedDocument>
  <a:SupplyChainTradeTransaction><b:ApplicableHeaderTradeSettlement>
    <b:InvoiceCurrencyCode>CHF</b:InvoiceCurrencyCode>
    <b:SpecifiedTradePaymentTerms><b:DueDateDateTime><c:DateTimeString format="102">20240230</c:DateTimeString></b:DueDateDateTime></b:SpecifiedTradePaymentTerms>
    <b:SpecifiedTradeSettlementHeaderMonetarySummation>
      <b:TaxTotalAmount currencyID="EUR">-1.00</b:TaxTotalAmount>
      <b:GrandTotalAmount currencyID="CHF">-8.79</b:GrandTotalAmount>
    </b:SpecifiedTradeSettlementHeaderMonetarySummation>
  </b:ApplicableHeaderTradeSettlement></a:SupplyChainTradeTransaction>
</a:CrossIndustryInvoice>`;

describe('parseInvoiceXml syntaxes', () => {
  const cases: Array<{ name: string; xml: string; expected: InvoiceXmlData }> = [
    {
      name: 'UBL Invoice (XRechnung) with prefixes and entities',
      xml: UBL_INVOICE,
      expected: {
        syntax: 'UBL',
        profile: 'urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0',
        typeCode: '380',
        invoiceNumber: 'R-2024/0042',
        issueDate: '2024-02-29',
        dueDate: '2024-03-30',
        currency: 'EUR',
        grandTotalMinor: 119000,
        duePayableMinor: 100000,
        prepaidMinor: 19000,
        taxBasisTotalMinor: 100000,
        sellerName: 'Atelier Nord GmbH',
        buyerName: 'Müller & Söhne KG',
        paymentTermsText: '30 Tage netto',
        notes: ['Leistungszeitraum Februar', 'Bitte "R-2024/0042" angeben'],
      },
    },
    {
      name: 'UBL CreditNote, default namespace, zero-decimal currency',
      xml: UBL_CREDIT_NOTE,
      expected: {
        syntax: 'UBL',
        typeCode: '381',
        invoiceNumber: 'GS-7',
        issueDate: '2024-05-02',
        dueDate: '2024-05-16',
        currency: 'JPY',
        grandTotalMinor: -15000,
        duePayableMinor: -15000,
      },
    },
    {
      name: 'ZUGFeRD 1.0 release candidate (root Invoice, CII content)',
      xml: ZUGFERD_RC,
      expected: {
        syntax: 'CII',
        typeCode: '380',
        invoiceNumber: 'RC-1',
        issueDate: '2014-05-19',
        dueDate: '2014-06-09',
        currency: 'EUR',
        grandTotalMinor: 55984,
      },
    },
    {
      name: 'CII corrective invoice: any prefixes, negative total, invalid date dropped',
      xml: CII_CORRECTIVE,
      expected: {
        syntax: 'CII',
        typeCode: '384',
        invoiceNumber: 'K-9',
        issueDate: '2024-01-15',
        currency: 'CHF',
        grandTotalMinor: -879,
      },
    },
  ];
  it.each(cases)('$name', ({ xml, expected }) => {
    expect(expectData(parseInvoiceXml(xml))).toEqual(expected);
  });

  it('refuses XML that is not an invoice', () => {
    expect(parseInvoiceXml('<Order><ID>1</ID></Order>')).toEqual({ error: 'the XML is not an invoice (root element Order)' });
  });
});

describe('parseInvoiceXml on hostile or broken XML', () => {
  const laughs =
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">' +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('') +
    ']><Invoice><ID>&lol9;</ID></Invoice>';
  const xxe =
    '<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
    '<Invoice><ID>&xxe;</ID></Invoice>';
  const deep = `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`;
  const cases: Array<{ name: string; xml: string; error: RegExp }> = [
    { name: 'entity-expansion bomb', xml: laughs, error: /DOCTYPE/ },
    { name: 'external entity', xml: xxe, error: /DOCTYPE/ },
    { name: 'unclosed tags', xml: '<Invoice><ID>1</ID><IssueDate>2024-01-01', error: /malformed/ },
    { name: 'mismatched tags', xml: '<Invoice><ID>1</Id></Invoice>', error: /malformed/ },
    { name: 'not XML at all', xml: 'Rechnung 471102, Betrag 235,62 EUR', error: /malformed|root/ },
    { name: 'empty string', xml: '', error: /empty/ },
    { name: 'over 5 MB', xml: `<Invoice><Note>${'x'.repeat(5 * 1024 * 1024)}</Note></Invoice>`, error: /too large/ },
    { name: 'absurd nesting', xml: deep, error: /./ },
    { name: 'two roots', xml: '<Invoice/><Invoice/>', error: /./ },
  ];
  it.each(cases)('$name → error, no expansion', ({ xml, error }) => {
    const r = parseInvoiceXml(xml);
    expect(r).toHaveProperty('error');
    if ('error' in r) expect(r.error).toMatch(error);
    expect(JSON.stringify(r)).not.toMatch(/lollollol|root:x:0/);
  });

  it('leaves undeclared entity references as written', () => {
    const r = expectData(parseInvoiceXml('<Invoice><ID>A&foo;B&#65;&#x42;</ID></Invoice>'));
    expect(r.invoiceNumber).toBe('A&foo;BAB');
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseInvoiceXml(s);
        expect(typeof r).toBe('object');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const r = parseInvoiceXml(`<Invoice><ID>${s}</ID><IssueDate>${s}</IssueDate><LegalMonetaryTotal><PayableAmount>${s}</PayableAmount></LegalMonetaryTotal></Invoice>`);
        expect(typeof r).toBe('object');
      }),
      { numRuns: 300 },
    );
  });
});

describe('findInvoiceXml', () => {
  const cii = utf8('<?xml version="1.0"?>\n<!-- generated --><rsm:CrossIndustryInvoice xmlns:rsm="x"/>');
  const cases: Array<{ name: string; files: Array<{ name: string; bytes: Uint8Array }>; expected: string | null }> = [
    { name: 'no attachments', files: [], expected: null },
    {
      name: 'standard name preferred over other XML, case-insensitive',
      files: [{ name: 'other.xml', bytes: cii }, { name: 'ZUGFeRD-invoice.xml', bytes: utf8('<a/>') }],
      expected: 'ZUGFeRD-invoice.xml',
    },
    {
      name: 'factur-x.xml preferred over xrechnung.xml',
      files: [{ name: 'xrechnung.xml', bytes: utf8('<a/>') }, { name: 'factur-x.xml', bytes: utf8('<b/>') }],
      expected: 'factur-x.xml',
    },
    { name: 'unknown name but invoice root', files: [{ name: 'einvoice.XML', bytes: cii }], expected: 'einvoice.XML' },
    {
      name: 'UBL root behind a BOM',
      files: [{ name: 'peppol.xml', bytes: utf8('\ufeff<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>') }],
      expected: 'peppol.xml',
    },
    { name: 'XML that is not an invoice', files: [{ name: 'metadata.xml', bytes: utf8('<x:xmpmeta/>') }], expected: null },
    { name: 'not an XML file', files: [{ name: 'invoice.pdf', bytes: cii }], expected: null },
    { name: 'empty attachment', files: [{ name: 'factur-x.xml', bytes: new Uint8Array(0) }], expected: null },
    { name: 'over 5 MB', files: [{ name: 'factur-x.xml', bytes: new Uint8Array(5 * 1024 * 1024 + 1) }], expected: null },
  ];
  it.each(cases)('$name', ({ files, expected }) => {
    expect(findInvoiceXml(files)?.name ?? null).toBe(expected);
  });

  it('decodes a declared Latin-1 file and UTF-16 with BOM', () => {
    const latin1 = new Uint8Array([...utf8('<?xml version="1.0" encoding="ISO-8859-1"?><Invoice><ID>M'), 0xfc, ...utf8('ller</ID></Invoice>')]);
    expect(findInvoiceXml([{ name: 'factur-x.xml', bytes: latin1 }])?.xml).toContain('Müller');
    const text = '<Invoice><ID>Ü-1</ID></Invoice>';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) utf16[2 + 2 * i] = text.charCodeAt(i);
    expect(findInvoiceXml([{ name: 'xrechnung.xml', bytes: utf16 }])?.xml).toBe(text);
  });
});

describe('readInvoicePdf end to end', () => {
  it('reads the UBL invoice embedded in a PDF', async () => {
    const pdf = makePdf({ pages: [[{ x: 50, y: 700, text: 'Rechnung R-2024/0042' }]], attachments: [{ name: 'xrechnung.xml', content: UBL_INVOICE.replace(/[üö]/g, 'u') }] });
    const r = await readInvoicePdf(pdf);
    expect(r.pdf.ok && r.pdf.text).toBe('Rechnung R-2024/0042');
    expect(r.xmlName).toBe('xrechnung.xml');
    expect(r.xml).toMatchObject({ syntax: 'UBL', invoiceNumber: 'R-2024/0042', grandTotalMinor: 119000, dueDate: '2024-03-30' });
  });

  it('reports an unusable embedded invoice XML without failing the PDF', async () => {
    const pdf = makePdf({ pages: [[{ x: 50, y: 700, text: 'Facture 12' }]], attachments: [{ name: 'factur-x.xml', content: '<rsm:CrossIndustryInvoice><oops>' }] });
    const r = await readInvoicePdf(pdf);
    expect(r.pdf.ok).toBe(true);
    expect(r.xml).toBeNull();
    expect(r.xmlError).toMatch(/^factur-x\.xml: the XML is malformed/);
  });

  it('passes PDF failures through', async () => {
    const r = await readInvoicePdf(new Uint8Array(0));
    expect(r).toEqual({ pdf: { ok: false, reason: 'empty', message: 'could not read: the file is empty' }, xml: null });
  });
});
