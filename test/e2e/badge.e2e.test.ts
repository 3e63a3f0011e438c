import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getBadgeText, launchExtension, openPopup, readDb, sendFromExtensionPage, type ExtensionSession } from './harness';
import { createInvoice, hook, invoiceRow, newInvoice, resetData } from './flows';

/**
 * The toolbar badge counts overdue invoices only: not those still to come, not paid ones. The extension reads
 * the wall clock, so every date here is relative to the real today.
 */
describe('the overdue badge and the popup', () => {
  let s: ExtensionSession;
  let popup: Page;

  const profile = mkdtempSync(join(tmpdir(), 'relance-e2e-badge-'));

  beforeAll(async () => {
    s = await launchExtension({ userDataDir: profile });
    popup = await openPopup(s.context, s.extensionId);
    await resetData(popup);
  });
  afterAll(async () => {
    await s?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('is empty when nothing is overdue, and says what Relance does', async () => {
    await popup.reload();
    expect(await getBadgeText(s.serviceWorker)).toBe('');
    expect(await popup.locator(hook('invoice')).count()).toBe(0);
    // The empty state explains itself in words (localised), not with untranslated message keys.
    const text = (await popup.locator('body').innerText()).trim();
    expect(text.length).toBeGreaterThan(40);
    expect(text).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
  });

  it('counts overdue invoices, not upcoming or paid ones, and lists overdue first', async () => {
    await createInvoice(popup, newInvoice('OVD-1', { dueInDays: -20, issuedDaysAgo: 50 }));
    await createInvoice(popup, newInvoice('OVD-2', { dueInDays: -1, issuedDaysAgo: 31, email: 'ap@other.example', currency: 'GBP' }));
    await createInvoice(popup, newInvoice('UPC-1', { dueInDays: 10 }));
    // Due today is not late yet.
    await createInvoice(popup, newInvoice('UPC-0', { dueInDays: 0 }));
    const paid = await createInvoice(popup, newInvoice('PAID-1', { dueInDays: -15, issuedDaysAgo: 45 }));
    await sendFromExtensionPage(popup, 'invoice.markPaid', { id: paid.id });

    await expect.poll(() => getBadgeText(s.serviceWorker)).toBe('2');

    await popup.reload();
    await invoiceRow(popup, 'OVD-1').waitFor({ state: 'visible' });
    const rows = await popup.locator(hook('invoice')).evaluateAll((els) =>
      els.map((el) => [el.getAttribute('data-invoice-number'), el.getAttribute('data-status')]),
    );
    const shown = Object.fromEntries(rows);
    expect(shown).toMatchObject({ 'OVD-1': 'overdue', 'OVD-2': 'overdue', 'UPC-1': 'open', 'UPC-0': 'open' });
    expect(shown['PAID-1'] ?? 'paid').toBe('paid');
    const order = rows.map(([n]) => n);
    expect(Math.max(order.indexOf('OVD-1'), order.indexOf('OVD-2'))).toBeLessThan(Math.min(order.indexOf('UPC-0'), order.indexOf('UPC-1')));
  });

  it('decrements the badge when an overdue invoice is marked paid in the popup', async () => {
    const row = invoiceRow(popup, 'OVD-1');
    await row.locator(hook('mark-paid')).click();
    await expect.poll(() => getBadgeText(s.serviceWorker)).toBe('1');
    await expect.poll(async () => (await readDb(s.serviceWorker)).find((i) => i.number === 'OVD-1')?.status).toBe('paid');
    // A paid invoice leaves the popup's lists, or stays marked paid.
    await expect.poll(async () => ((await row.count()) === 0 ? 'paid' : await row.getAttribute('data-status'))).toBe('paid');
  });

  it('recomputes the badge when the browser starts again, from what IndexedDB kept', async () => {
    const stored = await readDb(s.serviceWorker);
    await s.close();
    // Same profile, new browser process: the badge starts blank, so only the worker's start-up recompute fills it.
    s = await launchExtension({ userDataDir: profile });
    await expect.poll(() => getBadgeText(s.serviceWorker), { timeout: 15_000 }).toBe('1');
    expect(await readDb(s.serviceWorker)).toEqual(stored);
  });

  it('made no network request', () => {
    expect(s.blocked).toEqual([]);
    expect(s.extensionRequests.filter((r) => /^(https?|wss?):/.test(r.url))).toEqual([]);
  });
});
