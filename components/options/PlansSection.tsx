import { useEffect, useId, useState } from 'react';
import { DEFAULT_PLANS, DEFAULT_PLAN_ID, planProblem, type LadderPlan } from '@/lib/domain/ladder/plans';
import type { Settings } from '@/lib/domain/settings';
import type { PlanSettings } from '@/lib/background/popup-schemas';
import { RelanceError, send } from '@/lib/messaging/client';
import { stageText } from '@/components/ui/event-text';
import { t } from '@/components/ui/i18n';
import type { Draft } from '@/lib/domain/reminders/draft';
import { planName } from './labels';

type Status = { kind: 'ok' | 'error'; text: string } | null;

function channelText(channel: string): string {
  return channel === 'letter' ? t('channelLetter') : channel === 'call' ? t('channelCall') : t('channelEmail');
}

/** A free id for a copy: "my-standard-formal", "my-standard-formal-2"… */
function copyId(base: string, taken: readonly string[]): string {
  const root = `my-${base}`.slice(0, 58);
  let id = root;
  for (let n = 2; taken.includes(id); n++) id = `${root}-${n}`;
  return id;
}

/**
 * The ladder plans: the four built-in plans with their steps, a choice of default plan, custom copies whose day
 * offsets can be edited, and a preview of each step's draft (the templates load only when asked).
 */
export function PlansSection({ settings }: { settings: Settings }) {
  const [plans, setPlans] = useState<PlanSettings | null>(null);
  const [editing, setEditing] = useState<LadderPlan | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [preview, setPreview] = useState<{ planId: string; drafts: ({ ok: true; draft: Draft } | { ok: false; error: string })[] } | null>(null);
  const defaultId = useId();

  useEffect(() => {
    send('plans.get', {})
      .then(setPlans)
      .catch((err: unknown) => setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') }));
  }, []);
  if (!plans) return null;
  const all = [...DEFAULT_PLANS, ...plans.plans];

  async function update(req: { defaultPlanId?: string | null; plans?: LadderPlan[] }) {
    try {
      setPlans(await send('plans.update', req));
      setStatus({ kind: 'ok', text: t('saved') });
      return true;
    } catch (err) {
      setStatus({ kind: 'error', text: err instanceof RelanceError ? err.message : t('errUnexpected') });
      return false;
    }
  }

  async function showPreview(plan: LadderPlan) {
    if (preview?.planId === plan.id) return setPreview(null);
    const { previewStep } = await import('./plan-preview');
    const ctx = { today: new Date().toISOString().slice(0, 10), language: settings.defaultLanguage, jurisdiction: settings.defaultJurisdiction, identity: settings.identity, payment: settings.payment };
    setPreview({ planId: plan.id, drafts: plan.steps.map((s) => previewStep(plan, s, ctx)) });
  }

  const editProblem = editing ? planProblem(editing) : null;

  return (
    <section className="rl-card" aria-labelledby="rl-plans" data-relance="plans">
      <h2 id="rl-plans">{t('plansSection')}</h2>
      <p className="rl-muted">{t('plansIntro')}</p>
      <label className="rl-field" htmlFor={defaultId}>
        <span className="rl-label">{t('labelDefaultPlan')}</span>
        <select id={defaultId} data-relance="default-plan" value={plans.defaultPlanId ?? DEFAULT_PLAN_ID} onChange={(e) => void update({ defaultPlanId: e.target.value })}>
          {all.map((p) => (
            <option key={p.id} value={p.id}>
              {planName(p)}
            </option>
          ))}
        </select>
      </label>
      {all.map((p) => {
        const custom = !DEFAULT_PLANS.some((d) => d.id === p.id);
        return (
          <div key={p.id} className="rl-plan" data-relance="plan" data-plan-id={p.id}>
            <div className="rl-plan-head">
              <h3>{planName(p)}</h3>
              <div className="rl-plan-actions">
                <button type="button" onClick={() => void showPreview(p)} aria-expanded={preview?.planId === p.id} data-relance="plan-preview">
                  {preview?.planId === p.id ? t('hidePreview') : t('previewDrafts')}
                </button>
                {custom ? (
                  <>
                    <button type="button" onClick={() => setEditing(structuredClone(p))}>
                      {t('edit')}
                    </button>
                    <button type="button" onClick={() => void update({ plans: plans.plans.filter((x) => x.id !== p.id), ...(plans.defaultPlanId === p.id ? { defaultPlanId: null } : {}) })}>
                      {t('deletePlan')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    data-relance="plan-copy"
                    onClick={() => setEditing({ ...structuredClone(p), id: copyId(p.id, all.map((x) => x.id)), name: t('planCopyName', [planName(p)]) })}
                  >
                    {t('copyPlan')}
                  </button>
                )}
              </div>
            </div>
            <table className="rl-steps">
              <caption className="rl-sr-only">{t('stepsOf', [planName(p)])}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stepColumn')}</th>
                  <th scope="col">{t('dayColumn')}</th>
                  <th scope="col">{t('channelColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {p.steps.map((s) => (
                  <tr key={s.stage}>
                    <td>{stageText(s.stage)}</td>
                    <td className="rl-num">{s.offsetDays > 0 ? `+${s.offsetDays}` : s.offsetDays}</td>
                    <td>
                      {channelText(s.channel)}
                      {s.callTask ? ` · ${t('withCall')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {preview?.planId === p.id ? (
              <div className="rl-previews">
                {preview.drafts.map((d, i) => (
                  <details key={i} className="rl-preview">
                    <summary>{stageText(p.steps[i]!.stage)}</summary>
                    {d.ok ? (
                      <div className="rl-draft">
                        <div className="rl-draft-subject">{d.draft.subject}</div>
                        <div className="rl-draft-text">{d.draft.text}</div>
                      </div>
                    ) : (
                      <p className="rl-error">{d.error}</p>
                    )}
                  </details>
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
      {editing ? (
        <PlanEditor
          plan={editing}
          problem={editProblem}
          onChange={setEditing}
          onCancel={() => setEditing(null)}
          onSave={async () => {
            const others = plans.plans.filter((x) => x.id !== editing.id);
            if (await update({ plans: [...others, editing] })) setEditing(null);
          }}
        />
      ) : null}
      <p className="rl-status-line" role="status" data-kind={status?.kind} data-relance="plans-status">
        {status?.text}
      </p>
    </section>
  );
}

function PlanEditor(props: { plan: LadderPlan; problem: string | null; onChange: (p: LadderPlan) => void; onCancel: () => void; onSave: () => Promise<void> }) {
  const { plan } = props;
  const nameId = useId();
  return (
    <form
      className="rl-form"
      data-relance="plan-editor"
      aria-label={t('editPlanTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSave();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <h3>{t('editPlanTitle')}</h3>
      <label className="rl-field" htmlFor={nameId}>
        <span className="rl-label">{t('labelPlanName')}</span>
        <input id={nameId} value={plan.name} maxLength={80} onChange={(e) => props.onChange({ ...plan, name: e.target.value })} />
      </label>
      <div className="rl-offsets">
        {plan.steps.map((s, i) => (
          <label key={s.stage} className="rl-field">
            <span className="rl-label">{t('offsetLabel', [stageText(s.stage)])}</span>
            <input
              type="number"
              name={`offset-${s.stage}`}
              min={-60}
              max={365}
              value={s.offsetDays}
              onChange={(e) => props.onChange({ ...plan, steps: plan.steps.map((x, j) => (j === i ? { ...x, offsetDays: Math.trunc(Number(e.target.value) || 0) } : x)) })}
            />
          </label>
        ))}
      </div>
      {props.problem ? (
        <p className="rl-error" role="alert">
          {props.problem}
        </p>
      ) : null}
      <div className="rl-actions">
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" className="rl-primary" disabled={props.problem !== null || plan.name.trim() === ''} data-relance="plan-save">
          {t('save')}
        </button>
      </div>
    </form>
  );
}
