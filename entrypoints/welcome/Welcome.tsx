import { t } from '@/components/ui/i18n';

/**
 * First run: what Relance reads, that nothing leaves the browser, why each permission is asked, and where to set
 * identity and payment details. Opened once by the background on install; "Done" closes the tab.
 */
export function Welcome({ isChrome, onOpenOptions, onDone }: { isChrome: boolean; onOpenOptions: () => void; onDone: () => void }) {
  const permissions: [string, string][] = [
    [t('permSitesName'), t('permSitesWhy')],
    [t('permStorageName'), t('permStorageWhy')],
    [t('permAlarmsName'), t('permAlarmsWhy')],
    [t('permNotificationsName'), t('permNotificationsWhy')],
    ...(isChrome ? [[t('permOffscreenName'), t('permOffscreenWhy')] as [string, string]] : []),
  ];
  return (
    <main className="rl rl-welcome" data-relance="welcome">
      <header className="rl-brand-row">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p className="rl-lead">{t('welcomeLead')}</p>

      <section className="rl-card" aria-labelledby="rl-w-reads">
        <h2 id="rl-w-reads">{t('welcomeReadsTitle')}</h2>
        <p>{t('welcomeReads')}</p>
        <p>{t('welcomeNotReads')}</p>
      </section>

      <section className="rl-card" aria-labelledby="rl-w-local">
        <h2 id="rl-w-local">{t('welcomeLocalTitle')}</h2>
        <p>{t('welcomeLocal')}</p>
      </section>

      <section className="rl-card" aria-labelledby="rl-w-perms">
        <h2 id="rl-w-perms">{t('welcomePermsTitle')}</h2>
        <dl className="rl-perms">
          {permissions.map(([name, why]) => (
            <div key={name} className="rl-perm">
              <dt>{name}</dt>
              <dd>{why}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section className="rl-card" aria-labelledby="rl-w-setup">
        <h2 id="rl-w-setup">{t('welcomeSetupTitle')}</h2>
        <p>{t('welcomeSetup')}</p>
        <div className="rl-actions rl-actions-start">
          <button type="button" className="rl-primary" data-relance="welcome-options" onClick={onOpenOptions}>
            {t('welcomeOpenOptions')}
          </button>
          <button type="button" data-relance="welcome-done" onClick={onDone}>
            {t('welcomeDone')}
          </button>
        </div>
      </section>
    </main>
  );
}
