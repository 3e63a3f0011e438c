/**
 * Structured invoice data from the XML that e-invoices embed in their PDF:
 * - Factur-X / ZUGFeRD 2.x / XRechnung CII: rsm:CrossIndustryInvoice (UN/CEFACT CII D16B);
 * - ZUGFeRD 1.0: rsm:CrossIndustryDocument (CII D13B: other element names, same ideas);
 * - UBL 2.1 Invoice / CreditNote (XRechnung UBL, Peppol).
 * Namespace prefixes are stripped, so any prefix spelling works. Absent fields stay undefined:
 * the caller merges with what the visible text says (visible text wins on disagreement).
 */
import type { IsoDate } from '../domain/types';
import { isValidIsoDate } from '../domain/types';
import { currencyDigits } from '../domain/money';
import { decimalToMinor } from './decimal';
import { at, attrOf, children, decodeXmlBytes, MAX_XML_BYTES, parseXmlSafely, textOf, type XmlNode } from './xml';

export interface InvoiceXmlData {
  syntax: 'CII' | 'UBL';
  /** Guideline / customization URN, e.g. "urn:cen.eu:en16931:2017" or "urn:factur-x.eu:1p0:minimum". */
  profile?: string;
  /** UNTDID 1001: 380 invoice, 381 credit note, 384 corrective, 389 self-billed, 751 not an invoice… */
  typeCode?: string;
  invoiceNumber?: string;
  issueDate?: IsoDate;
  dueDate?: IsoDate;
  currency?: string;
  /** Total with VAT. */
  grandTotalMinor?: number;
  /** Amount still to pay (grand total minus prepaid, rounding). */
  duePayableMinor?: number;
  prepaidMinor?: number;
  /** Total without VAT. */
  taxBasisTotalMinor?: number;
  buyerName?: string;
  sellerName?: string;
  paymentTermsText?: string;
  notes?: string[];
}

/** Attachment names fixed by the standards, in order of preference. */
const KNOWN_NAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml'];
const INVOICE_ROOTS = new Set(['CrossIndustryInvoice', 'CrossIndustryDocument', 'Invoice', 'CreditNote']);

export function findInvoiceXml(embedded: ReadonlyArray<{ name: string; bytes: Uint8Array }>): { name: string; xml: string } | null {
  const candidates = embedded.filter((f) => f.bytes.byteLength > 0 && f.bytes.byteLength <= MAX_XML_BYTES);
  const byKnownName = [...candidates]
    .filter((f) => KNOWN_NAMES.includes(baseName(f.name)))
    .sort((a, b) => KNOWN_NAMES.indexOf(baseName(a.name)) - KNOWN_NAMES.indexOf(baseName(b.name)));
  for (const file of byKnownName) {
    const xml = decodeXmlBytes(file.bytes);
    if (xml !== null) return { name: file.name, xml };
  }
  for (const file of candidates) {
    if (!/\.xml$/i.test(file.name)) continue;
    const xml = decodeXmlBytes(file.bytes);
    const root = xml === null ? null : rootLocalName(xml);
    if (xml !== null && root !== null && INVOICE_ROOTS.has(root)) return { name: file.name, xml };
  }
  return null;
}

export function parseInvoiceXml(xml: string): InvoiceXmlData | { error: string } {
  const parsed = parseXmlSafely(xml);
  if ('error' in parsed) return parsed;
  try {
    return mapByRoot(parsed.root, parsed.node);
  } catch (error) {
    // The mappers only read; this guards the "never throws" promise against unforeseen shapes.
    return { error: `the invoice XML could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function mapByRoot(root: string, node: XmlNode): InvoiceXmlData | { error: string } {
  // The CII dialect is told by its header element rather than the root name: the ZUGFeRD 1.0
  // release candidate used a root named "Invoice" (like UBL) with D13B content.
  if (at(node, CII_D16B.document) !== undefined) return mapCii(node, CII_D16B);
  if (at(node, CII_ZUGFERD1.document) !== undefined) return mapCii(node, CII_ZUGFERD1);
  if (root === 'Invoice' || root === 'CreditNote') return mapUbl(node, root);
  return { error: `the XML is not an invoice (root element ${root})` };
}

/** Element names that differ between CII D16B (Factur-X, ZUGFeRD 2) and D13B (ZUGFeRD 1). */
interface CiiDialect {
  context: string;
  document: string;
  transaction: string;
  agreement: string;
  settlement: string;
  summation: string;
}
const CII_D16B: CiiDialect = {
  context: 'ExchangedDocumentContext',
  document: 'ExchangedDocument',
  transaction: 'SupplyChainTradeTransaction',
  agreement: 'ApplicableHeaderTradeAgreement',
  settlement: 'ApplicableHeaderTradeSettlement',
  summation: 'SpecifiedTradeSettlementHeaderMonetarySummation',
};
const CII_ZUGFERD1: CiiDialect = {
  context: 'SpecifiedExchangedDocumentContext',
  document: 'HeaderExchangedDocument',
  transaction: 'SpecifiedSupplyChainTradeTransaction',
  agreement: 'ApplicableSupplyChainTradeAgreement',
  settlement: 'ApplicableSupplyChainTradeSettlement',
  summation: 'SpecifiedTradeSettlementMonetarySummation',
};

function mapCii(root: XmlNode, d: CiiDialect): InvoiceXmlData {
  const doc = at(root, d.document);
  const transaction = at(root, d.transaction);
  const agreement = at(transaction, d.agreement);
  const settlement = at(transaction, d.settlement);
  const summation = at(settlement, d.summation);
  const currency = textOf(at(settlement, 'InvoiceCurrencyCode'))?.toUpperCase();
  const terms = children(settlement, 'SpecifiedTradePaymentTerms');
  const amount = (name: string) => ciiAmount(children(summation, name), currency);

  return compact({
    syntax: 'CII',
    profile: textOf(at(root, d.context, 'GuidelineSpecifiedDocumentContextParameter', 'ID')),
    typeCode: textOf(at(doc, 'TypeCode')),
    invoiceNumber: textOf(at(doc, 'ID')),
    issueDate: ciiDate(at(doc, 'IssueDateTime')),
    dueDate: firstDefined(terms.map((t) => ciiDate(at(t, 'DueDateDateTime')))),
    currency,
    grandTotalMinor: amount('GrandTotalAmount'),
    duePayableMinor: amount('DuePayableAmount'),
    prepaidMinor: amount('TotalPrepaidAmount'),
    taxBasisTotalMinor: amount('TaxBasisTotalAmount'),
    sellerName: nameOf(at(agreement, 'SellerTradeParty', 'Name')),
    buyerName: nameOf(at(agreement, 'BuyerTradeParty', 'Name')),
    paymentTermsText: joinTexts(terms.map((t) => textOf(at(t, 'Description')))),
    notes: nonEmpty(children(doc, 'IncludedNote').map((n) => textOf(at(n, 'Content')))),
  });
}

function mapUbl(root: XmlNode, kind: 'Invoice' | 'CreditNote'): InvoiceXmlData {
  const currency = textOf(at(root, 'DocumentCurrencyCode'))?.toUpperCase();
  const totals = at(root, 'LegalMonetaryTotal');
  const amount = (name: string) => ublAmount(at(totals, name), currency);
  const typeCode = textOf(at(root, kind === 'Invoice' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode'));
  const paymentDueDates = children(root, 'PaymentMeans').map((m) => ublDate(at(m, 'PaymentDueDate')));

  return compact({
    syntax: 'UBL',
    profile: textOf(at(root, 'CustomizationID')) ?? textOf(at(root, 'ProfileID')),
    typeCode: typeCode ?? (kind === 'CreditNote' ? '381' : undefined),
    invoiceNumber: textOf(at(root, 'ID')),
    issueDate: ublDate(at(root, 'IssueDate')),
    dueDate: ublDate(at(root, 'DueDate')) ?? firstDefined(paymentDueDates),
    currency,
    grandTotalMinor: amount('TaxInclusiveAmount'),
    duePayableMinor: amount('PayableAmount'),
    prepaidMinor: amount('PrepaidAmount'),
    taxBasisTotalMinor: amount('TaxExclusiveAmount'),
    sellerName: ublPartyName(at(root, 'AccountingSupplierParty', 'Party')),
    buyerName: ublPartyName(at(root, 'AccountingCustomerParty', 'Party')),
    paymentTermsText: joinTexts(children(root, 'PaymentTerms').map((t) => textOf(at(t, 'Note')))),
    notes: nonEmpty(children(root, 'Note').map(textOf)),
  });
}

function ublPartyName(party: XmlNode | undefined): string | undefined {
  return nameOf(at(party, 'PartyLegalEntity', 'RegistrationName')) ?? nameOf(at(party, 'PartyName', 'Name'));
}

/** Party names are sometimes laid out on several lines ("Herrn\nMax Mustermann"): one line is wanted. */
function nameOf(node: XmlNode | undefined): string | undefined {
  return textOf(node)?.replace(/\s+/g, ' ');
}

/**
 * CII may repeat an amount once per currency (e.g. tax total in invoice and accounting currency):
 * prefer the one in the invoice currency, else the first.
 */
function ciiAmount(nodes: XmlNode[], currency: string | undefined): number | undefined {
  const inCurrency = nodes.find((n) => currency !== undefined && attrOf(n, 'currencyID')?.toUpperCase() === currency);
  return ublAmount(inCurrency ?? nodes[0], currency);
}

function ublAmount(node: XmlNode | undefined, currency: string | undefined): number | undefined {
  const text = textOf(node);
  if (text === undefined) return undefined;
  const unit = (attrOf(node, 'currencyID') ?? currency ?? 'EUR').toUpperCase();
  return decimalToMinor(text, currencyDigits(unit)) ?? undefined;
}

/**
 * A CII date element: udt:DateTimeString inside (D13B/D16B) or the text itself (ZUGFeRD 1.0 RC).
 * Format 102 = CCYYMMDD, the only day-precise format CII uses.
 */
function ciiDate(element: XmlNode | undefined): IsoDate | undefined {
  const node = at(element, 'DateTimeString') ?? element;
  const text = textOf(node);
  if (text === undefined) return undefined;
  const format = attrOf(node, 'format') ?? '102';
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (format !== '102' || !m) return undefined;
  return validDate(`${m[1]}-${m[2]}-${m[3]}`);
}

function ublDate(node: XmlNode | undefined): IsoDate | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(textOf(node) ?? '');
  return m?.[1] === undefined ? undefined : validDate(m[1]);
}

function validDate(iso: string): IsoDate | undefined {
  return isValidIsoDate(iso) ? iso : undefined;
}

function rootLocalName(xml: string): string | null {
  // Skip the declaration, comments and processing instructions before the first element.
  const body = xml.slice(0, 4096).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, '');
  const m = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]/.exec(body);
  return m?.[1] ?? null;
}

function baseName(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).toLowerCase();
}

function firstDefined<T>(values: Array<T | undefined>): T | undefined {
  return values.find((v) => v !== undefined);
}

function nonEmpty(values: Array<string | undefined>): string[] | undefined {
  const kept = values.filter((v): v is string => v !== undefined);
  return kept.length > 0 ? kept : undefined;
}

function joinTexts(values: Array<string | undefined>): string | undefined {
  return nonEmpty(values)?.join('\n');
}

/** Drops undefined fields so that results compare and serialise cleanly. */
function compact(data: InvoiceXmlData): InvoiceXmlData {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as unknown as InvoiceXmlData;
}
