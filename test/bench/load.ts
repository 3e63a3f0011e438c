import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { GMAIL_THREAD_URL, OUTLOOK_THREAD_URL, launchExtension, openPopup, readDb, serveWebmail, type ExtensionSession } from '../e2e/harness';
import type { BenchSection } from './index';
import { buildConversations, buildTransportConversations, mailsOf, type LoadOp } from './load-mix';
import { LOAD_RUNNER, POPUP_PROBE, UI_PROBE, type RunnerResult, type UiProbeState } from './load-probe';
import { pageSource } from './page-probe';
import { median, percentile, round2, table, verdict } from './report';
import { generateBackup } from './storage-data';

/**
 * Load (issue 8): "the background handles 1,000 messages a second from several tabs without losing one or blocking
 * the UI", measured on the BUILT extension in Chromium.
 *
 * What is really exercised: three webmail tabs (two Gmail, one Outlook, served from the fixture pages, with the
 * content scripts loaded and their sidebars mounted). The traffic is sent from each tab's CONTENT-SCRIPT world
 * (the extension's isolated world, reached through CDP Runtime execution contexts): the background sees the very
 * sender a content script is — its tab on a webmail origin — and the router checks and zod-validates it as such.
 * It is the content script's own transport (its port, lib/messaging/port-wire.ts) with the payloads it sends, grouped
 * as it groups them (a thread's mails in one mail.seenMany request, sidebar.load: see load-mix.ts, which also
 * says what a "mail" and a "request" are), not the content script's DOM reading, which the `page` bench measures. Meanwhile the popup, rendered in a tab, sends `status.get` every 200 ms (the background's
 * responsiveness to the UI) and `popup.list` every second (what a user opening the popup waits for), and each webmail
 * tab's main thread is watched for long tasks and late timers.
 *
 * Two phases per run on a database seeded with a realistic account (150 clients, 800 invoices, 3,000 events):
 * `paced` offers 1,000 mails/s in total (a third per tab; the requests without mail ride along) and checks the
 * background keeps up; `saturated` sends as fast as replies come back (16 requests in flight per tab) and gives the
 * ceiling. Both mails/s and requests/s are reported. Afterwards every mail must have had exactly one answer, and
 * the database is checked by count: every mail in the ledger, one invoice per sent invoice, one reply event per
 * reply. A third phase, `transport`, sends the same number of round trips as `saturated`, each one the listener
 * rejects at once (an unknown command): the ceiling Chromium's messaging gives on this machine (requests/s), against
 * which the extension's own cost is read.
 */

export const LOAD_BUDGETS = { mailsPerSecond: 1000, lost: 0, missingInDb: 0, popupRoundTripP95Ms: 100, webmailMaxTimerLagMs: 50 } as const;

const TABS = [
  { webmail: 'gmail', url: GMAIL_THREAD_URL },
  { webmail: 'gmail', url: GMAIL_THREAD_URL },
  { webmail: 'outlook', url: OUTLOOK_THREAD_URL },
] as const;
const USER = { name: 'Sophie Martin', email: 'sophie.martin@example.com' };
/**
 * Mails per phase: six seconds of paced load, of which the first is not counted (WARMUP_MS). Until the sixth session
 * a phase was 3,000 mails and its rate was mails / (last reply - first send): that divides by the schedule plus the last
 * answer's latency and counts the worker's cold first second (code not yet optimised by V8), so a background that kept
 * pace exactly with 1,000 mails/s and answered in 100 ms scored 968 at best. That end-to-end figure is still reported.
 */
const MAILS_PER_PHASE = 6000;
const WARMUP_MS = 1000;
/** load-mix.ts: 5 mails in 4 requests per conversation. */
const MAILS_PER_CONVERSATION = 5;
const REQUESTS_PER_CONVERSATION = 4;

interface Tab {
  page: Page;
  cdp: CDPSession;
  contextId: number;
  webmail: 'gmail' | 'outlook';
}

function localIso(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The content script's isolated world in the tab's main frame: its origin is the extension's. */
async function contentScriptWorld(page: Page, extensionId: string): Promise<{ cdp: CDPSession; contextId: number }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { frameId?: string; type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const deadline = Date.now() + 15_000;
  for (;;) {
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.startsWith(`chrome-extension://${extensionId}`));
    if (world) return { cdp, contextId: world.id };
    if (Date.now() > deadline) throw new Error(`No content-script world in ${page.url()} (contexts: ${contexts.map((c) => `${c.auxData?.type}:${c.origin}`).join(', ')})`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

async function evaluateIn<T>(tab: Tab, expression: string): Promise<T> {
  const r = (await tab.cdp.send('Runtime.evaluate', { expression, contextId: tab.contextId, awaitPromise: true, returnByValue: true })) as {
    result: { value?: unknown };
    exceptionDetails?: { text: string; exception?: { description?: string } };
  };
  if (r.exceptionDetails) throw new Error(`in the content-script world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value as T;
}

/**
 * RELANCE_LOAD_PROFILE=<file.cpuprofile>: a CPU profile of the service worker during the saturated phase (where the
 * background's time goes; open it in Chrome DevTools). Reached from a page's CDP session through Target.* (non-flat).
 */
async function profileWorker(page: Page): Promise<() => Promise<unknown>> {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.endsWith('/background.js'));
  if (!sw) throw new Error('no service worker target to profile');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
  let id = 0;
  const pending = new Map<number, (r: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (m.id !== undefined) pending.get(m.id)?.(m.result);
  });
  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((ok) => {
      pending.set(++id, ok);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: 200 });
  await call('Profiler.start');
  return async () => ((await call('Profiler.stop')) as { profile: unknown }).profile;
}

const stats = (v: number[]) => ({ n: v.length, p50: round2(percentile(v, 50)), p95: round2(percentile(v, 95)), p99: round2(percentile(v, 99)), max: round2(v.length ? Math.max(...v) : NaN) });

async function phase(s: ExtensionSession, tabs: Tab[], popup: Page, name: string, rate: number | null, transportOnly = false, via: 'port' | 'sendMessage' = 'port') {
  const perTab = Math.ceil(MAILS_PER_PHASE / MAILS_PER_CONVERSATION / tabs.length);
  const plans: LoadOp[][][] = tabs.map((t, i) =>
    transportOnly
      ? buildTransportConversations(perTab, REQUESTS_PER_CONVERSATION)
      : buildConversations({ tag: `${name[0]}${i}${Date.now() % 100000}x`, webmail: t.webmail, conversations: perTab, today: localIso(), user: USER }),
  );
  const runnerPlans = plans.map((convs) => convs.map((conv) => conv.map((op) => ({ command: op.command, payload: op.payload, mails: mailsOf(op), ...(op.expect ? { expect: op.expect } : {}), ...(op.expectError ? { expectError: op.expectError } : {}) }))));
  const intervalMs = rate ? (1000 * tabs.length) / rate : 0;
  const startAt = Date.now() + 1000;
  const probe = (command: string, everyMs: number) => popup.evaluate(pageSource(POPUP_PROBE, { command, everyMs, max: 10_000 })) as Promise<number[]>;
  const popupTimes = probe('status.get', 200);
  const popupListTimes = probe('popup.list', 1000);
  const results = await Promise.all(
    tabs.map((t, i) => evaluateIn<RunnerResult>(t, pageSource(LOAD_RUNNER, { conversations: runnerPlans[i], workers: rate ? 32 : 16, intervalMs, startAt, timeoutMs: 30_000, transport: via }))),
  );
  await popup.evaluate(() => ((globalThis as unknown as { __loadStop: boolean }).__loadStop = true));
  const popupRt = await popupTimes;
  const popupListRt = await popupListTimes;
  const first = Math.min(...results.map((r) => r.firstSendAt));
  const last = Math.max(...results.map((r) => r.lastReplyAt));
  const ui = await Promise.all(tabs.map((t) => t.page.evaluate(() => (globalThis as unknown as { __loadUi: UiProbeState }).__loadUi)));
  const during = <T extends { at: number }>(xs: T[]) => xs.filter((x) => x.at >= first && x.at <= last);

  // The database, read straight from IndexedDB: every mail in the ledger, one invoice and one reply event each.
  const ops = plans.flat(2);
  const ledger = new Set((await readDb(s.serviceWorker, 'messages')).map((r) => String(r.key)));
  const expectedKeys = [...new Set(ops.flatMap((o) => o.ledgerKeys ?? []))];
  const invoiceNumbers = new Set(ops.flatMap((o) => o.invoiceNumbers ?? []));
  const invoices = (await readDb(s.serviceWorker, 'invoices')).filter((i) => invoiceNumbers.has(i.number));
  const invoiceIds = new Set(invoices.map((i) => i.id));
  const replyEvents = (await readDb(s.serviceWorker, 'events')).filter((e) => e.type === 'reply-received' && invoiceIds.has(String(e.invoiceId)));

  const all = results.flatMap((r) => Object.values(r.latencies).flat());
  const byCommand: Record<string, ReturnType<typeof stats>> = {};
  for (const cmd of new Set(results.flatMap((r) => Object.keys(r.latencies)))) byCommand[cmd] = stats(results.flatMap((r) => r.latencies[cmd] ?? []));
  const sent = results.reduce((n, r) => n + r.sent, 0);
  const mailsSent = results.reduce((n, r) => n + r.mailsSent, 0);
  // The steady rate: mails answered between the end of the warm-up and the end of the offered schedule (paced: a
  // background that falls behind answers fewer than offered in it) or the last answer (saturated), per second.
  const windowFrom = first + WARMUP_MS;
  const windowTo = rate ? startAt + perTab * MAILS_PER_CONVERSATION * intervalMs : last;
  const answeredInWindow = results.reduce((n, r) => n + r.replyAt.reduce((m, at, i) => m + (at >= windowFrom && at <= windowTo ? r.replyMails[i]! : 0), 0), 0);
  const lagAll = ui.flatMap((u) => during(u.timerLag).map((l) => l.lag));
  const longTasks = ui.flatMap((u) => during(u.longTasks));
  return {
    offeredPerSecond: rate,
    sent,
    answered: results.reduce((n, r) => n + r.answered, 0),
    mailsSent,
    mailsAnswered: results.reduce((n, r) => n + r.mailsAnswered, 0),
    lost: results.reduce((n, r) => n + r.lost, 0),
    failed: results.reduce((n, r) => n + r.failureCount, 0),
    failures: results.flatMap((r) => r.failures).slice(0, 10),
    durationMs: round2(last - first),
    mailsPerSecond: round2((answeredInWindow / (windowTo - windowFrom)) * 1000),
    /** Mails / (last answer - first send), cold start and last latency included (the figure until the sixth session). */
    endToEndMailsPerSecond: round2((mailsSent / (last - first)) * 1000),
    requestsPerSecond: round2((sent / (last - first)) * 1000),
    latencyMs: stats(all),
    fromScheduleMs: stats(results.flatMap((r) => r.fromSchedule)),
    byCommand,
    outcomes: results.reduce<Record<string, number>>((acc, r) => {
      for (const [k, v] of Object.entries(r.outcomes)) acc[k] = (acc[k] ?? 0) + v;
      return acc;
    }, {}),
    db: {
      ledgerExpected: expectedKeys.length,
      ledgerFound: expectedKeys.filter((k) => ledger.has(k)).length,
      invoicesExpected: invoiceNumbers.size,
      invoicesFound: invoices.length,
      replyEventsExpected: invoiceNumbers.size,
      replyEventsFound: replyEvents.length,
    },
    popupRoundTripMs: stats(popupRt),
    popupListMs: stats(popupListRt),
    webmail: { longTasks: longTasks.length, longTaskMaxMs: round2(Math.max(0, ...longTasks.map((t) => t.duration))), timerLagP95Ms: round2(percentile(lagAll, 95)), timerLagMaxMs: round2(Math.max(0, ...lagAll)) },
  };
}

async function oneRun(distDir: string) {
  const s = await launchExtension({ distDir });
  try {
    await serveWebmail(s, { gmail: 'test/fixtures/webmail/gmail-2026-11-thread.html', outlook: 'test/fixtures/webmail/outlook-2026-11-thread.html' });
    const popup = await openPopup(s.context, s.extensionId);
    await popup.locator('[data-relance="popup"]').waitFor();
    const seed = JSON.stringify(generateBackup(new Date(), { clients: 150, invoices: 800, events: 3000 }, 7));
    await popup.evaluate(async (text) => {
      const r = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage({ relance: 1, command: 'data.import', payload: { text } }));
      if (!r?.ok) throw new Error('seeding the database failed');
    }, seed);
    const tabs: Tab[] = [];
    for (const t of TABS) {
      const page = await s.context.newPage();
      await page.addInitScript(pageSource(UI_PROBE));
      await page.goto(t.url, { waitUntil: 'load' });
      await page.locator('relance-sidebar').waitFor({ state: 'attached', timeout: 15_000 });
      tabs.push({ page, webmail: t.webmail, ...(await contentScriptWorld(page, s.extensionId)) });
    }
    await new Promise((ok) => setTimeout(ok, 1500));
    const idle = (await popup.evaluate(pageSource(POPUP_PROBE, { command: 'status.get', everyMs: 50, max: 20 }))) as number[];
    const idleList = (await popup.evaluate(pageSource(POPUP_PROBE, { command: 'popup.list', everyMs: 50, max: 5 }))) as number[];
    const paced = await phase(s, tabs, popup, 'paced', LOAD_BUDGETS.mailsPerSecond);
    const profileTo = process.env.RELANCE_LOAD_PROFILE;
    const stopProfile = profileTo ? await profileWorker(popup) : null;
    const saturated = await phase(s, tabs, popup, 'saturated', null);
    if (stopProfile && profileTo) writeFileSync(profileTo, JSON.stringify(await stopProfile()));
    // The same round trips with no work behind them: what Chromium's messaging alone allows on this machine.
    const transport = await phase(s, tabs, popup, 'transport', null, true);
    // The same over one runtime.sendMessage per request: what the port saves.
    const transportSendMessage = await phase(s, tabs, popup, 'transport', null, true, 'sendMessage');
    return { popupIdleMs: stats(idle), popupListIdleMs: stats(idleList), paced, saturated, transport, transportSendMessage };
  } finally {
    await s.close();
  }
}

type RunResult = Awaited<ReturnType<typeof oneRun>>;

export const load: BenchSection = {
  name: 'load',
  description: 'background under 1,000 mails/s from 3 webmail tabs (content-script world, a thread per request) + popup',
  needsBuild: true,
  async run(ctx) {
    const runs: RunResult[] = [];
    for (let i = 0; i < ctx.runs; i++) runs.push(await oneRun(ctx.distDir));
    const med = (f: (r: RunResult) => number) => round2(median(runs.map(f)));
    const sum = (f: (r: RunResult) => number) => runs.reduce((n, r) => n + f(r), 0);
    const missing = (p: RunResult['paced']) => p.db.ledgerExpected - p.db.ledgerFound + p.db.invoicesExpected - p.db.invoicesFound + p.db.replyEventsExpected - p.db.replyEventsFound;
    const figures = {
      pacedMailsPerSecond: med((r) => r.paced.mailsPerSecond),
      pacedEndToEndMailsPerSecond: med((r) => r.paced.endToEndMailsPerSecond),
      pacedRequestsPerSecond: med((r) => r.paced.requestsPerSecond),
      saturatedMailsPerSecond: med((r) => r.saturated.mailsPerSecond),
      saturatedRequestsPerSecond: med((r) => r.saturated.requestsPerSecond),
      saturatedEndToEndMailsPerSecond: med((r) => r.saturated.endToEndMailsPerSecond),
      transportCeilingRequestsPerSecond: med((r) => r.transport.requestsPerSecond),
      transportSendMessageRequestsPerSecond: med((r) => r.transportSendMessage.requestsPerSecond),
      pacedP50Ms: med((r) => r.paced.latencyMs.p50),
      pacedP95Ms: med((r) => r.paced.latencyMs.p95),
      pacedP99Ms: med((r) => r.paced.latencyMs.p99),
      lost: sum((r) => r.paced.lost + r.saturated.lost),
      // Mails without exactly one answer of their own (a lost request loses all its mails).
      mailsUnanswered: sum((r) => r.paced.mailsSent - r.paced.mailsAnswered + r.saturated.mailsSent - r.saturated.mailsAnswered),
      failed: sum((r) => r.paced.failed + r.saturated.failed),
      missingInDb: sum((r) => missing(r.paced) + missing(r.saturated)),
      popupIdleP95Ms: med((r) => r.popupIdleMs.p95),
      popupUnderLoadP95Ms: med((r) => r.paced.popupRoundTripMs.p95),
      popupListIdleP50Ms: med((r) => r.popupListIdleMs.p50),
      popupListUnderLoadP50Ms: med((r) => r.paced.popupListMs.p50),
      webmailMaxTimerLagMs: med((r) => Math.max(r.paced.webmail.timerLagMaxMs, r.saturated.webmail.timerLagMaxMs)),
    };
    const withinBudget = {
      // 1 % for the window's edges, which cut requests (up to two mails each per tab), and the runner's timers.
      mailsPerSecond: figures.pacedMailsPerSecond >= LOAD_BUDGETS.mailsPerSecond * 0.99,
      lost: figures.lost === 0 && figures.failed === 0 && figures.mailsUnanswered === 0,
      missingInDb: figures.missingInDb === 0,
      popupRoundTripP95Ms: figures.popupUnderLoadP95Ms <= LOAD_BUDGETS.popupRoundTripP95Ms,
      webmailMaxTimerLagMs: figures.webmailMaxTimerLagMs <= LOAD_BUDGETS.webmailMaxTimerLagMs,
    };
    const rows = [
      ['figure (median of runs)', 'value', 'budget', ''],
      ['paced: mails/s answered once warm (1,000 offered)', String(figures.pacedMailsPerSecond), `>= ${LOAD_BUDGETS.mailsPerSecond}`, verdict(withinBudget.mailsPerSecond)],
      ['paced: mails/s end to end (cold start and last latency included)', String(figures.pacedEndToEndMailsPerSecond), '', ''],
      ['paced: requests/s (runtime messages), end to end', String(figures.pacedRequestsPerSecond), '', ''],
      ['saturated: mails/s once warm / end to end (16 requests in flight per tab)', `${figures.saturatedMailsPerSecond} / ${figures.saturatedEndToEndMailsPerSecond}`, '', ''],
      ['saturated: requests/s, end to end', String(figures.saturatedRequestsPerSecond), '', ''],
      ['transport ceiling: no-op round trips requests/s, port / one sendMessage each', `${figures.transportCeilingRequestsPerSecond} / ${figures.transportSendMessageRequestsPerSecond}`, '', ''],
      ['paced latency p50 / p95 / p99 (ms)', `${figures.pacedP50Ms} / ${figures.pacedP95Ms} / ${figures.pacedP99Ms}`, '', ''],
      ['lost requests / failed / mails unanswered (all runs)', `${figures.lost} / ${figures.failed} / ${figures.mailsUnanswered}`, '0', verdict(withinBudget.lost)],
      ['missing in the database (all runs)', String(figures.missingInDb), '0', verdict(withinBudget.missingInDb)],
      ['popup status.get p95 idle / under load (ms)', `${figures.popupIdleP95Ms} / ${figures.popupUnderLoadP95Ms}`, `<= ${LOAD_BUDGETS.popupRoundTripP95Ms}`, verdict(withinBudget.popupRoundTripP95Ms)],
      ['popup.list p50 idle / under load (ms)', `${figures.popupListIdleP50Ms} / ${figures.popupListUnderLoadP50Ms}`, '', ''],
      ['webmail tab max timer lag (ms)', String(figures.webmailMaxTimerLagMs), `<= ${LOAD_BUDGETS.webmailMaxTimerLagMs}`, verdict(withinBudget.webmailMaxTimerLagMs)],
    ];
    return { result: { budgets: LOAD_BUDGETS, withinBudget, figures, runs }, table: table(rows) };
  },
};
