import { useEffect, useState } from 'react';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { RelanceError, send } from '@/lib/messaging/client';
import { t } from '@/components/ui/i18n';

type Diagnostics = ResponseOf<'diagnostic.list'>['diagnostics'];

/**
 * Detection settings and the local diagnostics log. The censored HTML is shown as TEXT in a <pre>: it is page
 * structure (tags only), but it came from a webmail page and is never turned back into markup.
 */
export function DetectionSection({ autoTrack }: { autoTrack: boolean }) {
  const [checked, setChecked] = useState(autoTrack);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [diagnostics, setDiagnostics] = useState<Diagnostics | null>(null);

  useEffect(() => setChecked(autoTrack), [autoTrack]);
  useEffect(() => {
    send('diagnostic.list', {})
      .then((r) => setDiagnostics(r.diagnostics))
      .catch(() => setDiagnostics([]));
  }, []);

  async function toggle(next: boolean) {
    setChecked(next);
    setStatus(null);
    try {
      const s = await send('settings.update', { patch: { autoTrack: next } });
      setChecked(s.autoTrack);
      setStatus({ kind: 'ok', text: t('saved') });
    } catch (err) {
      setChecked(!next);
      setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') });
    }
  }

  return (
    <>
      <section className="rl-card" aria-labelledby="rl-detection">
        <h2 id="rl-detection">{t('settingsTitle')}</h2>
        <label className="rl-check">
          <input type="checkbox" data-relance="auto-track" checked={checked} onChange={(e) => void toggle(e.target.checked)} />
          {t('autoTrackLabel')}
        </label>
        <p className="rl-muted rl-small">{t('autoTrackHelp')}</p>
        <p className="rl-status-line" data-kind={status?.kind} role="status">
          {status?.text}
        </p>
      </section>
      <section className="rl-card" aria-labelledby="rl-diagnostics" data-relance="diagnostics">
        <h2 id="rl-diagnostics">{t('diagnosticsTitle')}</h2>
        <p className="rl-muted">{t('diagnosticsHelp')}</p>
        {diagnostics && diagnostics.length === 0 ? <p className="rl-empty">{t('diagnosticsEmpty')}</p> : null}
        {(diagnostics ?? []).map((d) => (
          <div key={d.id} className="rl-diag" data-relance="diagnostic" data-webmail={d.webmail} data-view={d.view}>
            <div>
              <strong>{d.webmail === 'gmail' ? 'Gmail' : 'Outlook'}</strong> · {d.view} · <span className="rl-muted">{new Date(d.at).toLocaleString()}</span>
            </div>
            <div className="rl-small">{t('diagnosticsMissed', [d.missed.join(', ')])}</div>
            <pre>{d.censoredHtml}</pre>
          </div>
        ))}
      </section>
    </>
  );
}
