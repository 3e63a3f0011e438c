import { useEffect, useState } from 'react';
import type { Settings } from '@/lib/domain/settings';
import { RelanceError, send } from '@/lib/messaging/client';
import { t } from '@/components/ui/i18n';

type Notifications = Settings['notifications'];

/** Browser notifications: on or off, on weekends or not, one daily digest or one per check. Saved on change. */
export function NotificationsSection({ initial }: { initial: Notifications }) {
  const [value, setValue] = useState(initial);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => setValue(initial), [initial]);

  async function change(patch: Partial<Notifications>) {
    const before = value;
    setValue({ ...value, ...patch });
    try {
      const s = await send('settings.update', { patch: { notifications: patch } });
      setValue(s.notifications);
      setStatus({ kind: 'ok', text: t('saved') });
    } catch (err) {
      setValue(before);
      setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') });
    }
  }

  return (
    <section className="rl-card" aria-labelledby="rl-notifications" data-relance="notifications">
      <h2 id="rl-notifications">{t('notificationsSection')}</h2>
      <label className="rl-check">
        <input type="checkbox" name="notificationsEnabled" checked={value.enabled} onChange={(e) => void change({ enabled: e.target.checked })} />
        {t('notifyEnabledLabel')}
      </label>
      <p className="rl-muted rl-small">{t('notifyEnabledHelp')}</p>
      <fieldset className="rl-fieldset" disabled={!value.enabled}>
        <legend className="rl-sr-only">{t('notificationsSection')}</legend>
        <label className="rl-check">
          <input type="checkbox" name="notificationsWeekends" checked={value.weekends} onChange={(e) => void change({ weekends: e.target.checked })} />
          {t('notifyWeekendsLabel')}
        </label>
        <label className="rl-check">
          <input type="radio" name="digest" value="daily" checked={value.digest === 'daily'} onChange={() => void change({ digest: 'daily' })} />
          {t('notifyDigestDaily')}
        </label>
        <label className="rl-check">
          <input type="radio" name="digest" value="immediate" checked={value.digest === 'immediate'} onChange={() => void change({ digest: 'immediate' })} />
          {t('notifyDigestImmediate')}
        </label>
      </fieldset>
      <p className="rl-status-line" role="status" data-kind={status?.kind}>
        {status?.text}
      </p>
    </section>
  );
}
