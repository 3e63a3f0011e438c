import { z } from 'zod';
import { JurisdictionSchema, LangSchema } from './types';

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
  });
}

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}
