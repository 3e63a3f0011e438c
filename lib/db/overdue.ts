import { outstandingMinor } from '../domain/invoice';
import type { IsoDate } from '../domain/types';
import type { RelanceDb } from './schema';

/**
 * Due date of the oldest overdue invoice (open, confirmed, something still owed), or null: what the badge colour
 * depends on. The [status+dueDate] index returns open invoices by due date, so the first match is the oldest.
 */
export async function oldestOverdueDueDate(db: RelanceDb, today: IsoDate): Promise<IsoDate | null> {
  const first = await db.invoices
    .where('[status+dueDate]')
    .between(['open', ''], ['open', today], true, false)
    .filter((i) => i.review === 'confirmed' && outstandingMinor(i) > 0)
    .first();
  return first?.dueDate ?? null;
}
