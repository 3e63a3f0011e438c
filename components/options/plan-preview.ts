import type { LadderPlan, LadderStep } from '@/lib/domain/ladder/plans';
import { draftReminder, type Draft } from '@/lib/domain/reminders/draft';
import type { Jurisdiction } from '@/lib/domain/types';

/**
 * Sample drafts for the plans editor: each step of a plan written for a made-up client and invoice, dated as the
 * step would fall. Loaded on demand (dynamic import) so the options page does not carry the templates until asked.
 */

export interface PreviewContext {
  today: string;
  language: string;
  jurisdiction: Jurisdiction;
  identity: { name: string; company: string; signature: string };
  payment: { iban: string; bic: string; paymentLink: string; instructions: string };
}

function addDays(iso: string, days: number): string {
  const d = new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)) + days));
  return d.toISOString().slice(0, 10);
}

/** The draft of one step, or the reason it cannot be written (shown instead of the text). */
export function previewStep(plan: LadderPlan, step: LadderStep, ctx: PreviewContext): { ok: true; draft: Draft } | { ok: false; error: string } {
  // The sample invoice falls due so that the step's day is today: the draft reads as it would be sent.
  const dueDate = addDays(ctx.today, -step.offsetDays);
  const steps = plan.steps.filter((s) => s.offsetDays < step.offsetDays);
  try {
    const draft = draftReminder({
      stage: step.stage,
      language: ctx.language,
      formality: plan.formality,
      today: ctx.today,
      jurisdiction: ctx.jurisdiction,
      client: { name: 'Atelier Exemple', email: 'compta@atelier.example', b2b: true },
      invoices: [
        { number: 'F-2026-042', issueDate: addDays(dueDate, -30), dueDate, amountMinor: 150_000, outstandingMinor: 150_000, currency: 'EUR', interestMinor: 0, fixedCompensationMinor: 0 },
      ],
      identity: {
        name: ctx.identity.name || 'Ana Martin',
        company: ctx.identity.company,
        signature: ctx.identity.signature || ctx.identity.name || 'Ana Martin',
      },
      payment: ctx.payment,
      history: steps
        .filter((s) => s.stage !== 'pre_due')
        .map((s) => ({ kind: s.channel === 'letter' ? ('letter' as const) : ('reminder' as const), stage: s.stage, date: addDays(dueDate, s.offsetDays) })),
      deadline: null,
    });
    return { ok: true, draft };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : 'could not write this draft' };
  }
}
