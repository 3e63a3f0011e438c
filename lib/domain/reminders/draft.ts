import { buildContext, type DraftContext, type Draft, type DraftInput } from './context';
import { mapText, renderText, type Composition } from './document';
import { frenchTypography, type DraftLanguage } from './format';
import { renderHtml } from './html';
import type { LanguagePack, Medium } from './templates/common';
import { de } from './templates/de';
import { en } from './templates/en';
import { fr } from './templates/fr';

export type { Draft, DraftInput, DraftInvoice, DraftHistoryItem } from './context';
export { DraftInputError, defaultDeadlineDays } from './context';

export const LANGUAGE_PACKS: Record<DraftLanguage, LanguagePack> = { fr, en, de };

/** The composition of one stage in the context's language, with French typography applied. */
export function composeFor(ctx: DraftContext, medium: Medium): Composition {
  const c = LANGUAGE_PACKS[ctx.lang].compose(ctx, medium);
  return ctx.lang === 'fr' ? mapText(c, frenchTypography) : c;
}

/**
 * Drafts the email for one step of the escalation ladder, covering every invoice given (one reminder per client,
 * not one per invoice). Throws DraftInputError on input it cannot write from (bad date, no invoice…).
 */
export function draftReminder(input: DraftInput): Draft {
  const ctx = buildContext(input);
  const c = composeFor(ctx, 'email');
  const notice = LANGUAGE_PACKS[ctx.lang].notice(ctx);
  return {
    stage: ctx.stage,
    language: ctx.lang,
    subject: c.subject,
    text: renderText(c),
    html: renderHtml(c, ctx.payment.link ? [ctx.payment.link] : []),
    ...(notice ? { notice } : {}),
  };
}
