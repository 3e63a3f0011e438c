import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  PROJECT_ROOT,
  assertBuilt,
  isoDateFromToday,
  launchExtension,
  openOptions,
  openPopup,
  sendFromExtensionPage,
  serveWebmail,
  type ExtensionSession,
} from '../e2e/harness';

/**
 * `npm run demo`: the built extension in Chromium, on a demo Gmail page and a demo Outlook page served
 * locally by request routing (nothing reaches the network), with a few sent invoices already tracked.
 * With a display it opens a window and waits until you close it; without one (or with --headless) it
 * writes screenshots to a folder it names, then exits.
 *
 * Options: --headless, --out <folder> (default ./demo-screenshots).
 */

const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLrTzWmKpHxNvBqDcJsLtRwX';
const OUTLOOK_URL = 'https://outlook.live.com/mail/0/inbox/id/AAQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAAAA';

interface DemoInvoice {
  clientEmail: string;
  clientName: string;
  number: string;
  amountMinor: number;
  currency: string;
  issuedDaysAgo: number;
  termDays: number;
  paid?: boolean;
}

/** A freelancer's recent invoices: some late, some still to come, some paid. Dates are relative to today. */
const DEMO_INVOICES: DemoInvoice[] = [
  { clientEmail: 'paul.morel@atelier-morel.example', clientName: 'Atelier Morel', number: 'F-2026-038', amountMinor: 288_000, currency: 'EUR', issuedDaysAgo: 48, termDays: 30 },
  { clientEmail: 'paul.morel@atelier-morel.example', clientName: 'Atelier Morel', number: 'F-2026-031', amountMinor: 95_000, currency: 'EUR', issuedDaysAgo: 80, termDays: 30, paid: true },
  { clientEmail: 'paul.morel@atelier-morel.example', clientName: 'Atelier Morel', number: 'F-2026-045', amountMinor: 120_000, currency: 'EUR', issuedDaysAgo: 6, termDays: 30 },
  { clientEmail: 'accounts@northwind.example', clientName: 'Northwind Studio', number: 'INV-2026-112', amountMinor: 145_000, currency: 'GBP', issuedDaysAgo: 12, termDays: 30 },
  { clientEmail: 'reservation@hotel-des-arts.example', clientName: 'Hôtel des Arts', number: 'F-2026-044', amountMinor: 420_000, currency: 'EUR', issuedDaysAgo: 40, termDays: 30 },
  { clientEmail: 'reservation@hotel-des-arts.example', clientName: 'Hôtel des Arts', number: 'F-2026-047', amountMinor: 66_000, currency: 'EUR', issuedDaysAgo: 4, termDays: 45 },
  { clientEmail: 'lea@brasserie-lune.example', clientName: 'Brasserie Lune', number: 'F-2026-029', amountMinor: 64_000, currency: 'EUR', issuedDaysAgo: 35, termDays: 30, paid: true },
];

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function prefill(page: Page): Promise<void> {
  await sendFromExtensionPage(page, 'settings.update', {
    patch: { identity: { name: 'Camille Martin', company: 'Studio Camille Martin', signature: 'Camille Martin\nPhotographe & webdesigner' } },
  });
  for (const inv of DEMO_INVOICES) {
    const created = await sendFromExtensionPage<{ id: string }>(page, 'invoice.create', {
      invoice: {
        clientEmail: inv.clientEmail,
        clientName: inv.clientName,
        number: inv.number,
        amountMinor: inv.amountMinor,
        currency: inv.currency,
        issueDate: isoDateFromToday(-inv.issuedDaysAgo),
        dueDate: isoDateFromToday(inv.termDays - inv.issuedDaysAgo),
        terms: `${inv.termDays} days`,
      },
    });
    if (inv.paid) await sendFromExtensionPage(page, 'invoice.markPaid', { id: created.id, date: isoDateFromToday(-2) });
  }
}

/** Open a webmail page and its Relance sidebar (the sidebar remembers its state, so only toggle when closed). */
async function openWebmailWithSidebar(session: ExtensionSession, url: string): Promise<{ page: Page; mounted: boolean }> {
  const page = await session.context.newPage();
  await page.goto(url);
  const sidebar = page.locator('[data-relance="sidebar"]');
  try {
    await sidebar.waitFor({ state: 'attached', timeout: 15_000 });
  } catch {
    return { page, mounted: false };
  }
  const open = async () => {
    const v = await sidebar.getAttribute('data-open');
    return v !== null && v !== 'false';
  };
  if (!(await open())) await page.locator('[data-relance="sidebar-toggle"]').click();
  await page.locator('[data-relance="invoice"]').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
  return { page, mounted: true };
}

async function main(): Promise<void> {
  assertBuilt();
  const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
  const outDir = resolve(argValue('--out') ?? join(PROJECT_ROOT, 'demo-screenshots'));

  console.log(`Relance demo: starting Chromium ${headless ? 'headless (no DISPLAY)' : 'with a window'} and the built extension (.output/chrome-mv3)…`);
  const session = await launchExtension({ headless, viewport: { width: 1440, height: 860 } });
  await serveWebmail(session, { gmail: 'test/fixtures/demo/gmail-2026-11-demo.html', outlook: 'test/fixtures/demo/outlook-2026-11-demo.html' });

  const setup = await openPopup(session.context, session.extensionId);
  await prefill(setup);
  console.log(`Pre-filled ${DEMO_INVOICES.length} sent invoices (2 overdue, 3 upcoming, 2 paid) for 4 clients.`);

  const gmail = await openWebmailWithSidebar(session, GMAIL_URL);
  const outlook = await openWebmailWithSidebar(session, OUTLOOK_URL);
  for (const [name, r] of [['Gmail', gmail], ['Outlook', outlook]] as const) {
    if (!r.mounted) console.warn(`Warning: the Relance sidebar did not appear on the ${name} demo page.`);
  }

  if (headless) {
    mkdirSync(outDir, { recursive: true });
    const shots: string[] = [];
    const shoot = async (page: Page, file: string, fullPage = false) => {
      const path = join(outDir, file);
      await page.screenshot({ path, fullPage });
      shots.push(path);
    };
    await shoot(gmail.page, 'gmail-sidebar.png');
    await shoot(outlook.page, 'outlook-sidebar.png');
    // The manual-entry form, as a newcomer would open it next.
    const add = gmail.page.locator('[data-relance="add-invoice"]');
    if (await add.isVisible().catch(() => false)) {
      await add.click();
      await gmail.page.locator('[data-relance="invoice-form"]').waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
      await shoot(gmail.page, 'gmail-add-invoice.png');
    }
    // The toolbar popup cannot be captured: show popup.html at the popup's size instead.
    // 460 px: the popup's own width (relance.css .rl-popup); the browser sizes the real popup to it.
    await setup.setViewportSize({ width: 460, height: 600 });
    await setup.reload();
    await setup.locator('body').waitFor();
    await shoot(setup, 'popup.png');
    const options = await openOptions(session.context, session.extensionId).catch(() => null);
    if (options) await shoot(options, 'options.png', true);
    else console.warn('Warning: options.html could not be opened.');
    console.log(`\nScreenshots written to ${relative(process.cwd(), outDir) || '.'}/:`);
    for (const s of shots) console.log(`  ${relative(process.cwd(), s)}`);
    reportNetwork(session);
    await session.close();
    return;
  }

  await setup.close();
  await gmail.page.bringToFront();
  console.log(`
The browser is open with Relance loaded (extension id ${session.extensionId}):
  - Tab 1, demo Gmail: a thread with Atelier Morel; the Relance sidebar on the right lists their invoices.
    Open other threads from the inbox (click "Inbox") to see the sidebar follow the correspondent.
  - Tab 2, demo Outlook: a conversation with Hôtel des Arts, same sidebar.
  - Use the sidebar's "add" button to track an invoice by hand.
  - The toolbar badge counts overdue invoices; the popup (puzzle icon → Relance, or
    chrome-extension://${session.extensionId}/popup.html) lists them and marks them paid.
  - Options: chrome-extension://${session.extensionId}/options.html (identity, export/import).
Nothing leaves this machine: every request to the network is blocked. Close the browser window to end the demo.`);
  await new Promise<void>((done) => {
    session.context.on('close', () => done());
    process.once('SIGINT', () => done());
  });
  reportNetwork(session);
  await session.close();
}

function reportNetwork(session: ExtensionSession): void {
  const n = session.blocked.length;
  console.log(n === 0 ? 'Network: no request left the browser.' : `Network: ${n} request(s) blocked: ${session.blockedRequests.slice(0, 5).join(', ')}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
