import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { performance } from 'node:perf_hooks';
import type { Page, Worker } from 'playwright-core';
import { createHandlers } from '../../lib/background/handlers';
import { oldestOverdueDueDate } from '../../lib/db/overdue';
import { openRelanceDb } from '../../lib/db/schema';
import { RelanceStore } from '../../lib/db/store';
import { localIsoDate } from '../../lib/domain/clock';
import type { Handlers } from '../../lib/messaging/router';
import { launchExtension, openPopup } from '../e2e/harness';
import type { BenchSection } from './index';
import { pageSource } from './page-probe';
import { median, mb, round2, table, verdict } from './report';
import { generateBackup, pickClients, SCALE } from './storage-data';

/**
 * Storage at scale: a generated database of 10,000 invoices, 2,000 clients and 50,000 events (storage-data.ts),
 * imported into the REAL extension in Chromium through the protocol, then the reads users wait for, timed from an
 * extension page as round trips (what the popup, options page and sidebar feel: messaging and zod on both sides
 * included). The popup is rendered for real and timed to its first invoice row painted. The same handlers are also
 * timed in Node over fake-indexeddb with no messaging, to split handler time from transport (labelled as such:
 * fake-indexeddb is not Chromium's IndexedDB).
 */

export const STORAGE_BUDGETS = { badgeRecomputeMs: 50, clientSidebarMs: 20, popupFirstRowMs: 200, exportMs: 2000, importMs: 5000 } as const;
const REPS = 7;

type Timed = { medianMs: number; minMs: number; maxMs: number; reps: number };
const summary = (times: number[]): Timed => ({ medianMs: round2(median(times)), minMs: round2(Math.min(...times)), maxMs: round2(Math.max(...times)), reps: times.length });

/** Runs in the extension page: `reps` sequential round trips of each batch of commands sent together (Promise.all). */
function ROUND_TRIPS(args: { batch: { command: string; payload: unknown }[]; reps: number; textPayload?: boolean; stringify?: boolean }): Promise<number[]> {
  type Reply = { ok: true; data: unknown } | { ok: false; error: { message: string } };
  const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }).chrome.runtime;
  const w = globalThis as unknown as { __benchText?: string };
  return (async () => {
    const times: number[] = [];
    for (let i = 0; i < args.reps; i++) {
      const t0 = performance.now();
      const replies = await Promise.all(
        args.batch.map((b) => rt.sendMessage({ relance: 1, command: b.command, payload: args.textPayload ? { text: w.__benchText } : b.payload })),
      );
      for (const r of replies) if (!r || !r.ok) throw new Error(`failed: ${r ? r.error.message : 'no answer'}`);
      // The options page turns the export into the file's text (backupFileText: indented JSON).
      if (args.stringify) w.__benchText = `${JSON.stringify((replies[0] as { data: unknown }).data, null, 2)}\n`;
      times.push(performance.now() - t0);
    }
    return times;
  })();
}

/** Init script of the popup: time (performance.now(), from navigation) of the first invoice row, and its paint. */
function POPUP_PROBE(): void {
  const state = { firstRowAt: null as number | null, paintedAt: null as number | null, rowsAtPaint: 0 };
  (globalThis as unknown as { __popupBench: typeof state }).__popupBench = state;
  const o = new MutationObserver(() => {
    if (state.firstRowAt !== null || !document.querySelector('[data-relance="invoice"]')) return;
    state.firstRowAt = performance.now();
    o.disconnect();
    requestAnimationFrame(() =>
      setTimeout(() => {
        state.paintedAt = performance.now();
        state.rowsAtPaint = document.querySelectorAll('[data-relance="invoice"]').length;
      }, 0),
    );
  });
  o.observe(document, { childList: true, subtree: true });
}

async function roundTrips(page: Page, args: Parameters<typeof ROUND_TRIPS>[0]): Promise<number[]> {
  return page.evaluate(pageSource(ROUND_TRIPS, args)) as Promise<number[]>;
}

async function dbSizeBytes(sw: Worker): Promise<{ usageBytes: number | null; indexedDbBytes: number | null }> {
  return sw.evaluate(async () => {
    const e = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } };
    return { usageBytes: e.usage ?? null, indexedDbBytes: e.usageDetails?.indexedDB ?? null };
  });
}

async function popupFirstRow(s: Awaited<ReturnType<typeof launchExtension>>, runs: number) {
  const painted: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await s.context.newPage();
    await page.addInitScript(pageSource(POPUP_PROBE));
    await page.goto(`chrome-extension://${s.extensionId}/popup.html`);
    await page.waitForFunction(() => (globalThis as unknown as { __popupBench: { paintedAt: number | null } }).__popupBench.paintedAt !== null, undefined, { timeout: 60_000 });
    const st = await page.evaluate(() => (globalThis as unknown as { __popupBench: { paintedAt: number; rowsAtPaint: number } }).__popupBench);
    painted.push(st.paintedAt);
    rows.push(st.rowsAtPaint);
    await page.close();
  }
  return { ...summary(painted), rowsRendered: median(rows) };
}

async function inChromium(distDir: string, text: string, clients: ReturnType<typeof pickClients>, runs: number, touchInvoiceId: string) {
  const s = await launchExtension({ distDir });
  try {
    const driver = await openPopup(s.context, s.extensionId);
    await driver.locator('[data-relance="popup"]').waitFor();
    const empty = await dbSizeBytes(s.serviceWorker);
    // The text goes into the page once, untimed; the import round trip then carries it as the options page does.
    await driver.evaluate((t) => ((globalThis as unknown as { __benchText: string }).__benchText = t), text);
    const importEmpty = await roundTrips(driver, { batch: [{ command: 'data.import', payload: null }], reps: 1, textPayload: true });
    const size = await dbSizeBytes(s.serviceWorker);
    // The cost of one round trip that does almost nothing in the worker: what messaging itself adds to every figure.
    const transport = await roundTrips(driver, { batch: [{ command: 'settings.get', payload: {} }], reps: REPS });
    const badge = await roundTrips(driver, { batch: [{ command: 'status.get', payload: {} }], reps: REPS });
    const sidebar = (email: string) =>
      roundTrips(driver, {
        batch: [
          // What the sidebar asks (use-client-data.ts): one round trip with the client's rows and follow-up.
          { command: 'sidebar.load', payload: { clientEmail: email } },
        ],
        reps: REPS,
      });
    const sidebarMedian = await sidebar(clients.median.email);
    const sidebarLargest = await sidebar(clients.largest.email);
    // The worker keeps answers until the next write (lib/db/memo.ts): the figures above are mostly warm. These are
    // the cold ones: each rep follows a write to an invoice of the largest client (un-snoozing an open invoice), which
    // every cached answer depends on (the badge's figures are kept across writes to other tables), so everything is
    // read again.
    const afterAWrite = async (batch: { command: string; payload: unknown }[]): Promise<number[]> => {
      const times: number[] = [];
      for (let i = 0; i < REPS; i++) {
        await roundTrips(driver, { batch: [{ command: 'invoice.snooze', payload: { id: touchInvoiceId, until: null } }], reps: 1 });
        times.push(...(await roundTrips(driver, { batch, reps: 1 })));
      }
      return times;
    };
    const badgeCold = await afterAWrite([{ command: 'status.get', payload: {} }]);
    const sidebarLargestCold = await afterAWrite([
      { command: 'sidebar.load', payload: { clientEmail: clients.largest.email } },
    ]);
    const list = await roundTrips(driver, { batch: [{ command: 'popup.page', payload: { after: null, groups: 10 } }], reps: REPS });
    const popup = await popupFirstRow(s, runs);
    const exp = await roundTrips(driver, { batch: [{ command: 'data.export', payload: {} }, { command: 'status.get', payload: {} }], reps: 3, stringify: true });
    // Re-import the exported file: everything is replaced (the case a restore on a full database meets).
    const exportedChars = await driver.evaluate(() => (globalThis as unknown as { __benchText: string }).__benchText.length);
    const importFull = await roundTrips(driver, { batch: [{ command: 'data.import', payload: null }], reps: 2, textPayload: true });
    const sizeAfter = await dbSizeBytes(s.serviceWorker);
    await driver.close();
    return {
      transportBaseline: { ...summary(transport), measured: 'settings.get round trip (one small read)' },
      badgeRecompute: { ...summary(badge), measured: 'status.get round trip (store.overdueSummary in the worker + messaging)' },
      clientSidebarMedianClient: { ...summary(sidebarMedian), client: clients.median },
      clientSidebarLargestClient: { ...summary(sidebarLargest), client: clients.largest },
      badgeRecomputeAfterWrite: { ...summary(badgeCold), measured: 'status.get round trip right after a write (nothing cached)' },
      clientSidebarLargestAfterWrite: { ...summary(sidebarLargestCold), client: clients.largest, measured: 'sidebar.load right after a write (nothing cached)' },
      popupFirstPage: { ...summary(list), measured: 'popup.page round trip (first page, as the popup asks: 10 client groups with next steps, and the counts)' },
      popupFirstRowPainted: { ...popup, measured: 'popup.html opened in a tab: navigation start to first invoice row painted' },
      export: { ...summary(exp), fileChars: exportedChars, measured: 'data.export + status.get round trip and JSON.stringify (as the options page)' },
      importIntoEmpty: summary(importEmpty),
      importReplacingAll: summary(importFull),
      dbSize: { emptyUsageBytes: empty.usageBytes, usageBytes: size.usageBytes, indexedDbBytes: size.indexedDbBytes, afterReimportUsageBytes: sizeAfter.usageBytes, measured: 'navigator.storage.estimate() in the service worker' },
    };
  } finally {
    await s.close();
  }
}

async function timeHandler(fn: () => Promise<unknown>, reps: number, before?: () => Promise<unknown>): Promise<Timed> {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    if (before) await before();
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return summary(times);
}

/** The handlers alone (no messaging, no router validation), over fake-indexeddb in Node. */
async function inNode(text: string, clients: ReturnType<typeof pickClients>) {
  const db = openRelanceDb({ name: 'relance-bench', indexedDB: new IDBFactory(), IDBKeyRange });
  const now = () => new Date();
  const store = new RelanceStore(db, { now });
  const handlers: Handlers = createHandlers(store, { now, afterWrite: async () => undefined });
  const ctx = { sender: 'extension' as const };
  const importMs = await timeHandler(() => handlers['data.import']({ text }, ctx), 1);
  const today = localIsoDate(now());
  // Untimed write before each rep: the worker's answers are cached until the next write (lib/db/memo.ts), and the
  // handler time wanted here is the one that reads and computes.
  let writes = 0;
  const cold = () => db.meta.put({ key: 'bench.write', value: ++writes });
  const out = {
    overdueSummaryAndOldest: await timeHandler(() => Promise.all([store.overdueSummary(today), oldestOverdueDueDate(db, today)]), REPS, cold),
    clientViewMedianClient: await timeHandler(() => handlers['client.view']({ clientEmail: clients.median.email }, ctx), REPS, cold),
    clientFollowupMedianClient: await timeHandler(() => handlers['client.followup']({ clientEmail: clients.median.email }, ctx), REPS, cold),
    clientViewLargestClient: await timeHandler(() => handlers['client.view']({ clientEmail: clients.largest.email }, ctx), REPS, cold),
    clientFollowupLargestClient: await timeHandler(() => handlers['client.followup']({ clientEmail: clients.largest.email }, ctx), REPS, cold),
    popupFirstPage: await timeHandler(() => handlers['popup.page']({ after: null, groups: 10 }, ctx), REPS),
    export: await timeHandler(() => handlers['data.export']({}, ctx), 2),
    importIntoEmpty: importMs,
    jsonBytes: Buffer.byteLength(text),
    note: 'Node 20 + fake-indexeddb (a pure-JS IndexedDB, slower than Chromium\'s): handler time without messaging, badge and sidebar right after a write (nothing cached); jsonBytes is the backup\'s size, a proxy for the data size',
  };
  db.close();
  return out;
}

export const storage: BenchSection = {
  name: 'storage',
  needsBuild: true,
  description: `${SCALE.invoices} invoices, ${SCALE.clients} clients, ${SCALE.events} events (generated, seed 42): imported into the built extension in Chromium, then badge recompute, a client's sidebar data, popup first row, export and import, DB size; the same handlers in Node over fake-indexeddb.`,
  async run({ distDir, runs }) {
    const today = new Date();
    const backup = generateBackup(today);
    const text = JSON.stringify(backup);
    const clients = pickClients(backup);
    const touch = backup.invoices.find((i) => i.clientEmail === clients.largest.email && i.status === 'open');
    if (!touch) throw new Error('the generated database has no open invoice for its largest client');
    const chromiumFigures = await inChromium(distDir, text, clients, runs, touch.id);
    const node = await inNode(text, clients);
    const c = chromiumFigures;
    const withinBudget = {
      badgeRecomputeMs: c.badgeRecompute.medianMs <= STORAGE_BUDGETS.badgeRecomputeMs,
      clientSidebarMs: c.clientSidebarMedianClient.medianMs <= STORAGE_BUDGETS.clientSidebarMs,
      clientSidebarLargestMs: c.clientSidebarLargestClient.medianMs <= STORAGE_BUDGETS.clientSidebarMs,
      badgeRecomputeAfterWriteMs: c.badgeRecomputeAfterWrite.medianMs <= STORAGE_BUDGETS.badgeRecomputeMs,
      clientSidebarLargestAfterWriteMs: c.clientSidebarLargestAfterWrite.medianMs <= STORAGE_BUDGETS.clientSidebarMs,
      popupFirstRowMs: c.popupFirstRowPainted.medianMs <= STORAGE_BUDGETS.popupFirstRowMs,
      exportMs: c.export.medianMs <= STORAGE_BUDGETS.exportMs,
      importMs: Math.max(c.importIntoEmpty.medianMs, c.importReplacingAll.medianMs) <= STORAGE_BUDGETS.importMs,
    };
    const ms = (t: { medianMs: number }) => `${t.medianMs} ms`;
    const rows = [
      ['figure (Chromium, median)', 'value', 'budget', 'verdict', 'Node handler only (fake-indexeddb)'],
      ['messaging baseline (settings.get round trip)', ms(c.transportBaseline), '', '', ''],
      ['badge recompute (status.get)', ms(c.badgeRecompute), `<= ${STORAGE_BUDGETS.badgeRecomputeMs} ms`, verdict(withinBudget.badgeRecomputeMs), ''],
      [`client sidebar data, median client (${clients.median.invoices} invoices)`, ms(c.clientSidebarMedianClient), `<= ${STORAGE_BUDGETS.clientSidebarMs} ms`, verdict(withinBudget.clientSidebarMs), `${ms(node.clientViewMedianClient)} view + ${ms(node.clientFollowupMedianClient)} followup (cold)`],
      [`client sidebar data, largest client (${clients.largest.invoices} invoices)`, ms(c.clientSidebarLargestClient), `<= ${STORAGE_BUDGETS.clientSidebarMs} ms`, verdict(withinBudget.clientSidebarLargestMs), ''],
      ['badge recompute right after a write (cold)', ms(c.badgeRecomputeAfterWrite), `<= ${STORAGE_BUDGETS.badgeRecomputeMs} ms`, verdict(withinBudget.badgeRecomputeAfterWriteMs), `${ms(node.overdueSummaryAndOldest)} (summary + oldest)`],
      [`client sidebar data, largest client, right after a write (cold)`, ms(c.clientSidebarLargestAfterWrite), `<= ${STORAGE_BUDGETS.clientSidebarMs} ms`, verdict(withinBudget.clientSidebarLargestAfterWriteMs), `${ms(node.clientViewLargestClient)} view + ${ms(node.clientFollowupLargestClient)} followup`],
      ['popup: popup.page round trip (first page)', ms(c.popupFirstPage), '', '', ms(node.popupFirstPage)],
      [`popup: first row painted (${c.popupFirstRowPainted.rowsRendered} rows rendered)`, ms(c.popupFirstRowPainted), `<= ${STORAGE_BUDGETS.popupFirstRowMs} ms`, verdict(withinBudget.popupFirstRowMs), ''],
      [`export (${mb(c.export.fileChars)} MB file)`, ms(c.export), `<= ${STORAGE_BUDGETS.exportMs} ms`, verdict(withinBudget.exportMs), ms(node.export)],
      ['import into an empty database', ms(c.importIntoEmpty), `<= ${STORAGE_BUDGETS.importMs} ms`, verdict(withinBudget.importMs), ms(node.importIntoEmpty)],
      ['import replacing everything', ms(c.importReplacingAll), `<= ${STORAGE_BUDGETS.importMs} ms`, '', ''],
      ['database on disk (storage.estimate)', c.dbSize.usageBytes === null ? 'n/a' : `${mb(c.dbSize.usageBytes)} MB`, '', '', `JSON ${mb(node.jsonBytes)} MB`],
    ];
    return {
      result: { scale: SCALE, clients, chromium: chromiumFigures, node, budgets: STORAGE_BUDGETS, withinBudget },
      table: table(rows),
    };
  },
};
