import { useCallback, useEffect, useState } from 'react';
import type { PopupClient, PopupList } from '@/lib/background/popup-schemas';
import type { RequestOf } from '@/lib/messaging/protocol';
import { DEFAULT_PLANS, type LadderPlan } from '@/lib/domain/ladder/plans';
import { JURISDICTIONS, type Jurisdiction, type Lang } from '@/lib/domain/types';
import { RelanceError, send } from '@/lib/messaging/client';
import { formatIsoDate } from '@/components/ui/format';
import { t, uiLocale } from '@/components/ui/i18n';
import { isPlaceholderEmail } from '@/lib/import/csv';
import { addDaysToIso } from '@/components/popup/InlineForms';
import { jurisdictionLabel, planName, REMINDER_LANGUAGES } from './labels';

type Status = { kind: 'ok' | 'error'; text: string } | null;
type ClientPatch = RequestOf<'client.update'>['patch'];

/**
 * Per-client settings (jurisdiction, business or consumer, reminder language, plan: each "default" unless set) and
 * the pauses in force (clients and single invoices), each with a Resume button.
 */
export function ClientsSection({ defaultJurisdiction, reloadKey }: { defaultJurisdiction: Jurisdiction; reloadKey: number }) {
  const [data, setData] = useState<PopupList | null>(null);
  const [customPlans, setCustomPlans] = useState<LadderPlan[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const locale = uiLocale();

  const load = useCallback(async () => {
    try {
      const [list, plans] = await Promise.all([send('popup.list', {}), send('plans.get', {})]);
      setData(list);
      setCustomPlans(plans.plans);
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load, reloadKey]);

  async function run(fn: () => Promise<unknown>) {
    try {
      await fn();
      await load();
      setStatus({ kind: 'ok', text: t('saved') });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') });
    }
  }
  const patch = (c: PopupClient, p: ClientPatch) => void run(() => send('client.update', { clientEmail: c.email, patch: p }));

  if (!data) return null;
  const numberOf = new Map(data.invoices.map((i) => [i.id, i]));
  const pausedClients = data.clients.filter((c) => c.paused);
  const plans = [...DEFAULT_PLANS, ...customPlans];

  return (
    <>
      <section className="rl-card" aria-labelledby="rl-clients" data-relance="clients">
        <h2 id="rl-clients">{t('clientsSection')}</h2>
        <p className="rl-muted">{t('clientsIntro', [jurisdictionLabel(defaultJurisdiction)])}</p>
        {data.clients.length === 0 ? <p className="rl-empty">{t('clientsEmpty')}</p> : null}
        <ul className="rl-client-list">
          {data.clients.map((c) => {
            const who = c.name || c.email;
            return (
              <li key={c.key} className="rl-client-item" data-relance="client-row" data-client-email={c.email}>
                <div className="rl-client-head">
                  <span className="rl-client-name">{who}</span>
                  <span className="rl-muted rl-small rl-client-email">{isPlaceholderEmail(c.email) ? t('noEmailYet') : c.email}</span>
                </div>
                <div className="rl-client-fields">
                  <label className="rl-field">
                    <span className="rl-label">{t('labelDefaultJurisdiction')}</span>
                    <select aria-label={t('clientJurisdictionLabel', [who])} name="jurisdiction" value={c.jurisdiction ?? ''} onChange={(e) => patch(c, { jurisdiction: (e.target.value || null) as Jurisdiction | null })}>
                      <option value="">{t('defaultOption')}</option>
                      {JURISDICTIONS.map((j) => (
                        <option key={j} value={j}>
                          {jurisdictionLabel(j)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="rl-field">
                    <span className="rl-label">{t('clientTypeColumn')}</span>
                    <select aria-label={t('clientTypeLabel', [who])} name="b2b" value={c.b2b ? 'b2b' : 'consumer'} onChange={(e) => patch(c, { b2b: e.target.value === 'b2b' })}>
                      <option value="b2b">{t('clientBusiness')}</option>
                      <option value="consumer">{t('clientConsumer')}</option>
                    </select>
                  </label>
                  <label className="rl-field">
                    <span className="rl-label">{t('labelDefaultLanguage')}</span>
                    <select aria-label={t('clientLanguageLabel', [who])} name="language" value={c.language ?? ''} onChange={(e) => patch(c, { language: (e.target.value || null) as Lang | null })}>
                      <option value="">{t('defaultOption')}</option>
                      {REMINDER_LANGUAGES.map((l) => (
                        <option key={l.value} value={l.value}>
                          {l.label}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="rl-field">
                    <span className="rl-label">{t('planColumn')}</span>
                    <select aria-label={t('clientPlanLabel', [who])} name="plan" value={c.planId ?? ''} onChange={(e) => patch(c, { planId: e.target.value || null })}>
                      <option value="">{t('defaultOption')}</option>
                      {plans.map((p) => (
                        <option key={p.id} value={p.id}>
                          {planName(p)}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
              </li>
            );
          })}
        </ul>
        <p className="rl-status-line" role="status" data-kind={status?.kind} data-relance="clients-status">
          {status?.text}
        </p>
      </section>

      <section className="rl-card" aria-labelledby="rl-pauses" data-relance="pauses">
        <h2 id="rl-pauses">{t('pausesSection')}</h2>
        {pausedClients.length === 0 && data.invoicePauses.length === 0 ? <p className="rl-empty">{t('pausesEmpty')}</p> : null}
        <ul className="rl-pause-list">
          {pausedClients.map((c) => (
            <li key={c.key} data-relance="paused-client">
              <span>{t('pausedClientLine', [c.name || c.email])}</span>
              <button type="button" onClick={() => void run(() => send('client.pause', { clientEmail: c.email, paused: false }))}>
                {t('resume')}
              </button>
            </li>
          ))}
          {data.invoicePauses.map((p) => {
            const inv = numberOf.get(p.invoiceId);
            if (!inv) return null;
            const label = `${inv.number} · ${inv.clientName || inv.clientEmail}`;
            return (
              <li key={p.invoiceId} data-relance="paused-invoice" data-invoice-number={inv.number}>
                <span>
                  {label} — {p.until ? t('pausedBackOn', [formatIsoDate(addDaysToIso(p.until, 1), locale)]) : t('pausedTag')} ({pauseKindText(p.kind)})
                </span>
                {p.kind === 'manual' ? (
                  <button type="button" aria-label={t('resumeLabel', [inv.number])} onClick={() => void run(() => send('invoice.pause', { id: inv.id, paused: false }))}>
                    {t('resume')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}

function pauseKindText(kind: string): string {
  switch (kind) {
    case 'dispute':
      return t('pauseDispute');
    case 'promise':
      return t('pausePromise');
    case 'claimed_paid':
      return t('pauseClaimedPaid');
    default:
      return t('pauseManual');
  }
}
