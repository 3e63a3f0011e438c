import { displayStatus, outstandingMinor } from '../domain/invoice';
import type { IsoDate } from '../domain/types';
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

/** Kept until the next write or the next day (lib/db/memo.ts): the hourly alarm and a popup opening re-read nothing. */
const memos = new WeakMap<RelanceDb, DataMemo<OverdueState>>();

export function overdueState(db: RelanceDb, today: IsoDate): Promise<OverdueState> {
  let memo = memos.get(db);
  // Read from the invoices only: the ledger, events and settings written by every mail.seen leave it valid.
  if (!memo) memos.set(db, (memo = new DataMemo<OverdueState>(db, 4, ['invoices'])));
  return memo.get(today, () => readOverdueState(db, today));
}

/**
 * Due date of the oldest overdue invoice (open, confirmed, something still owed), or null: what the badge colour
 * depends on. Read with the overdue summary (overdueState), so the badge's two figures cost one range read.
 */
export async function oldestOverdueDueDate(db: RelanceDb, today: IsoDate): Promise<IsoDate | null> {
  return (await overdueState(db, today)).oldestDueDate;
}
