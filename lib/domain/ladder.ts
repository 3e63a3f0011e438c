import { addDaysIso, diffDaysIso } from './dates';
import { nextBusinessDay } from './holidays';
import { buildDraftInput } from './ladder/draft-input';
import { asOf, chronological, contactKind, eventCovers, outstandingOf, payloadStage, type FollowupEvent, type FollowupInvoice } from './ladder/history';
import { describePause, readPauses, resumeFloorFor, type Pause } from './ladder/pauses';
import { choosePlan, type Channel, type Formality, type LadderPlan, type LadderStep } from './ladder/plans';
import type { Draft, DraftInput } from './reminders/context';
import { draftReminder } from './reminders/draft';
import { stageRank, type Stage } from './reminders/stage';
import type { RiskProfile } from './risk';
import type { IsoDate, Jurisdiction } from './types';

export { choosePlan, DEFAULT_PLANS, DEFAULT_PLAN_ID, planProblem } from './ladder/plans';
export type { Channel, Formality, LadderPlan, LadderStep, PlanChoice } from './ladder/plans';

/**
 * The next follow-up step for one client. Rules (each has a unit test in test/unit/ladder.test.ts):
 *
 * 0. Everything is read as it stood on `today` (ladder/history.ts asOf): later events and payments do not count.
 * 1. Nothing open (every invoice paid or cancelled): 'none'.
 * 2. Dunning stops (ladder/pauses.ts): client.paused, a client-wide pause, dispute or promise: 'paused'. Paused
 *    invoices are left out; when all open invoices are paused: 'paused', pausedUntil = the first pause to end.
 * 3. One reminder per client: the ladder runs on the "anchor", the open invoice due first; every open invoice
 *    overdue on the reminder's date, or due within the plan's pre-due window after it, goes into the same reminder.
 * 4. Never twice the same step: reminders sent ('reminder-sent' with payload.stage) that concern the anchor mark
 *    their step done; the ladder only moves forward, after the most advanced step sent. A drafted reminder
 *    ('reminder-drafted') is not sent: its step is still the next one.
 * 5. Dates: a step falls due at anchor due date + offset, no sooner after the previous step than the plan's own
 *    spacing between the two, no sooner than the day a pause ended (the later steps keep their spacing from that
 *    day, so a broken promise leads to the next step, not the last), and is moved to the next business day of the
 *    jurisdiction (weekends and public holidays).
 * 6. Catch-up after downtime: when several steps have fallen due, the most advanced one is proposed (the skipped
 *    ones are listed), not the whole ladder replayed; a pre_due step is never proposed once the anchor is overdue.
 * 7. Proof before pressure: the second reminder is only proposed once the first was sent (it refers to it); the
 *    formal notice only once a written reminder (first or second, by email or letter) was sent, because it must
 *    recall the earlier attempts; stop_work and handover only once the
 *    formal notice was sent. A step held back this way gives way to the most advanced step allowed. (Plans that
 *    lack those earlier steps are not held back.)
 * 8. Every step of the plan sent: 'none'.
 */

export type NextStage = Stage | 'none' | 'paused';

export interface NextStepClient {
  key: string;
  email: string;
  name: string;
  b2b: boolean;
  paused?: boolean;
  language?: string | null;
  jurisdiction?: Jurisdiction | null;
  planId?: string | null;
  formality?: Formality | null;
}

export interface NextStepSettings {
  plans?: readonly LadderPlan[];
  defaultPlanId?: string | null;
  formality?: Formality | null;
  jurisdiction: Jurisdiction;
  language: string;
  identity: { name: string; company: string; signature: string };
  payment: { iban: string; bic: string; paymentLink: string; instructions: string };
  contractRatePercent?: number;
}

export interface NextStepInput {
  invoices: readonly FollowupInvoice[];
  events: readonly FollowupEvent[];
  client: NextStepClient;
  settings: NextStepSettings;
  today: IsoDate;
  risk?: RiskProfile;
  /** Writes the reminder; default draftReminder (lib/domain/reminders/draft.ts); null = no draft. */
  drafter?: ((input: DraftInput) => Draft) | null;
}

export interface NextStep {
  stage: NextStage;
  /** Day the step falls due (a business day), possibly in the past when it is overdue; null for none/paused. */
  dueOn: IsoDate | null;
  channel: Channel | null;
  callTask: boolean;
  alsoEmail: boolean;
  /** Numbers of the invoices the reminder covers. */
  invoices: string[];
  reason: string;
  pausedUntil?: IsoDate | null;
  /** Steps that fell due but are passed over by the catch-up (rule 6). */
  skipped: Stage[];
  plan: { id: string; name: string; reason: string };
  draft: Draft | null;
  draftError?: string;
}

const later = (a: IsoDate, b: IsoDate | null): IsoDate => (b && b > a ? b : a);
const byDue = (a: FollowupInvoice, b: FollowupInvoice): number =>
  a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0;

interface Candidate {
  step: LadderStep;
  index: number;
  date: IsoDate;
  heldBack: string | null;
}

function pausedStep(base: Omit<NextStep, 'stage' | 'reason'>, reason: string, until: IsoDate | null): NextStep {
  return { ...base, stage: 'paused', reason, pausedUntil: until };
}

export function nextStep(raw: NextStepInput): NextStep {
  const input: NextStepInput = { ...raw, ...asOf(raw.invoices, raw.events, raw.today) };
  const { client, settings, today } = input;
  const jurisdiction = client.jurisdiction ?? settings.jurisdiction;
  const choice = choosePlan({
    ...(settings.plans ? { plans: settings.plans } : {}),
    clientPlanId: client.planId ?? null,
    defaultPlanId: settings.defaultPlanId ?? null,
    formality: client.formality ?? settings.formality ?? null,
    riskBand: input.risk?.band ?? null,
  });
  const plan = choice.plan;
  const base: Omit<NextStep, 'stage' | 'reason'> = {
    dueOn: null,
    channel: null,
    callTask: false,
    alsoEmail: false,
    invoices: [],
    skipped: [],
    plan: { id: plan.id, name: plan.name, reason: choice.reason },
    draft: null,
  };

  const open = input.invoices.filter((i) => outstandingOf(i) > 0).sort(byDue);
  if (open.length === 0) {
    return { ...base, stage: 'none', reason: input.invoices.length === 0 ? 'no invoices for this client' : 'nothing to chase: every invoice is paid' };
  }
  if (client.paused) return pausedStep(base, 'reminders stopped for this client', null);
  const pauses = readPauses(input.events, today);
  if (pauses.client) return pausedStep(base, describePause(pauses.client), pauses.client.until);
  const active = open.filter((i) => !pauses.invoices.has(i.id));
  if (active.length === 0) {
    const held = open.map((i) => [i, pauses.invoices.get(i.id)] as const).filter((x): x is readonly [FollowupInvoice, Pause] => x[1] !== undefined);
    const ends = held.map(([, p]) => p.until).filter((u): u is IsoDate => u !== null).sort();
    return pausedStep(base, held.map(([i, p]) => `${i.number}: ${describePause(p)}`).join('; '), ends[0] ?? null);
  }

  const anchor = active[0]!;
  const sent = chronological(input.events).filter((e) => e.type === 'reminder-sent' && e.date <= today && payloadStage(e) !== null && eventCovers(e, anchor));
  const stepIndexOf = (stage: Stage): number => {
    // A stage the plan lacks counts as the plan's last step at or below it.
    let idx = -1;
    plan.steps.forEach((s, i) => {
      if (stageRank(s.stage) <= stageRank(stage)) idx = i;
    });
    return idx;
  };
  let lastIdx = -1;
  let lastDate: IsoDate | null = null;
  for (const e of sent) {
    const idx = stepIndexOf(payloadStage(e)!);
    if (idx >= lastIdx) {
      lastIdx = idx;
      lastDate = e.date;
    }
  }
  const sentStages = new Set(sent.map((e) => payloadStage(e)));
  const writtenSent = sent.some((e) => contactKind(e) !== 'call' && (payloadStage(e) === 'first' || payloadStage(e) === 'second'));
  const planHasWritten = plan.steps.some((s) => s.stage === 'first' || s.stage === 'second');
  const firstSent = sent.some((e) => contactKind(e) !== 'call' && payloadStage(e) === 'first');
  const planHasFirst = plan.steps.some((s) => s.stage === 'first');
  const planHasNotice = plan.steps.some((s) => s.stage === 'formal_notice');
  const noticeRank = stageRank('formal_notice');
  const floor = resumeFloorFor(pauses, anchor.id);

  if (lastIdx >= plan.steps.length - 1) {
    const last = plan.steps[plan.steps.length - 1]!;
    return { ...base, stage: 'none', reason: `every step of the plan has been sent (last: ${last.stage} on ${lastDate})`, invoices: active.map((i) => i.number) };
  }

  // After a pause the ladder restarts where it stood: the next step falls on the resume floor and the later
  // ones keep their spacing from it, so a kept-late promise leads to the next step, not straight to the last one.
  const remaining = plan.steps.map((step, index) => ({ step, index })).filter((x) => x.index > lastIdx && !(x.step.stage === 'pre_due' && today > anchor.dueDate));
  const refOffset = remaining[0]?.step.offsetDays ?? 0;
  const candidates: Candidate[] = [];
  for (const { step, index } of remaining) {
    let earliest = addDaysIso(anchor.dueDate, step.offsetDays);
    if (lastIdx >= 0 && lastDate) earliest = later(earliest, addDaysIso(lastDate, step.offsetDays - plan.steps[lastIdx]!.offsetDays));
    if (floor) earliest = later(earliest, addDaysIso(floor, step.offsetDays - refOffset));
    const date = nextBusinessDay(earliest, jurisdiction);
    if (step.stage === 'pre_due' && date > anchor.dueDate) continue;
    let heldBack: string | null = null;
    const rank = stageRank(step.stage);
    if (step.stage === 'second' && planHasFirst && !firstSent) heldBack = 'the first reminder has not been sent yet';
    else if (rank >= noticeRank && planHasWritten && !writtenSent) heldBack = 'no written reminder has been sent yet';
    else if (rank > noticeRank && planHasNotice && !sentStages.has('formal_notice')) heldBack = 'the formal notice has not been sent yet';
    candidates.push({ step, index, date, heldBack });
  }
  const allowed = candidates.filter((c) => c.heldBack === null);
  const due = allowed.filter((c) => c.date <= today);
  // Rule 7 fallback: with every remaining step held back, go on with the least advanced one rather than stall
  // (never with the most advanced: that would skip the very proof the rule asks for).
  const chosen = due.length > 0 ? due[due.length - 1]! : (allowed[0] ?? candidates[0]);
  if (!chosen) return { ...base, stage: 'none', reason: 'no step of the plan applies any more' };

  const skipped = candidates.filter((c) => c.index < chosen.index && c.date <= today).map((c) => c.step.stage);
  const heldBack = candidates.filter((c) => c.index > chosen.index && c.date <= today && c.heldBack).map((c) => `${c.step.stage} held back: ${c.heldBack}`);
  const window = Math.max(0, -(plan.steps.find((s) => s.stage === 'pre_due')?.offsetDays ?? 0));
  const ref = later(chosen.date, today);
  const covered = active.filter((i) => i === anchor || i.dueDate <= addDaysIso(ref, window));
  const late = diffDaysIso(anchor.dueDate, ref);
  const parts = [
    `${chosen.step.stage} (${plan.id}, due date ${chosen.step.offsetDays >= 0 ? '+' : ''}${chosen.step.offsetDays} days)`,
    late > 0 ? `${anchor.number} is ${late} days overdue (due ${anchor.dueDate})` : `${anchor.number} falls due on ${anchor.dueDate}`,
  ];
  if (lastIdx >= 0) parts.push(`last sent: ${plan.steps[lastIdx]!.stage} on ${lastDate}`);
  if (skipped.length > 0) parts.push(`catching up: ${skipped.join(', ')} not sent and passed over`);
  parts.push(...heldBack);
  if (floor && floor > addDaysIso(anchor.dueDate, chosen.step.offsetDays)) parts.push(`resumed after a pause: not before ${floor}`);
  const result: NextStep = {
    ...base,
    stage: chosen.step.stage,
    dueOn: chosen.date,
    channel: chosen.step.channel,
    callTask: chosen.step.callTask === true,
    alsoEmail: chosen.step.alsoEmail === true,
    invoices: covered.map((i) => i.number),
    skipped,
    reason: parts.join('; '),
  };
  const drafter = input.drafter === undefined ? draftReminder : input.drafter;
  if (!drafter) return result;
  const draftInput = buildDraftInput({
    stage: chosen.step.stage,
    formality: plan.formality,
    language: client.language ?? settings.language,
    jurisdiction,
    date: later(today, chosen.date),
    client: { name: client.name, email: client.email, b2b: client.b2b },
    identity: settings.identity,
    payment: settings.payment,
    ...(settings.contractRatePercent !== undefined ? { contractRatePercent: settings.contractRatePercent } : {}),
    invoices: covered,
    events: input.events,
  });
  try {
    return { ...result, draft: drafter(draftInput) };
  } catch (err) {
    return { ...result, draftError: err instanceof Error ? err.message : String(err) };
  }
}
