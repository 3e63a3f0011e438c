import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Settings } from '@/lib/domain/settings';
import { JURISDICTIONS, type Jurisdiction, type Lang } from '@/lib/domain/types';
import { RelanceError, send } from '@/lib/messaging/client';
import { t } from '@/components/ui/i18n';
import { currencyOptions } from '@/components/ui/invoice-form';
import { ClientsSection } from './ClientsSection';
import { CsvSection } from './CsvSection';
import { DataSection } from './DataSection';
import { DeleteSection } from './DeleteSection';
import { DetectionSection } from './DetectionSection';
import { jurisdictionLabel, REMINDER_LANGUAGES as UI_LANGUAGES } from './labels';
import { NotificationsSection } from './NotificationsSection';
import { PlansSection } from './PlansSection';

/** The options page: who you are, how to pay you, your defaults, and your data. */
export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  // Bumped after an import or a deletion, so the sections that list data read it again.
  const [dataVersion, setDataVersion] = useState(0);

  const reload = () => {
    setDataVersion((v) => v + 1);
    return send('settings.get', {})
      .then(setSettings)
      .catch((err: unknown) => setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') }));
  };
  useEffect(() => {
    void reload();
  }, []);

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!settings) return;
    setSaving(true);
    setStatus(null);
    try {
      const next = await send('settings.update', {
        patch: {
          identity: settings.identity,
          payment: settings.payment,
          defaultLanguage: settings.defaultLanguage,
          defaultJurisdiction: settings.defaultJurisdiction,
          defaultCurrency: settings.defaultCurrency,
        },
      });
      setSettings(next);
      setStatus({ kind: 'ok', text: t('saved') });
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') });
    } finally {
      setSaving(false);
    }
  }

  const edit = (change: (s: Settings) => Settings) => {
    setSettings((s) => (s ? change(s) : s));
    setStatus(null);
  };

  return (
    <main className="rl rl-options" data-relance="options">
      <h1>{t('optionsTitle')}</h1>
      <p className="rl-muted">{t('optionsIntro')}</p>
      {settings ? (
        <form onSubmit={save} data-relance="settings-form">
          <section className="rl-card" aria-labelledby="rl-identity">
            <h2 id="rl-identity">{t('identitySection')}</h2>
            <div className="rl-row2">
              <Field label={t('labelYourName')}>
                {(id) => <input id={id} name="name" value={settings.identity.name} autoComplete="name" onChange={(e) => edit((s) => ({ ...s, identity: { ...s.identity, name: e.target.value } }))} />}
              </Field>
              <Field label={t('labelCompany')}>
                {(id) => <input id={id} name="company" value={settings.identity.company} autoComplete="organization" onChange={(e) => edit((s) => ({ ...s, identity: { ...s.identity, company: e.target.value } }))} />}
              </Field>
            </div>
            <Field label={t('labelSignature')}>
              {(id) => <textarea id={id} name="signature" value={settings.identity.signature} onChange={(e) => edit((s) => ({ ...s, identity: { ...s.identity, signature: e.target.value } }))} />}
            </Field>
          </section>

          <section className="rl-card" aria-labelledby="rl-payment">
            <h2 id="rl-payment">{t('paymentSection')}</h2>
            <div className="rl-row2">
              <Field label={t('labelIban')}>
                {(id) => <input id={id} name="iban" value={settings.payment.iban} autoComplete="off" spellCheck={false} onChange={(e) => edit((s) => ({ ...s, payment: { ...s.payment, iban: e.target.value } }))} />}
              </Field>
              <Field label={t('labelBic')}>
                {(id) => <input id={id} name="bic" value={settings.payment.bic} autoComplete="off" spellCheck={false} onChange={(e) => edit((s) => ({ ...s, payment: { ...s.payment, bic: e.target.value } }))} />}
              </Field>
            </div>
            <Field label={t('labelPaymentLink')}>
              {(id) => <input id={id} name="paymentLink" type="url" value={settings.payment.paymentLink} placeholder="https://" onChange={(e) => edit((s) => ({ ...s, payment: { ...s.payment, paymentLink: e.target.value } }))} />}
            </Field>
            <Field label={t('labelPaymentInstructions')}>
              {(id) => <textarea id={id} name="instructions" value={settings.payment.instructions} onChange={(e) => edit((s) => ({ ...s, payment: { ...s.payment, instructions: e.target.value } }))} />}
            </Field>
          </section>

          <section className="rl-card" aria-labelledby="rl-defaults">
            <h2 id="rl-defaults">{t('defaultsSection')}</h2>
            <div className="rl-row2">
              <Field label={t('labelDefaultLanguage')}>
                {(id) => (
                  <select id={id} name="defaultLanguage" value={settings.defaultLanguage} onChange={(e) => edit((s) => ({ ...s, defaultLanguage: e.target.value as Lang }))}>
                    {/* A language set elsewhere (an import, a later version) stays selectable rather than silently switching. */}
                    {[...UI_LANGUAGES, ...(UI_LANGUAGES.some((l) => l.value === settings.defaultLanguage) ? [] : [{ value: settings.defaultLanguage, label: settings.defaultLanguage }])].map((l) => (
                      <option key={l.value} value={l.value}>{l.label}</option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('labelDefaultJurisdiction')}>
                {(id) => (
                  <select id={id} name="defaultJurisdiction" value={settings.defaultJurisdiction} onChange={(e) => edit((s) => ({ ...s, defaultJurisdiction: e.target.value as Jurisdiction }))}>
                    {JURISDICTIONS.map((j) => (
                      <option key={j} value={j}>{jurisdictionLabel(j)}</option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <Field label={t('labelDefaultCurrency')}>
              {(id) => (
                <select id={id} name="defaultCurrency" value={settings.defaultCurrency} onChange={(e) => edit((s) => ({ ...s, defaultCurrency: e.target.value }))}>
                  {currencyOptions(settings.defaultCurrency).map((c) => (
                    <option key={c} value={c}>{c}</option>
                  ))}
                </select>
              )}
            </Field>
            <p className="rl-muted rl-small">{t('uiLanguageNote')}</p>
          </section>
          <div className="rl-actions">
            <span className="rl-status-line" role="status" data-relance="settings-status" data-kind={status?.kind}>
              {status?.text}
            </span>
            <button type="submit" className="rl-primary" data-relance="settings-save" disabled={saving}>
              {saving ? t('saving') : t('save')}
            </button>
          </div>
        </form>
      ) : (
        <p className="rl-status-line" role="status" data-kind={status?.kind}>{status?.text ?? t('loading')}</p>
      )}
      {settings ? <ClientsSection defaultJurisdiction={settings.defaultJurisdiction} reloadKey={dataVersion} /> : null}
      {settings ? <PlansSection key={`plans-${dataVersion}`} settings={settings} /> : null}
      {settings ? <NotificationsSection initial={settings.notifications} /> : null}
      {settings ? <DetectionSection autoTrack={settings.autoTrack} /> : null}
      <CsvSection onImported={() => void reload()} />
      <DataSection onImported={() => void reload()} />
      <DeleteSection onDeleted={() => void reload()} />
    </main>
  );
}

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <label className="rl-field" htmlFor={id}>
      <span className="rl-label">{label}</span>
      {children(id)}
    </label>
  );
}
