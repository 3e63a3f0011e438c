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

type DatedEvent = FollowupEvent & { date: IsoDate };

/**
 * Partial payments recorded up to `date`, by invoice id, oldest first: 'payment-recorded' events naming the invoice,
 * with payload.amountMinor. Read in one pass over the history, not once per invoice (a big account has hundreds).
 */
function recordedPayments(history: readonly DatedEvent[], date: IsoDate): Map<string, LateFeesPayment[]> {
  const byInvoice = new Map<string, LateFeesPayment[]>();
  for (const ev of history) {
    if (ev.type !== 'payment-recorded' || ev.date > date) continue;
    const amount = ev.payload?.['amountMinor'];
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) continue;
    // An id listed twice is still one payment for that invoice.
    for (const id of new Set(eventInvoiceIds(ev) ?? [])) {
      const list = byInvoice.get(id);
      if (list) list.push({ date: ev.date, amountMinor: amount });
      else byInvoice.set(id, [{ date: ev.date, amountMinor: amount }]);
    }
  }
  return byInvoice;
}

/**
 * The payments for the fee computation: those recorded for the invoice; a recorded total (paidMinor) the events do
 * not explain is taken as paid by the due date, the assumption that never overstates the interest.
 */
function paymentsOf(inv: FollowupInvoice, recorded: ReadonlyMap<string, readonly LateFeesPayment[]>): LateFeesPayment[] {
  const out = [...(recorded.get(inv.id) ?? [])];
  const explained = out.reduce((a, p) => a + p.amountMinor, 0);
  const rest = (inv.paidMinor ?? 0) - explained;
  if (rest > 0) out.unshift({ date: inv.dueDate, amountMinor: rest });
  return out;
}

function feesOf(inv: FollowupInvoice, ctx: DraftContext, recorded: ReadonlyMap<string, readonly LateFeesPayment[]>): { interestMinor: number; fixedCompensationMinor: number } {
  if (inv.dueDate >= ctx.date) return { interestMinor: 0, fixedCompensationMinor: 0 };
  try {
    const payments = paymentsOf(inv, recorded);
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
  // The history is sorted once here and shared by the recalled contacts and every covered invoice's payments.
  const events = chronological(ctx.events);
  const coveredIds = new Set(ctx.invoices.map((inv) => inv.id));
  const covers = (ev: DatedEvent): boolean => {
    const ids = eventInvoiceIds(ev);
    return ids ? ids.some((id) => coveredIds.has(id)) : ctx.invoices.some((inv) => eventCovers(ev, inv));
  };
  const history = events
    .filter((ev) => ev.date <= ctx.date && covers(ev))
    .flatMap((ev) => {
      const kind = contactKind(ev);
      if (!kind) return [];
      const stage = payloadStage(ev);
      return [{ kind, date: ev.date, ...(stage ? { stage } : {}) }];
    });
  const recorded = recordedPayments(events, ctx.date);
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
      ...feesOf(inv, ctx, recorded),
    })),
    identity: ctx.identity,
    payment: ctx.payment,
    history,
    deadline: null,
  };
}
