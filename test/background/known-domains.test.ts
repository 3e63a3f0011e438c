import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { knownDomains } from '@/lib/background/known-domains';
import type { RelanceDb } from '@/lib/db/schema';
import type { Client } from '@/lib/domain/invoice';
import { freshStore } from './helpers';

/**
 * The clients' domains for the look-alike check (lib/background/known-domains.ts) are scanned once and then kept up
 * to date from the writes. A domain missing from them hides a look-alike warning; one kept after its last client
 * went (or after a write that never happened) raises a wrong one. So: every way a client is written is seen, and
 * anything else sends the next answer back to a scan.
 */

const client = (email: string): Client => ({ key: email, email, name: '', jurisdiction: null, b2b: true, language: null, paused: false, createdAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T10:00:00.000Z' });

function counted(db: RelanceDb) {
  const scans = vi.spyOn(db.clients, 'toCollection');
  return { db, scans: () => scans.mock.calls.length, domains: async () => [...(await knownDomains(db)).domains].sort() };
}

describe('known client domains', () => {
  it('scans once, then follows clients added, with or without a new domain, without scanning again', async () => {
    const { db, scans, domains } = counted(freshStore().db);
    await db.clients.bulkAdd([client('a@acme.example'), client('b@globex.example')]);
    expect(await domains()).toEqual(['acme.example', 'globex.example']);
    expect(scans()).toBe(1);
    await db.clients.put(client('c@acme.example'));
    await db.transaction('rw', db.clients, db.invoices, async () => {
      await db.clients.bulkPut([client('d@initech.example')]);
    });
    expect(await domains()).toEqual(['acme.example', 'globex.example', 'initech.example']);
    await db.clients.update('a@acme.example', { name: 'Acme' });
    expect(await domains()).toEqual(['acme.example', 'globex.example', 'initech.example']);
    expect(scans()).toBe(1);
  });

  it('scans again after a delete, and forgets the domain of the last client gone', async () => {
    const { db, scans, domains } = counted(freshStore().db);
    await db.clients.bulkAdd([client('a@acme.example'), client('b@globex.example'), client('c@globex.example')]);
    expect(await domains()).toEqual(['acme.example', 'globex.example']);
    await db.clients.delete('a@acme.example');
    expect(await domains()).toEqual(['globex.example']);
    await db.clients.delete('b@globex.example');
    expect(await domains()).toEqual(['globex.example']);
    await db.clients.clear();
    expect(await domains()).toEqual([]);
    expect(scans()).toBe(4);
  });

  it('does not keep the domain of a client whose transaction aborted', async () => {
    const { db, domains } = counted(freshStore().db);
    await db.clients.add(client('a@acme.example'));
    expect(await domains()).toEqual(['acme.example']);
    await expect(
      db.transaction('rw', db.clients, async () => {
        await db.clients.put(client('x@phantom.example'));
        throw new Error('the rest of the decision failed');
      }),
    ).rejects.toThrow('the rest of the decision failed');
    expect(await db.clients.count()).toBe(1);
    expect(await domains()).toEqual(['acme.example']);
  });

  it('follows a client written while a scan is reading', async () => {
    const { db, scans, domains } = counted(freshStore().db);
    await db.clients.add(client('a@acme.example'));
    const asked = knownDomains(db);
    // Issued after the scan started (its transaction was created first): not in what it reads, told by the write.
    const late = Dexie.ignoreTransaction(() => db.clients.put(client('b@late.example')));
    expect([...(await asked).domains].sort()).toEqual(['acme.example']);
    await late;
    expect(await domains()).toEqual(['acme.example', 'late.example']);
    expect(scans()).toBe(1);
  });

  it('follows a client whose write was issued before the first check, when the check reads in an older transaction', async () => {
    const { store } = freshStore();
    const { db, domains } = counted(store.db);
    await db.open();
    // The background's handlers start following the client writes when they are created, before any request.
    createHandlers(store, { now: () => new Date('2026-11-23T10:00:00Z'), afterWrite: async () => undefined });
    let late: Promise<unknown> = Promise.resolve();
    const first = await db.transaction('r', db.clients, async () => {
      // Created after this read-only transaction, the write waits for it: the check below cannot see it.
      late = Dexie.ignoreTransaction(() => db.clients.put(client('a@acme.example')));
      await db.clients.count();
      return [...(await knownDomains(db)).domains];
    });
    expect(first).toEqual([]);
    await late;
    expect(await domains()).toEqual(['acme.example']);
  });

  it('answers askers in different transactions at once, each from a read in its own transaction', async () => {
    const { db, scans } = counted(freshStore().db);
    await db.clients.add(client('a@acme.example'));
    const inTransaction = () => db.transaction('r', db.clients, db.invoices, async () => [...(await knownDomains(db)).domains]);
    expect(await Promise.all([inTransaction(), inTransaction(), inTransaction()])).toEqual([['acme.example'], ['acme.example'], ['acme.example']]);
    expect(scans()).toBe(3);
    expect(await inTransaction()).toEqual(['acme.example']);
    expect(scans()).toBe(3);
  });

  it('answers concurrent askers with one scan', async () => {
    const { db, scans } = counted(freshStore().db);
    await db.clients.add(client('a@acme.example'));
    const [x, y] = await Promise.all([knownDomains(db), knownDomains(db)]);
    expect(x).toBe(y);
    expect(scans()).toBe(1);
  });
});
