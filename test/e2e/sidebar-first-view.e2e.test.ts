import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GMAIL_THREAD_URL, OUTLOOK_THREAD_URL, isoDateFromToday, launchExtension, openPopup, readDb, sendFromExtensionPage, serveWebmail, type ExtensionSession } from './harness';
import { hook, invoiceRow, isSidebarOpen, resetData } from './flows';

/**
 * A sidebar left open: the page paints the first view the background formatted (no React yet), and the first
 * click in it hands over to the React panel, which then does what was clicked.
 */
const WEBMAILS = [
  { name: 'Gmail', url: GMAIL_THREAD_URL, client: { email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' } },
  { name: 'Outlook', url: OUTLOOK_THREAD_URL, client: { email: 'factures@brasserie-lemoine.example', name: 'Brasserie Lemoine' } },
] as const;

describe('the sidebar left open: first view, then the React panel on the first click', () => {
  let s: ExtensionSession;
  let popup: Page;

  beforeAll(async () => {
    s = await launchExtension();
    await serveWebmail(s, {
      gmail: 'test/fixtures/webmail/gmail-2026-11-thread.html',
      outlook: 'test/fixtures/webmail/outlook-2026-11-thread.html',
      files: { 'attid=': { status: 404 }, GetFileAttachment: { status: 404 } },
    });
    popup = await openPopup(s.context, s.extensionId);
    await resetData(popup);
    for (const w of WEBMAILS) {
      for (const [number, due] of [[`${w.name}-OLD`, -20], [`${w.name}-NEW`, 15]] as const) {
        await sendFromExtensionPage(popup, 'invoice.create', {
          invoice: { clientEmail: w.client.email, clientName: w.client.name, number, amountMinor: 150_000, currency: 'EUR', issueDate: isoDateFromToday(due - 30), dueDate: isoDateFromToday(due) },
        });
      }
    }
    await popup.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'relance.sidebarOpen': true }));
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(WEBMAILS)('$name: shows the client, the invoices, the next step and the risk at load, then marks an invoice paid on click', async (w) => {
    const page = await s.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The scripts the page parses, the content script's isolated world included: the panel's (React) is not one
    // of them until the first click.
    const cdp = await s.context.newCDPSession(page);
    const parsed: string[] = [];
    cdp.on('Debugger.scriptParsed', (e: { url: string }) => parsed.push(e.url));
    await cdp.send('Debugger.enable');
    const panelParsed = () => parsed.some((u) => u.startsWith('chrome-extension://') && u.endsWith('/sidebar-panel.js'));
    await page.goto(w.url);
    const sidebar = page.locator(hook('sidebar'));
    await sidebar.locator(hook('correspondent-email')).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await isSidebarOpen(page)).toBe(true);
    expect(await sidebar.locator(hook('correspondent-email')).textContent()).toBe(w.client.email);
    const old = invoiceRow(sidebar, `${w.name}-OLD`);
    await old.waitFor({ state: 'visible' });
    expect(await old.getAttribute('data-status')).toBe('overdue');
    expect(await invoiceRow(sidebar, `${w.name}-NEW`).getAttribute('data-status')).toBe('open');
    expect(await old.innerText()).toMatch(/1,500\.00|1\s?500,00/);
    await sidebar.locator(hook('next-step')).waitFor({ state: 'visible' });
    expect(['low', 'medium', 'high', 'unrated']).toContain(await sidebar.locator(hook('risk')).getAttribute('data-band'));
    // The toggle is named and points at the panel shown.
    const toggle = page.locator(hook('sidebar-toggle'));
    expect(await toggle.getAttribute('aria-label')).toBeTruthy();
    expect(await toggle.getAttribute('aria-controls')).toBe('relance-panel');

    expect(parsed.some((u) => u.includes('/content-scripts/'))).toBe(true);
    expect(panelParsed()).toBe(false);

    await old.locator(hook('mark-paid')).click();
    await expect.poll(async () => (await readDb(s.serviceWorker)).find((i) => i.number === `${w.name}-OLD`)?.status, { timeout: 15_000 }).toBe('paid');
    await expect.poll(() => old.getAttribute('data-status'), { timeout: 15_000 }).toBe('paid');
    // One panel: the first view gave its place to the React panel.
    expect(await sidebar.locator('.rl-panel').count()).toBe(1);
    expect(panelParsed()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a flag ticked in the first view is set, and the checkbox shows it', async () => {
    const page = await s.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const sidebar = page.locator(hook('sidebar'));
    const flag = sidebar.locator(`${hook('client-flag')}[data-flag="otherCompany"]`);
    await flag.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await flag.isChecked()).toBe(false);
    await flag.click();
    await expect.poll(() => flag.isChecked(), { timeout: 15_000 }).toBe(true);
    const f = await sendFromExtensionPage<{ flags: Record<string, boolean> }>(popup, 'client.followup', { clientEmail: WEBMAILS[0].client.email });
    expect(f.flags['otherCompany']).toBe(true);
    await page.close();
  });

  it('add-invoice in the first view opens the form; the close button closes and is remembered', async () => {
    const page = await s.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const sidebar = page.locator(hook('sidebar'));
    await sidebar.locator(hook('add-invoice')).click({ timeout: 15_000 });
    await sidebar.locator(hook('invoice-form')).waitFor({ state: 'visible', timeout: 15_000 });
    await page.close();

    const again = await s.context.newPage();
    await again.goto(GMAIL_THREAD_URL);
    await again.locator(hook('sidebar')).locator(hook('correspondent-email')).waitFor({ state: 'visible', timeout: 15_000 });
    await again.locator(`${hook('sidebar')} .rl-close`).click();
    await expect.poll(() => isSidebarOpen(again)).toBe(false);
    expect(await again.locator(hook('sidebar')).locator('.rl-panel').count()).toBe(0);
    await again.close();
    const third = await s.context.newPage();
    await third.goto(GMAIL_THREAD_URL);
    await third.locator(hook('sidebar')).waitFor({ state: 'attached', timeout: 15_000 });
    expect(await isSidebarOpen(third)).toBe(false);
    await third.close();
  });

  it('made no network request: everything the pages and the extension asked for was local', () => {
    expect(s.blocked).toEqual([]);
    expect(s.extensionRequests.filter((r) => /^(https?|wss?):/.test(r.url))).toEqual([]);
  });
});
