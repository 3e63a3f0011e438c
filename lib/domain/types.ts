import { z } from 'zod';

/** Languages Relance understands. French and English first; the others where it is cheap. */
export const LANGS = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt'] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;

/** A calendar date as `YYYY-MM-DD`. Dates in Relance are civil dates, never instants. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isValidIsoDate, 'not a real calendar date');
export type IsoDate = string;

export function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** ISO 4217 code, upper case. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter ISO currency code');
export type Currency = string;

/** Money is an integer number of minor units (cents) plus its currency: never a float. */
export const MoneySchema = z.object({ minor: z.number().int(), currency: CurrencySchema });
export type Money = z.infer<typeof MoneySchema>;

/** Payment-law regimes Relance knows. */
export const JURISDICTIONS = ['FR', 'EU', 'UK', 'US'] as const;
export const JurisdictionSchema = z.enum(JURISDICTIONS);
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;
