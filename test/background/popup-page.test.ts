import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import type { PopupCursor, PopupPage } from '@/lib/background/popup-schemas';
import type { NewInvoice } from '@/lib/domain/invoice';
import { generateBackup } from '../bench/storage-data';
import { freshStore, invoiceInput } from './helpers';

/**
 * popup.page: the popup's list a page of client groups at a time, over a real (in-memory) store. Today is
 * 2025-06-15 throughout: due before that is overdue, due on or after it is upcoming.
 */
const NOW = new Date('2025-06-15T10:00:00Z');
const ctx = { sender: 'extension' as const };

function setup() {
  const { store } = freshStore(() => NOW);
  const h = createHandlers(store, { now: () => NOW, afterWrite: async () => undefined });
  const page = (after: PopupCursor | null, groups: number) => h['popup.page']({ after, groups }, ctx);
  const add = (number: string, email: string, dueDate: string, over: Partial<NewInvoice> = {}) =>
    store.createInvoice(invoiceInput({ number, clientEmail: email, clientName: email.split('@')[0]!, issueDate: '2025-01-01', dueDate, ...over }));
  return { store, h, page, add };
}

/** Every page from the start, `groups` at a time, until the background says there is no more. */
async function allPages(page: (after: PopupCursor | null, groups: number) => Promise<PopupPage>, groups: number): Promise<PopupPage[]> {
  const pages = [await page(null, groups)];
  for (let guard = 0; pages.at(-1)!.next && guard < 1000; guard++) pages.push(await page(pages.at(-1)!.next, groups));
  return pages;
}

const shape = (p: PopupPage) => p.groups.map((g) => [g.section, g.client.email, g.invoices.map((i) => i.number)]);

describe('popup.page', () => {
  it('answers an empty database with no group, no cursor and zero counts', async () => {
    const { page } = setup();
    expect(await page(null, 20)).toEqual({
      today: '2025-06-15',
      groups: [],
      next: null,
      counts: { overdue: 0, upcoming: 0 },
    });
  });

  it('lists overdue groups oldest due first, then upcoming ones; paid, pending and dismissed invoices are left out', async () => {
    const { store, h, page, add } = setup();
    await add('B-1', 'b@b.example', '2025-05-20');
    await add('A-2', 'a@a.example', '2025-06-10', { amountMinor: 1_000 });
    await add('A-1', 'a@a.example', '2025-04-30', { amountMinor: 2_000 });
    await add('A-3', 'a@a.example', '2025-07-01');
    await add('C-1', 'c@c.example', '2025-06-15', { currency: 'GBP' });
    const paid = await add('B-0', 'b@b.example', '2025-03-01');
    await store.recordPayment(paid.id, { date: '2025-03-05' });
    await store.createInvoice(invoiceInput({ number: 'D-1', clientEmail: 'd@d.example', dueDate: '2025-05-01', issueDate: '2025-04-01' }), { review: 'pending', confidence: 0.6 });
    const dismissed = await store.createInvoice(invoiceInput({ number: 'E-1', clientEmail: 'e@e.example', dueDate: '2025-07-01', issueDate: '2025-06-01' }), { review: 'pending', confidence: 0.6 });
    await h['invoice.dismiss']({ id: dismissed.id }, ctx);

    const first = await page(null, 20);
    expect(shape(first)).toEqual([
      ['overdue', 'a@a.example', ['A-1', 'A-2']],
      ['overdue', 'b@b.example', ['B-1']],
      // Due today is not late yet.
      ['upcoming', 'c@c.example', ['C-1']],
      ['upcoming', 'a@a.example', ['A-3']],
    ]);
    expect(first.next).toBeNull();
    expect(first.counts).toEqual({ overdue: 3, upcoming: 2 });
    // Each group carries its client's next step, computed by the ladder.
    for (const g of first.groups) expect(g.client.next?.stage).toEqual(expect.any(String));
  });

  it.each([1, 2, 3])('pages %i group(s) at a time with a cursor: same groups, same order as one big page', async (size) => {
    const { page, add } = setup();
    const clients = ['a', 'b', 'c', 'd', 'e'];
    for (const [n, c] of clients.entries()) {
      await add(`${c}-old`, `${c}@x.example`, `2025-05-0${n + 1}`);
      await add(`${c}-new`, `${c}@x.example`, `2025-07-0${n + 1}`);
    }
    const whole = await page(null, 50);
    expect(whole.groups).toHaveLength(10);
    const pages = await allPages(page, size);
    expect(pages.flatMap(shape)).toEqual(shape(whole));
    expect(pages.slice(0, -1).every((p) => p.groups.length === size)).toBe(true);
    // Counts come with the first page only: "Show more" does not pay for them again.
    expect(pages.slice(1).every((p) => p.counts === null)).toBe(true);
    expect(pages.at(-1)!.next).toBeNull();
  });

  it('shows a client whose invoices straddle a page boundary once, whole, on the page of its oldest invoice', async () => {
    const { page, add } = setup();
    await add('A-1', 'a@x.example', '2025-05-01');
    await add('B-1', 'b@x.example', '2025-05-02');
    await add('A-2', 'a@x.example', '2025-05-03');
    await add('C-1', 'c@x.example', '2025-05-04');
    await add('A-3', 'a@x.example', '2025-05-05');
    const one = await page(null, 1);
    expect(shape(one)).toEqual([['overdue', 'a@x.example', ['A-1', 'A-2', 'A-3']]]);
    expect(one.next).toEqual({ dueDate: '2025-05-01', id: expect.any(String) });
    const two = await page(one.next, 1);
    expect(shape(two)).toEqual([['overdue', 'b@x.example', ['B-1']]]);
    // A-2 lies between B-1 and C-1 in due-date order: its group was shown already, so C comes next.
    const three = await page(two.next, 1);
    expect(shape(three)).toEqual([['overdue', 'c@x.example', ['C-1']]]);
    // Only A-3 remains after C-1, and A was shown: nothing more.
    const four = await page(three.next, 1);
    expect(four.groups).toEqual([]);
    expect(four.next).toBeNull();
  });

  it("reads only the page's clients: one client row per group, not the whole table", async () => {
    const { store, page, add } = setup();
    for (let n = 0; n < 12; n++) await add(`N-${n}`, `c${n}@x.example`, `2025-05-${String(n + 1).padStart(2, '0')}`);
    const reads = vi.spyOn(store.db.clients, 'get');
    const first = await page(null, 3);
    expect(first.groups.map((g) => g.client.email)).toEqual(['c0@x.example', 'c1@x.example', 'c2@x.example']);
    expect(reads.mock.calls.map((c) => c[0]).sort()).toEqual(['c0@x.example', 'c1@x.example', 'c2@x.example']);
    expect(first.counts?.overdue).toBe(12);
  });

  it('after actions, the refreshed first pages show what changed: paid gone, snooze and pause shown, counts down', async () => {
    const { h, page, add } = setup();
    const a1 = await add('A-1', 'a@x.example', '2025-05-01');
    const b1 = await add('B-1', 'b@x.example', '2025-05-02');
    await add('C-1', 'c@x.example', '2025-05-03');
    const shown = [await page(null, 1)];
    shown.push(await page(shown[0]!.next, 1));
    expect(shown.flatMap(shape)).toEqual([
      ['overdue', 'a@x.example', ['A-1']],
      ['overdue', 'b@x.example', ['B-1']],
    ]);

    await h['invoice.markPaid']({ id: a1.id }, ctx);
    await h['invoice.snooze']({ id: b1.id, until: '2025-06-30' }, ctx);
    await h['client.pause']({ clientEmail: 'c@x.example', paused: true }, ctx);
    // The popup asks again for as many groups as it showed.
    const refreshed = await page(null, 2);
    expect(shape(refreshed)).toEqual([
      ['overdue', 'b@x.example', ['B-1']],
      ['overdue', 'c@x.example', ['C-1']],
    ]);
    expect(refreshed.groups[0]!.pauses).toEqual([{ invoiceId: b1.id, kind: 'manual', until: '2025-06-29' }]);
    expect(refreshed.groups[1]!.client).toMatchObject({ paused: true, next: { stage: 'paused' } });
    expect(refreshed.counts).toEqual({ overdue: 2, upcoming: 0 });
    expect(refreshed.next).toEqual({ dueDate: '2025-05-03', id: expect.any(String) });
  });

  it('pages through a generated database to exactly what popup.list computes for the same clients', async () => {
    const { h, page } = setup();
    const backup = generateBackup(NOW, { clients: 40, invoices: 300, events: 900 }, 7);
    await h['data.import']({ text: JSON.stringify(backup) }, ctx);
    const list = await h['popup.list']({}, ctx);
    const pages = await allPages(page, 7);
    const groups = pages.flatMap((p) => p.groups);
    const today = list.today;

    // Every confirmed open invoice shows exactly once, in the section its due date says.
    const expected = list.invoices.filter((i) => i.status === 'open').map((i) => `${i.dueDate < today ? 'overdue' : 'upcoming'} ${i.number}`);
    const shown = groups.flatMap((g) => g.invoices.map((i) => `${g.section} ${i.number}`));
    expect(shown.sort()).toEqual(expected.sort());
    // Groups come oldest due first, overdue before upcoming, and each client once per section.
    const firstDue = groups.map((g) => g.invoices[0]!.dueDate);
    expect(firstDue).toEqual([...firstDue].sort());
    expect(new Set(groups.map((g) => `${g.section} ${g.client.key}`)).size).toBe(groups.length);
    // Each client's next step and pauses are the ones the whole-database computation gives.
    const clients = new Map(list.clients.map((c) => [c.key, c]));
    for (const g of groups) expect(g.client).toEqual(clients.get(g.client.key));
    const pauses = groups.flatMap((g) => g.pauses).map((p) => p.invoiceId);
    const openIds = new Set(list.invoices.filter((i) => i.status === 'open').map((i) => i.id));
    expect(pauses.sort()).toEqual(list.invoicePauses.map((p) => p.invoiceId).filter((id) => openIds.has(id)).sort());
    // The counts agree with the lists.
    expect(pages[0]!.counts?.overdue).toBe(expected.filter((e) => e.startsWith('overdue')).length);
    expect(pages[0]!.counts?.upcoming).toBe(expected.filter((e) => e.startsWith('upcoming')).length);
    // ...and with the badge's count (status.get), which also gives the popup its overdue totals.
    expect(pages[0]!.counts?.overdue).toBe((await h['status.get']({}, ctx)).overdue.count);
  });
});
