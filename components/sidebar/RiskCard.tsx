import type { ClientFlags, Recommendation, RiskProfile, WarningSign } from '@/lib/domain/risk';
import { formatAmount } from '@/components/ui/format';
import { t } from '@/components/ui/i18n';

/** The flags the user can set, in the order the card lists them. */
export const FLAG_KEYS = ['depositRefused', 'contractRefused', 'otherCompany', 'financialTrouble', 'keepsPushingDeadlines'] as const satisfies readonly (keyof ClientFlags)[];
type FlagKey = (typeof FLAG_KEYS)[number];

function flagLabel(flag: FlagKey): string {
  switch (flag) {
    case 'depositRefused':
      return t('flagDepositRefused');
    case 'contractRefused':
      return t('flagContractRefused');
    case 'otherCompany':
      return t('flagOtherCompany');
    case 'financialTrouble':
      return t('flagFinancialTrouble');
    case 'keepsPushingDeadlines':
      return t('flagPushingDeadlines');
  }
}

function bandLabel(band: RiskProfile['band']): string {
  switch (band) {
    case 'low':
      return t('bandLow');
    case 'medium':
      return t('bandMedium');
    case 'high':
      return t('bandHigh');
    default:
      return t('bandUnrated');
  }
}

function signLabel(s: WarningSign): string {
  switch (s.sign) {
    case 'deposit_refused':
      return t('flagDepositRefused');
    case 'contract_refused':
      return t('flagContractRefused');
    case 'other_company':
      return t('flagOtherCompany');
    case 'financial_difficulty':
      return t('flagFinancialTrouble');
    case 'delay_request':
      return t('signDelay');
    case 'lost_invoice':
      return t('signLost');
    case 'dispute':
      return t('signDispute');
    case 'silence':
      return t('signSilence');
    default:
      return s.label;
  }
}

function recommendationLabel(r: Recommendation): string {
  switch (r.action) {
    case 'ask_deposit':
      return t('recDeposit', [String(r.depositPercent ?? 30)]);
    case 'shorten_terms':
      return t('recShortenTerms');
    case 'payment_schedule':
      return t('recSchedule');
    case 'stop_work':
      return t('recStopWork');
    case 'sign_contract':
      return t('recContract');
    case 'verify_company':
      return t('recVerifyCompany');
    default:
      return r.reason;
  }
}

function amounts(byCurrency: Record<string, number>, locale: string): string {
  const parts = Object.entries(byCurrency)
    .filter(([, minor]) => minor !== 0)
    .map(([cur, minor]) => formatAmount(minor, cur, locale));
  return parts.length > 0 ? parts.join(' + ') : '—';
}

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
        <dd>{amounts(risk.openByCurrency, locale)}</dd>
        <dt>{t('riskOverdue')}</dt>
        <dd>{amounts(risk.overdueByCurrency, locale)}</dd>
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
              <span className={f.effect < 0 ? 'rl-neg' : 'rl-pos'}>{f.effect > 0 ? `+${Math.round(f.effect)}` : Math.round(f.effect)}</span> {f.label}
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
