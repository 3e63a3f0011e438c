import { daysOverdue, displayStatus, type Invoice } from '@/lib/domain/invoice';
import type { IsoDate } from '@/lib/domain/types';

export interface OverdueItem {
  invoice: Invoice;
  daysOverdue: number;
}
export interface UpcomingItem {
  invoice: Invoice;
  /** 0 = due today. */
  dueInDays: number;
}
export interface PopupGroups {
  overdue: OverdueItem[];
  upcoming: UpcomingItem[];
}

/**
 * What the popup lists: confirmed, unpaid invoices; overdue first (most late first), then those still to come
 * (soonest first). Paid, cancelled, and not-yet-confirmed detections are left out, as the badge leaves them out.
 */
export function groupInvoicesForPopup(invoices: readonly Invoice[], today: IsoDate): PopupGroups {
  const overdue: OverdueItem[] = [];
  const upcoming: UpcomingItem[] = [];
  for (const invoice of invoices) {
    if (invoice.status !== 'open' || invoice.review !== 'confirmed') continue;
    if (displayStatus(invoice, today) === 'overdue') overdue.push({ invoice, daysOverdue: daysOverdue(invoice.dueDate, today) });
    else upcoming.push({ invoice, dueInDays: daysOverdue(today, invoice.dueDate) });
  }
  const byNumber = (a: Invoice, b: Invoice) => a.number.localeCompare(b.number);
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || byNumber(a.invoice, b.invoice));
  upcoming.sort((a, b) => a.dueInDays - b.dueInDays || byNumber(a.invoice, b.invoice));
  return { overdue, upcoming };
}

/** One invoice in a client group: days late (negative = due in that many days) and its own pause, if any. */
export interface ClientGroupItem {
  invoice: Invoice;
  /** Positive: days overdue; 0: due today; negative: due in that many days. */
  daysLate: number;
  pause: { kind: string; until: IsoDate | null } | null;
}

export interface ClientGroup<C> {
  key: string;
  client: C | null;
  name: string;
  email: string;
  /** Outstanding per currency, in the order the currencies first appear. */
  totals: { currency: string; minor: number }[];
  items: ClientGroupItem[];
}

export interface PopupClientGroups<C> {
  overdue: ClientGroup<C>[];
  upcoming: ClientGroup<C>[];
}

function outstandingOf(inv: Invoice): number {
  return (inv.amountDueMinor ?? inv.amountMinor) - inv.paidMinor;
}

function grouped<C extends { key: string; name: string; email: string }>(items: ClientGroupItem[], clients: Map<string, C>): ClientGroup<C>[] {
  const groups = new Map<string, ClientGroup<C>>();
  for (const item of items) {
    const inv = item.invoice;
    let g = groups.get(inv.clientKey);
    if (!g) {
      const client = clients.get(inv.clientKey) ?? null;
      g = { key: inv.clientKey, client, name: client?.name || inv.clientName || '', email: client?.email ?? inv.clientEmail, totals: [], items: [] };
      groups.set(inv.clientKey, g);
    }
    g.items.push(item);
    const total = g.totals.find((x) => x.currency === inv.currency);
    if (total) total.minor += outstandingOf(inv);
    else g.totals.push({ currency: inv.currency, minor: outstandingOf(inv) });
  }
  return [...groups.values()];
}

/**
 * The popup's two sections, each grouped by client: overdue first (the client with the most late invoice first,
 * inside a group the most late first), then upcoming (soonest due first). A client with both late and coming
 * invoices appears in both sections. Only confirmed, open invoices are listed, as the badge counts them.
 */
export function groupByClient<C extends { key: string; name: string; email: string }>(
  invoices: readonly Invoice[],
  clients: readonly C[],
  pauses: readonly { invoiceId: string; kind: string; until: IsoDate | null }[],
  today: IsoDate,
): PopupClientGroups<C> {
  const clientMap = new Map(clients.map((c) => [c.key, c]));
  const pauseMap = new Map(pauses.map((p) => [p.invoiceId, { kind: p.kind, until: p.until }]));
  const late: ClientGroupItem[] = [];
  const coming: ClientGroupItem[] = [];
  for (const invoice of invoices) {
    if (invoice.status !== 'open' || invoice.review !== 'confirmed') continue;
    const item = { invoice, daysLate: daysOverdue(invoice.dueDate, today), pause: pauseMap.get(invoice.id) ?? null };
    (displayStatus(invoice, today) === 'overdue' ? late : coming).push(item);
  }
  const byNumber = (a: ClientGroupItem, b: ClientGroupItem) => a.invoice.number.localeCompare(b.invoice.number);
  late.sort((a, b) => b.daysLate - a.daysLate || byNumber(a, b));
  coming.sort((a, b) => b.daysLate - a.daysLate || byNumber(a, b));
  // Items are sorted before grouping, so each group's first item decides the group's place.
  return { overdue: grouped(late, clientMap), upcoming: grouped(coming, clientMap) };
}

/** What a popup.page group carries: the client, its invoices of one section (oldest due first), their pauses. */
export interface PageGroup<C> {
  section: 'overdue' | 'upcoming';
  client: C;
  invoices: readonly Invoice[];
  pauses: readonly { invoiceId: string; kind: string; until: IsoDate | null }[];
}

/**
 * The popup's sections from the pages received so far, in the order the background sent them (it pages through
 * the invoices by due date, so that order is already "most late first"). A group seen twice (a page fetched
 * while the data changed) is kept once, where it first came.
 */
export function sectionsFromPages<C extends { key: string; name: string; email: string }>(pages: readonly PageGroup<C>[], today: IsoDate): PopupClientGroups<C> {
  const out: PopupClientGroups<C> = { overdue: [], upcoming: [] };
  const seen = new Set<string>();
  for (const g of pages) {
    const id = `${g.section} ${g.client.key}`;
    if (seen.has(id) || g.invoices.length === 0) continue;
    seen.add(id);
    const pauses = new Map(g.pauses.map((p) => [p.invoiceId, { kind: p.kind, until: p.until }]));
    const items = g.invoices.map((invoice) => ({ invoice, daysLate: daysOverdue(invoice.dueDate, today), pause: pauses.get(invoice.id) ?? null }));
    const [group] = grouped(items, new Map([[g.client.key, g.client]]));
    if (group) out[g.section].push(group);
  }
  return out;
}
