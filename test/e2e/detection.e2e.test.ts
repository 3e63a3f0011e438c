import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GMAIL_ORIGIN, isoDateFromToday, launchExtension, openPopup, readDb, sendFromExtensionPage, serveWebmail, type ExtensionSession, type StoredInvoice } from './harness';
import { hook, openSidebar, resetData } from './flows';

/**
 * Issue 4 end to end, on the built extension in Chromium, for Gmail and for Outlook: sent invoices caught at send
 * time (compose window and inline reply) and when an old sent message is opened, a client's reply in the timeline,
 * one-click reminder insertion the editor registers, and the degraded notice on an unknown layout.
 */

const FIX = 'test/fixtures/webmail';

interface Webmail {
  name: 'gmail' | 'outlook';
  origin: string;
  urls: { compose: string; thread: string; inlineReply: string; sent: string; unknown: string };
  fixtures: { compose: string; thread: string; inlineReply: string; sent: string; unknown: string };
  /** The editor of a compose window or inline reply. */
  editor: string;
  sendButton: string;
  /** The sent fixture's invoice (body only: its PDF is refused with a 404 so the body fallback shows). */
  sent: { number: string; amountMinor: number; currency: string; dueDate: string; client: string };
  /** The thread fixture: the user's invoice and the client's reply promising to pay. */
  thread: { number: string; client: string; threadId: string };
  /** What the editor emulation leaves when the draft was registered as typed. */
  registered: (page: Page) => Promise<boolean>;
}

const GMAIL: Webmail = {
  name: 'gmail',
  origin: GMAIL_ORIGIN,
  urls: {
    compose: `${GMAIL_ORIGIN}/mail/u/0/#inbox?compose=new`,
    thread: `${GMAIL_ORIGIN}/mail/u/0/#inbox/FMfcgzQbfLrTzWmKpHxNvBqDcJsLtRwX`,
    inlineReply: `${GMAIL_ORIGIN}/mail/u/0/#inbox/FMfcgzQbfLrTzWmKpHxNvBqDcJsLtRwY`,
    sent: `${GMAIL_ORIGIN}/mail/u/0/#sent/FMfcgzQbfLrTzWmKpHxNvBqDcJsLtRwZ`,
    unknown: `${GMAIL_ORIGIN}/mail/u/0/#inbox/FMfcgzQbfLrTzWmKpHxNvBqDcJsLtRwQ`,
  },
  fixtures: {
    compose: `${FIX}/gmail-2026-11-compose.html`,
    thread: `${FIX}/gmail-2026-11-thread.html`,
    inlineReply: `${FIX}/gmail-2026-11-inline-reply.html`,
    sent: `${FIX}/gmail-2026-11-sent.html`,
    unknown: `${FIX}/gmail-unknown-layout.html`,
  },
  editor: '[g_editable="true"]',
  sendButton: 'div[role="button"].T-I-atl',
  sent: { number: 'F-2026-021', amountMinor: 120000, currency: 'USD', dueDate: '2026-11-05', client: 'billing@northwind.example' },
  thread: { number: 'F-2026-014', client: 'compta@atelier-dupont.example', threadId: 'thread-f:1812345678901234567' },
  registered: async (page) => (await page.locator('[g_editable="true"][data-saved="true"]').count()) > 0,
};

const OUTLOOK_ORIGIN = 'https://outlook.office.com';
const OUTLOOK: Webmail = {
  name: 'outlook',
  origin: OUTLOOK_ORIGIN,
  urls: {
    compose: `${OUTLOOK_ORIGIN}/mail/inbox`,
    thread: `${OUTLOOK_ORIGIN}/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjE1`,
    inlineReply: `${OUTLOOK_ORIGIN}/mail/inbox/id/AAQkAGI2TINLINE0001`,
    sent: `${OUTLOOK_ORIGIN}/mail/sentitems/id/AAQkAGI2TSENT0001`,
    unknown: `${OUTLOOK_ORIGIN}/mail/inbox/id/AAQkUNKNOWN`,
  },
  fixtures: {
    compose: `${FIX}/outlook-2026-11-compose.html`,
    thread: `${FIX}/outlook-2026-11-thread.html`,
    inlineReply: `${FIX}/outlook-2026-11-inline-reply.html`,
    sent: `${FIX}/outlook-2026-11-sent.html`,
    unknown: `${FIX}/outlook-unknown-layout.html`,
  },
  editor: '[contenteditable="true"][aria-multiline="true"]',
  sendButton: '[data-testid="ComposeSendButton"]',
  // "due within 30 days" of the 6 October 2026 sending date.
  sent: { number: 'F-2026-022', amountMinor: 145000, currency: 'USD', dueDate: '2026-11-05', client: 'billing@northwind.example' },
  thread: { number: 'F-2026-015', client: 'factures@brasserie-lemoine.example', threadId: '' },
  // Roosterjs takes the paste into its model: one undo step, and the draft is saved.
  registered: async (page) => (await page.locator('[data-undo-depth="1"][data-saved="true"]').count()) > 0,
};

/** Each test serves its own fixture: the route registered last answers first (Playwright runs them in reverse). */
async function serve(s: ExtensionSession, w: Webmail, fixture: string, files?: Parameters<typeof serveWebmail>[1]['files']): Promise<void> {
  await serveWebmail(s, { [w.name]: fixture, ...(files ? { files } : {}) });
}

const byNumber = (rows: StoredInvoice[], number: string) => rows.filter((r) => r.number === number);

async function typeInvoice(page: Page, w: Webmail, text: string): Promise<void> {
  const editor = page.locator(w.editor).first();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text, { delay: 0 });
}

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

describe.each([GMAIL, OUTLOOK])('$name: detection, timeline and insertion in Chromium', (w) => {
  let s: ExtensionSession;
  let popup: Page;

  beforeAll(async () => {
    s = await launchExtension();
    popup = await openPopup(s.context, s.extensionId);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sending an invoice from a compose window tracks it once: pending, then confirmed in the sidebar', async () => {
    await resetData(popup);
    await serve(s, w, w.fixtures.compose);
    const page = await s.context.newPage();
    await page.goto(w.urls.compose);
    await page.locator(w.editor).first().waitFor();
    const due = isoDateFromToday(30);
    await typeInvoice(page, w, `Hello,\nPlease find attached invoice F-2026-101 for 1,250.00 EUR, payable by ${due}.\nBest regards,\nSophie`);
    await page.locator(w.sendButton).first().click();

    await expect.poll(async () => byNumber(await readDb(s.serviceWorker), 'F-2026-101').length, { timeout: 15_000 }).toBe(1);
    const [inv] = byNumber(await readDb(s.serviceWorker), 'F-2026-101');
    expect(inv).toMatchObject({ amountMinor: 125000, currency: 'EUR', dueDate: due, review: 'pending' });

    const sidebar = await openSidebar(page);
    const detected = sidebar.locator(`${hook('detected-invoice')}[data-invoice-number="F-2026-101"]`);
    await detected.waitFor({ timeout: 15_000 });
    await detected.locator(hook('confirm-invoice')).click();
    await expect.poll(async () => byNumber(await readDb(s.serviceWorker), 'F-2026-101')[0]?.review).toBe('confirmed');
    await sidebar.locator(`${hook('invoice')}[data-invoice-number="F-2026-101"]`).waitFor();
    expect(byNumber(await readDb(s.serviceWorker), 'F-2026-101')).toHaveLength(1);
    await page.close();
  });

  it('sending an invoice from an inline reply tracks it once, though the sent message then shows in the thread', async () => {
    await resetData(popup);
    await serve(s, w, w.fixtures.inlineReply);
    const page = await s.context.newPage();
    await page.goto(w.urls.inlineReply);
    await page.locator(w.editor).first().waitFor();
    const due = isoDateFromToday(45);
    await typeInvoice(page, w, `Hello,\nHere is invoice F-2026-102 for the extra work: 640.00 EUR, payable by ${due}.\nThanks,\nSophie`);
    await page.locator(w.sendButton).first().click();

    await expect.poll(async () => byNumber(await readDb(s.serviceWorker), 'F-2026-102').length, { timeout: 15_000 }).toBe(1);
    const sidebar = await openSidebar(page);
    const detected = sidebar.locator(`${hook('detected-invoice')}[data-invoice-number="F-2026-102"]`);
    await detected.waitFor({ timeout: 15_000 });
    await detected.locator(hook('confirm-invoice')).click();
    await expect.poll(async () => byNumber(await readDb(s.serviceWorker), 'F-2026-102')[0]?.review).toBe('confirmed');
    // The sent message rendered in the thread afterwards is the same mail, not a second invoice.
    await page.waitForTimeout(800);
    const rows = byNumber(await readDb(s.serviceWorker), 'F-2026-102');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amountMinor: 64000, currency: 'EUR', dueDate: due });
    await page.close();
  });

  it('opening an old sent invoice detects it once (body fallback when the PDF cannot be fetched); reopening adds nothing', async () => {
    await resetData(popup);
    await serve(s, w, w.fixtures.sent, { 'attid=': { status: 404 }, GetFileAttachment: { status: 404 } });
    const page = await s.context.newPage();
    await page.goto(w.urls.sent);
    await expect.poll(async () => byNumber(await readDb(s.serviceWorker), w.sent.number).length, { timeout: 15_000 }).toBe(1);
    const [inv] = byNumber(await readDb(s.serviceWorker), w.sent.number);
    expect(inv).toMatchObject({ amountMinor: w.sent.amountMinor, currency: w.sent.currency, dueDate: w.sent.dueDate, clientEmail: w.sent.client });
    const sidebar = await openSidebar(page);
    const detected = sidebar.locator(`${hook('detected-invoice')}[data-invoice-number="${w.sent.number}"]`);
    await detected.waitFor({ timeout: 15_000 });
    await expect.poll(() => detected.locator(hook('attachment-unread')).count()).toBe(1);

    await page.reload();
    await page.locator(hook('sidebar')).waitFor({ state: 'attached' });
    await page.waitForTimeout(1500);
    expect(byNumber(await readDb(s.serviceWorker), w.sent.number)).toHaveLength(1);
    await page.close();
  });

  it('a client reply promising to pay shows in the timeline; Insert reminder leaves a registered draft and records it', async () => {
    await resetData(popup);
    await serve(s, w, w.fixtures.thread);
    const page = await s.context.newPage();
    await page.goto(w.urls.thread);
    await expect.poll(async () => byNumber(await readDb(s.serviceWorker), w.thread.number).length, { timeout: 15_000 }).toBe(1);
    const sidebar = await openSidebar(page);
    const reply = sidebar.locator(`${hook('timeline')} ${hook('event')}[data-event-type="reply-received"]`);
    await reply.first().waitFor({ timeout: 15_000 });
    expect(await reply.first().getAttribute('data-intent')).toBe('promise');
    expect(await reply.first().innerText()).toMatch(/promised to pay|a promis de payer/i);

    // Make it an overdue, confirmed invoice so a reminder is due (the extension reads the real clock).
    const [inv] = byNumber(await readDb(s.serviceWorker), w.thread.number);
    await sendFromExtensionPage(popup, 'invoice.confirm', { id: inv!.id, edits: { issueDate: isoDateFromToday(-75), dueDate: isoDateFromToday(-45) } });
    await page.reload();
    // A promise pauses the ladder until the promised date (Gmail's: the end of this month; Outlook's "vendredi" may
    // be past already); the user lifts any pause to chase now.
    await page.locator(hook('next-step')).waitFor({ timeout: 15_000 });
    await sendFromExtensionPage(popup, 'event.record', { invoiceIds: [inv!.id], type: 'resumed', payload: {} });
    await page.reload();
    const sidebar2 = await openSidebar(page);
    const row = sidebar2.locator(`${hook('invoice')}[data-invoice-number="${w.thread.number}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.locator(hook('insert-reminder')).click();
    await expect.poll(() => w.registered(page), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await page.locator(w.editor).first().innerText()).includes(w.thread.number)).toBe(true);
    await sidebar2.locator(`${hook('event')}[data-event-type="reminder-drafted"]`).first().waitFor({ timeout: 15_000 });
    const events = (await readDb(s.serviceWorker, 'events')) as unknown as Array<{ type: string; invoiceId: string; payload: Record<string, unknown> }>;
    expect(events.filter((e) => e.type === 'reminder-drafted' && e.invoiceId === inv!.id)).toHaveLength(1);
    await page.close();
  });

  it('a page with unknown markup shows the notice, reports a diagnostic and logs no error', async () => {
    await resetData(popup);
    await serve(s, w, w.fixtures.unknown);
    const page = await s.context.newPage();
    const problems = watchConsole(page);
    await page.goto(w.urls.unknown);
    const sidebar = await openSidebar(page);
    await sidebar.locator(hook('unrecognised-page')).waitFor({ timeout: 15_000 });
    await sidebar.locator(hook('add-invoice')).waitFor();
    const diag = await sendFromExtensionPage<{ diagnostics: Array<{ webmail: string; censoredHtml: string }> }>(popup, 'diagnostic.list', {});
    expect(diag.diagnostics.some((d) => d.webmail === w.name)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

