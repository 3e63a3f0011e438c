import { nextStep, type NextStep } from '../domain/ladder';
import { scoreClient } from '../domain/risk';
import { runFollowup } from './risk';

/**
 * `npm run --silent cli -- next FILE.json [--today YYYY-MM-DD]`: the client's next follow-up step as one JSON
 * line: stage, dueOn, channel, invoices, draft {language, subject, text, html} | null, then reason, pausedUntil,
 * callTask, alsoEmail, skipped, plan and the risk band that may have picked the plan. FILE format:
 * lib/domain/followup-input.ts. Bad arguments or FILE: message on stderr, exit 2.
 */

export function nextToJson(step: NextStep, band: string): Record<string, unknown> {
  return {
    stage: step.stage,
    dueOn: step.dueOn,
    channel: step.channel,
    invoices: step.invoices,
    draft: step.draft ? { language: step.draft.language, subject: step.draft.subject, text: step.draft.text, html: step.draft.html, ...(step.draft.notice ? { notice: step.draft.notice } : {}) } : null,
    reason: step.reason,
    pausedUntil: step.pausedUntil ?? null,
    callTask: step.callTask,
    alsoEmail: step.alsoEmail,
    skipped: step.skipped,
    plan: step.plan,
    riskBand: band,
    ...(step.draftError ? { draftError: step.draftError } : {}),
  };
}

export async function run(args: string[]): Promise<number> {
  return runFollowup('next', args, (m, today) => {
    const risk = scoreClient({ invoices: m.invoices, events: m.events, flags: m.flags, today });
    return nextToJson(nextStep({ invoices: m.invoices, events: m.events, client: m.client, settings: m.settings, today, risk }), risk.band);
  });
}
