import { z } from 'zod';
import { JurisdictionSchema, LangSchema } from './types';

export const NotificationSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  weekends: z.boolean().default(false),
  /** 'daily': at most one notification a day, combining everything; 'immediate': one per check with news. */
  digest: z.enum(['daily', 'immediate']).default('daily'),
});

/** Everything the options page edits. Every field has a default so a fresh install works as is. */
export const SettingsSchema = z.object({
  identity: z
    .object({
      name: z.string().max(200).default(''),
      company: z.string().max(200).default(''),
      signature: z.string().max(2000).default(''),
    })
    .default({ name: '', company: '', signature: '' }),
  payment: z
    .object({
      iban: z.string().max(64).default(''),
      bic: z.string().max(16).default(''),
      paymentLink: z.string().max(500).default(''),
      instructions: z.string().max(1000).default(''),
    })
    .default({ iban: '', bic: '', paymentLink: '', instructions: '' }),
  defaultLanguage: LangSchema.default('fr'),
  defaultJurisdiction: JurisdictionSchema.default('FR'),
  defaultCurrency: z.string().regex(/^[A-Z]{3}$/).default('EUR'),
  /** Track confident detections without asking (issue 4). */
  autoTrack: z.boolean().default(false),
  /** Browser notifications (issue 6): opt-out; one daily digest; none on weekends unless asked. */
  notifications: NotificationSettingsSchema.default({ enabled: true, weekends: false, digest: 'daily' }),
});
export type Settings = z.infer<typeof SettingsSchema>;
/** A partial update from the options page: only what is sent changes (no defaults filled in here). */
export const SettingsPatchSchema = z
  .object({
    identity: z
      .object({ name: z.string().max(200), company: z.string().max(200), signature: z.string().max(2000) })
      .partial()
      .strict(),
    payment: z
      .object({
        iban: z.string().max(64),
        bic: z.string().max(16),
        paymentLink: z.string().max(500),
        instructions: z.string().max(1000),
      })
      .partial()
      .strict(),
    defaultLanguage: LangSchema,
    defaultJurisdiction: JurisdictionSchema,
    defaultCurrency: z.string().regex(/^[A-Z]{3}$/),
    autoTrack: z.boolean(),
    notifications: z.object({ enabled: z.boolean(), weekends: z.boolean(), digest: z.enum(['daily', 'immediate']) }).partial().strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return SettingsSchema.parse({
    ...current,
    ...patch,
    identity: { ...current.identity, ...patch.identity },
    payment: { ...current.payment, ...patch.payment },
    notifications: { ...current.notifications, ...patch.notifications },
  });
}

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
