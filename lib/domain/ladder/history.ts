import type { Invoice, InvoiceEvent } from '../invoice';
import { isStage, type Stage } from '../reminders/stage';
import { isValidIsoDate, type IsoDate } from '../types';

/**
 * Reading a client's event log for follow-up decisions. Events are the stored `InvoiceEvent`s; only the fields
 * below are needed, so the CLI and tests can build them by hand.
 *
 * Which invoices an event concerns: `invoiceId` when set; else `payload.invoiceIds` (a grouped reminder lists
 * the invoices it covered); else the event is client-wide and concerns every invoice that was issued on or
 * before the event's date and not yet paid by then.
 */

/** The invoice fields follow-up decisions read. */
export type FollowupInvoice = Pick<Invoice, 'id' | 'number' | 'amountMinor' | 'currency' | 'issueDate' | 'dueDate' | 'status'> &
  Partial<Pick<Invoice, 'amountDueMinor' | 'paidMinor' | 'paidDate'>>;

export type FollowupEvent = Pick<InvoiceEvent, 'invoiceId' | 'type' | 'at'> & { payload?: Record<string, unknown> };

/** Civil date of an event (`at` is an ISO instant or a plain date); null when unreadable. */
export function eventDate(ev: FollowupEvent): IsoDate | null {
  const d = typeof ev.at === 'string' ? ev.at.slice(0, 10) : '';
  return isValidIsoDate(d) ? d : null;
}

export function payloadString(ev: FollowupEvent, key: string): string | null {
  const v = ev.payload?.[key];
  return typeof v === 'string' ? v : null;
}

export function payloadDate(ev: FollowupEvent, key: string): IsoDate | null {
  const v = payloadString(ev, key);
  const d = v?.slice(0, 10) ?? '';
  return isValidIsoDate(d) ? d : null;
}

export function payloadStage(ev: FollowupEvent): Stage | null {
  const v = payloadString(ev, 'stage');
  return isStage(v) ? v : null;
}

/** A reply's intent as classified (replies.ts) or set by the user. */
export function replyIntent(ev: FollowupEvent): string | null {
  return ev.type === 'reply-received' ? payloadString(ev, 'intent') : null;
}

/** Ids the event names explicitly, or null for a client-wide event. */
export function eventInvoiceIds(ev: FollowupEvent): string[] | null {
  if (ev.invoiceId) return [ev.invoiceId];
  const list = ev.payload?.['invoiceIds'];
  if (Array.isArray(list)) {
    const ids = list.filter((x): x is string => typeof x === 'string');
    if (ids.length > 0) return ids;
  }
  return null;
}

export function isPaid(inv: FollowupInvoice): boolean {
  return inv.status === 'paid';
}

/** Amount still owed, in minor units (never negative). */
export function outstandingOf(inv: FollowupInvoice): number {
  if (inv.status !== 'open') return 0;
  return Math.max(0, (inv.amountDueMinor ?? inv.amountMinor) - (inv.paidMinor ?? 0));
}

export function eventCovers(ev: FollowupEvent, inv: FollowupInvoice): boolean {
  const ids = eventInvoiceIds(ev);
  if (ids) return ids.includes(inv.id);
  const date = eventDate(ev);
  if (!date || date < inv.issueDate) return false;
  return !(inv.paidDate && inv.paidDate < date);
}

/** Events with a readable date, oldest first; events of the same day keep their input order. */
export function chronological<E extends FollowupEvent>(events: readonly E[]): Array<E & { date: IsoDate }> {
  const dated: Array<E & { date: IsoDate }> = [];
  for (const ev of events) {
    const date = eventDate(ev);
    if (date) dated.push({ ...ev, date });
  }
  // A stored history is already in order (the store reads it oldest first): then there is nothing to sort.
  // Array.prototype.sort is stable, which keeps same-day events in their input order.
  for (let i = 1; i < dated.length; i++) {
    if (dated[i]!.date < dated[i - 1]!.date) return dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
  return dated;
}

export type ContactKind = 'reminder' | 'call' | 'letter';

/**
 * What kind of contact an event records, for the history a reminder recalls: a sent reminder (its channel in
 * `payload.channel` says email, call or letter), or a note of kind "call".
 */
export function contactKind(ev: FollowupEvent): ContactKind | null {
  const channel = payloadString(ev, 'channel');
  if (ev.type === 'reminder-sent') return channel === 'call' ? 'call' : channel === 'letter' ? 'letter' : 'reminder';
  if (ev.type === 'note' && payloadString(ev, 'kind') === 'call') return 'call';
  return null;
}

/**
 * The client's situation as it stood on `today`: invoices not yet issued and events after `today` are left out,
 * and an invoice paid after `today` was still open then. Lets a past date be replayed (`--today`) exactly.
 */
export function asOf<I extends FollowupInvoice, E extends FollowupEvent>(
  invoices: readonly I[],
  events: readonly E[],
  today: IsoDate,
): { invoices: I[]; events: E[] } {
  return {
    invoices: invoices
      .filter((inv) => inv.issueDate <= today)
      .map((inv) => (inv.status === 'paid' && inv.paidDate && inv.paidDate > today ? { ...inv, status: 'open' as const, paidDate: null, paidMinor: 0 } : inv)),
    events: events.filter((ev) => {
      const d = eventDate(ev);
      return d !== null && d <= today;
    }),
  };
}
