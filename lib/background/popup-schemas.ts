import { z } from 'zod';
import { ClientSchema, InvoiceSchema } from '../domain/invoice';
import { STAGES } from '../domain/reminders/stage';
import { planProblem, type LadderPlan } from '../domain/ladder/plans';
import { IsoDateSchema, JurisdictionSchema, LangSchema } from '../domain/types';

/**
 * Message schemas of the popup and options commands (popup.list, client.update, plans.get, plans.update). Kept
 * apart from popup-handlers.ts so that protocol.ts (bundled into the content scripts) pulls in only zod schemas.
 */

const LadderStepSchema = z.object({
  stage: z.enum(STAGES),
  offsetDays: z.number().int().min(-60).max(365),
  channel: z.enum(['email', 'call', 'letter']),
  callTask: z.boolean().optional(),
  alsoEmail: z.boolean().optional(),
});

export const LadderPlanSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, 'a plan id is lower-case letters, digits and dashes'),
    name: z.string().trim().min(1).max(80),
    formality: z.enum(['formal', 'informal']),
    steps: z.array(LadderStepSchema).min(1).max(6),
  })
  .superRefine((p, ctx) => {
    const problem = planProblem(p as LadderPlan);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['steps'] });
  });

/** The user's plans (custom copies), the default plan, and the plan chosen per client (by client key). */
export const PlanSettingsSchema = z.object({
  defaultPlanId: z.string().max(64).nullable().default(null),
  plans: z.array(LadderPlanSchema).max(20).default([]),
  clientPlans: z.record(z.string().max(320), z.string().max(64)).default({}),
});
export type PlanSettings = z.output<typeof PlanSettingsSchema>;

/** One client's next step as the popup shows it (the draft itself stays in the sidebar). */
export const PopupNextSchema = z.object({
  stage: z.string().max(40),
  dueOn: IsoDateSchema.nullable(),
  channel: z.string().max(20).nullable(),
  invoices: z.array(z.string()),
  pausedUntil: IsoDateSchema.nullable().optional(),
});
export type PopupNext = z.output<typeof PopupNextSchema>;

export const PopupClientSchema = ClientSchema.pick({ key: true, email: true, name: true, b2b: true, jurisdiction: true, language: true, paused: true }).extend({
  planId: z.string().nullable(),
  /** Null when the client owes nothing. */
  next: PopupNextSchema.nullable(),
});
export type PopupClient = z.output<typeof PopupClientSchema>;

export const PopupListSchema = z.object({
  today: IsoDateSchema,
  clients: z.array(PopupClientSchema),
  /** Confirmed invoices (paid and cancelled included: the UI chooses what to show). */
  invoices: z.array(InvoiceSchema),
  /** Invoices under an active pause of their own (manual, snooze, promise, dispute…). */
  invoicePauses: z.array(z.object({ invoiceId: z.string(), kind: z.string().max(40), until: IsoDateSchema.nullable() })),
});
export type PopupList = z.output<typeof PopupListSchema>;

export const ClientPatchSchema = z
  .object({
    jurisdiction: JurisdictionSchema.nullable(),
    b2b: z.boolean(),
    language: LangSchema.nullable(),
    /** A plan id (default or custom); null = the default plan. */
    planId: z.string().max(64).nullable(),
  })
  .partial()
  .strict();
