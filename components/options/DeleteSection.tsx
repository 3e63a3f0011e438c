import { useId, useState } from 'react';
import { RelanceError, send } from '@/lib/messaging/client';
import { t } from '@/components/ui/i18n';

/** Delete everything Relance stored; the button works only once DELETE is typed (in every language: it is a code). */
export function DeleteSection({ onDeleted }: { onDeleted: () => void }) {
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const id = useId();
  const helpId = useId();

  async function deleteAll() {
    if (typed !== 'DELETE') return;
    try {
      await send('data.deleteAll', { confirm: 'DELETE' });
      setTyped('');
      setStatus({ kind: 'ok', text: t('deleteDone') });
      onDeleted();
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') });
    }
  }

  return (
    <section className="rl-card rl-danger-card" aria-labelledby="rl-delete" data-relance="delete">
      <h2 id="rl-delete">{t('deleteSection')}</h2>
      <p className="rl-muted" id={helpId}>
        {t('deleteHelp')}
      </p>
      <form
        className="rl-file-row"
        onSubmit={(e) => {
          e.preventDefault();
          void deleteAll();
        }}
      >
        <label className="rl-field" htmlFor={id} style={{ marginBottom: 0 }}>
          <span className="rl-label">{t('deleteConfirmLabel')}</span>
          <input id={id} data-relance="delete-confirm" autoComplete="off" spellCheck={false} aria-describedby={helpId} value={typed} onChange={(e) => setTyped(e.target.value)} />
        </label>
        <button type="submit" className="rl-danger-btn" data-relance="delete-all" disabled={typed !== 'DELETE'}>
          {t('deleteButton')}
        </button>
      </form>
      <p className="rl-status-line" role="status" data-kind={status?.kind} data-relance="delete-status">
        {status?.text}
      </p>
    </section>
  );
}
