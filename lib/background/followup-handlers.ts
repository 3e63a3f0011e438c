import { readPlanSettings } from './popup-handlers';
import type { PlanSettings } from './popup-schemas';
import type { RelanceStore } from '../db/store';
import { StoreError } from '../db/store';
import { clientRows } from '../db/client-rows';
import { DataMemo } from '../db/memo';
import { clientKeyFor, type Client, type Invoice, type InvoiceEvent } from '../domain/invoice';
import { localIsoDate } from '../domain/clock';
import { nextStep, type NextStepClient, type NextStepSettings } from '../domain/ladder';
import { buildDraftInput } from '../domain/ladder/draft-input';
import { asOf, chronological, eventInvoiceIds, outstandingOf, payloadStage, replyIntent } from '../domain/ladder/history';
import { computeLateFees } from '../domain/law/fees';
import { buildDossier, type DossierEvent, type DossierFees } from '../domain/reminders/dossier';
import { buildFormalNoticeLetter } from '../domain/reminders/letter';
import { scoreClient, type ClientFlags } from '../domain/risk';
import type { Settings } from '../domain/settings';
import type { IsoDate } from '../domain/types';
import type { Handlers } from '../messaging/router';

/**
 * The follow-up brain, served to the sidebar and the letter page: risk, next step with its draft, the printable
 * formal notice and the dossier, all computed from the store with today's date. Pure lib/domain functions do the
 * thinking; this file only gathers one client's data and maps it to their inputs.
 */

type FollowupCommands = 'client.followup' | 'client.flags' | 'letter.get' | 'dossier.export';

interface ClientData {
  key: string;
  client: Client | null;
  /** Confirmed invoices that are not cancelled: detections waiting for review are not chased. */
  invoices: Invoice[];
  events: InvoiceEvent[];
  settings: Settings;
  flags: ClientFlags;
  /** The user's ladder plans, default plan and per-client plan (options page), so the sidebar follows them too. */
  plans: PlanSettings;
}

async function loadClient(store: RelanceStore, clientEmail: string): Promise<ClientData> {
  const key = clientKeyFor(clientEmail);
  const [{ client, invoices, events }, settings, plans] = await Promise.all([clientRows(store.db, key), store.getSettings(), readPlanSettings(store)]);
  return {
    key,
    client: client ?? null,
    invoices: invoices.filter((i) => i.review === 'confirmed' && i.status !== 'cancelled'),
    events,
    settings,
    flags: client?.flags ?? {},
    plans,
  };
}

function languageOf(d: ClientData): string {
  return d.client?.language ?? d.invoices.find((i) => i.language)?.language ?? d.settings.defaultLanguage;
}

function nextStepClient(d: ClientData, clientEmail: string): NextStepClient {
  const first = d.invoices[0];
  return {
    key: d.key,
    email: d.client?.email ?? clientKeyFor(clientEmail),
    name: d.client?.name || first?.clientName || '',
    b2b: d.client?.b2b ?? true,
    paused: d.client?.paused ?? false,
    language: languageOf(d),
    jurisdiction: d.client?.jurisdiction ?? null,
    planId: d.plans.clientPlans[d.key] ?? null,
  };
}

function nextStepSettings(d: ClientData): NextStepSettings {
  return {
    plans: d.plans.plans,
    defaultPlanId: d.plans.defaultPlanId,
    jurisdiction: d.settings.defaultJurisdiction,
    language: languageOf(d),
    identity: d.settings.identity,
    payment: d.settings.payment,
  };
}

/** The only events the risk score reads (lib/domain/risk.ts): reply intents and reminders sent. */
const RISK_EVENT_TYPES: ReadonlySet<InvoiceEvent['type']> = new Set(['reply-received', 'reminder-sent']);
/**
 * The only events the next step reads (lib/domain/ladder.ts): pauses and resumes, replies (promises, disputes), the
 * reminders sent and calls noted (its history), payments recorded (the fees of its draft).
 */
const LADDER_EVENT_TYPES: ReadonlySet<InvoiceEvent['type']> = new Set(['paused', 'resumed', 'reply-received', 'reminder-sent', 'note', 'payment-recorded']);

/**
 * The events each computation needs, out of the client's whole history: a big account has thousands, and the ladder
 * walks the history once per invoice its draft covers. The next step only concerns invoices still owed on `today`
 * (as ladder/history.ts asOf sees them), so events naming only settled invoices cannot change it; client-wide events
 * are kept. Filtering keeps the order, so both answers are the ones the whole history gives.
 */
export function followupEvents(d: Pick<ClientData, 'invoices' | 'events'>, today: IsoDate): { risk: InvoiceEvent[]; ladder: InvoiceEvent[] } {
  const owed = new Set(asOf(d.invoices, [], today).invoices.filter((i) => outstandingOf(i) > 0).map((i) => i.id));
  const risk: InvoiceEvent[] = [];
  const ladder: InvoiceEvent[] = [];
  for (const ev of d.events) {
    if (RISK_EVENT_TYPES.has(ev.type)) risk.push(ev);
    if (!LADDER_EVENT_TYPES.has(ev.type)) continue;
    const ids = eventInvoiceIds(ev);
    if (ids === null || ids.some((id) => owed.has(id))) ladder.push(ev);
  }
  return { risk, ladder };
}

function computeFollowup(d: ClientData, clientEmail: string, today: IsoDate) {
  const events = followupEvents(d, today);
  const risk = scoreClient({ invoices: d.invoices, events: events.risk, flags: d.flags, today });
  const next = nextStep({ invoices: d.invoices, events: events.ladder, client: nextStepClient(d, clientEmail), settings: nextStepSettings(d), today, risk });
  return { today, risk, next, flags: d.flags };
}

type Followup = ReturnType<typeof computeFollowup>;

/**
 * One cache per database, shared by every handler set built on it (the sidebar's and the router's): the answer for a
 * client and a day is kept until the next write (lib/db/memo.ts).
 */
const followupMemos = new WeakMap<RelanceStore['db'], DataMemo<Followup>>();
function followupMemo(store: RelanceStore): DataMemo<Followup> {
  let memo = followupMemos.get(store.db);
  if (!memo) followupMemos.set(store.db, (memo = new DataMemo<Followup>(store.db)));
  return memo;
}

function feesOn(inv: Invoice, d: ClientData, today: IsoDate, b2b: boolean): DossierFees | undefined {
  if (inv.dueDate >= today || outstandingOf(inv) <= 0) return undefined;
  try {
    const f = computeLateFees({
      jurisdiction: d.client?.jurisdiction ?? d.settings.defaultJurisdiction,
      principalMinor: outstandingOf(inv),
      currency: inv.currency,
      dueDate: inv.dueDate,
      today,
      ...(b2b ? {} : { consumer: true }),
    });
    return { daysLate: f.daysLate, interestMinor: f.interestMinor, fixedCompensationMinor: f.fixedCompensationMinor, legalBasis: f.legalBasis, periods: f.periods.map(({ from, to, days, annualRatePercent }) => ({ from, to, days, annualRatePercent })) };
  } catch {
    // A figure that cannot be computed (a currency the law data lacks) is left out, never guessed.
    return undefined;
  }
}

function dossierEvents(d: ClientData): DossierEvent[] {
  const numberOf = new Map(d.invoices.map((i) => [i.id, i.number]));
  return chronological(d.events).flatMap((ev): DossierEvent[] => {
    const invoiceNumber = (eventInvoiceIds(ev) ?? []).map((id) => numberOf.get(id)).find((n) => n !== undefined);
    const base = { date: ev.date, ...(invoiceNumber ? { invoiceNumber } : {}) };
    switch (ev.type) {
      case 'reminder-sent':
        return [{ ...base, type: 'reminder', ...(payloadStage(ev) ? { stage: payloadStage(ev)! } : {}) }];
      case 'reply-received':
        return [{ ...base, type: 'reply', ...(replyIntent(ev) ? { intent: replyIntent(ev)! } : {}) }];
      case 'payment-recorded':
        return [{ ...base, type: 'payment' }];
      case 'call':
        return [{ ...base, type: 'call' }];
      case 'created':
      case 'detected':
        return [{ ...base, type: 'invoice_sent' }];
      default:
        return [];
    }
  });
}

export function createFollowupHandlers(store: RelanceStore, deps: { now(): Date }): Pick<Handlers, FollowupCommands> {
  const today = () => localIsoDate(deps.now());
  return {
    'client.followup': async (req) => {
      const date = today();
      return followupMemo(store).get(`${date}|${clientKeyFor(req.clientEmail)}`, async () =>
        computeFollowup(await loadClient(store, req.clientEmail), req.clientEmail, date),
      );
    },
    'client.flags': async (req) => {
      const key = clientKeyFor(req.clientEmail);
      const db = store.db;
      return db.transaction('rw', db.clients, async () => {
        const client = await db.clients.get(key);
        if (!client) throw new StoreError('not_found', 'Relance tracks no invoice for this client yet: add one first.');
        const flags: ClientFlags = { ...(client.flags ?? {}), ...req.flags };
        await db.clients.update(key, { flags, updatedAt: deps.now().toISOString() });
        return { flags };
      });
    },
    'letter.get': async (req) => {
      const d = await loadClient(store, req.clientEmail);
      const date = today();
      const open = d.invoices.filter((i) => outstandingOf(i) > 0 && i.dueDate < date);
      if (open.length === 0) throw new StoreError('not_found', 'This client has no overdue invoice to claim.');
      const client = nextStepClient(d, req.clientEmail);
      const settings = nextStepSettings(d);
      const input = buildDraftInput({
        stage: 'formal_notice',
        formality: 'formal',
        language: settings.language,
        jurisdiction: client.jurisdiction ?? settings.jurisdiction,
        date,
        client: { name: client.name, email: client.email, b2b: client.b2b },
        identity: settings.identity,
        payment: settings.payment,
        invoices: open,
        events: d.events,
      });
      const letter = buildFormalNoticeLetter({
        ...input,
        sender: { name: settings.identity.name, company: settings.identity.company },
        recipient: { name: client.name || client.email },
      });
      return { language: input.language, letter };
    },
    'dossier.export': async (req) => {
      const d = await loadClient(store, req.clientEmail);
      if (d.invoices.length === 0) throw new StoreError('not_found', 'Relance tracks no invoice for this client.');
      const date = today();
      const client = nextStepClient(d, req.clientEmail);
      const dossier = buildDossier({
        client: { name: client.name, email: client.email, b2b: client.b2b },
        invoices: d.invoices.map((inv) => {
          const fees = feesOn(inv, d, date, client.b2b);
          return {
            number: inv.number,
            issueDate: inv.issueDate,
            dueDate: inv.dueDate,
            amountMinor: inv.amountDueMinor ?? inv.amountMinor,
            currency: inv.currency,
            ...(inv.terms ? { terms: inv.terms } : {}),
            ...(inv.paidMinor > 0 ? { payments: [{ date: inv.paidDate ?? inv.dueDate, amountMinor: inv.paidMinor }] } : {}),
            ...(fees ? { fees } : {}),
          };
        }),
        events: dossierEvents(d),
        identity: { name: d.settings.identity.name, company: d.settings.identity.company },
        today: date,
        language: languageOf(d),
        jurisdiction: client.jurisdiction ?? d.settings.defaultJurisdiction,
      });
      const base = `relance-dossier-${client.email.replace(/[^a-z0-9.-]+/gi, '_')}-${date}`;
      return { json: JSON.stringify(dossier.json, null, 2), text: dossier.text, filename: base };
    },
  };
}
