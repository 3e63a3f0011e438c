import type { NewInvoice } from '@/lib/domain/invoice';
import type { Lang } from '@/lib/domain/types';
import { currencyDecimals, parseFormAmount } from './amount';

/*
 * The checks mirror NewInvoiceSchema (lib/domain/invoice.ts) without importing it: this file is bundled into the
 * content script, where zod would cost a fifth of the size budget. The background validates again with the schema;
 * test/unit/ui-invoice-form.test.ts checks that what this accepts, the schema accepts.
 */
const EMAIL_RE = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/;

function isRealIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The manual-entry form's fields, as the inputs hold them (strings). Names are the stable `name` attributes. */
export interface InvoiceFormValues {
  clientEmail: string;
  clientName: string;
  number: string;
  amount: string;
  currency: string;
  issueDate: string;
  dueDate: string;
}
export type InvoiceFormField = keyof InvoiceFormValues;

/** Currencies always offered; the user's default currency is added when it is not one of them. */
export const FORM_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD'] as const;

export function currencyOptions(defaultCurrency: string): string[] {
  const list: string[] = [...FORM_CURRENCIES];
  if (/^[A-Z]{3}$/.test(defaultCurrency) && !list.includes(defaultCurrency)) list.push(defaultCurrency);
  return list;
}

/** Per-field errors, each an i18n message key (the UI translates them). */
export type InvoiceFormErrors = Partial<Record<InvoiceFormField, string>>;

export type InvoiceFormResult = { ok: true; invoice: NewInvoice } | { ok: false; errors: InvoiceFormErrors };

/**
 * Form text -> a NewInvoice the background accepts, or the errors to show next to each field. The amount takes a
 * plain decimal ("2880.00") or the locale's form ("2 880,00", "2,880.00"); dates come from `<input type=date>` (ISO).
 * Never throws.
 */
export function parseInvoiceForm(values: InvoiceFormValues, opts: { lang?: Lang } = {}): InvoiceFormResult {
  const errors: InvoiceFormErrors = {};
  const currency = values.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) errors.currency = 'errCurrency';
  const amountText = values.amount.trim();
  let amountMinor: number | null = null;
  if (amountText === '') errors.amount = 'errAmountRequired';
  else {
    amountMinor = parseFormAmount(amountText, { lang: opts.lang, digits: currencyDecimals(errors.currency ? 'EUR' : currency) });
    if (amountMinor === null) errors.amount = 'errAmount';
    else if (amountMinor < 0) errors.amount = 'errAmountNegative';
    else if (amountMinor === 0) errors.amount = 'errAmountZero';
  }
  const email = values.clientEmail.trim();
  if (email.length > 320 || !EMAIL_RE.test(email)) errors.clientEmail = 'errEmail';
  if (values.clientName.trim().length > 200) errors.clientName = 'errTooLong';
  const number = values.number.trim();
  if (number === '' || number.length > 100) errors.number = 'errNumber';
  for (const field of ['issueDate', 'dueDate'] as const) {
    const value = values[field].trim();
    if (value === '') errors[field] = 'errDateRequired';
    else if (!isRealIsoDate(value)) errors[field] = 'errDate';
  }
  if (!errors.issueDate && !errors.dueDate && values.dueDate.trim() < values.issueDate.trim()) errors.dueDate = 'errDueBeforeIssue';
  if (Object.keys(errors).length > 0 || amountMinor === null) return { ok: false, errors };
  return {
    ok: true,
    invoice: {
      clientEmail: values.clientEmail,
      clientName: values.clientName,
      number: values.number,
      amountMinor,
      currency,
      issueDate: values.issueDate.trim(),
      dueDate: values.dueDate.trim(),
      source: 'manual',
    },
  };
}

/** An empty form for a correspondent (or none), in the user's default currency; dates default to today. */
export function emptyInvoiceForm(
  client: { email: string; name: string } | null,
  defaults: { currency: string; today: string },
): InvoiceFormValues {
  return {
    clientEmail: client?.email ?? '',
    clientName: client?.name ?? '',
    number: '',
    amount: '',
    currency: defaults.currency,
    issueDate: defaults.today,
    dueDate: '',
  };
}

/** The form prefilled from a stored invoice (a detection to check before confirming). */
export function formValuesOf(inv: { clientEmail: string; clientName: string; number: string; amountMinor: number; currency: string; issueDate: string; dueDate: string }): InvoiceFormValues {
  const digits = currencyDecimals(inv.currency);
  const abs = String(Math.abs(inv.amountMinor)).padStart(digits + 1, '0');
  const amount = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return {
    clientEmail: inv.clientEmail,
    clientName: inv.clientName,
    number: inv.number,
    amount: inv.amountMinor < 0 ? `-${amount}` : amount,
    currency: inv.currency,
    issueDate: inv.issueDate,
    dueDate: inv.dueDate,
  };
}
