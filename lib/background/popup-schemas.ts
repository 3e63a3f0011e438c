import { z } from 'zod';
import { ClientSchema, InvoiceSchema } from '../domain/invoice';
import { STAGES } from '../domain/reminders/stage';
import { planProblem, type LadderPlan } from '../domain/ladder/plans';
import { IsoDateSchema, JurisdictionSchema, LangSchema } from '../domain/types';

/**
 * Message schemas of the popup and options commands (popup.page, popup.list, client.update, plans.get, plans.update). Kept
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

const PopupPauseSchema = z.object({ invoiceId: z.string(), kind: z.string().max(40), until: IsoDateSchema.nullable() });

export const PopupListSchema = z.object({
  today: IsoDateSchema,
  clients: z.array(PopupClientSchema),
  /** Confirmed invoices (paid and cancelled included: the UI chooses what to show). */
  invoices: z.array(InvoiceSchema),
  /** Invoices under an active pause of their own (manual, snooze, promise, dispute…). */
  invoicePauses: z.array(PopupPauseSchema),
});
export type PopupList = z.output<typeof PopupListSchema>;

/**
 * Where a popup page ended in the [status+dueDate] index of open invoices: the next page starts after this entry
 * (index order is due date, then id). Plain values, so a page needs no state kept in the worker between calls.
 */
export const PopupCursorSchema = z.object({ dueDate: IsoDateSchema, id: z.string().min(1).max(200) });
export type PopupCursor = z.output<typeof PopupCursorSchema>;

/** Most client groups one popup page may ask for (a refresh asks again for every group already shown). */
export const MAX_POPUP_PAGE_GROUPS = 500;

export const PopupPageRequestSchema = z.object({
  /** null: from the start (first page, or a refresh after an action). */
  after: PopupCursorSchema.nullable().default(null),
  groups: z.number().int().min(1).max(MAX_POPUP_PAGE_GROUPS).default(20),
});

/** One client in one section: the client's confirmed open invoices of that section, oldest due first. */
export const PopupGroupSchema = z.object({
  section: z.enum(['overdue', 'upcoming']),
  client: PopupClientSchema,
  invoices: z.array(InvoiceSchema),
  pauses: z.array(PopupPauseSchema),
});
export type PopupGroup = z.output<typeof PopupGroupSchema>;

/**
 * How many confirmed open invoices are overdue and upcoming in the whole database, counted on the
 * [status+dueDate] index (keys only). The overdue totals per currency are status.get's, asked for after the first
 * page is on screen: they read every overdue row.
 */
export const PopupCountsSchema = z.object({ overdue: z.number().int().nonnegative(), upcoming: z.number().int().nonnegative() });
export type PopupCounts = z.output<typeof PopupCountsSchema>;

export const PopupPageSchema = z.object({
  today: IsoDateSchema,
  groups: z.array(PopupGroupSchema),
  /** Where the next page starts; null when this page reached the end. */
  next: PopupCursorSchema.nullable(),
  /** Given with the first page only (after: null): "Show more" pages leave it out. */
  counts: PopupCountsSchema.nullable(),
});
export type PopupPage = z.output<typeof PopupPageSchema>;

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
