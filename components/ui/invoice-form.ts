import { NewInvoiceSchema, type NewInvoice } from '@/lib/domain/invoice';
import { currencyDigits, parseAmount } from '@/lib/domain/money';
import { isValidIsoDate, type Lang } from '@/lib/domain/types';

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

/** Schema field -> form field (the form holds the amount as text; the schema as minor units). */
const FIELD_OF: Record<string, InvoiceFormField> = {
  clientEmail: 'clientEmail',
  clientName: 'clientName',
  number: 'number',
  amountMinor: 'amount',
  currency: 'currency',
  issueDate: 'issueDate',
  dueDate: 'dueDate',
};

/** The message key for a schema complaint about a field. */
function errorKeyFor(field: InvoiceFormField): string {
  switch (field) {
    case 'clientEmail':
      return 'errEmail';
    case 'number':
      return 'errNumber';
    case 'amount':
      return 'errAmountZero';
    case 'currency':
      return 'errCurrency';
    case 'issueDate':
      return 'errDate';
    case 'dueDate':
      // Both dates are valid by now (checked first): what remains is the cross-field rule.
      return 'errDueBeforeIssue';
    default:
      return 'errTooLong';
  }
}

/**
 * Form text -> a NewInvoice the background accepts, or the errors to show next to each field. The amount takes a
 * plain decimal ("2880.00") or the locale's form ("2 880,00", "2,880.00"); dates come from `<input type=date>` (ISO).
 * Never throws.
 */
export function parseInvoiceForm(values: InvoiceFormValues, opts: { lang?: Lang } = {}): InvoiceFormResult {
  const errors: InvoiceFormErrors = {};
  const currency = values.currency.trim().toUpperCase();
  const amountText = values.amount.trim();
  let amountMinor: number | null = null;
  if (amountText === '') errors.amount = 'errAmountRequired';
  else {
    amountMinor = parseAmount(amountText, { lang: opts.lang, digits: currencyDigits(currency || 'EUR') });
    if (amountMinor === null) errors.amount = 'errAmount';
    else if (amountMinor < 0) errors.amount = 'errAmountNegative';
  }
  for (const field of ['issueDate', 'dueDate'] as const) {
    const value = values[field].trim();
    if (value === '') errors[field] = 'errDateRequired';
    else if (!isValidIsoDate(value)) errors[field] = 'errDate';
  }

  const candidate = {
    clientEmail: values.clientEmail,
    clientName: values.clientName,
    number: values.number,
    amountMinor: amountMinor ?? 1,
    currency,
    issueDate: values.issueDate.trim(),
    dueDate: values.dueDate.trim(),
    source: 'manual' as const,
  };
  const parsed = NewInvoiceSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0] ?? '')];
      // "Due before issue" means nothing while the issue date itself is wrong.
      if (field === 'dueDate' && errors.issueDate) continue;
      if (field && !errors[field]) errors[field] = errorKeyFor(field);
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, invoice: candidate };
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
