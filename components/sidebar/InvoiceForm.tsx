import { useId, useState, type FormEvent, type ReactElement } from 'react';
import type { Invoice, NewInvoice } from '@/lib/domain/invoice';
import type { Lang } from '@/lib/domain/types';
import { ask, BridgeError } from '@/lib/messaging/content-client';
import { t, type MessageKey } from '@/components/ui/i18n';
import { parseInvoiceForm, type InvoiceFormErrors, type InvoiceFormField, type InvoiceFormValues } from '@/components/ui/invoice-form';

interface InvoiceFormProps {
  initial: InvoiceFormValues;
  currencies: string[];
  lang?: Lang;
  onSaved: (invoice: Invoice) => void;
  onCancel: () => void;
  /** What saving does; by default a new invoice. Confirming an edited detection passes its own. */
  save?: (invoice: NewInvoice) => Promise<Invoice>;
  title?: string;
}

const createInvoice = (invoice: NewInvoice) => ask('invoice.create', { invoice });

/** Manual entry: also the fallback users keep forever when detection misses. Stable hooks: data-relance, field names. */
export function InvoiceForm({ initial, currencies, lang, onSaved, onCancel, save = createInvoice, title }: InvoiceFormProps) {
  const [values, setValues] = useState<InvoiceFormValues>(initial);
  const [errors, setErrors] = useState<InvoiceFormErrors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  const set = (field: InvoiceFormField) => (e: { target: { value: string } }) => {
    const value = e.target.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((errs) => ({ ...errs, [field]: undefined }));
  };

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (saving) return;
    setServerError(null);
    const parsed = parseInvoiceForm(values, { lang });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setSaving(true);
    try {
      const saved = await save(parsed.invoice);
      onSaved(saved);
    } catch (err) {
      // The background's own words (e.g. "invoice F-1 already exists for this client"): already fit for the user.
      const message = err instanceof BridgeError ? err.message : t('errUnexpected');
      if (err instanceof BridgeError && err.code === 'duplicate') setErrors((errs) => ({ ...errs, number: message }));
      else setServerError(message);
    } finally {
      setSaving(false);
    }
  }

  const field = (name: InvoiceFormField, label: string, input: (p: { id: string; invalid: boolean; describedBy?: string }) => ReactElement) => {
    const error = errors[name];
    const inputId = `${id}-${name}`;
    const errorId = `${inputId}-error`;
    return (
      <label className="rl-field" htmlFor={inputId}>
        <span className="rl-label">{label}</span>
        {input({ id: inputId, invalid: Boolean(error), describedBy: error ? errorId : undefined })}
        {error ? (
          <span className="rl-error" id={errorId} data-relance="field-error" data-field={name}>
            {/* Client-side errors are message keys; the background's are sentences. */}
            {/^err[A-Z]/.test(error) ? t(error as MessageKey) : error}
          </span>
        ) : null}
      </label>
    );
  };

  const text = (name: InvoiceFormField, label: string, type = 'text', extra: Record<string, string> = {}) =>
    field(name, label, ({ id: inputId, invalid, describedBy }) => (
      <input
        id={inputId}
        name={name}
        type={type}
        value={values[name]}
        onChange={set(name)}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        {...extra}
      />
    ));

  return (
    <form className="rl-form" data-relance="invoice-form" noValidate onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title ?? t('formTitle')}</h3>
      {serverError ? (
        <p className="rl-form-error" role="alert" data-relance="form-error">
          {serverError}
        </p>
      ) : null}
      {text('clientEmail', t('labelClientEmail'), 'email', { autoComplete: 'off', placeholder: 'client@example.com' })}
      {text('clientName', t('labelClientName'), 'text', { autoComplete: 'off' })}
      {text('number', t('labelNumber'), 'text', { autoComplete: 'off', placeholder: 'F-2026-001' })}
      <div className="rl-row-amount">
        {text('amount', t('labelAmount'), 'text', { inputMode: 'decimal', autoComplete: 'off', placeholder: '2880.00' })}
        {field('currency', t('labelCurrency'), ({ id: inputId, invalid, describedBy }) => (
          <select id={inputId} name="currency" value={values.currency} onChange={set('currency')} aria-invalid={invalid} aria-describedby={describedBy}>
            {currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        ))}
      </div>
      <div className="rl-row2">
        {text('issueDate', t('labelIssueDate'), 'date')}
        {text('dueDate', t('labelDueDate'), 'date')}
      </div>
      <div className="rl-actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="rl-primary" data-relance="invoice-save" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
