import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GMAIL_ORIGIN, GMAIL_THREAD_URL, isoDateFromToday, launchExtension, openPopup, readDb, sendFromExtensionPage, serveWebmail, type ExtensionSession } from './harness';
import { fillInvoiceForm, hook, invoiceRow, newInvoice, openInvoiceForm, openSidebar, resetData } from './flows';

/**
 * Hostile mail in a real Chromium with the built extension (SECURITY.md §Hostile content). The webmail page renders
 * attacker-controlled mail: escaped markup as text, real elements with inline handlers, CSS, bidi overrides,
 * zero-width characters, homoglyph domains, a 1 MB subject and a 10,000-message thread. Relance must show all of it
 * as text, run none of it, keep its layout, store exactly the visible text, and escape it in drafts.
 */

const USER = 'sophie.martin@example.com';
/** Cyrillic "а" (U+0430) twice in "paypal": looks like paypal.com, is not. */
const HOMOGLYPH_CLIENT = 'billing@p\u0430yp\u0430l.com';
const HOSTILE_NAME = '<img src=x onerror="window.__textPwned=1">Evil \u202Eroc.lapyap\u202C Corp';
const HOSTILE_NUMBER = '<script>window.__textPwned=1</script>F-666';
/** Records where an inline handler ran: 'page' when in the webmail's own DOM, 'shadow' when inside Relance's UI. */
const HANDLER = `(window.__hits=window.__hits||[]).push(this.getRootNode()===document?'page':'shadow')`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function gmailPage(opts: { subject: string; bodyHtml: string; extraScript?: string; sender?: { email: string; name: string } }): string {
  const sender = opts.sender ?? { email: HOMOGLYPH_CLIENT, name: HOSTILE_NAME };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Thread - ${USER} - Gmail</title></head><body>
<header class="gb"><a href="https://accounts.google.com/SignOutOptions?hl=en" aria-label="Google Account: Sophie Martin (${USER})">SM</a></header>
<div role="main">
  <div class="ha"><h2 class="hP" data-thread-perm-id="thread-f:1812345678901230001" data-legacy-thread-id="1926becaf11f0001">${esc(opts.subject)}</h2></div>
  <div class="adn ads" data-message-id="#msg-f:1812345678901230001" data-legacy-message-id="1926becaf11f0001">
    <div class="gE iv gt"><span class="gD" email="${esc(sender.email)}" name="${esc(sender.name)}">${esc(sender.name)}</span>
      <span class="g3" title="Tue, Nov 3, 2026, 9:02 AM">Nov 3</span></div>
    <div class="iw">to <span class="g2" email="${USER}" name="me">me</span></div>
    <div class="a3s aiL">${opts.bodyHtml}</div>
  </div>
</div>
${opts.extraScript ? `<script>${opts.extraScript}</script>` : ''}
</body></html>`;
}

/** The message body: escaped markup (text, as a webmail renders it) and real elements (a webmail's rendered HTML). */
const HOSTILE_BODY = [
  esc('<script>window.__textPwned=1</script>'),
  esc('<img src=x onerror="window.__textPwned=1">'),
  `<img src="data:image/png;base64,AAAA" onerror="${HANDLER}">`,
  `<svg><image href="data:image/png;base64,AAAA" onerror="${HANDLER}"></image></svg>`,
  `<script>${HANDLER.replace('this.getRootNode()===document', '(document.currentScript||document).getRootNode()===document')}</script>`,
  // Mail CSS aimed at Relance's host element and at everything.
  '<style>relance-sidebar{width:1px!important;height:1px!important;left:-5000px!important} *{direction:rtl;letter-spacing:40px}</style>',
  'Invoice F-2026-\u200B777\u202E for 1 200,00 EUR, payable within 30 days. Pay to p\u0430yp\u0430l.com',
].join('\n');

function watchErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) problems.push(`console.error: ${msg.text()}`);
  });
  return problems;
}

/** What the sidebar's shadow root holds that could run code. */
async function activeContentInSidebar(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visit = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) visit(el.shadowRoot);
        if (root === document) continue;
        if (/^(SCRIPT|IFRAME|OBJECT|EMBED|IMG|IMAGE|STYLE|LINK|BASE|META)$/i.test(el.tagName) && !el.closest('head')) found.push(el.tagName);
        for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) found.push(`${el.tagName}[${a.name}]`);
      }
    };
    visit(document);
    return found;
  });
}

async function sidebarBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.locator(`${hook('sidebar')} .rl-panel`).boundingBox();
  if (!box) throw new Error('the sidebar panel has no box');
  return box;
}

describe('hostile mail in Gmail, with the built extension', () => {
  let s: ExtensionSession;
  let popup: Page;
  let controlWidth = 0;

  beforeAll(async () => {
    s = await launchExtension();
    popup = await openPopup(s.context, s.extensionId);
    await resetData(popup);
    // An overdue invoice of the hostile client whose number and name are markup: what the sidebar and drafts show.
    await sendFromExtensionPage(popup, 'invoice.create', {
      invoice: { ...newInvoice(HOSTILE_NUMBER, { email: HOMOGLYPH_CLIENT, name: HOSTILE_NAME, dueInDays: -20, issuedDaysAgo: 50 }) },
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('(setup) measures the sidebar on a benign page, then serves the hostile one', async () => {
    await serveWebmail(s, { gmail: gmailPage({ subject: 'Invoice F-1', bodyHtml: 'Hello' }) });
    const control = await s.context.newPage();
    await control.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/control`);
    await openSidebar(control);
    controlWidth = (await sidebarBox(control)).width;
    expect(controlWidth).toBeGreaterThan(100);
    await control.close();
    // A 1 MB subject made of markup and bidi controls, on the page used from here on.
    const subject = `Invoice <script>window.__textPwned=1</script> \u202E${'A\u200B'.repeat(500_000)}`;
    await serveWebmail(s, { gmail: gmailPage({ subject, bodyHtml: HOSTILE_BODY }) });
  });

  it('runs nothing from the mail: no handler fires inside Relance\'s UI, escaped markup never runs, no active element in the shadow root', async () => {
    const page = await s.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/hostile`);
    const sidebar = await openSidebar(page);
    await invoiceRow(sidebar, HOSTILE_NUMBER).waitFor({ state: 'visible', timeout: 15_000 });
    // Leave time for a late re-render (mail.seen answer, data refresh).
    await page.waitForTimeout(1500);
    const hits = await page.evaluate(() => (window as unknown as { __hits?: string[] }).__hits ?? []);
    // The page's own rendering ran its handlers (so the probe works); none ran inside Relance's UI.
    expect(hits).toContain('page');
    expect(hits.filter((h) => h !== 'page')).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __textPwned?: number }).__textPwned)).toBeUndefined();
    expect(await activeContentInSidebar(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows names and numbers as text: textContent is the raw string, innerHTML has it escaped', async () => {
    const page = await s.context.newPage();
    await page.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/hostile`);
    const sidebar = await openSidebar(page);
    const row = invoiceRow(sidebar, HOSTILE_NUMBER);
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await row.getAttribute('data-invoice-number')).toBe(HOSTILE_NUMBER);
    expect(await row.textContent()).toContain(HOSTILE_NUMBER);
    expect(await row.innerHTML()).toContain(esc('<script>window.__textPwned=1</script>').replace(/&quot;/g, '"'));
    const name = sidebar.locator(hook('correspondent-name'));
    const email = sidebar.locator(hook('correspondent-email'));
    // Bidi controls in a name from the page are shown stripped or as they are, never as markup.
    expect(((await name.textContent()) ?? '').replace(/[\u202A-\u202E\u2066-\u2069]/g, '')).toBe(HOSTILE_NAME.replace(/[\u202A-\u202E]/g, ''));
    expect(await name.innerHTML()).toContain('&lt;img src=x');
    expect(await email.textContent()).toBe(HOMOGLYPH_CLIENT);
    await page.close();
  });

  it('keeps its layout: inside the viewport and as wide as on a benign page, whatever the mail\'s CSS', async () => {
    const page = await s.context.newPage();
    await page.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/hostile`);
    await openSidebar(page);
    const box = await sidebarBox(page);
    const viewport = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 1);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
    expect(Math.abs(box.width - controlWidth)).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('stores exactly the visible text: a number typed with zero-width and bidi characters is stored without them', async () => {
    const page = await s.context.newPage();
    await page.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/hostile`);
    const form = await openInvoiceForm(await openSidebar(page));
    await fillInvoiceForm(form, {
      clientEmail: HOMOGLYPH_CLIENT,
      clientName: '<b>Bold</b> \u202Eevil\u202C',
      number: 'F-\u200B2026\u202E-900',
      amount: '1200.00',
      currency: 'EUR',
      issueDate: isoDateFromToday(-5),
      dueDate: isoDateFromToday(25),
    });
    await form.locator(hook('invoice-save')).click();
    const formErrors = await form.locator(`${hook('field-error')}, ${hook('form-error')}`).allTextContents();
    expect(formErrors).toEqual([]);
    await expect.poll(async () => (await readDb(s.serviceWorker)).filter((i) => i.number === 'F-2026-900').length, { timeout: 15_000 }).toBe(1);
    const stored = (await readDb(s.serviceWorker)).find((i) => i.number === 'F-2026-900')!;
    expect(stored.clientName).toBe('<b>Bold</b> evil');
    // Nothing from the 1 MB subject was stored as a number, a name or anything else oversized.
    for (const inv of await readDb(s.serviceWorker)) {
      expect(inv.number.length).toBeLessThanOrEqual(100);
      expect(String(inv.clientName).length).toBeLessThanOrEqual(200);
    }
    await page.close();
  });

  it('escapes mail data in drafts: the reminder HTML has &lt;script&gt;, never a tag', async () => {
    const r = await sendFromExtensionPage<{ next: { draft?: { html: string; text: string } } }>(popup, 'client.followup', { clientEmail: HOMOGLYPH_CLIENT });
    const html = r.next.draft?.html ?? '';
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script|<img|onerror="/i);
    expect(r.next.draft?.text).toContain(HOSTILE_NUMBER);
  });

  it('a 10,000-message thread: the sidebar mounts, the page stays responsive, no error', async () => {
    const many = `(function(){var main=document.querySelector('div[role="main"]');var f=document.createDocumentFragment();
      for(var i=0;i<10000;i++){var m=document.createElement('div');m.className='adn ads';m.setAttribute('data-message-id','#msg-f:9'+i);
      var s=document.createElement('span');s.className='gD';s.setAttribute('email','${HOMOGLYPH_CLIENT}');s.textContent='Client '+i;
      var b=document.createElement('div');b.className='a3s aiL';b.textContent='Message '+i+' about invoice F-'+i+' of '+i+',00 EUR';
      m.appendChild(s);m.appendChild(b);f.appendChild(m);}main.appendChild(f);})();`;
    await serveWebmail(s, { gmail: gmailPage({ subject: 'Re: Invoice F-1 (10000)', bodyHtml: 'First', extraScript: many }) });
    const page = await s.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/huge`);
    expect(await page.locator('[data-message-id]').count()).toBeGreaterThanOrEqual(10_000);
    const started = Date.now();
    await openSidebar(page);
    const mountedMs = Date.now() - started;
    // Responsiveness: a frame is painted promptly while Relance works on the thread.
    const frameMs = await page.evaluate(() => new Promise<number>((ok) => {
      const t = performance.now();
      requestAnimationFrame(() => ok(performance.now() - t));
    }));
    expect(mountedMs).toBeLessThan(15_000);
    expect(frameMs).toBeLessThan(500);
    await page.waitForTimeout(1000);
    expect(errors).toEqual([]);
    // The background still answers.
    expect(await sendFromExtensionPage(popup, 'status.get', {})).toMatchObject({ today: expect.any(String) });
    console.info(`[hostile] 10,000 messages: sidebar open in ${mountedMs} ms, next frame in ${frameMs.toFixed(0)} ms`);
    await page.close();
  });

  it('the extension made no network request of its own (worker, offscreen document, pages)', () => {
    expect(s.extensionRequests.filter((r) => /^(https?|wss?):/.test(r.url))).toEqual([]);
    expect(s.blocked.filter((b) => b.initiator.startsWith('chrome-extension://'))).toEqual([]);
  });
});

/**
 * Homoglyph sender (SECURITY.md §Hostile content): `compta@аtelier-dupont.example` with a Cyrillic "а" (U+0430) writes
 * to the user while the genuine ASCII client `compta@atelier-dupont.example` has an open invoice. Relance must show
 * the address as text, keep it as a client of its own (its reply is not recorded on the genuine client's invoice, an
 * invoice entered for it is stored under its own key), and warn, naming the ASCII (punycode) form.
 */
describe('a homoglyph sender next to the genuine client', () => {
  const GENUINE = 'compta@atelier-dupont.example';
  const LOOKALIKE = 'compta@\u0430telier-dupont.example';
  const LOOKALIKE_ASCII = 'xn--telier-dupont-v1k.example';
  let s: ExtensionSession;
  let popup: Page;

  beforeAll(async () => {
    s = await launchExtension();
    popup = await openPopup(s.context, s.extensionId);
    await resetData(popup);
    await sendFromExtensionPage(popup, 'invoice.create', { invoice: newInvoice('F-2026-031', { email: GENUINE, name: 'Atelier Dupont', dueInDays: -5, issuedDaysAgo: 35 }) });
    // The look-alike asks to pay "the invoice" to new bank details: a payment-related mail, as an attacker writes it.
    await serveWebmail(s, {
      gmail: gmailPage({
        subject: 'Re: Facture F-2026-031',
        sender: { email: LOOKALIKE, name: 'Atelier Dupont' },
        bodyHtml: esc('Bonjour, nous avons changé de banque : merci de régler la facture F-2026-031 sur le nouvel IBAN ci-dessous. <b>Paiement sous 48 h</b>.'),
      }),
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the address as text and warns in the correspondent header, naming the ASCII form (no script runs)', async () => {
    const page = await s.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/lookalike`);
    const sidebar = await openSidebar(page);
    const email = sidebar.locator(hook('correspondent-email'));
    await expect.poll(() => email.textContent(), { timeout: 15_000 }).toBe(LOOKALIKE);
    expect(await email.innerHTML()).toBe(LOOKALIKE);
    const warning = sidebar.locator(hook('lookalike-warning'));
    await warning.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await warning.getAttribute('data-ascii-domain')).toBe(LOOKALIKE_ASCII);
    expect(await warning.textContent()).toContain(LOOKALIKE_ASCII);
    // The genuine client's invoice is not shown as the look-alike's.
    expect(await invoiceRow(sidebar, 'F-2026-031').count()).toBe(0);
    expect(await activeContentInSidebar(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the look-alike a client of its own: its mail is not recorded on the genuine invoice, its invoice has its own key', async () => {
    const page = await s.context.newPage();
    await page.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/lookalike`);
    const form = await openInvoiceForm(await openSidebar(page));
    await fillInvoiceForm(form, {
      clientEmail: LOOKALIKE,
      clientName: 'Atelier Dupont',
      number: 'F-2026-032',
      amount: '900.00',
      currency: 'EUR',
      issueDate: isoDateFromToday(-2),
      dueDate: isoDateFromToday(28),
    });
    await form.locator(hook('invoice-save')).click();
    await expect.poll(async () => (await readDb(s.serviceWorker)).filter((i) => i.number === 'F-2026-032').length, { timeout: 15_000 }).toBe(1);
    const invoices = await readDb(s.serviceWorker);
    const genuine = invoices.find((i) => i.number === 'F-2026-031')!;
    const lookalike = invoices.find((i) => i.number === 'F-2026-032')!;
    expect(genuine.clientEmail).toBe(GENUINE);
    // Chromium's <input type="email"> hands the form the ASCII (punycode) form of an IDN: either way, not the genuine one.
    expect([LOOKALIKE, `compta@${LOOKALIKE_ASCII}`]).toContain(lookalike.clientEmail);
    expect(lookalike.clientKey).not.toBe(genuine.clientKey);
    const clients = (await readDb(s.serviceWorker, 'clients')).map((c) => String(c.email)).sort();
    expect(clients).toEqual([GENUINE, lookalike.clientEmail].sort());
    // The look-alike's "pay to the new IBAN" mail was seen by the content script: nothing was recorded on the genuine invoice.
    const events = (await readDb(s.serviceWorker, 'events')).filter((e) => e.invoiceId === genuine.id);
    expect(events.map((e) => e.type)).not.toContain('reply-received');
    await page.close();
  });
});

describe('an ASCII-only look-alike of a client\'s domain', () => {
  // "ate1ier": a digit one for the letter l. Plain ASCII, nothing suspicious in itself: only the list of the user's
  // clients, which the background holds, shows what it imitates.
  const GENUINE = 'compta@atelier-dupont.example';
  const LOOKALIKE = 'compta@ate1ier-dupont.example';
  let s: ExtensionSession;

  beforeAll(async () => {
    s = await launchExtension();
    const popup = await openPopup(s.context, s.extensionId);
    await resetData(popup);
    await sendFromExtensionPage(popup, 'invoice.create', { invoice: newInvoice('F-2026-041', { email: GENUINE, name: 'Atelier Dupont', dueInDays: -5, issuedDaysAgo: 35 }) });
    await serveWebmail(s, {
      gmail: gmailPage({
        subject: 'Re: Facture F-2026-041',
        sender: { email: LOOKALIKE, name: 'Atelier Dupont' },
        bodyHtml: esc('Bonjour, merci de régler la facture F-2026-041 sur notre nouveau compte.'),
      }),
    });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('warns in the correspondent header, naming the client domain it imitates', async () => {
    const page = await s.context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/ascii-lookalike`);
    const sidebar = await openSidebar(page);
    const warning = sidebar.locator(hook('lookalike-warning'));
    await warning.waitFor({ state: 'visible', timeout: 15_000 });
    expect(await warning.getAttribute('data-ascii-domain')).toBe('ate1ier-dupont.example');
    expect(await warning.getAttribute('data-imitates')).toBe('atelier-dupont.example');
    expect(await warning.textContent()).toContain('atelier-dupont.example');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Layout change (SECURITY.md §Layout change): each hook of lib/webmail/<webmail>/selectors.ts broken in turn in the
 * dated thread fixture. Relance must degrade — the sidebar still mounts with manual entry, the unknown-layout
 * notice when the thread cannot be read — with no error in the page's console and no error or warning in the worker.
 */
const BROKEN_HOOKS: Record<'gmail' | 'outlook', Array<[hook: string, pattern: RegExp, replacement: string]>> = {
  gmail: [
    ['MAIN_AREA', /role="main"/g, 'role="mainx"'],
    ['OPEN_THREAD', /data-(thread-perm-id|legacy-thread-id)=/g, 'data-x-$1='],
    ['THREAD_SUBJECT', /class="ha"|class="hP"/g, 'class="xx"'],
    ['MESSAGE_CONTAINER', /data-(message-id|legacy-message-id)=/g, 'data-x-$1='],
    ['MESSAGE_SENDER', /class="gD"/g, 'class="xgD"'],
    ['MESSAGE_RECIPIENT', /class="g2"/g, 'class="xg2"'],
    ['MESSAGE_DATE', /class="g3"/g, 'class="xg3"'],
    ['MESSAGE_BODY', /class="a3s aiL"/g, 'class="xa3s"'],
    ['ATTACHMENT_CHIP', /class="aZo"/g, 'class="xaZo"'],
    ['MESSAGE_REPLY_BUTTON', /class="aaq"/g, 'class="xaaq"'],
    ['ACCOUNT_LINK', /SignOutOptions/g, 'SignOut'],
  ],
  outlook: [
    ['READING_PANE', /id="ReadingPaneContainerId" role="main"/g, 'id="RPx"'],
    ['SUBJECT_HEADING', /role="heading"/g, 'role="headingx"'],
    ['SELECTED_CONVERSATION', /data-convid=/g, 'data-x-convid='],
    ['MAIL_LIST', /id="MailList"/g, 'id="MailListX"'],
    ['MESSAGE_BODY', /id="UniqueMessageBody_/g, 'id="XMessageBody_'],
    ['PERSON_WITH_TITLE', /title="([^"]*)@/g, 'data-t="$1@'],
    ['MESSAGE_DATE', /data-testid="SentReceivedSavedTime"/g, 'data-testid="X"'],
    ['REPLY_ICON', /ArrowReplyRegular/g, 'ArrowX'],
    ['ACCOUNT_ADDRESS', /mectrl_currentAccount_secondary/g, 'mectrl_x'],
  ],
};

describe.each([
  { webmail: 'gmail' as const, fixture: 'test/fixtures/webmail/gmail-2026-11-thread.html', url: `${GMAIL_ORIGIN}/mail/u/0/#inbox/FMfcgzQbfLrTzWmKpHxNvBqDcJsLtRwX` },
  { webmail: 'outlook' as const, fixture: 'test/fixtures/webmail/outlook-2026-11-thread.html', url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjE1' },
])('$webmail with one hook broken at a time', ({ webmail, fixture, url }) => {
  let s: ExtensionSession;
  let original: string;
  const workerProblems: string[] = [];

  beforeAll(async () => {
    s = await launchExtension();
    s.serviceWorker.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') workerProblems.push(`${m.type()}: ${m.text()}`);
    });
    const { PROJECT_ROOT } = await import('./harness');
    const { readWebmailFixture } = await import('../fixtures/webmail/read-fixture');
    original = readWebmailFixture(`${PROJECT_ROOT}/${fixture}`);
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(BROKEN_HOOKS[webmail])('%s broken: sidebar with manual entry, notice when unreadable, no error anywhere', async (_hook, pattern, replacement) => {
    const broken = original.replace(pattern, replacement);
    expect(broken).not.toBe(original);
    await serveWebmail(s, { [webmail]: { html: broken }, files: { 'attid=': { status: 404 } } });
    const page = await s.context.newPage();
    const errors = watchErrors(page);
    await page.goto(url);
    const sidebar = await openSidebar(page);
    await page.waitForTimeout(800);
    // Manual entry is always there.
    await openInvoiceForm(sidebar);
    const notice = await sidebar.locator(hook('unrecognised-page')).count();
    const who = await sidebar.locator(hook('correspondent-email')).count();
    // Either the thread was still read (a fallback hook held) or the notice says it could not be.
    expect(notice + who).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    expect(workerProblems).toEqual([]);
    await page.close();
  });
});

/**
 * Boundaries of the built extension (SECURITY.md §Boundaries): the strict CSP is the one declared, nothing is
 * reachable from web pages or other extensions beyond the sidebar's stylesheet, and pdf.js still reads a PDF in the
 * offscreen document's worker under that CSP.
 */
describe('the built extension\'s boundaries', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchExtension();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('declares the strict CSP, no externally_connectable, and one web-accessible file: the panel script, to the webmails only', async () => {
    const { readFileSync } = await import('node:fs');
    const { DIST_DIR } = await import('./harness');
    const m = JSON.parse(readFileSync(`${DIST_DIR}/manifest.json`, 'utf8')) as {
      content_security_policy?: { extension_pages?: string };
      externally_connectable?: unknown;
      web_accessible_resources?: Array<{ resources: string[]; matches: string[] }>;
    };
    expect(m.content_security_policy?.extension_pages).toBe("script-src 'self'; object-src 'self'");
    expect(m.externally_connectable).toBeUndefined();
    // The sidebar's CSS is bundled into the content script; the panel's script is imported by the content script
    // when the sidebar opens, under a per-session URL (use_dynamic_url) that no page can guess.
    expect(m.web_accessible_resources).toEqual([
      { resources: ['sidebar-panel.js'], matches: ['https://mail.google.com/*', 'https://outlook.live.com/*', 'https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.cloud.microsoft/*'], use_dynamic_url: true },
    ]);
  });

  it("a webmail page's own scripts cannot load the panel script from the extension's fixed URL", async () => {
    await serveWebmail(s, { gmail: 'test/fixtures/webmail/gmail-2026-11-thread.html' });
    const page = await s.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    await page.locator('[data-relance="sidebar"]').waitFor({ state: 'attached' });
    const url = `chrome-extension://${s.extensionId}/sidebar-panel.js`;
    const fetched = await page.evaluate(async (u) => {
      try {
        const r = await fetch(u);
        return `status ${r.status}`;
      } catch (e) {
        return `refused: ${(e as Error).name}`;
      }
    }, url);
    expect(fetched).toMatch(/^refused/);
    const imported = await page.evaluate(async (u) => {
      try {
        await import(u);
        return 'imported';
      } catch (e) {
        return `refused: ${(e as Error).name}`;
      }
    }, url);
    expect(imported).toMatch(/^refused/);
    await page.close();
  });

  it("a webmail page's own scripts cannot open Relance's port or message the background, even with the extension id", async () => {
    await serveWebmail(s, { gmail: 'test/fixtures/webmail/gmail-2026-11-thread.html' });
    const page = await s.context.newPage();
    await page.goto(GMAIL_THREAD_URL);
    await page.locator('[data-relance="sidebar"]').waitFor({ state: 'attached' });
    const reach = await page.evaluate(async (id) => {
      const rt = (globalThis as unknown as { chrome?: { runtime?: { connect?: (id: string, info: object) => unknown; sendMessage?: unknown } } }).chrome?.runtime;
      if (!rt) return 'no runtime';
      if (typeof rt.connect !== 'function') return `no connect, sendMessage ${typeof rt.sendMessage}`;
      try {
        rt.connect(id, { name: 'relance' });
        return 'connected';
      } catch (e) {
        return `refused: ${(e as Error).message}`;
      }
    }, s.extensionId);
    // Without externally_connectable, the page's world has no runtime.connect / sendMessage towards Relance.
    expect(reach).not.toBe('connected');
    expect(reach).toMatch(/^(no runtime|no connect, sendMessage undefined|refused)/);
    await page.close();
  });

  it('reads a PDF in the offscreen document under that CSP', async () => {
    const { readFileSync } = await import('node:fs');
    const { PROJECT_ROOT } = await import('./harness');
    const popup = await openPopup(s.context, s.extensionId);
    const base64 = readFileSync(`${PROJECT_ROOT}/test/fixtures/pdf/Facture_FA-2017-0010.pdf`).toString('base64');
    const snapshot = {
      webmail: 'gmail', messageId: '#msg-f:csp-1', threadId: 'thread-f:csp', direction: 'sent',
      from: { name: 'Me', email: USER }, to: [{ name: 'Client', email: 'billing@client.example' }], cc: [],
      subject: 'Facture', date: new Date().toISOString(), text: 'Bonjour, veuillez trouver la facture ci-jointe.',
      attachments: [{ filename: 'Facture_FA-2017-0010.pdf', contentType: 'application/pdf', size: null, downloadUrl: null }], via: 'thread',
    };
    const r = await sendFromExtensionPage<{ attachmentsRead?: Array<{ status: string; message?: string }> }>(popup, 'mail.seen', {
      snapshot, attachments: [{ filename: 'Facture_FA-2017-0010.pdf', base64 }],
    });
    expect(r.attachmentsRead?.[0]).toMatchObject({ status: 'read' });
    expect(s.extensionRequests.filter((q) => /^(https?|wss?):/.test(q.url))).toEqual([]);
  });
});

/**
 * No network (SECURITY.md §No network) during a realistic session, and load (§Load): Gmail and Outlook threads,
 * detection and a manual invoice in the sidebar, the popup and the options page; then 1,000 messages in about a
 * second from three pages while the popup renders. Every request of the extension's worker, offscreen document and
 * pages is recorded by the harness: none may be http(s), and nothing the mail points to is fetched.
 */
describe('a realistic session, then load', () => {
  let s: ExtensionSession;
  beforeAll(async () => {
    s = await launchExtension();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('makes no network request: webmails, detection, sidebar entry, popup, options', async () => {
    await serveWebmail(s, {
      gmail: 'test/fixtures/webmail/gmail-2026-11-thread.html',
      outlook: 'test/fixtures/webmail/outlook-2026-11-thread.html',
      files: { 'attid=': { path: 'test/fixtures/pdf/Facture_FA-2017-0010.pdf' } },
    });
    const gmail = await s.context.newPage();
    await gmail.goto(`${GMAIL_ORIGIN}/mail/u/0/#inbox/FMfcgzQbfLrTzWmKpHxNvBqDcJsLtRwX`);
    const sidebar = await openSidebar(gmail);
    const form = await openInvoiceForm(sidebar);
    await fillInvoiceForm(form, { clientEmail: 'compta@atelier-dupont.example', clientName: 'Atelier Dupont', number: 'NET-1', amount: '10.00', currency: 'EUR', issueDate: isoDateFromToday(-3), dueDate: isoDateFromToday(27) });
    await form.locator(hook('invoice-save')).click();
    await invoiceRow(sidebar, 'NET-1').waitFor({ state: 'visible', timeout: 15_000 });
    const outlook = await s.context.newPage();
    await outlook.goto('https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZjE1');
    await openSidebar(outlook);
    const popup = await openPopup(s.context, s.extensionId);
    await invoiceRow(popup, 'NET-1').waitFor({ state: 'visible', timeout: 15_000 });
    const options = await s.context.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options.html`);
    await options.waitForLoadState('load');
    await gmail.waitForTimeout(1500);
    expect(s.extensionRequests.filter((r) => /^(https?|wss?):/.test(r.url))).toEqual([]);
    expect(s.blocked.filter((b) => b.initiator.startsWith('chrome-extension://'))).toEqual([]);
    // The fixture's second attachment chip points to another origin: it must never be fetched.
    expect(s.blocked.filter((b) => b.url.includes('attacker.example'))).toEqual([]);
    for (const p of [gmail, outlook, popup, options]) await p.close();
  });

  it('answers 1,000 messages sent in about a second from three pages, every one ok, while the popup renders', async () => {
    const senders = await Promise.all([0, 1, 2].map(() => openPopup(s.context, s.extensionId)));
    const started = Date.now();
    const results = Promise.all(
      senders.map((page, i) =>
        page.evaluate(async (count) => {
          const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean } | undefined> } } }).chrome;
          const pending: Array<Promise<boolean>> = [];
          for (let k = 0; k < count; k++) {
            pending.push(c.runtime.sendMessage({ relance: 1, command: 'status.get', payload: {} }).then((r) => r?.ok === true, () => false));
            // ~1 s in total: a message every 3 ms from each page.
            if (k % 10 === 9) await new Promise((ok) => setTimeout(ok, 30));
          }
          return (await Promise.all(pending)).filter(Boolean).length;
        }, i === 0 ? 334 : 333),
      ),
    );
    // Meanwhile the popup opens and shows its list.
    const popup = await openPopup(s.context, s.extensionId);
    const popupStarted = Date.now();
    await popup.locator(hook('invoice')).first().waitFor({ state: 'visible', timeout: 15_000 });
    const popupMs = Date.now() - popupStarted;
    const ok = (await results).reduce((a, b) => a + b, 0);
    const totalMs = Date.now() - started;
    expect(ok).toBe(1000);
    expect(popupMs).toBeLessThan(5000);
    console.info(`[load] 1,000 status.get from 3 pages: all ok in ${totalMs} ms; popup list shown in ${popupMs} ms meanwhile`);
  });
});
