import { addDaysIso } from '../domain/dates';
import { EmailAddressSchema } from '../domain/invoice';
import type { IsoDate, Lang } from '../domain/types';
import {
  amountLanguage,
  dateOrderEvidence,
  parseCsvAmount,
  parseCsvCurrency,
  parseCsvDate,
  parseCsvMoney,
  parseCsvStatus,
  type DateOrder,
} from './cells';
import { CSV_FIELDS, PRESETS, headersLookEuropean, suggestMapping, type ColumnMapping, type CsvField } from './presets';
import { readCsvTable, type CsvDelimiter, type CsvRow } from './table';

export { decodeCsvBytes } from './table';
export { CSV_FIELDS, type ColumnMapping, type CsvField } from './presets';
export type { DateOrder } from './cells';

/**
 * Importing invoices from another tool's CSV export, in two steps: `previewCsv` reads the file and suggests a
 * column mapping (recognising known tools' exports), `mapCsv` turns every row into an invoice under the mapping the
 * user confirmed. All or nothing: one bad row refuses the whole file, with messages naming line and column.
 *
 * Clients without an email: Relance groups invoices by the client's email, and reminders go to it. A row without
 * one gets a stable placeholder derived from the client's name, `unknown+<name>@relance.invalid` (".invalid" is
 * reserved: no mail can ever be delivered there), so the client's invoices stay together; the preview says how many
 * rows lack an email, and reminders cannot be sent to that client until a real address is set.
 */

export const PLACEHOLDER_EMAIL_DOMAIN = 'relance.invalid';

export function isPlaceholderEmail(email: string): boolean {
  return email.trim().toLowerCase().endsWith(`@${PLACEHOLDER_EMAIL_DOMAIN}`);
}

/** The fields an import cannot do without (`client` or `email`: at least one of them). */
export const REQUIRED_FIELDS: readonly CsvField[] = ['number', 'amount', 'issueDate', 'dueDate'];

export type CsvPreview =
  | {
      ok: true;
      headers: string[];
      /** Data rows (blank lines not counted). */
      rows: number;
      /** The first rows as read, for the mapping step. */
      sample: string[][];
      delimiter: CsvDelimiter;
      /** Name of the tool whose export this looks like ("Xero"), or null. */
      detectedTool: string | null;
      presetId: string | null;
      /** Suggested mapping: field -> column index. */
      mapping: ColumnMapping;
      /** Required fields no column was found for. */
      missing: CsvField[];
      dateOrder: DateOrder;
      /** False when no date of the file proves the day/month order: the user should confirm it. */
      dateOrderCertain: boolean;
      /** Rows without a client email (under the suggested mapping). */
      rowsWithoutEmail: number;
    }
  | { ok: false; error: string };

export interface CsvImportError {
  line: number;
  column: string;
  message: string;
}

/** One invoice read from the file. */
export interface CsvInvoice {
  line: number;
  number: string;
  clientName: string;
  clientEmail: string;
  /** The email is a placeholder (see isPlaceholderEmail): reminders cannot be sent yet. */
  emailMissing: boolean;
  amountMinor: number;
  currency: string;
  issueDate: IsoDate;
  dueDate: IsoDate;
  status: 'open' | 'paid';
  /** Already paid, minor units (a balance column smaller than the total: partly paid). */
  paidMinor: number;
  paidDate: IsoDate | null;
}

export type CsvMapResult =
  | { ok: true; invoices: CsvInvoice[]; skipped: Array<{ line: number; reason: string }>; dateOrder: DateOrder }
  | { ok: false; errors: CsvImportError[] };

export interface CsvMapOptions {
  defaultCurrency: string;
  today: IsoDate;
  /** Forces the day/month order; by default it is read from the file (see inferDateOrder). */
  dateOrder?: DateOrder;
}

const SAMPLE_ROWS = 5;
const MAX_ERRORS = 30;
const DATE_FIELDS = ['issueDate', 'dueDate', 'paidDate'] as const;

/** A cell, trimmed; the apostrophe that spreadsheets (and our own export) put before "=", "+", "-", "@" is dropped. */
function cellOf(row: CsvRow, idx: number | undefined): string {
  return idx === undefined ? '' : (row.cells[idx] ?? '').trim().replace(/^'(?=[=+\-@])/, '');
}

/**
 * The file's day/month order: ISO-only files are 'ymd'; a numeric date with a first part over 12 proves
 * day-first, a second part over 12 month-first. Without proof: the tool's habit, else day-first (most tools
 * outside the US write day first), reported as uncertain.
 */
export function inferDateOrder(cells: string[], hint: 'dmy' | 'mdy' | null): { order: DateOrder; certain: boolean } {
  const ev = dateOrderEvidence(cells);
  if (ev.numeric === 0) return { order: 'ymd', certain: true };
  if (ev.dmy > 0 && ev.mdy === 0) return { order: 'dmy', certain: true };
  if (ev.mdy > 0 && ev.dmy === 0) return { order: 'mdy', certain: true };
  // Contradicting dates: the majority, uncertain (the minority will be refused by mapCsv with their lines).
  if (ev.dmy > 0 && ev.mdy > 0) return { order: ev.mdy > ev.dmy ? 'mdy' : 'dmy', certain: false };
  return { order: hint ?? 'dmy', certain: false };
}

function dateCells(rows: CsvRow[], mapping: ColumnMapping): string[] {
  return rows.flatMap((r) => DATE_FIELDS.map((f) => cellOf(r, mapping[f])).filter((c) => c !== ''));
}

function presetHint(presetId: string | null, headers: string[]): 'dmy' | 'mdy' | null {
  const p = PRESETS.find((x) => x.id === presetId);
  if (p?.dateOrder) return p.dateOrder;
  return headersLookEuropean(headers) ? 'dmy' : null;
}

export function previewCsv(text: string): CsvPreview {
  try {
    const table = readCsvTable(text);
    if (!table.ok) return table;
    const { preset, mapping } = suggestMapping(table.headers);
    const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
    if (mapping.client === undefined && mapping.email === undefined) missing.push('client');
    const { order, certain } = inferDateOrder(dateCells(table.rows, mapping), presetHint(preset?.id ?? null, table.headers));
    return {
      ok: true,
      headers: table.headers,
      rows: table.rows.length,
      sample: table.rows.slice(0, SAMPLE_ROWS).map((r) => r.cells),
      delimiter: table.delimiter,
      detectedTool: preset?.name ?? null,
      presetId: preset?.id ?? null,
      mapping,
      missing,
      dateOrder: order,
      dateOrderCertain: certain,
      rowsWithoutEmail: table.rows.filter((r) => cellOf(r, mapping.email) === '').length,
    };
  } catch {
    return { ok: false, error: 'The file could not be read as CSV.' };
  }
}

/** "acme-sarl" from "ACME S.A.R.L."; a short hash when the name has no Latin letters or digits. */
export function nameSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  if (slug) return slug;
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return `client-${h.toString(16)}`;
}

export function placeholderEmailFor(clientName: string): string {
  return `unknown+${nameSlug(clientName)}@${PLACEHOLDER_EMAIL_DOMAIN}`;
}

export function mapCsv(text: string, mapping: ColumnMapping, opts: CsvMapOptions): CsvMapResult {
  try {
    return mapTable(text, mapping, opts);
  } catch {
    return { ok: false, errors: [{ line: 0, column: '', message: 'The file could not be read as CSV.' }] };
  }
}

function mapTable(text: string, mapping: ColumnMapping, opts: CsvMapOptions): CsvMapResult {
  const table = readCsvTable(text);
  if (!table.ok) return { ok: false, errors: [{ line: 0, column: '', message: table.error }] };
  const { headers, rows } = table;
  const errors: CsvImportError[] = [];
  for (const f of CSV_FIELDS) {
    const idx = mapping[f];
    if (idx !== undefined && (!Number.isInteger(idx) || idx < 0 || idx >= headers.length)) {
      errors.push({ line: table.headerLine, column: '', message: `the column chosen for ${FIELD_LABELS[f]} does not exist in this file` });
    }
  }
  for (const f of REQUIRED_FIELDS) {
    if (mapping[f] === undefined) errors.push({ line: table.headerLine, column: '', message: `choose the column that holds ${FIELD_LABELS[f]}` });
  }
  if (mapping.client === undefined && mapping.email === undefined) {
    errors.push({ line: table.headerLine, column: '', message: `choose the column that holds ${FIELD_LABELS.client} or ${FIELD_LABELS.email}` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const colName = (f: CsvField): string => headers[mapping[f]!] || `column ${mapping[f]! + 1}`;
  let problems = 0;
  const fail = (row: CsvRow, f: CsvField | null, message: string): void => {
    problems++;
    if (errors.length < MAX_ERRORS) errors.push({ line: row.line, column: f ? colName(f) : '', message });
  };
  const fallbackLang: Lang = headersLookEuropean(headers) ? 'fr' : 'en';
  const amountCells = rows.flatMap((r) => [cellOf(r, mapping.amount), cellOf(r, mapping.amountDue)]);
  const lang = amountLanguage(amountCells, fallbackLang);
  const preset = suggestMapping(headers).preset;
  const order = opts.dateOrder ?? inferDateOrder(dateCells(rows, mapping), presetHint(preset?.id ?? null, headers)).order;
  const latest = addDaysIso(opts.today, 366);
  const orderName = order === 'dmy' ? 'day/month/year' : order === 'mdy' ? 'month/day/year' : 'year-month-day';

  const invoices: CsvInvoice[] = [];
  const skipped: Array<{ line: number; reason: string }> = [];
  const seen = new Map<string, { line: number; signature: string }>();

  for (const row of rows) {
    const before = problems;
    const cell = (f: CsvField): string => cellOf(row, mapping[f]);
    const readDate = (f: (typeof DATE_FIELDS)[number]): IsoDate | null => {
      const raw = cell(f);
      if (raw === '') return null;
      const d = parseCsvDate(raw, order);
      if (!d) fail(row, f, `'${raw}' is not a date (${orderName})`);
      else if (d > latest) fail(row, f, `'${raw}' is more than a year from now: check the day/month order`);
      return d;
    };

    const number = cell('number');
    if (number === '') fail(row, 'number', 'the invoice number is empty');
    else if (number.length > 100) fail(row, 'number', 'the invoice number is longer than 100 characters');

    const clientName = cell('client').slice(0, 200);
    const rawEmail = cell('email');
    if (clientName === '' && rawEmail === '') fail(row, mapping.client !== undefined ? 'client' : 'email', 'no client name or email');
    let clientEmail = rawEmail ? rawEmail.toLowerCase() : placeholderEmailFor(clientName);
    if (rawEmail && !EmailAddressSchema.safeParse(rawEmail).success) {
      // Some exports list several addresses ("a@x.fr; b@x.fr"): the first one is the client's.
      const first = rawEmail.split(/[;,\s]+/).find((p) => EmailAddressSchema.safeParse(p).success);
      if (first) clientEmail = first.toLowerCase();
      else fail(row, 'email', `'${rawEmail}' is not an email address`);
    }

    let currency = opts.defaultCurrency;
    const rawCurrency = cell('currency');
    if (rawCurrency) {
      const c = parseCsvCurrency(rawCurrency);
      if (c) currency = c;
      else fail(row, 'currency', `'${rawCurrency}' is not a currency code (such as EUR or USD)`);
    }
    const rawAmount = cell('amount');
    let amountMinor: number | null = null;
    if (rawAmount === '') fail(row, 'amount', 'the amount is empty');
    else if (rawCurrency) amountMinor = parseCsvAmount(rawAmount, currency, lang);
    else {
      const money = parseCsvMoney(rawAmount, opts.defaultCurrency, lang);
      if (money) ({ minor: amountMinor, currency } = money);
    }
    if (rawAmount !== '' && amountMinor === null) fail(row, 'amount', `'${rawAmount}' is not an amount`);
    const rawDue = cell('amountDue');
    let dueMinor: number | null = null;
    if (rawDue) {
      dueMinor = parseCsvAmount(rawDue, currency, lang);
      if (dueMinor === null) fail(row, 'amountDue', `'${rawDue}' is not an amount`);
      else if (amountMinor !== null && amountMinor > 0 && (dueMinor < 0 || dueMinor > amountMinor)) {
        fail(row, 'amountDue', `the balance '${rawDue}' is not between 0 and the invoice total`);
      }
    }

    const rawStatus = cell('status');
    const status = rawStatus ? parseCsvStatus(rawStatus) : 'open';
    if (!status) fail(row, 'status', `'${rawStatus}' is not a status Relance knows (such as paid, sent, overdue, draft or void)`);

    const issueDate = readDate('issueDate');
    if (cell('issueDate') === '') fail(row, 'issueDate', 'the issue date is empty');
    // An empty due date is "due on receipt".
    const dueDate = cell('dueDate') === '' ? issueDate : readDate('dueDate');
    const paidDate = readDate('paidDate');
    if (issueDate && dueDate && dueDate < issueDate) fail(row, 'dueDate', `the due date ${dueDate} is before the issue date ${issueDate}`);

    if (problems > before) continue;
    if (status === 'not_owed') {
      skipped.push({ line: row.line, reason: `${number}: ${rawStatus}` });
      continue;
    }
    if (amountMinor! <= 0) {
      skipped.push({ line: row.line, reason: `${number}: ${amountMinor === 0 ? 'zero amount' : 'credit note (negative amount)'}` });
      continue;
    }
    // Exports with one row per line item repeat the invoice: identical repeats are the same invoice.
    const key = `${clientEmail}\u0000${number}`;
    const signature = [clientName, amountMinor, currency, issueDate, dueDate, rawStatus, rawDue, paidDate].join('\u0000');
    const prior = seen.get(key);
    if (prior) {
      if (prior.signature !== signature) {
        fail(row, 'number', `invoice ${number} appears again with different values (first on line ${prior.line})`);
      }
      continue;
    }
    seen.set(key, { line: row.line, signature });
    const paidByBalance = dueMinor !== null && dueMinor === 0;
    const paid = status === 'paid' || paidByBalance;
    invoices.push({
      line: row.line,
      number,
      clientName,
      clientEmail,
      emailMissing: rawEmail === '',
      amountMinor: amountMinor!,
      currency,
      issueDate: issueDate!,
      dueDate: dueDate!,
      status: paid ? 'paid' : 'open',
      paidMinor: paid ? amountMinor! : dueMinor !== null ? amountMinor! - dueMinor : 0,
      paidDate: paid ? paidDate : null,
    });
  }
  if (errors.length > 0) {
    if (problems > errors.length) errors.push({ line: 0, column: '', message: `and ${problems - errors.length} more problems` });
    return { ok: false, errors };
  }
  if (invoices.length === 0 && skipped.length === 0) return { ok: false, errors: [{ line: 0, column: '', message: 'no invoice found in the file' }] };
  return { ok: true, invoices, skipped, dateOrder: order };
}

export const FIELD_LABELS: Record<CsvField, string> = {
  number: 'the invoice number',
  client: 'the client name',
  email: 'the client email',
  amount: 'the amount',
  amountDue: 'the balance due',
  currency: 'the currency',
  issueDate: 'the issue date',
  dueDate: 'the due date',
  status: 'the status',
  paidDate: 'the payment date',
};

/** "line 4, column 'Due date': '31/02/2025' is not a date (day/month/year)" */
export function formatImportError(e: CsvImportError): string {
  const where = [e.line > 0 ? `line ${e.line}` : '', e.column ? `column '${e.column}'` : ''].filter(Boolean).join(', ');
  return where ? `${where}: ${e.message}` : e.message;
}
