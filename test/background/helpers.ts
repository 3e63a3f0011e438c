import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openRelanceDb, type RelanceDb } from '@/lib/db/schema';
import { RelanceStore } from '@/lib/db/store';
import type { NewInvoice } from '@/lib/domain/invoice';

/** A fresh in-memory database per test (a new factory: no ids or rows leak between tests). */
export function freshStore(now: () => Date = () => new Date('2025-06-15T10:00:00Z')): { db: RelanceDb; store: RelanceStore; clock: { set(d: string): void } } {
  let current = now();
  const db = openRelanceDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  const store = new RelanceStore(db, { now: () => current });
  return { db, store, clock: { set: (d) => (current = new Date(d)) } };
}

export function invoiceInput(over: Partial<NewInvoice> = {}): NewInvoice {
  return {
    clientEmail: 'billing@acme.example',
    clientName: 'Acme SARL',
    number: 'F-2025-001',
    amountMinor: 288000,
    currency: 'EUR',
    issueDate: '2025-05-01',
    dueDate: '2025-05-31',
    ...over,
  };
}

type PortListener = (message: unknown) => void;

/**
 * The fake browser (wxt/testing) has no `runtime.onConnect`: an in-memory one, installed after each
 * `fakeBrowser.reset()`. `connect(sender)` opens a port to the background as a content script or page would, and
 * `ask` sends one request on it the way lib/messaging/content-client.ts does (the same envelope with an id).
 */
export function installFakePorts(runtime: object) {
  const connectListeners: ((port: unknown) => void)[] = [];
  Object.defineProperty(runtime, 'onConnect', {
    configurable: true,
    value: { addListener: (l: (port: unknown) => void) => void connectListeners.push(l), removeListener: () => undefined, hasListener: () => connectListeners.length > 0 },
  });
  return {
    connect(sender: object, name = 'relance') {
      const toClient: PortListener[] = [];
      const toBackground: PortListener[] = [];
      let open = true;
      const backgroundEnd = {
        name,
        sender,
        postMessage: (m: unknown) => toClient.forEach((l) => l(structuredClone(m))),
        disconnect: () => void (open = false),
        onMessage: { addListener: (l: PortListener) => void toBackground.push(l) },
        onDisconnect: { addListener: () => undefined },
      };
      connectListeners.forEach((l) => l(backgroundEnd));
      let lastId = 0;
      return {
        isOpen: () => open,
        ask: <T = unknown>(command: string, payload: unknown) =>
          new Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>((resolve) => {
            const id = ++lastId;
            toClient.push((m) => {
              for (const answer of (m as { replies: { id: number; reply: never }[] }).replies) if (answer.id === id) resolve(answer.reply);
            });
            toBackground.forEach((l) => l(structuredClone({ relance: 1, id, command, payload })));
          }),
      };
    },
  };
}
