import { importCsvInvoices } from '../db/csv-import';
import { deleteAllData, PauseActions } from '../db/pauses';
import { StoreError, type RelanceStore } from '../db/store';
import { localIsoDate } from '../domain/clock';
import { formatImportError, mapCsv, previewCsv, type CsvMapResult } from '../import/csv';
import { invoicesToCsv } from '../import/export-csv';
import type { Handlers } from '../messaging/router';

type EverydayCommands = 'csv.preview' | 'csv.check' | 'csv.import' | 'data.exportCsv' | 'data.deleteAll' | 'invoice.snooze' | 'invoice.pause' | 'client.pause';

const SHOWN_ERRORS = 5;

/** The refusal of a CSV import as one message: the first problems, each with its line and column. */
function refusal(result: Extract<CsvMapResult, { ok: false }>): string {
  const shown = result.errors.slice(0, SHOWN_ERRORS).map(formatImportError);
  const more = result.errors.length > SHOWN_ERRORS ? ` (and ${result.errors.length - SHOWN_ERRORS} more)` : '';
  return `Nothing was imported: ${shown.join('; ')}${more}.`;
}

/**
 * Commands of issue 6 (everyday use): CSV import and export, delete everything, snooze and pause. Like
 * handlers.ts, no `browser.*`: `afterWrite` refreshes the badge after each change.
 */
export function createEverydayHandlers(store: RelanceStore, deps: { now(): Date; afterWrite(): Promise<void> }): Pick<Handlers, EverydayCommands> {
  const today = () => localIsoDate(deps.now());
  const clock = { now: () => deps.now() };
  const pauses = new PauseActions(store.db, clock);
  const write = async <T>(p: Promise<T>): Promise<T> => {
    const r = await p;
    await deps.afterWrite();
    return r;
  };
  const map = async (req: { text: string; mapping: Parameters<typeof mapCsv>[1]; dateOrder?: 'dmy' | 'mdy' | 'ymd' | undefined }) => {
    const settings = await store.getSettings();
    return mapCsv(req.text, req.mapping, { defaultCurrency: settings.defaultCurrency, today: today(), ...(req.dateOrder ? { dateOrder: req.dateOrder } : {}) });
  };
  return {
    'csv.preview': async (req) => previewCsv(req.text),
    'csv.check': async (req) => {
      const r = await map(req);
      if (!r.ok) return r;
      return { ok: true as const, invoices: r.invoices.length, withoutEmail: r.invoices.filter((i) => i.emailMissing).length, skipped: r.skipped, dateOrder: r.dateOrder };
    },
    'csv.import': async (req) => {
      const r = await map(req);
      if (!r.ok) throw new StoreError('invalid', refusal(r));
      const outcome = await write(importCsvInvoices(store.db, clock, r.invoices));
      return { ...outcome, skipped: r.skipped };
    },
    'data.exportCsv': async () => ({ csv: invoicesToCsv(await store.db.invoices.toArray(), today()) }),
    'data.deleteAll': async () => {
      await write(deleteAllData(store.db));
      return { deleted: true as const };
    },
    'invoice.snooze': (req) => write(pauses.snoozeInvoice(req.id, req.until, today())),
    'invoice.pause': (req) => write(pauses.pauseInvoice(req.id, req.paused)),
    'client.pause': (req) => write(pauses.pauseClient(req.clientEmail, req.paused)),
  };
}
