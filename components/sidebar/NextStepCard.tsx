import type { NextStep } from '@/lib/domain/ladder';
import { formatIsoDate } from '@/components/ui/format';
import { t } from '@/components/ui/i18n';
import { channelText, nextStepHeadline } from './card-text';

interface NextStepCardProps {
  step: NextStep;
  today: string;
  locale: string;
  busy: boolean;
  onInsert: () => void;
  onPrintLetter: () => void;
  onExportDossier: () => void;
}

/**
 * What to send next and the words to send. The draft is shown as TEXT (white-space: pre-wrap), never its HTML:
 * the HTML only ever goes into the webmail's editor, through the adapter.
 */
export function NextStepCard({ step, today, locale, busy, onInsert, onPrintLetter, onExportDossier }: NextStepCardProps) {
  const active = step.stage !== 'none' && step.stage !== 'paused';
  const overdue = step.dueOn !== null && step.dueOn <= today;
  return (
    <section className="rl-card-s" data-relance="next-step" data-stage={step.stage} aria-label={t('nextTitle')}>
      <div className="rl-card-head">
        <h3>{t('nextTitle')}</h3>
        {step.dueOn ? <span className={overdue ? 'rl-status rl-status-overdue' : 'rl-status rl-status-open'}>{overdue ? t('nextDueNow') : t('dueOn', [formatIsoDate(step.dueOn, locale)])}</span> : null}
      </div>
      <p className="rl-next-stage">
        <strong>{nextStepHeadline(step, locale)}</strong>
        {active && step.channel ? <span className="rl-muted"> · {channelText(step.channel)}</span> : null}
      </p>
      {step.invoices.length > 0 && active ? <p className="rl-muted rl-small">{t('nextCovers', [step.invoices.join(', ')])}</p> : null}
      {step.callTask ? (
        <p className="rl-task" data-relance="call-task">
          ☎ {t('nextCallTask')}
        </p>
      ) : null}
      {step.draft ? (
        <div className="rl-draft" data-relance="draft" data-language={step.draft.language}>
          <div className="rl-draft-subject">{step.draft.subject}</div>
          <div className="rl-draft-text">{step.draft.text}</div>
        </div>
      ) : null}
      {step.draft?.notice ? <p className="rl-legal rl-small">{step.draft.notice}</p> : null}
      {step.draftError ? <p className="rl-form-error">{step.draftError}</p> : null}
      {active && step.draft ? (
        <div className="rl-actions">
          {step.stage === 'formal_notice' || step.channel === 'letter' ? (
            <>
              <button type="button" data-relance="export-dossier" onClick={onExportDossier}>
                {t('exportDossier')}
              </button>
              <button type="button" data-relance="print-letter" onClick={onPrintLetter}>
                {t('printLetter')}
              </button>
            </>
          ) : null}
          <button type="button" className="rl-primary" data-relance="insert-next-step" disabled={busy} onClick={onInsert}>
            {t('insertReminder')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
