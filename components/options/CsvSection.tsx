import { useId, useRef, useState } from 'react';
import { CSV_FIELDS, decodeCsvBytes, type ColumnMapping, type CsvField, type DateOrder } from '@/lib/import/csv';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { RelanceError, send } from '@/lib/messaging/client';
import { t } from '@/components/ui/i18n';

type Preview = Extract<ResponseOf<'csv.preview'>, { ok: true }>;
type CheckErrors = Extract<ResponseOf<'csv.check'>, { ok: false }>['errors'];
type Status = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

/** The field names the mapping table shows (FIELD_LABELS in lib/import/csv.ts are English sentences for errors). */
function fieldLabel(f: CsvField): string {
  switch (f) {
    case 'number':
      return t('labelNumber');
    case 'client':
      return t('labelClientName');
    case 'email':
      return t('labelClientEmail');
    case 'amount':
      return t('labelAmount');
    case 'amountDue':
      return t('csvBalance');
    case 'currency':
      return t('labelCurrency');
    case 'issueDate':
      return t('labelIssueDate');
    case 'dueDate':
      return t('labelDueDate');
    case 'status':
      return t('csvStatus');
    case 'paidDate':
      return t('labelPaidDate');
  }
}

/** "line 4, column 'Due': …" in the UI language (the message itself comes from the background, in English). */
function errorLine(e: CheckErrors[number]): string {
  if (e.line > 0 && e.column) return t('csvErrorAt', [String(e.line), e.column, e.message]);
  if (e.line > 0) return t('csvErrorLine', [String(e.line), e.message]);
  return e.message;
}

/**
 * Import invoices from another tool's CSV export: read the file (any common encoding), show the detected tool
 * and the suggested mapping, let the user correct it and the day/month order, check (a dry run listing every
 * problem with its line and column), then import. All or nothing: the background refuses a file with any bad row.
 */
export function CsvSection({ onImported }: { onImported: () => void }) {
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dateOrder, setDateOrder] = useState<DateOrder>('dmy');
  const [errors, setErrors] = useState<CheckErrors>([]);
  const [checked, setChecked] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const orderId = useId();

  const fail = (err: unknown) => setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') });
  const reset = () => {
    setErrors([]);
    setChecked(false);
  };

  async function choose(file: File | undefined) {
    if (!file) return;
    setPreview(null);
    reset();
    setStatus({ kind: 'busy', text: t('csvReading') });
    try {
      const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
      const p = await send('csv.preview', { text: decoded });
      if (!p.ok) {
        setText(null);
        return setStatus({ kind: 'error', text: t('csvRefused', [p.error]) });
      }
      setText(decoded);
      setPreview(p);
      setMapping(p.mapping);
      setDateOrder(p.dateOrder);
      setStatus({ kind: 'ok', text: p.detectedTool ? t('csvDetected', [p.detectedTool, String(p.rows)]) : t('csvGeneric', [String(p.rows)]) });
    } catch (err) {
      fail(err);
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  async function check(): Promise<boolean> {
    if (text === null) return false;
    setStatus({ kind: 'busy', text: t('csvChecking') });
    try {
      const r = await send('csv.check', { text, mapping, dateOrder });
      if (!r.ok) {
        setErrors(r.errors);
        setChecked(false);
        setStatus({ kind: 'error', text: t('csvCheckFailed', [String(r.errors.length)]) });
        return false;
      }
      setErrors([]);
      setChecked(true);
      const parts = [t('csvCheckOk', [String(r.invoices)])];
      if (r.withoutEmail > 0) parts.push(t('csvWithoutEmail', [String(r.withoutEmail)]));
      if (r.skipped.length > 0) parts.push(t('csvSkipped', [String(r.skipped.length)]));
      setStatus({ kind: 'ok', text: parts.join(' ') });
      return true;
    } catch (err) {
      fail(err);
      return false;
    }
  }

  async function importNow() {
    if (text === null) return;
    if (!checked && !(await check())) return;
    setStatus({ kind: 'busy', text: t('importing') });
    try {
      const r = await send('csv.import', { text, mapping, dateOrder });
      setStatus({ kind: 'ok', text: t('csvImported', [String(r.imported), String(r.skippedDuplicates), String(r.skipped.length)]) });
      setPreview(null);
      setText(null);
      reset();
      onImported();
    } catch (err) {
      fail(err);
    }
  }

  const setField = (f: CsvField, value: string) => {
    reset();
    setMapping((m) => {
      const next = { ...m };
      if (value === '') delete next[f];
      else next[f] = Number(value);
      return next;
    });
  };

  return (
    <section className="rl-card" aria-labelledby="rl-csv" data-relance="csv">
      <h2 id="rl-csv">{t('csvSection')}</h2>
      <p className="rl-muted">{t('csvIntro')}</p>
      <label className="rl-field" htmlFor={fileId}>
        <span className="rl-label">{t('csvFileLabel')}</span>
        <input ref={fileRef} id={fileId} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" data-relance="csv-file" onChange={(e) => void choose(e.target.files?.[0])} />
      </label>
      {preview ? (
        <div className="rl-csv-mapping" data-relance="csv-mapping" data-tool={preview.detectedTool ?? ''}>
          <table className="rl-mapping">
            <caption>{t('csvMappingCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('csvFieldColumn')}</th>
                <th scope="col">{t('csvFileColumn')}</th>
                <th scope="col">{t('csvExampleColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {CSV_FIELDS.map((f) => {
                const idx = mapping[f];
                return (
                  <tr key={f}>
                    <th scope="row">{fieldLabel(f)}</th>
                    <td>
                      <select name={`map-${f}`} aria-label={t('csvMapLabel', [fieldLabel(f)])} value={idx === undefined ? '' : String(idx)} onChange={(e) => setField(f, e.target.value)}>
                        <option value="">{t('csvNotInFile')}</option>
                        {preview.headers.map((h, i) => (
                          <option key={i} value={String(i)}>
                            {h || t('csvColumnN', [String(i + 1)])}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="rl-muted rl-cell-sample">{idx === undefined ? '' : (preview.sample[0]?.[idx] ?? '')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label className="rl-field" htmlFor={orderId}>
            <span className="rl-label">{t('csvDateOrder')}</span>
            <select
              id={orderId}
              name="dateOrder"
              value={dateOrder}
              onChange={(e) => {
                reset();
                setDateOrder(e.target.value as DateOrder);
              }}
            >
              <option value="dmy">{t('csvDmy')}</option>
              <option value="mdy">{t('csvMdy')}</option>
              <option value="ymd">{t('csvYmd')}</option>
            </select>
          </label>
          {!preview.dateOrderCertain ? <p className="rl-muted rl-small">{t('csvDateOrderUnsure')}</p> : null}
          {preview.rowsWithoutEmail > 0 ? <p className="rl-muted rl-small">{t('csvNoEmailHelp', [String(preview.rowsWithoutEmail)])}</p> : null}
          <div className="rl-actions">
            <button type="button" data-relance="csv-check" onClick={() => void check()}>
              {t('csvCheck')}
            </button>
            <button type="button" className="rl-primary" data-relance="csv-import" onClick={() => void importNow()}>
              {t('csvImport')}
            </button>
          </div>
        </div>
      ) : null}
      <p className="rl-status-line" role="status" aria-live="polite" data-relance="csv-status" data-kind={status?.kind}>
        {status?.text ?? ''}
      </p>
      {errors.length > 0 ? (
        <ul className="rl-csv-errors" data-relance="csv-errors">
          {errors.map((e, i) => (
            <li key={i}>{errorLine(e)}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
