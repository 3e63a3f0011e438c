import type { ClientFlags, RiskProfile } from '@/lib/domain/risk';
import { t } from '@/components/ui/i18n';
import { amountsText, bandLabel, effectText, FLAG_KEYS, flagLabel, recommendationLabel, signLabel, type FlagKey } from './card-text';

interface RiskCardProps {
  risk: RiskProfile;
  flags: ClientFlags;
  locale: string;
  busy: boolean;
  onFlag: (flag: FlagKey, value: boolean) => void;
}

/** Who is likely to pay late, and why: the score is never shown without the factors behind it. */
export function RiskCard({ risk, flags, locale, busy, onFlag }: RiskCardProps) {
  const days = risk.averageDaysLate;
  return (
    <section className="rl-card-s" data-relance="risk" data-score={risk.score ?? ''} data-band={risk.band} aria-label={t('riskTitle')}>
      <div className="rl-card-head">
        <h3>{t('riskTitle')}</h3>
        <span className={`rl-band rl-band-${risk.band}`}>
          {risk.score !== null ? <strong className="rl-score">{risk.score}</strong> : null} {bandLabel(risk.band)}
        </span>
      </div>
      <dl className="rl-fields">
        <dt>{t('riskAverageLate')}</dt>
        <dd>{days === null ? '—' : t('riskDays', [String(Math.round(days))])}</dd>
        <dt>{t('riskOpen')}</dt>
        <dd>{amountsText(risk.openByCurrency, locale)}</dd>
        <dt>{t('riskOverdue')}</dt>
        <dd>{amountsText(risk.overdueByCurrency, locale)}</dd>
      </dl>
      {risk.warningSigns.length > 0 ? (
        <ul className="rl-signs" aria-label={t('riskSigns')}>
          {risk.warningSigns.map((s) => (
            <li key={s.sign} data-sign={s.sign}>
              ⚠ {signLabel(s)}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="rl-factors" open>
        <summary>{t('riskFactors')}</summary>
        <ul>
          {risk.factors.map((f, i) => (
            <li key={i}>
              <span className={f.effect < 0 ? 'rl-neg' : 'rl-pos'}>{effectText(f.effect)}</span> {f.label}
              {f.detail ? <span className="rl-muted"> — {f.detail}</span> : null}
            </li>
          ))}
        </ul>
      </details>
      {risk.recommendations.length > 0 ? (
        <ul className="rl-recs" aria-label={t('riskRecommendations')}>
          {risk.recommendations.map((r) => (
            <li key={r.action} data-recommendation={r.action}>
              → {recommendationLabel(r)}
            </li>
          ))}
        </ul>
      ) : null}
      <fieldset className="rl-flags">
        <legend>{t('flagsTitle')}</legend>
        {FLAG_KEYS.map((flag) => (
          <label key={flag} className="rl-check">
            <input type="checkbox" data-relance="client-flag" data-flag={flag} checked={flags[flag] === true} disabled={busy} onChange={(e) => onFlag(flag, e.target.checked)} />
            {flagLabel(flag)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
