import { describe, expect, it } from 'vitest';
import { checkBackupReminder, recordExport, requestPersistence, storageStatus } from '@/lib/background/storage-safety';
import { createHandlers } from '@/lib/background/handlers';
import { freshStore, invoiceInput } from './helpers';

const DAY = 86_400_000;

describe('storage persistence and status', () => {
  it('asks the browser to persist, keeps its answer, and reports usage', async () => {
    const { db } = freshStore();
    const asked: string[] = [];
    const granted = await requestPersistence(db, { persisted: async () => false, persist: async () => (asked.push('persist'), true) });
    expect(granted).toBe(true);
    expect(asked).toEqual(['persist']);
    const status = await storageStatus(db, { estimate: async () => ({ usage: 1234, quota: 10_000 }) }, new Date('2025-06-15T10:00:00Z'));
    // No persisted() in this fake: the stored answer is reported.
    expect(status).toEqual({ persisted: true, usageBytes: 1234, quotaBytes: 10_000, lastExportAt: null, backupDue: false });
  });

  it('says "unknown" rather than guessing when the browser has no storage manager', async () => {
    const { db } = freshStore();
    expect(await requestPersistence(db, undefined)).toBeNull();
    expect(await storageStatus(db, undefined, new Date())).toMatchObject({ persisted: null, usageBytes: null, quotaBytes: null });
  });
});

describe('weekly backup reminder', () => {
  it('reminds when there is data and no export for a week, at most once a week', async () => {
    const { db, store } = freshStore();
    const shown: number[] = [];
    const show = async () => shown.push(1);
    const t0 = new Date('2025-06-15T10:00:00Z');
    expect(await checkBackupReminder(db, t0, show)).toBe(false); // nothing to lose yet
    await store.createInvoice(invoiceInput());
    expect(await checkBackupReminder(db, t0, show)).toBe(true);
    expect(await checkBackupReminder(db, new Date(t0.getTime() + 3 * DAY), show)).toBe(false);
    expect(await checkBackupReminder(db, new Date(t0.getTime() + 7 * DAY), show)).toBe(true);
    expect(shown).toHaveLength(2);
  });

  it('does not remind after a recent export, and the export through the protocol counts', async () => {
    const { db, store } = freshStore();
    await store.createInvoice(invoiceInput());
    const now = new Date('2025-06-15T10:00:00Z');
    const h = createHandlers(store, { now: () => now, afterWrite: async () => undefined });
    await h['data.export']({}, { sender: 'extension' });
    expect(await checkBackupReminder(db, new Date(now.getTime() + 6 * DAY), async () => undefined)).toBe(false);
    expect((await h['storage.status']({}, { sender: 'extension' })).lastExportAt).toBe(now.toISOString());
    await recordExport(db, new Date(now.getTime() - 10 * DAY));
    expect((await h['storage.status']({}, { sender: 'extension' })).backupDue).toBe(true);
  });
});
