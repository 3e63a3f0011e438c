import { useEffect, useId, useRef, useState } from 'react';
import { RelanceError, send } from '@/lib/messaging/client';
import { t } from '@/components/ui/i18n';
import { backupFileName, backupFileText } from './backup-file';

/** Export everything as a JSON file; import one back (it replaces the current data, so the page says so). */
export function DataSection({ onImported }: { onImported: () => void }) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error' | 'busy'; text: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();
  const warningId = useId();

  async function exportAll() {
    setStatus({ kind: 'busy', text: t('exporting') });
    try {
      const [backup, { today }] = await Promise.all([send('data.export', {}), send('status.get', {})]);
      download(new Blob([backupFileText(backup)], { type: 'application/json' }), backupFileName(today));
      setStatus({ kind: 'ok', text: t('exportDone', [String(backup.invoices.length), backupFileName(today)]) });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') });
    }
  }

  async function exportCsv() {
    setStatus({ kind: 'busy', text: t('exporting') });
    try {
      const [{ csv }, { today }] = await Promise.all([send('data.exportCsv', {}), send('status.get', {})]);
      const name = `relance-invoices-${today}.csv`;
      download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);
      setStatus({ kind: 'ok', text: t('exportCsvDone', [name]) });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') });
    }
  }

  async function importFile(file: File | undefined) {
    if (!file) return;
    setStatus({ kind: 'busy', text: t('importing') });
    try {
      const text = await file.text();
      const counts = await send('data.import', { text });
      setStatus({ kind: 'ok', text: t('importDone', [String(counts.invoices), String(counts.clients), String(counts.events)]) });
      onImported();
    } catch (err) {
      // The background says what is wrong with the file, and that nothing was changed.
      setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('importReadError') });
    } finally {
      // Choosing the same file again must fire a new change event.
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  return (
    <section className="rl-card" aria-labelledby="rl-data">
      <h2 id="rl-data">{t('dataSection')}</h2>
      <p className="rl-muted">{t('dataIntro')}</p>
      <StorageStatusLine refreshKey={status?.text ?? ''} />
      <div className="rl-file-row">
        <button type="button" data-relance="export" onClick={() => void exportAll()}>
          {t('exportButton')}
        </button>
      </div>
      <div className="rl-file-row" style={{ marginTop: 8 }}>
        <button type="button" data-relance="export-csv" onClick={() => void exportCsv()}>
          {t('exportCsvButton')}
        </button>
        <span className="rl-muted rl-small">{t('exportCsvHelp')}</span>
      </div>
      <p className="rl-warning" id={warningId} style={{ marginTop: 12 }}>
        {t('importWarning')}
      </p>
      <div className="rl-file-row">
        <label className="rl-field" htmlFor={fileId} style={{ marginBottom: 0 }}>
          <span className="rl-label">{t('importLabel')}</span>
          <input
            ref={fileRef}
            id={fileId}
            type="file"
            accept="application/json,.json"
            data-relance="import-file"
            aria-describedby={warningId}
            onChange={(e) => void importFile(e.target.files?.[0])}
          />
        </label>
      </div>
      <p className="rl-status-line" role="status" aria-live="polite" data-relance="import-status" data-kind={status?.kind}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}

/** Save a Blob as a file through a temporary link (no downloads permission needed). */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type StorageStatus = Awaited<ReturnType<typeof send<'storage.status'>>>;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whether the browser keeps Relance's data, the space used, and when the last backup was exported. */
function StorageStatusLine({ refreshKey }: { refreshKey: string }) {
  const [s, setS] = useState<StorageStatus | null>(null);
  useEffect(() => {
    send('storage.status', {}).then(setS, () => setS(null));
  }, [refreshKey]);
  if (!s) return null;
  const kept = s.persisted === true ? t('storagePersisted') : s.persisted === false ? t('storageNotPersisted') : t('storageUnknown');
  const usage = s.usageBytes !== null && s.quotaBytes !== null ? t('storageUsage', [megabytes(s.usageBytes), megabytes(s.quotaBytes)]) : '';
  const last = s.lastExportAt ? t('storageLastExport', [new Date(s.lastExportAt).toLocaleDateString()]) : t('storageNeverExported');
  return (
    <p className="rl-muted" data-relance="storage-status" data-persisted={String(s.persisted)}>
      {kept} {usage} {last} {s.backupDue ? t('storageBackupDue') : ''}
    </p>
  );
}
