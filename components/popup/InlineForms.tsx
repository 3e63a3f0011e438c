import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { currencyDecimals, parseFormAmount } from '@/components/ui/amount';
import { t } from '@/components/ui/i18n';
import { langOfLocale } from '@/components/ui/format';

/** "2026-11-29" from "2026-11-22" and 7, in UTC so the civil date never shifts. */
export function addDaysToIso(iso: string, days: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}

/** Minor units as the amount field shows them: 120050 EUR -> "1200.50" (a plain decimal every locale parses). */
export function minorToInput(minor: number, currency: string): string {
  const digits = currencyDecimals(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

interface InlineFormProps {
  title: string;
  onCancel: () => void;
  onSubmit: () => void;
  busy: boolean;
  error: string | null;
  submitHook: string;
  submitLabel: string;
  children: ReactNode;
}

/** A small form inside a row: Escape or Cancel closes it (the row gives focus back to its button). */
function InlineForm({ title, onCancel, onSubmit, busy, error, submitHook, submitLabel, children }: InlineFormProps) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };
  return (
    <form ref={ref} className="rl-inline-form" aria-label={title} onSubmit={submit} onKeyDown={keys}>
      <div className="rl-inline-fields">{children}</div>
      {error ? (
        <p className="rl-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="rl-actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="rl-primary" data-relance={submitHook} disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

export function MarkPaidForm(props: {
  number: string;
  outstandingMinor: number;
  currency: string;
  today: string;
  locale: string;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onSave: (payment: { date: string; amountMinor: number }) => void;
}) {
  const [amount, setAmount] = useState(minorToInput(props.outstandingMinor, props.currency));
  const [date, setDate] = useState(props.today);
  const [localError, setLocalError] = useState<string | null>(null);
  const amountId = useId();
  const dateId = useId();
  const save = () => {
    const minor = parseFormAmount(amount, { lang: langOfLocale(props.locale), digits: currencyDecimals(props.currency) });
    if (minor === null || minor <= 0) return setLocalError(t('errAmount'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date > props.today) return setLocalError(t('errPaidDate'));
    setLocalError(null);
    props.onSave({ date, amountMinor: Math.min(minor, props.outstandingMinor) });
  };
  return (
    <InlineForm
      title={t('markPaidLabel', [props.number])}
      onCancel={props.onCancel}
      onSubmit={save}
      busy={props.busy}
      error={localError ?? props.error}
      submitHook="mark-paid-save"
      submitLabel={t('recordPayment')}
    >
      <label className="rl-field" htmlFor={amountId}>
        <span className="rl-label">{t('labelPaidAmount', [props.currency])}</span>
        <input id={amountId} name="paidAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </label>
      <label className="rl-field" htmlFor={dateId}>
        <span className="rl-label">{t('labelPaidDate')}</span>
        <input id={dateId} name="paidDate" type="date" max={props.today} value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
    </InlineForm>
  );
}

export function SnoozeForm(props: { number: string; today: string; busy: boolean; error: string | null; onCancel: () => void; onSave: (until: string) => void }) {
  const tomorrow = addDaysToIso(props.today, 1);
  const [until, setUntil] = useState(addDaysToIso(props.today, 7));
  const [localError, setLocalError] = useState<string | null>(null);
  const id = useId();
  const save = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until) || until < tomorrow) return setLocalError(t('errSnoozeDate'));
    setLocalError(null);
    props.onSave(until);
  };
  return (
    <InlineForm
      title={t('snoozeLabel', [props.number])}
      onCancel={props.onCancel}
      onSubmit={save}
      busy={props.busy}
      error={localError ?? props.error}
      submitHook="snooze-save"
      submitLabel={t('snoozeSave')}
    >
      <label className="rl-field" htmlFor={id}>
        <span className="rl-label">{t('labelSnoozeUntil')}</span>
        <input id={id} name="until" type="date" min={tomorrow} value={until} onChange={(e) => setUntil(e.target.value)} />
      </label>
    </InlineForm>
  );
}
