import { displayStatus, outstandingMinor, type Invoice } from '../domain/invoice';
import type { IsoDate } from '../domain/types';
import { narrowVersion } from './data-version';
import { DataMemo } from './memo';
import type { RelanceDb } from './schema';

/** What the badge shows: the overdue summary and how old the oldest overdue invoice is. */
export interface OverdueState {
  count: number;
  /** Outstanding overdue amount per currency, minor units. */
  totals: Record<string, number>;
  /** Due date of the oldest overdue invoice with something still owed (the badge colour), or null. */
  oldestDueDate: IsoDate | null;
}

/**
 * Both badge figures from ONE index range: open invoices due before today, in due-date order ([status+dueDate]).
 * Confirmed ones that read as overdue are counted and summed; the first one still owing money is the oldest.
 */
async function readOverdueState(db: RelanceDb, today: IsoDate): Promise<OverdueState> {
  const rows = await db.invoices.where('[status+dueDate]').between(['open', ''], ['open', today], true, false).toArray();
  const totals: Record<string, number> = {};
  let count = 0;
  let oldestDueDate: IsoDate | null = null;
  for (const inv of rows) {
    if (inv.review !== 'confirmed') continue;
    if (oldestDueDate === null && outstandingMinor(inv) > 0) oldestDueDate = inv.dueDate;
    if (displayStatus(inv, today) !== 'overdue') continue;
    count++;
    totals[inv.currency] = (totals[inv.currency] ?? 0) + outstandingMinor(inv);
  }
  return { count, totals, oldestDueDate };
}

/**
 * Kept until the next write that may change it, or the next day (lib/db/memo.ts): the hourly alarm and a popup
 * opening re-read nothing. Read from the invoices only: the ledger, events and settings written by every mail.seen
 * leave it valid, and so do invoice writes vouched for with vouchOverdueUnaffected.
 */
const memos = new WeakMap<RelanceDb, DataMemo<OverdueState>>();

function overdueVersion(db: RelanceDb) {
  return narrowVersion(db, 'invoices', 'overdue');
}

export function overdueState(db: RelanceDb, today: IsoDate): Promise<OverdueState> {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new DataMemo<OverdueState>(db, 4, [overdueVersion(db).counterName])));
  return memo.get(today, () => readOverdueState(db, today));
}

/** What readOverdueState reads of an invoice it counts. */
const OVERDUE_FIELDS = ['status', 'review', 'dueDate', 'amountMinor', 'amountDueMinor', 'paidMinor', 'currency'] as const satisfies readonly (keyof Invoice)[];

/**
 * Whether writing `after` over `before` (undefined: a new invoice) leaves the overdue summary as it is: the invoice
 * is counted neither before nor after (not open and confirmed), or nothing the summary reads changed.
 */
export function overdueUnaffected(before: Invoice | undefined, after: Invoice): boolean {
  const counted = (i: Invoice | undefined) => i !== undefined && i.status === 'open' && i.review === 'confirmed';
  if (!counted(before) && !counted(after)) return true;
  return before !== undefined && OVERDUE_FIELDS.every((f) => before[f] === after[f]);
}

/**
 * Tells the overdue summary's cache that these rows, about to be written (the very objects), do not change it
 * (overdueUnaffected, checked here): writing them keeps it. `before` gives each invoice as stored (undefined: new).
 */
export function vouchOverdueUnaffected(db: RelanceDb, rows: readonly Invoice[], before: (id: string) => Invoice | undefined): void {
  overdueVersion(db).vouch(rows.filter((r) => overdueUnaffected(before(r.id), r)));
}

/**
 * Due date of the oldest overdue invoice (open, confirmed, something still owed), or null: what the badge colour
 * depends on. Read with the overdue summary (overdueState), so the badge's two figures cost one range read.
 */
export async function oldestOverdueDueDate(db: RelanceDb, today: IsoDate): Promise<IsoDate | null> {
  return (await overdueState(db, today)).oldestDueDate;
}
