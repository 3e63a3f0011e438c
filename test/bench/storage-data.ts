import { clientKeyFor, type Client, type Invoice, type InvoiceEvent } from '../../lib/domain/invoice';
import type { Backup } from '../../lib/db/backup';
import { defaultSettings } from '../../lib/domain/settings';
import { rng } from '../fuzz/mutate';

/**
 * A deterministic Relance database at scale, as a backup file (the format `data.import` takes): clients with a
 * skewed number of invoices (a few big accounts, a long tail), invoices spread over the past 14 months and the next
 * two, about a third of them open, and a history of events per invoice. Same seed, same data; dates are relative to
 * `today` so the share of overdue invoices does not drift with the calendar.
 */

export interface ScaleSpec {
  clients: number;
  invoices: number;
  events: number;
}

export const SCALE: ScaleSpec = { clients: 2_000, invoices: 10_000, events: 50_000 };

function isoDay(base: Date, days: number): string {
  const d = new Date(base.getFullYear(), base.getMonth(), base.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const EVENT_TYPES: InvoiceEvent['type'][] = ['reminder-sent', 'reminder-drafted', 'reply-received', 'note', 'call'];

export function generateBackup(today: Date, spec: ScaleSpec = SCALE, seed = 42): Backup {
  const rand = rng(seed);
  const nowIso = today.toISOString();
  const clients: Client[] = [];
  for (let c = 0; c < spec.clients; c++) {
    const email = `billing${pad(c, 4)}@client${pad(c, 4)}.example`;
    clients.push({
      key: clientKeyFor(email),
      email,
      name: `Client ${pad(c, 4)} SARL`,
      jurisdiction: c % 5 === 0 ? 'UK' : 'FR',
      b2b: true,
      language: c % 3 === 0 ? 'en' : 'fr',
      paused: false,
      createdAt: nowIso,
      updatedAt: nowIso,
    });
  }
  const invoices: Invoice[] = [];
  for (let i = 0; i < spec.invoices; i++) {
    // r² skews towards the first clients: client 0 gets about 2% of all invoices, most get a handful.
    const client = clients[Math.min(spec.clients - 1, Math.floor(spec.clients * rand() ** 2))]!;
    const issued = -Math.floor(rand() * 420);
    const due = issued + [0, 15, 30, 30, 45, 60][Math.floor(rand() * 6)]!;
    const amountMinor = 5_000 + Math.floor(rand() * 995_000);
    const paid = due < -20 ? rand() < 0.85 : rand() < 0.2;
    invoices.push({
      id: `inv-${pad(i, 6)}`,
      clientKey: client.key,
      clientEmail: client.email,
      clientName: client.name,
      number: `F-${pad(i, 6)}`,
      amountMinor,
      amountDueMinor: null,
      currency: i % 10 === 0 ? 'USD' : i % 10 === 1 ? 'GBP' : 'EUR',
      issueDate: isoDay(today, issued),
      dueDate: isoDay(today, due),
      terms: null,
      status: paid ? 'paid' : i % 97 === 0 ? 'cancelled' : 'open',
      review: i % 50 === 0 ? 'pending' : 'confirmed',
      source: i % 4 === 0 ? 'manual' : 'detected',
      confidence: i % 4 === 0 ? null : 0.9,
      paidDate: paid ? isoDay(today, Math.min(0, due + Math.floor(rand() * 40) - 10)) : null,
      paidMinor: paid ? amountMinor : 0,
      webmail: i % 2 === 0 ? 'gmail' : 'outlook',
      threadId: `thread-${pad(i, 6)}`,
      messageId: `msg-${pad(i, 6)}`,
      language: client.language,
      createdAt: nowIso,
      updatedAt: nowIso,
    });
  }
  const events: InvoiceEvent[] = [];
  for (let e = 0; e < spec.events; e++) {
    const inv = invoices[e % invoices.length]!;
    const first = e < invoices.length;
    const at = new Date(today.getTime() - Math.floor(rand() * 400) * 86_400_000).toISOString();
    const type = first ? 'created' : EVENT_TYPES[Math.floor(rand() * EVENT_TYPES.length)]!;
    events.push({ invoiceId: inv.id, clientKey: inv.clientKey, type, at, payload: type === 'reminder-sent' ? { stage: 'first' } : {} });
  }
  return { format: 'relance-backup', version: 1, exportedAt: nowIso, settings: defaultSettings(), clients, invoices, events };
}

/** Clients by invoice count: the largest account and the median one (what the sidebar usually opens). */
export function pickClients(backup: Backup): { largest: { email: string; invoices: number }; median: { email: string; invoices: number } } {
  const counts = new Map<string, number>();
  for (const inv of backup.invoices) counts.set(inv.clientEmail, (counts.get(inv.clientEmail) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [le, ln] = sorted[0]!;
  const [me, mn] = sorted[sorted.length >> 1]!;
  return { largest: { email: le, invoices: ln }, median: { email: me, invoices: mn } };
}
