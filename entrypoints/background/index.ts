import { browser } from 'wxt/browser';
import { createHandlers } from '@/lib/background/handlers';
import { badgeFor, badgeSeverity } from '@/lib/background/badge';
import { coalesce } from '@/lib/background/coalesce';
import { checkNotifications, NOTIFICATION_ID_PREFIX } from '@/lib/background/notifier';
import { checkBackupReminder, requestPersistence } from '@/lib/background/storage-safety';
import { oldestOverdueDueDate } from '@/lib/db/overdue';
import { createInThreadPdfReader } from '@/lib/background/pdf-inthread';
import { createOffscreenPdfReader } from '@/lib/background/pdf-offscreen';
import { unavailable, type PdfReader } from '@/lib/background/pdf-reader';
import { chromeOffscreenHost } from './offscreen-host';
import { openRelanceDb } from '@/lib/db/schema';
import { RelanceStore } from '@/lib/db/store';
import { localIsoDate, msUntilNextLocalMidnight } from '@/lib/domain/clock';
import { createRouter, isRelanceEnvelope, servePort, WEBMAIL_ORIGINS, type RouterOptions } from '@/lib/messaging/router';

const ALARM_HOURLY = 'relance-overdue-hourly';
const ALARM_MIDNIGHT = 'relance-overdue-midnight';
const BACKUP_NOTIFICATION_ID = 'relance-backup-reminder';

export default defineBackground(() => {
  // The worker can be stopped at any time: every listener is registered synchronously here, and no
  // state lives in memory that is not also in IndexedDB.
  const db = openRelanceDb();
  const store = new RelanceStore(db, { now: () => new Date() });

  async function refreshBadge(): Promise<void> {
    const today = localIsoDate(new Date());
    const [summary, oldest] = await Promise.all([store.overdueSummary(today), oldestOverdueDueDate(db, today)]);
    const badge = badgeFor(
      summary,
      {
        none: browser.i18n.getMessage('badgeNone') || 'Relance',
        overdue: (totals) => browser.i18n.getMessage('badgeOverdue', [String(summary.count), totals]) || `${summary.count} overdue: ${totals}`,
      },
      badgeSeverity(oldest, today),
    );
    await Promise.all([
      browser.action.setBadgeText({ text: badge.text }),
      browser.action.setBadgeBackgroundColor({ color: badge.color }),
      browser.action.setTitle({ title: badge.title }),
    ]);
  }

  async function scheduleAlarms(): Promise<void> {
    await browser.alarms.create(ALARM_HOURLY, { periodInMinutes: 60, delayInMinutes: 60 });
    await browser.alarms.create(ALARM_MIDNIGHT, { when: Date.now() + msUntilNextLocalMidnight(new Date()) });
  }

  // Writes ask for a badge refresh; a burst of them (many tabs reporting mail) shares a few recomputes instead of
  // one each, and the reply does not wait for it (lib/background/coalesce.ts: the last write is never missed). It
  // starts a moment after the write, so that the read the user is waiting for (the sidebar reloading) goes first.
  const badge = coalesce(refreshBadge, { spacingMs: 50, delayMs: 100, onError: logError });

  const handlers = createHandlers(store, {
    now: () => new Date(),
    afterWrite: async () => void badge.request(),
    pdf: pdfReader(),
    storage: globalThis.navigator?.storage,
  });
  const routerOptions: RouterOptions = {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    webmailOrigins: WEBMAIL_ORIGINS,
    onError: (command, err) => logError(new Error(`${command} failed: ${err instanceof Error ? err.name : 'error'}`)),
  };
  const route = createRouter(handlers, routerOptions);

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only answer our own envelopes; anything else is left to other listeners.
    if (!isRelanceEnvelope(message)) return undefined;
    return route(message, sender);
  });
  // The content scripts ask over a long-lived port (lib/messaging/port-wire.ts); the same route answers each request.
  browser.runtime.onConnect.addListener((port) => void servePort(port, route, routerOptions));

  // Notifications (issue 6): checked with the badge; what was announced is kept in the DB (lib/background/notifier.ts).
  async function notify(): Promise<void> {
    if (!browser.notifications) return;
    await checkNotifications(db, store, {
      now: () => new Date(),
      // The keys are built by lib/background/notify.ts (NOTIFY_MESSAGE_KEYS), not literals WXT can type.
      t: (key, subs) => (browser.i18n.getMessage as (k: string, s?: string[]) => string)(key, subs),
      show: (id, title, message) =>
        browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message }),
    });
  }
  // Once a week at most, when there is data and no export for a week (lib/background/storage-safety.ts).
  async function remindBackup(): Promise<void> {
    if (!browser.notifications || !(await store.getSettings()).notifications.enabled) return;
    await checkBackupReminder(db, new Date(), () =>
      browser.notifications.create(BACKUP_NOTIFICATION_ID, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: browser.i18n.getMessage('backupReminderTitle'),
        message: browser.i18n.getMessage('backupReminderMessage'),
      }),
    );
  }
  browser.notifications?.onClicked.addListener((id) => {
    if (id !== BACKUP_NOTIFICATION_ID) return;
    void browser.runtime.openOptionsPage().catch(logError);
    void browser.notifications.clear(id).catch(logError);
  });

  // A click opens the popup's list in a tab (a notification cannot open the toolbar popup itself).
  browser.notifications?.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_ID_PREFIX)) return;
    void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') }).catch(logError);
    void browser.notifications.clear(id).catch(logError);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_MIDNIGHT) void scheduleAlarms();
    if (alarm.name === ALARM_HOURLY || alarm.name === ALARM_MIDNIGHT) {
      void badge.request();
      notify().catch(logError);
    }
    if (alarm.name === ALARM_MIDNIGHT) remindBackup().catch(logError);
  });

  // Catch up after the browser was closed (possibly for days): recompute on every start.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
    // Ask the browser not to evict Relance's data under storage pressure; the answer is shown in the options.
    requestPersistence(db, globalThis.navigator?.storage).catch(logError);
    void scheduleAlarms();
    void badge.request();
  });
  browser.runtime.onStartup.addListener(() => {
    void scheduleAlarms();
    remindBackup().catch(logError);
    void badge.request();
    notify().catch(logError);
  });
  void badge.request();
});

/**
 * Where PDFs are read. Firefox's background is an event page: pdf.js is imported there on first use. Chrome's is a
 * service worker, where `import()` is forbidden: an offscreen document reads them (the branch is decided at build
 * time, so Chrome's background.js does not contain pdf.js).
 */
function pdfReader(): PdfReader {
  if (import.meta.env.FIREFOX) return createInThreadPdfReader();
  const host = chromeOffscreenHost();
  if (!host) return { read: async () => unavailable('could not read: the PDF reader is not available in this browser') };
  // A document left open by a worker that was stopped mid-idle is closed now: nothing is reading.
  void host.closeDocument().catch(() => undefined);
  return createOffscreenPdfReader(host);
}

/** Errors are logged by name only: never with mail content or invoice data. */
function logError(err: unknown): void {
  console.warn('[relance]', err instanceof Error ? `${err.name}: ${err.message}` : 'error');
}
