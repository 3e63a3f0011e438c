import type { Client, Invoice, InvoiceEvent } from '../domain/invoice';
import { clientHistory } from './events';
import { DataMemo } from './memo';
import type { RelanceDb } from './schema';

/** Everything stored about one client: the row, every invoice (any review state) and every event, oldest first. */
export interface ClientRows {
  client: Client | undefined;
  invoices: Invoice[];
  events: InvoiceEvent[];
}

/**
 * One read of a client's rows, shared by the sidebar's two halves (its timeline, client.view, and the follow-up
 * brain, client.followup), which ask for the same client at the same moment, and kept until the next write. A few
 * clients only: it is the client on screen that is asked again. The arrays are shared: callers copy before sorting.
 */
const memos = new WeakMap<RelanceDb, DataMemo<ClientRows>>();

export function clientRows(db: RelanceDb, clientKey: string): Promise<ClientRows> {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new DataMemo<ClientRows>(db, 4)));
  return memo.get(clientKey, async () => {
    const [client, invoices, events] = await Promise.all([
      db.clients.get(clientKey),
      db.invoices.where('clientKey').equals(clientKey).toArray(),
      clientHistory(db, clientKey),
    ]);
    return { client, invoices, events };
  });
}
