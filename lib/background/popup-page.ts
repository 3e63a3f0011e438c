import { clientHistory } from '../db/events';
import type { RelanceStore } from '../db/store';
import type { Client, Invoice, InvoiceEvent } from '../domain/invoice';
import { clientKeyFor } from '../domain/invoice';
import { nextStep } from '../domain/ladder';
import { readPauses } from '../domain/ladder/pauses';
import { scoreClient } from '../domain/risk';
import type { Settings } from '../domain/settings';
import type { IsoDate } from '../domain/types';
import type { PlanSettings, PopupClient, PopupCursor, PopupGroup, PopupNext, PopupPage, PopupCounts } from './popup-schemas';

/**
 * The popup, one page at a time. The popup is about what needs attention: open confirmed invoices by due date
 * (overdue ones, oldest due first, then those still to come), shown as client groups. A page walks the
 * [status+dueDate] index from a cursor until it has met `groups` new (section, client) pairs, then reads only
 * those clients' invoices and events (by their indexes) to compute each one's next step, risk and pauses. Nothing
 * here reads the whole database: the cost of a page follows the page, not the number of invoices.
 *
 * A group holds all the client's open invoices of its section, so a client whose invoices straddle the cursor is
 * shown once, whole. The cursor is the last index entry a page took; every group with an entry at or before it
 * has been shown, so the next page skips a group whose client has an invoice of that section at or before the
 * cursor. That keeps the cursor a plain value (due date, id): the worker keeps no state between pages.
 */

export type PopupSection = 'overdue' | 'upcoming';

interface IndexPosition {
  dueDate: IsoDate;
  id: string;
}

/** Index entries read per step of the walk: a page of 20 groups usually needs one or two steps. */
const WALK_CHUNK = 64;
const HIGH = '\uffff';

export const sectionOf = (dueDate: IsoDate, today: IsoDate): PopupSection => (dueDate < today ? 'overdue' : 'upcoming');

/** Index order of [status+dueDate]: due date, then the primary key. */
function atOrBefore(a: IndexPosition, b: IndexPosition): boolean {
  return a.dueDate < b.dueDate || (a.dueDate === b.dueDate && a.id <= b.id);
}

/** What the popup lists: confirmed open invoices (detections waiting for review are not chased yet). */
const listed = (inv: Invoice) => inv.status === 'open' && inv.review === 'confirmed';

export function clientNext(client: Client | null, email: string, invoices: Invoice[], events: InvoiceEvent[], settings: Settings, plans: PlanSettings, today: IsoDate): PopupNext | null {
  const open = invoices.filter((i) => i.status === 'open');
  if (open.length === 0) return null;
  const key = clientKeyFor(email);
  const language = client?.language ?? open.find((i) => i.language)?.language ?? settings.defaultLanguage;
  const risk = scoreClient({ invoices, events, flags: client?.flags ?? {}, today });
  const next = nextStep({
    invoices,
    events,
    client: {
      key,
      email,
      name: client?.name || open[0]?.clientName || '',
      b2b: client?.b2b ?? true,
      paused: client?.paused ?? false,
      language,
      jurisdiction: client?.jurisdiction ?? null,
      planId: plans.clientPlans[key] ?? null,
    },
    settings: {
      plans: plans.plans,
      defaultPlanId: plans.defaultPlanId,
      jurisdiction: settings.defaultJurisdiction,
      language,
      identity: settings.identity,
      payment: settings.payment,
    },
    today,
    risk,
    // The popup shows the step and its date; the draft is written in the sidebar when the thread is open.
    drafter: null,
  });
  return { stage: next.stage, dueOn: next.dueOn, channel: next.channel, invoices: next.invoices, pausedUntil: next.pausedUntil ?? null };
}

/** A client as the popup shows it; `invoices` are its confirmed invoices (any status), `events` its history. */
export function popupClient(key: string, client: Client | null, invoices: Invoice[], events: InvoiceEvent[], settings: Settings, plans: PlanSettings, today: IsoDate): PopupClient {
  const email = client?.email ?? invoices[0]?.clientEmail ?? key;
  const chased = invoices.filter((i) => i.status !== 'cancelled');
  let next: PopupNext | null = null;
  try {
    next = clientNext(client, email, chased, events, settings, plans, today);
  } catch {
    // One client's odd history must not empty the whole popup: its invoices still show, without a next step.
    next = null;
  }
  return {
    key,
    email,
    name: client?.name || invoices[0]?.clientName || '',
    b2b: client?.b2b ?? true,
    jurisdiction: client?.jurisdiction ?? null,
    language: client?.language ?? null,
    paused: client?.paused ?? false,
    planId: plans.clientPlans[key] ?? null,
    next,
  };
}

/** One client's confirmed invoices (any status), read by the clientKey index, cached for the page. */
type InvoicesOf = (key: string) => Promise<Invoice[]>;

function invoiceReader(store: RelanceStore): InvoicesOf {
  const cache = new Map<string, Promise<Invoice[]>>();
  return (key) => {
    let rows = cache.get(key);
    if (!rows) {
      rows = store.db.invoices
        .where('clientKey')
        .equals(key)
        .toArray()
        .then((all) => all.filter((i) => i.review === 'confirmed'));
      cache.set(key, rows);
    }
    return rows;
  };
}

/** True when the client has an invoice of `section` at or before the cursor: its group was on an earlier page. */
function shownBefore(invoices: Invoice[], section: PopupSection, cursor: IndexPosition, today: IsoDate): boolean {
  return invoices.some((i) => listed(i) && sectionOf(i.dueDate, today) === section && atOrBefore(i, cursor));
}

/**
 * Open invoices after a position in index order, about `n` of them. Dexie's filter() would walk a cursor (one
 * round trip to IndexedDB per row in Chromium); plain ranges are read in one getAll each. An index range cannot
 * start after a primary key, so the position's own due date is read whole and cut by id (ids sort as IndexedDB
 * sorts them), and the range after it starts past that date.
 */
async function openAfter(store: RelanceStore, pos: IndexPosition | null, n: number): Promise<Invoice[]> {
  const open = store.db.invoices.where('[status+dueDate]');
  if (!pos) return open.between(['open', ''], ['open', HIGH], true, true).limit(n).toArray();
  const [sameDay, later] = await Promise.all([
    open.equals(['open', pos.dueDate]).toArray(),
    open.between(['open', pos.dueDate], ['open', HIGH], false, true).limit(n).toArray(),
  ]);
  return [...sameDay.filter((i) => i.id > pos.id), ...later];
}

/** The next `limit` groups after the cursor, in index order, and where the walk stopped (null: at the end). */
async function walkGroups(store: RelanceStore, today: IsoDate, after: IndexPosition | null, limit: number, invoicesOf: InvoicesOf) {
  const picked: { section: PopupSection; key: string }[] = [];
  const seen = new Set<string>();
  let from = after;
  for (;;) {
    const chunk = await openAfter(store, from, WALK_CHUNK);
    if (chunk.length === 0) return { picked, next: null };
    // Later pages ask, for each new group, whether an earlier page showed it: read those clients together.
    if (after) await Promise.all([...new Set(chunk.filter(listed).map((i) => i.clientKey))].map(invoicesOf));
    for (const inv of chunk) {
      from = { dueDate: inv.dueDate, id: inv.id };
      if (inv.review !== 'confirmed') continue;
      const section = sectionOf(inv.dueDate, today);
      const group = `${section} ${inv.clientKey}`;
      if (seen.has(group)) continue;
      seen.add(group);
      if (after && shownBefore(await invoicesOf(inv.clientKey), section, after, today)) continue;
      picked.push({ section, key: inv.clientKey });
      if (picked.length === limit) return { picked, next: from };
    }
  }
}

/**
 * Overdue and upcoming counts of the whole database, from keys alone (no row is read): the ids in the two index
 * ranges of open invoices, less those of invoices not confirmed (review index: pending and dismissed detections).
 */
export async function popupCounts(store: RelanceStore, today: IsoDate): Promise<PopupCounts> {
  const db = store.db;
  const open = db.invoices.where('[status+dueDate]');
  const [overdue, upcoming, unconfirmed] = await Promise.all([
    open.between(['open', ''], ['open', today], true, false).primaryKeys(),
    open.between(['open', today], ['open', HIGH], true, true).primaryKeys(),
    db.invoices.where('review').anyOf('pending', 'dismissed').primaryKeys(),
  ]);
  const left = new Set(unconfirmed);
  const confirmed = (ids: string[]) => ids.reduce((n, id) => (left.has(id) ? n : n + 1), 0);
  return { overdue: confirmed(overdue), upcoming: confirmed(upcoming) };
}

const byDueThenNumber = (a: Invoice, b: Invoice) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number.localeCompare(b.number));

export interface PopupPageContext {
  settings: Settings;
  plans: PlanSettings;
}

export async function popupPage(store: RelanceStore, today: IsoDate, req: { after: PopupCursor | null; groups: number }, ctx: PopupPageContext): Promise<PopupPage> {
  const invoicesOf = invoiceReader(store);
  const [walk, counts] = await Promise.all([
    walkGroups(store, today, req.after, req.groups, invoicesOf),
    req.after === null ? popupCounts(store, today) : Promise.resolve(null),
  ]);
  const keys = [...new Set(walk.picked.map((p) => p.key))];
  const clients = await Promise.all(
    keys.map(async (key) => {
      const [client, invoices, events] = await Promise.all([
        store.db.clients.get(key),
        invoicesOf(key),
        clientHistory(store.db, key),
      ]);
      const pauses = readPauses(events, today).invoices;
      return [key, { view: popupClient(key, client ?? null, invoices, events, ctx.settings, ctx.plans, today), invoices, pauses }] as const;
    }),
  );
  const byKey = new Map(clients);
  const groups: PopupGroup[] = [];
  for (const { section, key } of walk.picked) {
    const c = byKey.get(key);
    if (!c) continue;
    const invoices = c.invoices.filter((i) => listed(i) && sectionOf(i.dueDate, today) === section).sort(byDueThenNumber);
    const pauses = invoices.flatMap((i) => {
      const p = c.pauses.get(i.id);
      return p ? [{ invoiceId: i.id, kind: p.kind, until: p.until }] : [];
    });
    groups.push({ section, client: c.view, invoices, pauses });
  }
  return { today, groups, next: walk.next, counts };
}
