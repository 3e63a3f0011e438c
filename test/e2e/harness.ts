import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Request, type Route, type Worker } from 'playwright-core';
import { readWebmailFixture } from '../fixtures/webmail/read-fixture';

/**
 * Loads the BUILT extension into a real Chromium with playwright-core, with every http(s) request
 * either answered from a local fixture or aborted and recorded: a test can never reach the network,
 * and can tell what the extension tried to fetch. Shared by the E2E tests and `npm run demo`.
 */

/**
 * The few chrome.* calls the harness makes inside the browser (these functions are serialised and run there);
 * typed here because the project does not depend on @types/chrome.
 */
export interface ChromeInBrowser {
  action?: { getBadgeText(details: object): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<unknown>; reload(): void };
}
declare const chrome: ChromeInBrowser;

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The unpacked build under test; RELANCE_DIST points elsewhere (e.g. a copy that a concurrent build cannot wipe). */
export const DIST_DIR = process.env.RELANCE_DIST ? resolve(process.env.RELANCE_DIST) : join(PROJECT_ROOT, '.output', 'chrome-mv3');

/** Hosts where the content scripts run (the manifest's matches), and the URLs the tests open there. */
export const GMAIL_ORIGIN = 'https://mail.google.com';
export const OUTLOOK_ORIGINS = [
  'https://outlook.live.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
] as const;
export const GMAIL_THREAD_URL = `${GMAIL_ORIGIN}/mail/u/0/#inbox/FMfcgzQbfLrTzWmKpHxNvBqDcJsLtRwX`;
export const OUTLOOK_THREAD_URL = 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAAAA';

/** Flags verified on this kind of machine (see E2E.md): no first-run UI, no background traffic of Chromium's own. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A request the catch-all refused, and who made it. */
export interface BlockedRequest {
  url: string;
  /** The document or worker that asked: `chrome-extension://…` for the extension's own pages and worker. */
  initiator: string;
  resourceType: string;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** URLs of every http(s) request that was aborted (nothing may leave the machine). */
  blockedRequests: string[];
  /** The same requests with their initiator, to tell the extension's own traffic from a page's. */
  blocked: BlockedRequest[];
  /** Every request seen with a chrome-extension:// initiator or from the service worker, whatever its scheme. */
  extensionRequests: BlockedRequest[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** A profile folder to reuse; a fresh temporary one (deleted on close) when absent. */
  userDataDir?: string;
  /** The unpacked extension; .output/chrome-mv3 by default. */
  distDir?: string;
  /** Browser UI language (Chromium's --lang), e.g. 'en-US' or 'fr'. */
  lang?: string;
  viewport?: { width: number; height: number };
}

export function assertBuilt(distDir = DIST_DIR): void {
  if (!existsSync(join(distDir, 'manifest.json'))) {
    throw new Error(`The extension is not built: ${join(distDir, 'manifest.json')} is missing. Run \`npx wxt build\` (npm run test:e2e and npm run demo do it for you).`);
  }
}

function initiatorOf(req: Request): string {
  const sw = req.serviceWorker();
  if (sw) return sw.url();
  try {
    return req.frame().url();
  } catch {
    // Requests from workers have no frame.
    return 'unknown';
  }
}

function isHttp(url: string): boolean {
  return url.startsWith('http://') || url.startsWith('https://') || url.startsWith('ws://') || url.startsWith('wss://');
}

export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionSession> {
  const distDir = opts.distDir ?? DIST_DIR;
  assertBuilt(distDir);
  const headless = opts.headless ?? true;
  const ownsProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'relance-e2e-'));

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // Playwright's own headless switch would pick the old headless mode, where extensions do not load.
    headless: false,
    args: [
      ...(headless ? ['--headless=new'] : []),
      ...CHROMIUM_FLAGS,
      ...(opts.lang ? [`--lang=${opts.lang}`] : []),
      `--disable-extensions-except=${distDir}`,
      `--load-extension=${distDir}`,
    ],
    // Without this Playwright passes --disable-extensions and the service worker never appears.
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    ...(opts.lang ? { locale: opts.lang } : {}),
  });

  const blocked: BlockedRequest[] = [];
  const extensionRequests: BlockedRequest[] = [];
  context.on('request', (req) => {
    const initiator = initiatorOf(req);
    if (initiator.startsWith('chrome-extension://') || req.serviceWorker()) {
      extensionRequests.push({ url: req.url(), initiator, resourceType: req.resourceType() });
    }
  });
  // Registered first, so it runs last: anything the webmail routes do not answer is refused here.
  await context.route('**/*', async (route: Route) => {
    const req = route.request();
    if (!isHttp(req.url())) return route.continue();
    blocked.push({ url: req.url(), initiator: initiatorOf(req), resourceType: req.resourceType() });
    return route.abort('blockedbyclient');
  });

  const serviceWorker = await findExtensionWorker(context);
  const extensionId = new URL(serviceWorker.url()).host;

  return {
    context,
    extensionId,
    serviceWorker,
    get blockedRequests() {
      return blocked.map((b) => b.url);
    },
    blocked,
    extensionRequests,
    async close() {
      await context.close().catch(() => undefined);
      if (ownsProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker: already running, or the next one to start. */
export async function findExtensionWorker(context: BrowserContext, timeoutMs = 30_000): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  const running = context.serviceWorkers().find(isOurs);
  if (running) return running;
  try {
    return await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: timeoutMs });
  } catch {
    const seen = context.serviceWorkers().map((w) => w.url());
    throw new Error(`The extension's service worker did not start within ${timeoutMs} ms (workers seen: ${seen.join(', ') || 'none'}). Is the build valid, and was --disable-extensions removed?`);
  }
}

export type FixtureSource = string | { html: string } | { path: string };

function fixtureHtml(src: FixtureSource): string {
  if (typeof src === 'object') return 'html' in src ? src.html : readWebmailFixture(src.path);
  // A string is markup when it looks like markup, else a file path (relative to the project).
  return /^\s*</.test(src) ? src : readWebmailFixture(resolve(PROJECT_ROOT, src));
}

/**
 * Answer the webmail hosts from fixture pages. Any document under the host gets the page (webmails
 * are single-page apps with the view in the hash or path); anything else on the host is refused and
 * recorded like the rest, so a fixture that pulls a remote file shows up in the test.
 */
/**
 * A file the webmail itself serves (an attachment download), answered for non-document requests whose URL contains
 * the key: `{ path }` (relative to the project) with its content type, or a bare `{ status }` (e.g. 404).
 */
export type ServedFile = { path: string; contentType?: string } | { status: number };

export async function serveWebmail(
  session: Pick<ExtensionSession, 'context' | 'blocked'>,
  pages: { gmail?: FixtureSource; outlook?: FixtureSource; files?: Record<string, ServedFile> },
): Promise<void> {
  const serve = async (pattern: string, src: FixtureSource) => {
    const html = fixtureHtml(src);
    await session.context.route(pattern, async (route) => {
      const req = route.request();
      if (req.resourceType() === 'document') {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      const file = Object.entries(pages.files ?? {}).find(([key]) => req.url().includes(key))?.[1];
      if (file) {
        if ('status' in file) return route.fulfill({ status: file.status, body: '' });
        return route.fulfill({ status: 200, contentType: file.contentType ?? 'application/pdf', body: readFileSync(resolve(PROJECT_ROOT, file.path)) });
      }
      session.blocked.push({ url: req.url(), initiator: initiatorOf(req), resourceType: req.resourceType() });
      return route.abort('blockedbyclient');
    });
  };
  if (pages.gmail) await serve(`${GMAIL_ORIGIN}/**`, pages.gmail);
  if (pages.outlook) for (const origin of OUTLOOK_ORIGINS) await serve(`${origin}/**`, pages.outlook);
}

export async function getBadgeText(sw: Worker): Promise<string> {
  return sw.evaluate(() => {
    // chrome.action exists only when the manifest declares an action (the popup).
    if (!chrome.action) throw new Error('chrome.action is missing: the manifest declares no action (popup)');
    return chrome.action.getBadgeText({});
  });
}

/** Stored invoice rows as the background wrote them, read straight from IndexedDB (not through the extension's code). */
export interface StoredInvoice {
  id: string;
  number: string;
  clientEmail: string;
  amountMinor: number;
  currency: string;
  issueDate: string;
  dueDate: string;
  status: string;
  [key: string]: unknown;
}

/**
 * Every row of one object store, read with IndexedDB itself (not through the extension's code). `events` reads the
 * events out of the per-client `histories` rows they are stored in since schema v4 (lib/db/events.ts), flat.
 */
export async function readDb(sw: Worker, store = 'invoices'): Promise<StoredInvoice[]> {
  return sw.evaluate(async (wanted) => {
    const storeName = wanted === 'events' ? 'histories' : wanted;
    // Opening a database that does not exist would create an empty one and upset the extension's
    // own schema upgrade: look first.
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === 'relance')) return [];
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('relance');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    try {
      if (!db.objectStoreNames.contains(storeName)) return [];
      return await new Promise<StoredInvoice[]>((ok, ko) => {
        const r = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
        r.onsuccess = () => ok(wanted === 'events' ? (r.result as Array<{ events: StoredInvoice[] }>).flatMap((h) => h.events) : (r.result as StoredInvoice[]));
        r.onerror = () => ko(r.error);
      });
    } finally {
      db.close();
    }
  }, store);
}

/** Stops every service worker, as Chrome may at any time (the extension's worker holds the database open). */
export async function stopAllWorkers(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
}

/**
 * Wakes the stopped worker with a message from an extension page. A message that reaches the worker while Chrome is
 * still stopping it finds no listener ("Receiving end does not exist"): it is sent again once the worker is down.
 */
export async function wakeWorker(page: Page): Promise<void> {
  // A stopped worker comes back on the next message, but Chromium may still be tearing the old one down: on a busy
  // 2-core machine that took more than 2 s once (CI), so the deadline is generous; any other error fails at once.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await sendFromExtensionPage(page, 'status.get', {});
      return;
    } catch (err) {
      if (Date.now() > deadline || !/Receiving end does not exist/.test(String(err))) throw err;
      await page.waitForTimeout(250);
    }
  }
}

/** Send a Relance protocol message from an extension page (as the popup and options do). */
export async function sendFromExtensionPage<T = unknown>(page: Page, command: string, payload: unknown): Promise<T> {
  return page.evaluate(
    async ([c, p]) => {
      const reply = (await chrome.runtime.sendMessage({ relance: 1, command: c, payload: p })) as
        | { ok: true; data: unknown }
        | { ok: false; error: { code: string; message: string } };
      if (!reply || !reply.ok) throw new Error(`${c} failed: ${reply ? reply.error.message : 'no answer'}`);
      return reply.data;
    },
    [command, payload] as const,
  ) as Promise<T>;
}

export async function openExtensionPage(context: BrowserContext, extensionId: string, file: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${file}`);
  return page;
}

export const openPopup = (context: BrowserContext, extensionId: string) => openExtensionPage(context, extensionId, 'popup.html');
export const openOptions = (context: BrowserContext, extensionId: string) => openExtensionPage(context, extensionId, 'options.html');

/** Local civil date `days` from today, as the extension computes it (it uses the wall clock). */
export function isoDateFromToday(days: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}
