import { computeLateFees, type LateFeesPayment } from '../law/fees';
import type { DraftInput } from '../reminders/context';
import type { Stage } from '../reminders/stage';
import type { IsoDate, Jurisdiction } from '../types';
import { chronological, contactKind, eventCovers, eventInvoiceIds, payloadStage, outstandingOf, type FollowupEvent, type FollowupInvoice } from './history';
import type { Formality } from './plans';

/** What the drafter needs besides the step: who writes, how to pay, in which law. */
export interface DraftContext {
  stage: Stage;
  formality: Formality;
  language: string;
  jurisdiction: Jurisdiction;
  /** The day the draft is written for. */
  date: IsoDate;
  client: { name: string; email: string; b2b: boolean };
  identity: { name: string; company: string; signature: string };
  payment: { iban: string; bic: string; paymentLink: string; instructions: string };
  contractRatePercent?: number;
  invoices: readonly FollowupInvoice[];
  events: readonly FollowupEvent[];
}

/**
 * Partial payments for the fee computation: 'payment-recorded' events naming the invoice, with
 * payload.amountMinor. A recorded total (paidMinor) the events do not explain is taken as paid by the due date,
 * the assumption that never overstates the interest.
 */
function paymentsOf(inv: FollowupInvoice, events: readonly FollowupEvent[], date: IsoDate): LateFeesPayment[] {
  const out: LateFeesPayment[] = [];
  for (const ev of chronological(events)) {
    if (ev.type !== 'payment-recorded' || ev.date > date || !eventInvoiceIds(ev)?.includes(inv.id)) continue;
    const amount = ev.payload?.['amountMinor'];
    if (typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0) out.push({ date: ev.date, amountMinor: amount });
  }
  const explained = out.reduce((a, p) => a + p.amountMinor, 0);
  const rest = (inv.paidMinor ?? 0) - explained;
  if (rest > 0) out.unshift({ date: inv.dueDate, amountMinor: rest });
  return out;
}

function feesOf(inv: FollowupInvoice, ctx: DraftContext): { interestMinor: number; fixedCompensationMinor: number } {
  if (inv.dueDate >= ctx.date) return { interestMinor: 0, fixedCompensationMinor: 0 };
  try {
    const payments = paymentsOf(inv, ctx.events, ctx.date);
    const fees = computeLateFees({
      jurisdiction: ctx.jurisdiction,
      principalMinor: inv.amountDueMinor ?? inv.amountMinor,
      currency: inv.currency,
      dueDate: inv.dueDate,
      today: ctx.date,
      ...(ctx.client.b2b ? {} : { consumer: true }),
      ...(ctx.contractRatePercent !== undefined ? { contractRatePercent: ctx.contractRatePercent } : {}),
      ...(payments.length > 0 ? { payments } : {}),
    });
    return { interestMinor: fees.interestMinor, fixedCompensationMinor: fees.fixedCompensationMinor };
  } catch {
    // A figure we cannot compute is left out rather than guessed; the draft then mentions no fees.
    return { interestMinor: 0, fixedCompensationMinor: 0 };
  }
}

/**
 * The drafter's input for one step: the covered invoices with their fees on `date`, and every earlier reminder,
 * call and letter about them (the formal notice must recall each with its date). The deadline is left to the
 * drafter's per-jurisdiction default (null).
 */
export function buildDraftInput(ctx: DraftContext): DraftInput {
  const history = chronological(ctx.events)
    .filter((ev) => ev.date <= ctx.date && ctx.invoices.some((inv) => eventCovers(ev, inv)))
    .flatMap((ev) => {
      const kind = contactKind(ev);
      if (!kind) return [];
      const stage = payloadStage(ev);
      return [{ kind, date: ev.date, ...(stage ? { stage } : {}) }];
    });
  return {
    stage: ctx.stage,
    language: ctx.language,
    formality: ctx.formality,
    today: ctx.date,
    jurisdiction: ctx.jurisdiction,
    client: ctx.client,
    invoices: ctx.invoices.map((inv) => ({
      number: inv.number,
      issueDate: inv.issueDate,
      dueDate: inv.dueDate,
      amountMinor: inv.amountDueMinor ?? inv.amountMinor,
      outstandingMinor: outstandingOf(inv),
      currency: inv.currency,
      ...feesOf(inv, ctx),
    })),
    identity: ctx.identity,
    payment: ctx.payment,
    history,
    deadline: null,
  };
}
