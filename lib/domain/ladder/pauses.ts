import { addDaysIso } from '../dates';
import type { IsoDate } from '../types';
import { chronological, eventInvoiceIds, payloadDate, replyIntent, type FollowupEvent } from './history';

/**
 * Dunning stops, read from the event log as of `today`:
 * - 'paused' (payload.until optional) / 'resumed': the user's manual stop, per invoice (invoiceId or
 *   payload.invoiceIds) or for the whole client (neither). Resuming a client resumes its invoices too.
 * - a reply with intent 'promise' pauses until payload.promisedDate (a promise without a date: 7 days);
 * - a reply with intent 'dispute' pauses until the user resumes;
 * - a reply with intent 'paid' ("we have paid") pauses 7 days, the time for the payment to arrive.
 * A later event for the same scope replaces the earlier one. A pause with an end date covers that date: chasing
 * resumes the next day, and the next step is then due no earlier than that day (the "resume floor"); after a
 * 'resumed' event, no earlier than the day of resuming.
 */

export type PauseKind = 'manual' | 'dispute' | 'promise' | 'claimed_paid';

export interface Pause {
  kind: PauseKind;
  since: IsoDate;
  /** Last paused day; null = until the user resumes. */
  until: IsoDate | null;
}

export interface PauseView {
  /** Active pause of the whole client. */
  client: Pause | null;
  /** Active pauses of single invoices, by invoice id. */
  invoices: Map<string, Pause>;
  /** Earliest date a step may fall due after a pause ended, by invoice id ('*' = the whole client). */
  resumeFloor: Map<string, IsoDate>;
}

const CLIENT = '*';
const WAIT_FOR_PROMISE_DAYS = 7;
const WAIT_FOR_CLAIMED_PAYMENT_DAYS = 7;

function pauseFrom(ev: FollowupEvent & { date: IsoDate }): Pause | null {
  if (ev.type === 'paused') return { kind: 'manual', since: ev.date, until: payloadDate(ev, 'until') };
  switch (replyIntent(ev)) {
    case 'dispute':
      return { kind: 'dispute', since: ev.date, until: null };
    case 'promise':
      return { kind: 'promise', since: ev.date, until: payloadDate(ev, 'promisedDate') ?? addDaysIso(ev.date, WAIT_FOR_PROMISE_DAYS) };
    case 'paid':
      return { kind: 'claimed_paid', since: ev.date, until: addDaysIso(ev.date, WAIT_FOR_CLAIMED_PAYMENT_DAYS) };
    default:
      return null;
  }
}

export function readPauses(events: readonly FollowupEvent[], today: IsoDate): PauseView {
  const active = new Map<string, Pause>();
  const floor = new Map<string, IsoDate>();
  const raiseFloor = (scope: string, d: IsoDate): void => {
    const cur = floor.get(scope);
    if (!cur || d > cur) floor.set(scope, d);
  };
  for (const ev of chronological(events)) {
    if (ev.date > today) continue;
    const scopes = eventInvoiceIds(ev) ?? [CLIENT];
    if (ev.type === 'resumed') {
      for (const s of scopes) {
        if (s === CLIENT) active.clear();
        else active.delete(s);
        raiseFloor(s, ev.date);
      }
      continue;
    }
    const pause = pauseFrom(ev);
    if (pause) for (const s of scopes) active.set(s, pause);
  }
  const view: PauseView = { client: null, invoices: new Map(), resumeFloor: floor };
  for (const [scope, pause] of active) {
    if (pause.until !== null && pause.until < today) {
      raiseFloor(scope, addDaysIso(pause.until, 1));
      continue;
    }
    if (scope === CLIENT) view.client = pause;
    else view.invoices.set(scope, pause);
  }
  return view;
}

/** The resume floor that applies to an invoice: its own or the client's, whichever is later. */
export function resumeFloorFor(view: PauseView, invoiceId: string): IsoDate | null {
  const own = view.resumeFloor.get(invoiceId) ?? null;
  const all = view.resumeFloor.get(CLIENT) ?? null;
  if (own && all) return own > all ? own : all;
  return own ?? all;
}

export function describePause(p: Pause): string {
  switch (p.kind) {
    case 'manual':
      return p.until ? `paused by you until ${p.until}` : 'paused by you until you resume';
    case 'dispute':
      return `disputed on ${p.since}: paused until you resume`;
    case 'promise':
      return `payment promised for ${p.until}: paused until then`;
    case 'claimed_paid':
      return `the client said on ${p.since} it has paid: paused until ${p.until} for the payment to arrive`;
  }
}
