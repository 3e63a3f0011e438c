import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GMAIL_THREAD_URL, getBadgeText, isoDateFromToday, launchExtension, openPopup, readDb, serveWebmail, type ExtensionSession } from './harness';
import { addInvoiceThroughSidebar, fillInvoiceForm, hook, invoiceRow, isSidebarOpen, openInvoiceForm, openSidebar, resetData } from './flows';

/** The fixture thread: the user sent an invoice to Atelier Dupont, who replied. */
const FIXTURE = 'test/fixtures/webmail/gmail-2026-11-thread.html';
const CLIENT = { email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' };

describe('Gmail: the sidebar in a real Chromium', () => {
  let s: ExtensionSession;
  let popup: Page;

  beforeAll(async () => {
    s = await launchExtension();
    // The fixture's PDF download (same origin) is answered locally: detection then falls back to the body.
    await serveWebmail(s, { gmail: FIXTURE, files: { 'attid=': { status: 404 } } });
    popup = await openPopup(s.context, s.extensionId);
    await resetData(popup);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('mounts the sidebar closed, opens it with its toggle, and remembers that it is open', async () => {
    const page = await s.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    await page.locator(hook('sidebar')).waitFor({ state: 'attached', timeout: 15_000 });
    expect(await isSidebarOpen(page)).toBe(false);
    await openSidebar(page);
    await page.reload();
    await page.locator(hook('sidebar')).waitFor({ state: 'attached', timeout: 15_000 });
    await expect.poll(() => isSidebarOpen(page)).toBe(true);
    await page.close();
  });

  it('shows validation errors in the form and saves nothing', async () => {
    const page = await s.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const form = await openInvoiceForm(await openSidebar(page));
    await fillInvoiceForm(form, {
      clientEmail: CLIENT.email,
      clientName: CLIENT.name,
      number: 'F-2026-BAD',
      amount: '2880.00',
      currency: 'EUR',
      issueDate: isoDateFromToday(0),
      // Due before issued: the form must say so instead of saving.
      dueDate: isoDateFromToday(-10),
    });
    await form.locator(hook('invoice-save')).click();
    await expect.poll(() => form.locator('[aria-invalid="true"], [role="alert"]').count()).toBeGreaterThan(0);
    expect(await form.isVisible()).toBe(true);
    expect((await readDb(s.serviceWorker)).filter((i) => i.number === 'F-2026-BAD')).toEqual([]);
    await page.close();
  });

  it('adds an overdue invoice in the sidebar: it reaches IndexedDB, the popup and the badge', async () => {
    const page = await s.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const issueDate = isoDateFromToday(-40);
    const dueDate = isoDateFromToday(-10);
    const row = await addInvoiceThroughSidebar(page, {
      clientEmail: CLIENT.email,
      clientName: CLIENT.name,
      // Not the fixture thread's own F-2026-014, which detection proposes by itself.
      number: 'F-2026-914',
      amount: '2880.00',
      currency: 'EUR',
      issueDate,
      dueDate,
    });
    expect(await row.getAttribute('data-status')).toBe('overdue');

    const stored = (await readDb(s.serviceWorker)).filter((i) => i.source === 'manual');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ number: 'F-2026-914', clientEmail: CLIENT.email, amountMinor: 288_000, currency: 'EUR', issueDate, dueDate, status: 'open' });

    await expect.poll(() => getBadgeText(s.serviceWorker)).toBe('1');

    await popup.reload();
    const popupRow = invoiceRow(popup, 'F-2026-914');
    await popupRow.waitFor({ state: 'visible' });
    expect(await popupRow.getAttribute('data-status')).toBe('overdue');
    await page.close();
  });

  it('lists the invoices of the open thread\'s correspondent when the thread is opened again', async () => {
    const page = await s.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const sidebar = await openSidebar(page);
    await invoiceRow(sidebar, 'F-2026-914').waitFor({ state: 'visible' });
    await page.close();
  });

  it('made no network request: everything the pages and the extension asked for was local', () => {
    expect(s.blocked).toEqual([]);
    expect(s.extensionRequests.filter((r) => /^(https?|wss?):/.test(r.url))).toEqual([]);
  });
});
