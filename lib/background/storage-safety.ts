import type { RelanceDb } from '../db/schema';

/**
 * Keeping the user's records safe beyond transactions: ask the browser not to evict Relance's storage, say
 * whether it agreed and how much room is used, and remind the user to export a backup once a week.
 */

export const PERSISTED_META_KEY = 'storage.persisted';
export const LAST_EXPORT_META_KEY = 'backup.lastExportAt';
export const LAST_BACKUP_REMINDER_META_KEY = 'backup.lastReminderAt';
export const BACKUP_REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;

/** The part of `navigator.storage` we use; absent in some contexts (then everything is reported unknown). */
export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** null when the browser does not say. */
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
  lastExportAt: string | null;
  /** True when there is data and no export in the last week. */
  backupDue: boolean;
}

async function metaString(db: RelanceDb, key: string): Promise<string | null> {
  const row = await db.meta.get(key);
  return typeof row?.value === 'string' ? row.value : null;
}

/** Ask once (on install and start): the answer is kept so the options page can show it. */
export async function requestPersistence(db: RelanceDb, storage: StorageManagerLike | undefined): Promise<boolean | null> {
  let granted: boolean | null = null;
  try {
    if (storage?.persisted && (await storage.persisted())) granted = true;
    else if (storage?.persist) granted = await storage.persist();
  } catch {
    granted = null;
  }
  await db.meta.put({ key: PERSISTED_META_KEY, value: granted });
  return granted;
}

export async function recordExport(db: RelanceDb, now: Date): Promise<void> {
  await db.meta.put({ key: LAST_EXPORT_META_KEY, value: now.toISOString() });
}

function backupDue(lastExportAt: string | null, hasData: boolean, now: Date): boolean {
  if (!hasData) return false;
  if (!lastExportAt) return true;
  return now.getTime() - Date.parse(lastExportAt) >= BACKUP_REMINDER_DAYS * DAY_MS;
}

export async function storageStatus(db: RelanceDb, storage: StorageManagerLike | undefined, now: Date): Promise<StorageStatus> {
  let persisted: boolean | null = null;
  let usageBytes: number | null = null;
  let quotaBytes: number | null = null;
  try {
    if (storage?.persisted) persisted = await storage.persisted();
    else {
      const stored = (await db.meta.get(PERSISTED_META_KEY))?.value;
      persisted = typeof stored === 'boolean' ? stored : null;
    }
    const est = storage?.estimate ? await storage.estimate() : undefined;
    usageBytes = typeof est?.usage === 'number' ? est.usage : null;
    quotaBytes = typeof est?.quota === 'number' ? est.quota : null;
  } catch {
    // Unknown is an honest answer; the page says so.
  }
  const lastExportAt = await metaString(db, LAST_EXPORT_META_KEY);
  const hasData = (await db.invoices.count()) > 0;
  return { persisted, usageBytes, quotaBytes, lastExportAt, backupDue: backupDue(lastExportAt, hasData, now) };
}

/**
 * At most one reminder a week, only when there is something to lose and no export for a week. Returns whether
 * the reminder was shown. The reminder date is stored before showing: a lost reminder beats a repeated one.
 */
export async function checkBackupReminder(db: RelanceDb, now: Date, show: () => Promise<unknown>): Promise<boolean> {
  const [lastExportAt, lastReminderAt, count] = await Promise.all([
    metaString(db, LAST_EXPORT_META_KEY),
    metaString(db, LAST_BACKUP_REMINDER_META_KEY),
    db.invoices.count(),
  ]);
  if (!backupDue(lastExportAt, count > 0, now)) return false;
  if (lastReminderAt && now.getTime() - Date.parse(lastReminderAt) < BACKUP_REMINDER_DAYS * DAY_MS) return false;
  await db.meta.put({ key: LAST_BACKUP_REMINDER_META_KEY, value: now.toISOString() });
  await show();
  return true;
}
