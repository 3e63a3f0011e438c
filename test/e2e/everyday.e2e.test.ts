import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST_DIR, GMAIL_THREAD_URL, PROJECT_ROOT, getBadgeText, isoDateFromToday, launchExtension, openOptions, openPopup, readDb, serveWebmail, type ExtensionSession } from './harness';
import { hook, invoiceRow, openSidebar, resetData } from './flows';
import { backupText, frenchBuild } from './everyday-data';

/**
 * Everyday use through the UI only: a backup imported on the options page fills the badge and the popup (overdue
 * first, grouped by client); the popup's actions (mark paid in full or in part, snooze, pause, open the thread,
 * keyboard); a CSV export of an invoicing tool imported after the mapping step; bad files refused with the problem
 * named and nothing changed; screenshots of the popup, the sidebar and the options in both themes and languages.
 */

const SCREENSHOTS = process.env.RELANCE_SCREENSHOTS ? resolve(process.env.RELANCE_SCREENSHOTS) : join(tmpdir(), 'relance-ui-screens');
const GMAIL_FIXTURE = 'test/fixtures/webmail/gmail-2026-11-thread.html';
const csvFixture = (name: string) => join(PROJECT_ROOT, 'test/fixtures/csv', name);

async function statusText(page: Page, name: string): Promise<string> {
  const el = page.locator(hook(name));
  return (await el.count()) ? el.innerText() : '';
}

async function importBackup(options: Page, text: string, expected: RegExp): Promise<void> {
  await options.reload();
  await options.locator(hook('import-file')).setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect.poll(() => statusText(options, 'import-status'), { timeout: 10_000 }).toMatch(expected);
}

async function popupOrder(popup: Page): Promise<[string | null, string | null][]> {
  return popup.locator(hook('invoice')).evaluateAll((els) => els.map((el) => [el.getAttribute('data-invoice-number'), el.getAttribute('data-status')] as [string | null, string | null]));
}

describe('everyday use: backup, badge, popup actions, CSV import', () => {
  let s: ExtensionSession;
  let options: Page;
  let popup: Page;

  beforeAll(async () => {
    s = await launchExtension();
    options = await openOptions(s.context, s.extensionId);
    options.on('dialog', (d) => void d.accept());
    await resetData(options);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('opened the first-run page on install', async () => {
    await expect.poll(() => s.context.pages().some((p) => p.url().endsWith('/welcome.html')), { timeout: 10_000 }).toBe(true);
    const welcome = s.context.pages().find((p) => p.url().endsWith('/welcome.html'))!;
    await welcome.locator(hook('welcome')).waitFor();
    expect(await welcome.locator('body').innerText()).toMatch(/storage/i);
    await welcome.locator(hook('welcome-done')).click();
    await expect.poll(() => welcome.isClosed()).toBe(true);
  });

  it('imports a backup with three overdue and one upcoming invoice: badge 3, popup overdue first, grouped by client', async () => {
    await importBackup(options, backupText(), /\b4\b/);
    await expect.poll(() => getBadgeText(s.serviceWorker)).toBe('3');
    popup = await openPopup(s.context, s.extensionId);
    await invoiceRow(popup, 'F-2026-101').waitFor();
    expect(await popupOrder(popup)).toEqual([
      ['F-2026-101', 'overdue'],
      ['F-2026-102', 'overdue'],
      ['INV-7', 'overdue'],
      ['F-2026-140', 'open'],
    ]);
    const groups = popup.locator(hook('client-group'));
    expect(await groups.count()).toBe(3);
    // Per client: totals per currency and the next step of the ladder.
    const dupont = groups.first();
    expect(await dupont.getAttribute('data-client-email')).toBe('compta@atelier-dupont.example');
    expect(await dupont.innerText()).toMatch(/3,330\.50|3\s?330,50/);
    expect(await dupont.locator(hook('next-step')).innerText()).toMatch(/Next:/);
  });

  it('marking one paid in the popup makes the badge 2', async () => {
    await invoiceRow(popup, 'INV-7').locator(hook('mark-paid')).click();
    await expect.poll(() => getBadgeText(s.serviceWorker)).toBe('2');
    await expect.poll(async () => (await readDb(s.serviceWorker)).find((i) => i.number === 'INV-7')?.status).toBe('paid');
    await expect.poll(() => invoiceRow(popup, 'INV-7').count()).toBe(0);
  });

  it('records a partial payment with its date from the inline form, opened and closed with the keyboard', async () => {
    const row = invoiceRow(popup, 'F-2026-102');
    const details = row.locator(hook('mark-paid-details'));
    await details.focus();
    await popup.keyboard.press('Enter');
    const amount = row.locator('[name="paidAmount"]');
    await expect.poll(() => amount.evaluate((el) => el === document.activeElement)).toBe(true);
    // Escape closes the form and gives the focus back to the button that opened it.
    await popup.keyboard.press('Escape');
    await expect.poll(() => amount.count()).toBe(0);
    expect(await details.evaluate((el) => el === document.activeElement)).toBe(true);

    await popup.keyboard.press('Space');
    await amount.fill('200.00');
    await row.locator('[name="paidDate"]').fill(isoDateFromToday(-1));
    await row.locator(hook('mark-paid-save')).click();
    await expect.poll(async () => (await readDb(s.serviceWorker)).find((i) => i.number === 'F-2026-102')?.['paidMinor']).toBe(20_000);
    // The payment is in the invoice's history with the date given.
    const events = await readDb(s.serviceWorker, 'events');
    expect(events.filter((e) => e['type'] === 'payment-recorded').map((e) => e['payload'])).toContainEqual(expect.objectContaining({ date: isoDateFromToday(-1), amountMinor: 20_000 }));
    // Still owed: still overdue, still counted.
    expect(await getBadgeText(s.serviceWorker)).toBe('2');
    await expect.poll(() => row.innerText()).toMatch(/250\.50|250,50/);
  });

  it('snoozes an invoice until a date and pauses another', async () => {
    const row = invoiceRow(popup, 'F-2026-101');
    await row.locator(hook('snooze')).click();
    const until = row.locator('[name="until"]');
    const min = await until.getAttribute('min');
    await until.fill(min!);
    await row.locator(hook('snooze-save')).click();
    await expect.poll(async () => (await readDb(s.serviceWorker)).find((i) => i.number === 'F-2026-101')?.['snoozedUntil']).toBe(min);
    await expect.poll(() => row.getAttribute('data-paused')).toBe('true');

    const upcoming = invoiceRow(popup, 'F-2026-140');
    await upcoming.locator(hook('pause')).click();
    await expect.poll(() => upcoming.getAttribute('data-paused')).toBe('true');
    await upcoming.locator(hook('pause')).click();
    await expect.poll(() => upcoming.getAttribute('data-paused')).toBe('false');
  });

  it('opens the thread in the webmail, or searches the client when no thread is known', async () => {
    // Record what the popup asks chrome.tabs.create to open instead of loading a real webmail: a tab the extension
    // creates starts loading before the test's routes can answer it.
    await popup.evaluate(() => {
      const w = window as unknown as { __opened: string[]; chrome: { tabs: { create(o: { url: string }): Promise<unknown> } } };
      w.__opened = [];
      w.chrome.tabs.create = async (o) => {
        w.__opened.push(o.url);
        return {};
      };
    });
    await invoiceRow(popup, 'F-2026-101').locator(hook('open-thread')).click();
    await invoiceRow(popup, 'F-2026-140').locator(hook('open-thread')).click();
    // The client's "Insert reminder" opens the thread of its most late invoice, where the sidebar offers the draft.
    await popup.locator(hook('insert-reminder')).first().click();
    const opened = await popup.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
    expect(opened).toEqual([
      // thread-f:<decimal> is opened by its hex id, as Gmail's own links do.
      `https://mail.google.com/mail/u/0/#all/${BigInt('1823456789012345678').toString(16)}`,
      'https://mail.google.com/mail/u/0/#search/compta%40atelier-dupont.example',
      `https://mail.google.com/mail/u/0/#all/${BigInt('1823456789012345678').toString(16)}`,
    ]);
  });

  it('refuses a malformed JSON backup, naming the problem, and changes nothing', async () => {
    const before = await readDb(s.serviceWorker);
    await importBackup(options, '{"format": "relance-backup", "invoices": [', /JSON/i);
    await importBackup(options, backupText().replace(/"dueDate": "[^"]+"/, '"dueDate": "31/12/2026"'), /dueDate/);
    expect(await readDb(s.serviceWorker)).toEqual(before);
  });

  it('refuses malformed CSV files with line and column, and changes nothing', async () => {
    const before = await readDb(s.serviceWorker);
    await options.reload();
    // Unreadable as CSV: refused at once.
    await options.locator(hook('csv-file')).setInputFiles(csvFixture('bad-unclosed-quote.csv'));
    await expect.poll(() => statusText(options, 'csv-status')).toMatch(/cannot be imported: .*quote/i);
    // Readable, but with a date that does not exist: the check names line and column, and the import is refused.
    await options.locator(hook('csv-file')).setInputFiles(csvFixture('bad-dates-amounts.csv'));
    await options.locator(hook('csv-mapping')).waitFor();
    await options.locator(hook('csv-check')).click();
    await expect.poll(() => statusText(options, 'csv-errors')).toMatch(/Line 3, column “Échéance”: '31\/02\/2025' is not a date/);
    await options.locator(hook('csv-import')).click();
    await expect.poll(() => statusText(options, 'csv-status')).toMatch(/Nothing can be imported/);
    expect(await readDb(s.serviceWorker)).toEqual(before);
  });

  it('imports an Invoice Ninja export after the mapping step', async () => {
    const countBefore = (await readDb(s.serviceWorker)).length;
    await options.reload();
    await options.locator(hook('csv-file')).setInputFiles(csvFixture('preset-invoice-ninja.csv'));
    const mapping = options.locator(hook('csv-mapping'));
    await mapping.waitFor();
    expect(await mapping.getAttribute('data-tool')).toBe('Invoice Ninja');
    expect(await statusText(options, 'csv-status')).toMatch(/Invoice Ninja: 3 row/);
    // The mapping is the user's to correct: without a number column the check says what is missing.
    const number = options.locator('select[name="map-number"]');
    const chosen = await number.inputValue();
    await number.selectOption('');
    await options.locator(hook('csv-check')).click();
    await expect.poll(() => statusText(options, 'csv-errors')).toMatch(/invoice number/);
    await number.selectOption(chosen);
    expect(await number.locator('option:checked').innerText()).toBe('Invoice Number');
    await options.locator(hook('csv-check')).click();
    await expect.poll(() => statusText(options, 'csv-status')).toMatch(/Ready: 3 invoice/);
    await options.locator(hook('csv-import')).click();
    await expect.poll(() => statusText(options, 'csv-status')).toMatch(/Imported 3 invoice/);
    const rows = await readDb(s.serviceWorker);
    expect(rows.length).toBe(countBefore + 3);
    expect(rows.find((r) => r.number === 'INV-0001')).toMatchObject({ clientEmail: 'billing@acme.example', amountMinor: 125_000, dueDate: '2025-05-01', status: 'open' });
    expect(rows.find((r) => r.number === 'INV-0002')?.status).toBe('paid');
    // INV-0001 and the partly paid INV-0003 are long overdue: the badge counts them.
    await expect.poll(() => getBadgeText(s.serviceWorker)).toBe('4');
  });

  it('sets a per-client override and the notification settings on the options page', async () => {
    await options.reload();
    const row = options.locator(`${hook('client-row')}[data-client-email="ap@northwind.example"]`);
    await row.locator('select[name="b2b"]').selectOption('consumer');
    await expect.poll(async () => (await readDb(s.serviceWorker, 'clients')).find((c) => c['email'] === 'ap@northwind.example')?.['b2b']).toBe(false);
    await options.locator('input[name="notificationsWeekends"]').check();
    await expect.poll(async () => JSON.stringify(await readDb(s.serviceWorker, 'settings'))).toMatch(/"weekends":true/);
  });

  it('made no network request of its own', () => {
    // The webmail tabs opened by "Open" are answered by the fixture routes; nothing else may leave.
    expect(s.blocked).toEqual([]);
    expect(s.extensionRequests.filter((r) => /^(https?|wss?):/.test(r.url))).toEqual([]);
  });
});

/** Screenshots for a person to look at: popup, sidebar and options, light and dark, English and French. */
describe.each(['en', 'fr'] as const)('screenshots (%s)', (lang) => {
  let s: ExtensionSession;
  let french: { dir: string; remove(): void } | null = null;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    french = lang === 'fr' ? frenchBuild(DIST_DIR) : null;
    s = await launchExtension({ ...(french ? { distDir: french.dir } : {}), lang: lang === 'fr' ? 'fr-FR' : 'en-US' });
    await serveWebmail(s, { gmail: GMAIL_FIXTURE, files: { 'attid=': { status: 404 } } });
    const options = await openOptions(s.context, s.extensionId);
    await resetData(options);
    await options.locator(hook('import-file')).setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(backupText()) });
    await options.locator(hook('import-status')).filter({ hasText: /\b4\b/ }).waitFor({ timeout: 10_000 });
    await options.close();
  });
  afterAll(async () => {
    await s?.close();
    french?.remove();
  });

  it.each(['light', 'dark'] as const)('%s theme', async (scheme) => {
    const popup = await openPopup(s.context, s.extensionId);
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 460, height: 600 });
    await invoiceRow(popup, 'F-2026-101').waitFor();
    // Show one inline form open, as a user would see it.
    await invoiceRow(popup, 'F-2026-102').locator(hook('mark-paid-details')).click();
    expect(await popup.locator('body').innerText()).toMatch(lang === 'fr' ? /En retard/i : /Overdue/i);
    await popup.screenshot({ path: join(SCREENSHOTS, `popup-${lang}-${scheme}.png`), fullPage: true });
    await popup.close();

    const options = await openOptions(s.context, s.extensionId);
    await options.emulateMedia({ colorScheme: scheme });
    await options.locator(hook('plans')).waitFor();
    await options.locator(hook('csv-file')).setInputFiles(csvFixture('preset-invoice-ninja.csv'));
    await options.locator(hook('csv-mapping')).waitFor();
    await options.screenshot({ path: join(SCREENSHOTS, `options-${lang}-${scheme}.png`), fullPage: true });
    // Close-ups at full resolution: the full page is too tall to read once scaled down.
    for (const part of ['clients', 'plans', 'csv', 'delete'])
      await options.locator(hook(part)).screenshot({ path: join(SCREENSHOTS, `options-${part}-${lang}-${scheme}.png`) });
    await options.close();

    const page = await s.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(GMAIL_THREAD_URL);
    const sidebar = await openSidebar(page);
    await invoiceRow(sidebar, 'F-2026-101').waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(SCREENSHOTS, `sidebar-${lang}-${scheme}.png`) });
    await page.close();
  });
});

/** A long list comes a page at a time: "Show more" adds the next clients, and an action keeps every shown page. */
describe('popup pages: show more, then an action', () => {
  let s: ExtensionSession;
  // 25 clients with one overdue invoice each, the most late first: the first page shows 10 of them.
  const many = Array.from({ length: 25 }, (_, n) => ({
    number: `P-${String(n + 1).padStart(2, '0')}`,
    email: `ap${n + 1}@client${n + 1}.example`,
    name: `Client ${n + 1}`,
    amountMinor: 10_000 + n,
    currency: 'EUR',
    dueInDays: -60 + n,
  }));
  const numbers = (page: Page) => page.locator(hook('invoice')).evaluateAll((els) => els.map((el) => el.getAttribute('data-invoice-number')));

  beforeAll(async () => {
    s = await launchExtension();
    const options = await openOptions(s.context, s.extensionId);
    await resetData(options);
    await options.locator(hook('import-file')).setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: Buffer.from(backupText(many)) });
    await options.locator(hook('import-status')).filter({ hasText: /\b25\b/ }).waitFor({ timeout: 10_000 });
    await options.close();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the first page, then the rest with "Show more", in due-date order; paying one keeps every page shown', async () => {
    const popup = await openPopup(s.context, s.extensionId);
    await invoiceRow(popup, 'P-01').waitFor();
    expect(await numbers(popup)).toEqual(many.slice(0, 10).map((i) => i.number));
    const more = popup.locator(hook('popup-more'));
    expect(await more.innerText()).toMatch(/15/);
    await more.click();
    await invoiceRow(popup, 'P-25').waitFor();
    expect(await numbers(popup)).toEqual(many.map((i) => i.number));
    // Everything is shown: no more button.
    expect(await more.count()).toBe(0);

    // An invoice of the second page is paid: the list refreshes, and the second page stays on screen.
    await invoiceRow(popup, 'P-20').locator(hook('mark-paid')).click();
    await expect.poll(() => invoiceRow(popup, 'P-20').count()).toBe(0);
    expect(await numbers(popup)).toEqual(many.filter((i) => i.number !== 'P-20').map((i) => i.number));
    await expect.poll(() => getBadgeText(s.serviceWorker)).toBe('24');
    await popup.close();
  });
});
