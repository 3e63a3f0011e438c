import { STAGES, stageRank, type Stage } from '../reminders/stage';

/**
 * Escalation plans: which reminders to send, when (days relative to the due date) and how. Drawn from DOMAIN.md
 * §1 (the seed articles' ladder) and §2 (the good payer / bad payer, vous / tu plans of French tools).
 */

export type Channel = 'email' | 'call' | 'letter';
export type Formality = 'formal' | 'informal';

export interface LadderStep {
  stage: Stage;
  /** Days relative to the due date; negative = before it. */
  offsetDays: number;
  channel: Channel;
  /** Also put "call the client" on the task list (the articles alternate written and phone reminders). */
  callTask?: boolean;
  /** A letter step also goes out by email (a scanned copy) so the client reads it the same day. */
  alsoEmail?: boolean;
}

export interface LadderPlan {
  id: string;
  name: string;
  formality: Formality;
  steps: LadderStep[];
}

/** Plan families: the same steps, in a formal ("vous"/"Sie") and an informal ("tu"/"du") variant. */
export type PlanFamily = 'standard' | 'firm';

const STANDARD_STEPS: LadderStep[] = [
  { stage: 'pre_due', offsetDays: -3, channel: 'email' },
  { stage: 'first', offsetDays: 1, channel: 'email' },
  { stage: 'second', offsetDays: 8, channel: 'email', callTask: true },
  { stage: 'formal_notice', offsetDays: 15, channel: 'letter', alsoEmail: true },
  { stage: 'stop_work', offsetDays: 30, channel: 'email' },
  { stage: 'handover', offsetDays: 45, channel: 'letter' },
];

/**
 * Bad payers: the heads-up comes earlier and with a call (the articles' advice: call a few days before), the
 * steps follow each other faster, and the formal notice goes out at ten days rather than fifteen.
 */
const FIRM_STEPS: LadderStep[] = [
  { stage: 'pre_due', offsetDays: -5, channel: 'email', callTask: true },
  { stage: 'first', offsetDays: 1, channel: 'email' },
  { stage: 'second', offsetDays: 5, channel: 'email', callTask: true },
  { stage: 'formal_notice', offsetDays: 10, channel: 'letter', alsoEmail: true },
  { stage: 'stop_work', offsetDays: 20, channel: 'email' },
  { stage: 'handover', offsetDays: 30, channel: 'letter' },
];

function plan(family: PlanFamily, formality: Formality, name: string, steps: LadderStep[]): LadderPlan {
  return { id: `${family}-${formality}`, name, formality, steps: steps.map((s) => ({ ...s })) };
}

export const DEFAULT_PLANS: readonly LadderPlan[] = [
  plan('standard', 'formal', 'Good payer (vous)', STANDARD_STEPS),
  plan('standard', 'informal', 'Good payer (tu)', STANDARD_STEPS),
  plan('firm', 'formal', 'Bad payer (vous)', FIRM_STEPS),
  plan('firm', 'informal', 'Bad payer (tu)', FIRM_STEPS),
];

export const DEFAULT_PLAN_ID = 'standard-formal';

/** Why a plan cannot be used, or null when it is sound. */
export function planProblem(p: LadderPlan): string | null {
  if (!p.id) return 'the plan has no id';
  if (p.steps.length === 0) return `plan "${p.id}" has no steps`;
  for (let i = 1; i < p.steps.length; i++) {
    const prev = p.steps[i - 1]!;
    const cur = p.steps[i]!;
    if (stageRank(cur.stage) <= stageRank(prev.stage)) {
      return `plan "${p.id}": step ${i} (${cur.stage}) must come after ${prev.stage} in the order ${STAGES.join(', ')}`;
    }
    if (cur.offsetDays <= prev.offsetDays) {
      return `plan "${p.id}": step ${i} (${cur.stage}) must fall later than ${prev.stage} (${cur.offsetDays} <= ${prev.offsetDays} days)`;
    }
  }
  const pre = p.steps.find((s) => s.stage === 'pre_due');
  if (pre && pre.offsetDays > 0) return `plan "${p.id}": the pre_due step must not fall after the due date`;
  return null;
}

export interface PlanChoice {
  plan: LadderPlan;
  reason: string;
}

export interface PlanChoiceInput {
  /** User plans first; the defaults fill in ids the user has not redefined. */
  plans?: readonly LadderPlan[];
  /** The client's own setting: a plan id, or a family ("standard", "firm") completed by the formality. */
  clientPlanId?: string | null;
  defaultPlanId?: string | null;
  formality?: Formality | null;
  riskBand?: 'low' | 'medium' | 'high' | 'unrated' | null;
}

function byIdOrFamily(plans: readonly LadderPlan[], id: string, formality: Formality | null): LadderPlan | undefined {
  const exact = plans.find((p) => p.id === id);
  if (exact) return exact;
  const family = plans.filter((p) => p.id.startsWith(`${id}-`));
  return family.find((p) => p.formality === (formality ?? 'formal')) ?? family[0];
}

/**
 * The client's plan: (1) the client's explicit setting; (2) a high-risk band picks the firm plan; (3) the
 * default plan of the settings; (4) the standard plan. A formality given explicitly overrides the chosen
 * plan's when the same family has a variant in that formality.
 */
export function choosePlan(input: PlanChoiceInput): PlanChoice {
  const userPlans = (input.plans ?? []).filter((p) => planProblem(p) === null);
  const plans = [...userPlans, ...DEFAULT_PLANS.filter((d) => !userPlans.some((p) => p.id === d.id))];
  const formality = input.formality ?? null;
  const withFormality = (p: LadderPlan): LadderPlan => {
    if (!formality || p.formality === formality) return p;
    const family = p.id.replace(/-(formal|informal)$/, '');
    return plans.find((q) => q.id === `${family}-${formality}`) ?? p;
  };
  if (input.clientPlanId) {
    const p = byIdOrFamily(plans, input.clientPlanId, formality);
    if (p) return { plan: withFormality(p), reason: `plan set for this client (${input.clientPlanId})` };
  }
  if (input.riskBand === 'high') {
    const p = byIdOrFamily(plans, 'firm', formality ?? byIdOrFamily(plans, input.defaultPlanId ?? '', null)?.formality ?? null);
    if (p) return { plan: p, reason: 'high payment risk: firm plan' };
  }
  if (input.defaultPlanId) {
    const p = byIdOrFamily(plans, input.defaultPlanId, formality);
    if (p) return { plan: withFormality(p), reason: `default plan (${input.defaultPlanId})` };
  }
  const p = byIdOrFamily(plans, DEFAULT_PLAN_ID, formality) ?? DEFAULT_PLANS[0]!;
  return { plan: withFormality(p), reason: 'standard plan' };
}
