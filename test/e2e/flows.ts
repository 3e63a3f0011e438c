import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { isoDateFromToday, sendFromExtensionPage } from './harness';

/**
 * What a user does, through the stable test hooks only (data-relance attributes and form field names),
 * so these flows keep working whatever the markup around the hooks becomes.
 */

export interface InvoiceFormInput {
  clientEmail: string;
  clientName: string;
  number: string;
  /** A plain decimal, as typed: "2880.00". */
  amount: string;
  currency: string;
  issueDate: string;
  dueDate: string;
}

export const hook = (name: string) => `[data-relance="${name}"]`;
export const invoiceRow = (scope: Page | Locator, number: string) =>
  scope.locator(`${hook('invoice')}[data-invoice-number="${number}"]`);

/** `data-open` says whether the sidebar is open; "false" (or no attribute) means closed. */
export async function isSidebarOpen(page: Page): Promise<boolean> {
  const v = await page.locator(hook('sidebar')).getAttribute('data-open');
  return v !== null && v !== 'false';
}

/** Wait for the content script to mount the sidebar, and open it if it is closed. */
export async function openSidebar(page: Page): Promise<Locator> {
  const sidebar = page.locator(hook('sidebar'));
  await sidebar.waitFor({ state: 'attached', timeout: 15_000 });
  if (!(await isSidebarOpen(page))) await page.locator(hook('sidebar-toggle')).click();
  await expect.poll(() => isSidebarOpen(page)).toBe(true);
  return sidebar;
}

async function fillField(form: Locator, name: string, value: string): Promise<void> {
  const field = form.locator(`[name="${name}"]`).first();
  const tag = await field.evaluate((el) => el.tagName);
  if (tag === 'SELECT') await field.selectOption(value);
  else await field.fill(value);
}

/** The manual-entry form, opened through add-invoice when it is not already shown. */
export async function openInvoiceForm(scope: Locator): Promise<Locator> {
  const form = scope.locator(hook('invoice-form'));
  if (!(await form.isVisible())) await scope.locator(hook('add-invoice')).click();
  await form.waitFor({ state: 'visible' });
  return form;
}

export async function fillInvoiceForm(form: Locator, inv: InvoiceFormInput): Promise<void> {
  for (const [name, value] of Object.entries(inv)) await fillField(form, name, value);
}

/** Add an invoice by hand in the sidebar and wait until its row shows there. */
export async function addInvoiceThroughSidebar(page: Page, inv: InvoiceFormInput): Promise<Locator> {
  const sidebar = await openSidebar(page);
  const form = await openInvoiceForm(sidebar);
  await fillInvoiceForm(form, inv);
  await form.locator(hook('invoice-save')).click();
  const row = invoiceRow(sidebar, inv.number);
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  return row;
}

/** A new invoice as the protocol takes it (amounts in minor units), dated relative to today. */
export function newInvoice(
  number: string,
  opts: { email?: string; name?: string; amountMinor?: number; currency?: string; issuedDaysAgo?: number; dueInDays: number },
) {
  return {
    clientEmail: opts.email ?? 'billing@client.example',
    clientName: opts.name ?? 'Client Example',
    number,
    amountMinor: opts.amountMinor ?? 100_000,
    currency: opts.currency ?? 'EUR',
    issueDate: isoDateFromToday(-(opts.issuedDaysAgo ?? 30)),
    dueDate: isoDateFromToday(opts.dueInDays),
  };
}

export async function createInvoice(extensionPage: Page, invoice: ReturnType<typeof newInvoice>): Promise<{ id: string }> {
  return sendFromExtensionPage<{ id: string }>(extensionPage, 'invoice.create', { invoice });
}

/** Replace everything with an empty backup: a clean slate between tests without a new browser. */
export async function resetData(extensionPage: Page): Promise<void> {
  const empty = { format: 'relance-backup', version: 1, exportedAt: new Date().toISOString(), settings: {}, clients: [], invoices: [], events: [] };
  await sendFromExtensionPage(extensionPage, 'data.import', { text: JSON.stringify(empty) });
}
