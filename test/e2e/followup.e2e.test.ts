import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GMAIL_THREAD_URL, isoDateFromToday, launchExtension, openPopup, readDb, sendFromExtensionPage, serveWebmail, type ExtensionSession } from './harness';
import { createInvoice, hook, newInvoice, openSidebar, resetData } from './flows';

/**
 * Issue 5 in the browser: a client with two overdue invoices gets a risk card and ONE next step covering both;
 * after two written reminders the formal notice is proposed, and inserting it puts a draft in the editor that
 * recalls the earlier reminders with their dates.
 */

const FIXTURE = 'test/fixtures/webmail/gmail-2026-11-thread.html';
/** The thread fixture's correspondent: the sidebar shows this client. */
const CLIENT = { email: 'compta@atelier-dupont.example', name: 'Atelier Dupont' };
const NUMBERS = ['F-2026-201', 'F-2026-202'];
const THREAD_ID = 'thread-f:1812345678901234567';

async function seedTwoOverdue(popup: Page): Promise<string[]> {
  await resetData(popup);
  const ids: string[] = [];
  for (const [k, number] of NUMBERS.entries()) {
    const invoice = newInvoice(number, { email: CLIENT.email, name: CLIENT.name, amountMinor: 120_000 + k * 30_000, issuedDaysAgo: 90 - k, dueInDays: -60 + k });
    // Sent in the fixture's thread: the reminder is a reply there.
    const inv = await createInvoice(popup, { ...invoice, webmail: 'gmail', threadId: THREAD_ID } as typeof invoice);
    ids.push(inv.id);
  }
  return ids;
}

/** A reminder sent on `date`, as the background would record it, through a backup import (the protocol lets no page forge `reminder-sent`). */
async function addSentReminders(popup: Page, reminders: Array<{ stage: string; daysAgo: number }>, ids: string[]): Promise<void> {
  const backup = await sendFromExtensionPage<{ events: Array<Record<string, unknown>> }>(popup, 'data.export', {});
  for (const r of reminders) {
    const at = `${isoDateFromToday(-r.daysAgo)}T09:00:00.000Z`;
    for (const id of ids) backup.events.push({ invoiceId: id, clientKey: CLIENT.email, type: 'reminder-sent', at, payload: { stage: r.stage } });
  }
  await sendFromExtensionPage(popup, 'data.import', { text: JSON.stringify(backup) });
}

describe('Follow-up brain in the Gmail sidebar', () => {
  let s: ExtensionSession;
  let popup: Page;

  beforeAll(async () => {
    s = await launchExtension();
    await serveWebmail(s, { gmail: FIXTURE });
    popup = await openPopup(s.context, s.extensionId);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('two overdue invoices: a risk card with its factors, and one reminder covering both', async () => {
    await seedTwoOverdue(popup);
    const page = await s.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const sidebar = await openSidebar(page);
    const risk = sidebar.locator(hook('risk'));
    await risk.waitFor({ timeout: 15_000 });
    expect(['low', 'medium', 'high', 'unrated']).toContain(await risk.getAttribute('data-band'));
    expect(await risk.locator('.rl-factors li').count()).toBeGreaterThan(0);

    const next = sidebar.locator(hook('next-step'));
    expect(await next.count()).toBe(1);
    // Sixty days late: the catch-up proposes the most advanced written reminder allowed (never the formal notice first).
    expect(['first', 'second']).toContain(await next.getAttribute('data-stage'));
    const draft = next.locator(hook('draft'));
    const text = await draft.innerText();
    for (const n of NUMBERS) expect(text).toContain(n);
    // Shown as text: the preview holds no markup from the draft's HTML.
    expect(await draft.locator('p, table, a, b, strong').count()).toBe(0);
    // For a person to look at (light and dark): written to the OS temp folder, never compared.
    await page.screenshot({ path: join(tmpdir(), 'relance-followup-first.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(tmpdir(), 'relance-followup-first-dark.png') });
    await page.close();
  });

  it('after two written reminders, the formal notice recalls them with their dates, and one insertion covers both invoices', async () => {
    const ids = await seedTwoOverdue(popup);
    await addSentReminders(popup, [{ stage: 'first', daysAgo: 50 }, { stage: 'second', daysAgo: 35 }], ids);
    const page = await s.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    const sidebar = await openSidebar(page);
    const next = sidebar.locator(`${hook('next-step')}[data-stage="formal_notice"]`);
    await next.waitFor({ timeout: 15_000 });
    await expect.poll(() => next.locator(hook('print-letter')).count()).toBe(1);
    await page.screenshot({ path: join(tmpdir(), 'relance-followup-notice.png') });

    await next.locator(hook('insert-next-step')).click();
    const editor = page.locator('[g_editable="true"]').first();
    await expect.poll(async () => (await editor.getAttribute('data-saved')) === 'true', { timeout: 15_000 }).toBe(true);
    const body = await editor.innerText();
    for (const n of NUMBERS) expect(body).toContain(n);
    // The earlier reminders, each with its date, as the formal notice must recall them (the date as the draft
    // writes it: day of month and year at least).
    for (const daysAgo of [50, 35]) {
      const [y, , d] = isoDateFromToday(-daysAgo).split('-');
      expect(body).toMatch(new RegExp(`\\b0?${Number(d)}\\b[^\\n]*${y}|${y}[^\\n]*\\b0?${Number(d)}\\b`));
    }
    const events = (await readDb(s.serviceWorker, 'events')) as unknown as Array<{ type: string; invoiceId: string; payload: Record<string, unknown> }>;
    const drafted = events.filter((e) => e.type === 'reminder-drafted');
    expect(drafted.map((e) => e.invoiceId).sort()).toEqual([...ids].sort());
    expect(drafted.every((e) => e.payload['stage'] === 'formal_notice')).toBe(true);
    await page.close();
  });
});
