import { parseBackup } from '../db/backup';
import { DiagnosticLog } from '../db/diagnostics';
import { recordInvoiceEvents } from '../db/events';
import { InvoiceReview } from '../db/review';
import { StoreError, type RelanceStore } from '../db/store';
import { localIsoDate } from '../domain/clock';
import type { MailSeenResponse } from '../messaging/protocol';
import type { Handlers } from '../messaging/router';
import { checkCensoredHtml } from './diagnostics';
import { createEverydayHandlers } from './everyday-handlers';
import { createFollowupHandlers } from './followup-handlers';
import { createMailSeen } from './mail-seen';
import { createPopupHandlers } from './popup-handlers';
import { createSidebarHandlers } from './sidebar-handlers';
import { unavailable, type PdfReader } from './pdf-reader';
import { recordExport, storageStatus, type StorageManagerLike } from './storage-safety';

/** Only outcomes that wrote something can change the badge (ignored, duplicate and undecided mail wrote nothing). */
const WRITING_OUTCOMES: ReadonlySet<MailSeenResponse['outcome']> = new Set(['detected', 'tracked', 'reply-recorded', 'reminder-sent', 'linked']);
const wroteSomething = (r: MailSeenResponse): boolean => WRITING_OUTCOMES.has(r.outcome);

/** Without a PDF reader, PDFs are reported unreadable and extraction uses the body. */
const NO_PDF_READER: PdfReader = { read: async () => unavailable('could not read: no PDF reader in this context') };

/**
 * The background's command handlers: business logic over the store, no `browser.*` here, so they
 * run under unit tests with an in-memory database. `afterWrite` lets the caller refresh the badge
 * after every change.
 */
export function createHandlers(
  store: RelanceStore,
  deps: { now(): Date; afterWrite(): Promise<void>; pdf?: PdfReader; storage?: StorageManagerLike },
): Handlers {
  const today = () => localIsoDate(deps.now());
  const clock = { now: () => deps.now() };
  const review = new InvoiceReview(store.db, clock);
  const diagnostics = new DiagnosticLog(store.db);
  const mailSeen = createMailSeen({ store, pdf: deps.pdf ?? NO_PDF_READER, now: () => deps.now() });
  const write = async <T>(p: Promise<T>): Promise<T> => {
    const r = await p;
    await deps.afterWrite();
    return r;
  };
  return {
    ...createEverydayHandlers(store, deps),
    ...createFollowupHandlers(store, { now: () => deps.now() }),
    ...createPopupHandlers(store, deps),
    ...createSidebarHandlers(store, { now: () => deps.now() }),
    'invoice.create': (req) => write(store.createInvoice(req.invoice)),
    'invoice.markPaid': (req) =>
      write(store.recordPayment(req.id, { date: req.date ?? today(), ...(req.amountMinor !== undefined ? { amountMinor: req.amountMinor } : {}) })),
    'client.view': async (req) => {
      const view = await store.clientView(req.clientEmail);
      return { today: today(), ...view, pending: view.invoices.filter((i) => i.review === 'pending') };
    },
    'invoice.list': async () => ({ today: today(), invoices: await store.listInvoices() }),
    'status.get': async () => ({ today: today(), overdue: await store.overdueSummary(today()) }),
    'settings.get': () => store.getSettings(),
    'settings.update': (req) => store.updateSettings(req.patch),
    'data.export': async () => {
      const backup = await store.exportAll();
      // Remembered for the weekly backup reminder and the options page.
      await recordExport(store.db, deps.now());
      return backup;
    },
    'storage.status': () => storageStatus(store.db, deps.storage, deps.now()),
    'data.import': async (req) => {
      const parsed = parseBackup(req.text);
      if (!parsed.ok) throw new StoreError('invalid', `Nothing was imported: ${parsed.error}`);
      return write(store.importAll(parsed.backup));
    },
    'mail.seen': async (req) => {
      const r = await mailSeen.seen(req);
      if (wroteSomething(r)) await deps.afterWrite();
      return r;
    },
    'mail.seenMany': async (req) => {
      const results = await mailSeen.seenMany(req.snapshots);
      // One badge refresh for the burst, not one per mail.
      if (results.some(wroteSomething)) await deps.afterWrite();
      return { results };
    },
    'invoice.confirm': (req) => write(review.confirm(req.id, req.edits ?? {})),
    'invoice.dismiss': (req) => write(review.dismiss(req.id)),
    'invoice.update': (req) => write(review.update(req.id, req.patch)),
    'event.record': async (req) => ({ recorded: await write(recordInvoiceEvents(store.db, clock, req.invoiceIds, req.type, req.payload)) }),
    'diagnostic.report': async (req) => {
      const check = checkCensoredHtml(req.diagnostic.censoredHtml);
      if (!check.ok) throw new StoreError('invalid', `Diagnostic refused: ${check.reason}.`);
      await diagnostics.add(req.diagnostic);
      return { stored: true as const };
    },
    'diagnostic.list': async () => ({
      diagnostics: (await diagnostics.list()).map(({ id, ...d }) => ({ ...d, id: id ?? 0 })),
    }),
  };
}
