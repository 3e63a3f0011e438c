import type { IsoDate, Lang } from './types';
import type { InvoiceXmlData } from '../pdf/facturx';
import { detectLanguage } from './language';
import { ownPart, type ClassifyAttachment, type DocKind } from './classify';
import { pickBest, toLines, type Candidate, type FieldResult, type FieldSource, type Line } from './extract/candidates';
import { findNumbers, numberFromFilename, type NumberTarget } from './extract/number';
import { findMentionedAmounts, findTotals, largestAmount, largestBodyAmount, type AmountContext, type AmountReading, type TotalsFound } from './extract/amounts';
import { documentDateOrder, resolveDollar } from './extract/locale';
import { findDocDates } from './extract/when';
import { clientFromRecipient, findClients } from './extract/parties';
import { findBuyerInText, type BuyerContext } from './extract/buyer';
import { beforeSignOff, domainLabel, matchesDomain } from './extract/orgs';
import { findTermsDue, type TermsReading } from './extract/due';

/**
 * Invoice fields from every source an email offers, best first: the e-invoice XML (exact), the PDF text,
 * the body, the subject and file name, the email metadata. Each field keeps its source, and values that
 * disagree with the chosen one stay visible as alternatives.
 */

export interface ExtractInput {
  subject: string;
  text: string;
  attachments: ClassifyAttachment[];
  /** Email date (ISO instant): issue-date fallback and reference year for dates written without one. */
  date?: string | null;
  to?: ReadonlyArray<{ name?: string | null; email: string }>;
  /** The sender: their own company is never the buyer. */
  from?: { name?: string | null; email: string } | null;
  lang?: Lang;
  /** The classification: credit notes read their own number and keep a negative total. */
  kind?: DocKind;
}

export type FieldName = 'invoiceNumber' | 'total' | 'amountDue' | 'currency' | 'issueDate' | 'dueDate' | 'client' | 'paymentTerms';

export interface ExtractedInvoice {
  invoiceNumber: string | null;
  totalMinor: number | null;
  amountDueMinor: number | null;
  currency: string | null;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  paymentTerms: TermsReading | null;
  client: string | null;
  language: Lang;
  fields: Partial<Record<FieldName, FieldResult<string | number>>>;
}

/** Base trust of each source's labelled readings; the XML is decisive. */
const XML = 100;
const DOC = 3;
const SUBJECT = 2.5;
const FILENAME = 1.5;

interface Source {
  kind: FieldSource;
  lines: Line[];
  text: string;
}

function normNumber(v: string): string {
  return v.toLowerCase().replace(/\s+/g, '').replace(/^(?:#|n°|nº|no\.|nr\.)/, '');
}

function emailDate(date: string | null | undefined): IsoDate | null {
  if (typeof date !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(date);
  return m ? m[1]! : null;
}

function firstXml(atts: readonly ClassifyAttachment[]): InvoiceXmlData | null {
  for (const a of atts) if (a?.xml) return a.xml;
  return null;
}

/**
 * Keeps one reading per value and source (the best): a number quoted twice in the same body ("rectifie la
 * facture X … sur la facture X") is one piece of evidence, not two.
 */
function onePerSource<T>(cands: Candidate<T>[], key: (v: T) => string): Candidate<T>[] {
  const best = new Map<string, Candidate<T>>();
  for (const c of cands) {
    const k = `${c.source}\u0000${key(c.value)}`;
    const prev = best.get(k);
    if (!prev || c.score > prev.score) best.set(k, c);
  }
  return [...best.values()];
}

function toField<T>(r: FieldResult<T> | null): FieldResult<string | number> | undefined {
  return r ? (r as unknown as FieldResult<string | number>) : undefined;
}

export function extractInvoice(input: ExtractInput): ExtractedInvoice {
  const subject = typeof input?.subject === 'string' ? input.subject.slice(0, 500) : '';
  const rawText = typeof input?.text === 'string' ? input.text.slice(0, 20000) : '';
  const attachments = Array.isArray(input?.attachments) ? input.attachments : [];
  const body = ownPart(rawText);
  const lang = input?.lang ?? detectLanguage(`${subject}\n${body}`);
  const xml = firstXml(attachments);
  const target: NumberTarget = input?.kind === 'credit_note' ? 'credit_note' : 'invoice';
  const ref = emailDate(input?.date);

  const sources: Source[] = [];
  for (const a of attachments) {
    if (a?.text) sources.push({ kind: 'pdf_text', lines: toLines(a.text.slice(0, 60000)), text: a.text.slice(0, 60000) });
  }
  sources.push({ kind: 'body', lines: toLines(body), text: body });
  const subjectLines = toLines(subject);
  const fields: ExtractedInvoice['fields'] = {};

  // Invoice number.
  const numbers: Candidate<string>[] = [];
  if (xml?.invoiceNumber) numbers.push({ value: xml.invoiceNumber, source: 'xml', score: XML });
  for (const s of sources) numbers.push(...findNumbers(s.lines, s.kind, DOC, target));
  numbers.push(...findNumbers(subjectLines, 'email_meta', SUBJECT, target));
  for (const a of attachments) {
    const n = a?.filename ? numberFromFilename(a.filename, target) : null;
    if (n) numbers.push({ value: n, source: 'attachment_name', score: FILENAME });
  }
  const number = pickBest(onePerSource(numbers, normNumber), normNumber);
  fields.invoiceNumber = toField(number);

  // Amounts and currency. Which dollar a bare "$" means is decided once, from the whole email.
  const dollar = resolveDollar([subject, ...sources.map((s) => s.text)].join('\n'), lang);
  const amountCtx: AmountContext = { ...(dollar ? { dollar: dollar.currency } : {}), ownNumber: number?.value ?? null };
  const totals: TotalsFound = { grand: [], due: [], mentioned: [], currencies: new Map() };
  const docCurrencies: Map<string, number>[] = [];
  for (const s of sources) {
    const t = findTotals(s.lines, s.kind, DOC, lang, amountCtx);
    const m = findMentionedAmounts(s.lines, s.kind, DOC, lang, amountCtx);
    totals.grand.push(...t.grand);
    totals.due.push(...t.due, ...m.due);
    totals.mentioned.push(...m.mentioned);
    docCurrencies.push(t.currencies);
  }
  if (xml && typeof xml.grandTotalMinor === 'number') {
    totals.grand.push({ value: { minor: xml.grandTotalMinor, currency: xml.currency ?? null }, source: 'xml', score: XML });
  }
  if (xml && typeof xml.duePayableMinor === 'number') {
    totals.due.push({ value: { minor: xml.duePayableMinor, currency: xml.currency ?? null }, source: 'xml', score: XML });
  }
  const byMinor = (v: AmountReading) => String(Math.abs(v.minor));
  let total = pickBest(totals.grand, byMinor) ?? pickBest(totals.due, byMinor) ?? pickBest(totals.mentioned, byMinor);
  if (!total) {
    for (const s of sources) {
      if (s.kind !== 'pdf_text') continue;
      const big = largestAmount(s.lines, lang, amountCtx);
      if (big) {
        total = { value: big, source: 'pdf_text' };
        break;
      }
    }
  }
  if (!total) {
    const bodySource = sources.find((s) => s.kind === 'body');
    const big = bodySource ? largestBodyAmount(beforeSignOff(bodySource.lines), lang, amountCtx) : null;
    if (big) total = { value: big, source: 'body' };
  }
  const due = pickBest(totals.due, byMinor);
  let totalMinor = total ? total.value.minor : null;
  if (totalMinor !== null && input?.kind === 'credit_note' && totalMinor > 0) totalMinor = -totalMinor;
  let amountDueMinor: number | null = null;
  if (due && totalMinor !== null && Math.abs(due.value.minor) !== Math.abs(totalMinor) && due.value.minor > 0) {
    amountDueMinor = due.value.minor;
    fields.amountDue = { value: amountDueMinor, source: due.source };
  }
  if (total && totalMinor !== null) {
    fields.total = { value: totalMinor, source: total.source, ...(total.alternatives ? { alternatives: total.alternatives.map((a) => ({ value: a.value.minor, source: a.source })) } : {}) };
  }

  const currencyCands: Candidate<string>[] = [];
  if (xml?.currency) currencyCands.push({ value: xml.currency, source: 'xml', score: XML });
  if (total?.value.currency) currencyCands.push({ value: total.value.currency, source: total.source, score: 5 });
  sources.forEach((s, i) => {
    for (const [cur, n] of docCurrencies[i] ?? []) currencyCands.push({ value: cur, source: s.kind, score: Math.min(n, 4) * 0.5 });
  });
  const currency = pickBest(currencyCands) ?? { value: dollar?.currency ?? (lang === 'en' ? 'USD' : 'EUR'), source: 'default' as const };
  fields.currency = toField(currency);

  // Dates: one day/month order for every numeric date of the email (labels, subject, terms, PDF text).
  const order = documentDateOrder([subject, ...sources.map((s) => s.text)], lang, currency.value);
  const ownNumber = number?.value ?? null;
  const issue: Candidate<IsoDate>[] = [];
  const dueDates: Candidate<IsoDate>[] = [];
  if (xml?.issueDate) issue.push({ value: xml.issueDate, source: 'xml', score: XML });
  if (xml?.dueDate) dueDates.push({ value: xml.dueDate, source: 'xml', score: XML });
  for (const s of sources) {
    const found = findDocDates(s.lines, s.kind, DOC, { lang, order, ownNumber, ...(ref ? { ref } : {}) });
    issue.push(...found.issue);
    dueDates.push(...found.due);
  }
  const subjDates = findDocDates(subjectLines, 'email_meta', SUBJECT, { lang, order, ownNumber, ...(ref ? { ref } : {}) });
  issue.push(...subjDates.issue);
  if (ref) issue.push({ value: ref, source: 'email_meta', score: 0.5 });
  const issueDate = pickBest(issue);
  fields.issueDate = toField(issueDate);

  let dueDate = pickBest(dueDates);
  const termsReading = findTermsDue(
    sources.map((s) => ({ kind: s.kind, text: s.text })),
    xml?.paymentTermsText ?? null,
    issueDate?.value ?? null,
    lang,
    currency.value,
    order,
  );
  if (!dueDate && termsReading && !termsReading.isDefault && termsReading.dueDate) {
    dueDate = { value: termsReading.dueDate, source: termsReading.source };
  }
  if (dueDate) fields.dueDate = toField(dueDate);
  if (termsReading) fields.paymentTerms = { value: termsReading.text, source: termsReading.source };

  // Client.
  const clients: Candidate<string>[] = [];
  if (xml?.buyerName) clients.push({ value: xml.buyerName, source: 'xml', score: XML });
  const firstTo = Array.isArray(input?.to) ? input.to[0] : undefined;
  const buyerCtx: BuyerContext = {
    recipientDomain: domainLabel(firstTo?.email),
    senderDomain: domainLabel(input?.from?.email),
    senderName: typeof input?.from?.name === 'string' && input.from.name.trim().length >= 3 ? input.from.name.trim() : null,
  };
  for (const s of sources) {
    const labelled = findClients(s.lines, s.kind, DOC);
    clients.push(...labelled);
    for (const c of labelled) if (matchesDomain(c.value, buyerCtx.recipientDomain)) clients.push({ ...c, score: DOC * 0.3 });
    if (s.kind === 'body') clients.push(...findBuyerInText(s.lines, s.kind, DOC, buyerCtx));
  }
  const recipient = input?.to ? clientFromRecipient(input.to) : null;
  if (recipient) clients.push({ value: recipient.name, source: 'email_meta', score: recipient.person ? 0.3 : 0.5 });
  const client = pickBest(clients, (v) => v.toLowerCase());
  fields.client = toField(client);

  return {
    invoiceNumber: number?.value ?? null,
    totalMinor,
    amountDueMinor,
    currency: currency.value,
    issueDate: issueDate?.value ?? null,
    dueDate: dueDate?.value ?? null,
    paymentTerms: termsReading,
    client: client?.value ?? null,
    language: lang,
    fields,
  };
}

/**
 * The invoice a reminder, receipt or credit note refers to ("la facture n° 2025-0007", "invoice #1047").
 * The subject is read first: it names the invoice most reliably.
 */
export function findReferencedInvoice(subject: string, text: string): string | null {
  const cands: Candidate<string>[] = [];
  cands.push(...findNumbers(toLines(typeof subject === 'string' ? subject.slice(0, 500) : ''), 'email_meta', 3.5));
  cands.push(...findNumbers(toLines(ownPart(typeof text === 'string' ? text.slice(0, 20000) : '')), 'body', 3));
  return pickBest(cands, normNumber)?.value ?? null;
}
