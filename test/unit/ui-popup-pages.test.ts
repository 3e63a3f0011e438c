import { describe, expect, it } from 'vitest';
import type { Invoice } from '@/lib/domain/invoice';
import { popupInvoice } from './popup-invoice';
import { sectionsFromPages, type PageGroup } from '@/components/popup/groups';
import { askFirstPage, POPUP_FIRST_PAGE_GROUPS } from '@/components/popup/first-page';
import { readPopupPage } from '@/components/popup/read-page';
import { COMMANDS } from '@/lib/messaging/protocol';

/** The popup's sections built from popup.page groups, as they arrive page after page. */
const invoice = popupInvoice;

const TODAY = '2026-11-22';
const client = (email: string) => ({ key: email, name: '', email });
const group = (section: 'overdue' | 'upcoming', email: string, invoices: Invoice[], pauses: PageGroup<unknown>['pauses'] = []) => ({ section, client: client(email), invoices, pauses });

describe('sectionsFromPages', () => {
  it.each([
    ['no page yet', [], { overdue: [], upcoming: [] }],
    [
      'two sections, in the order received',
      [group('overdue', 'b@x.example', [invoice('B-1', 'b@x.example', '2026-10-01')]), group('overdue', 'a@x.example', [invoice('A-1', 'a@x.example', '2026-11-01')]), group('upcoming', 'b@x.example', [invoice('B-2', 'b@x.example', '2026-12-01')])],
      { overdue: [['b@x.example', ['B-1']], ['a@x.example', ['A-1']]], upcoming: [['b@x.example', ['B-2']]] },
    ],
    [
      'a group sent twice (data changed between pages) kept once, where it came first; an empty group left out',
      [group('overdue', 'a@x.example', [invoice('A-1', 'a@x.example', '2026-10-01')]), group('overdue', 'c@x.example', []), group('overdue', 'a@x.example', [invoice('A-1', 'a@x.example', '2026-10-01')])],
      { overdue: [['a@x.example', ['A-1']]], upcoming: [] },
    ],
  ])('%s', (_label, pages, expected) => {
    const out = sectionsFromPages(pages, TODAY);
    const view = (gs: typeof out.overdue) => gs.map((g) => [g.email, g.items.map((i) => i.invoice.number)]);
    expect({ overdue: view(out.overdue), upcoming: view(out.upcoming) }).toEqual(expected);
  });

  it('sums what is still owed per currency, and gives each invoice its days late and its own pause', () => {
    const a1 = invoice('A-1', 'a@x.example', '2026-11-12', { amountMinor: 50_000, paidMinor: 20_000 });
    const a2 = invoice('A-2', 'a@x.example', '2026-11-20', { currency: 'GBP' });
    const a3 = invoice('A-3', 'a@x.example', '2026-11-21');
    const [g] = sectionsFromPages([group('overdue', 'a@x.example', [a1, a2, a3], [{ invoiceId: a2.id, kind: 'manual', until: null }])], TODAY).overdue;
    expect(g!.totals).toEqual([
      { currency: 'EUR', minor: 30_000 + 10_000 },
      { currency: 'GBP', minor: 10_000 },
    ]);
    expect(g!.items.map((i) => [i.invoice.number, i.daysLate, i.pause])).toEqual([
      ['A-1', 10, null],
      ['A-2', 2, { kind: 'manual', until: null }],
      ['A-3', 1, null],
    ]);
  });
});

describe('askFirstPage', () => {
  it('sends the envelope the router expects, with a request popup.page accepts', async () => {
    const sent: unknown[] = [];
    const reply = await askFirstPage(async (m) => {
      sent.push(m);
      return { ok: true, data: null };
    });
    expect(reply).toEqual({ ok: true, data: null });
    expect(sent).toEqual([{ relance: 1, command: 'popup.page', payload: { after: null, groups: POPUP_FIRST_PAGE_GROUPS } }]);
    expect(COMMANDS['popup.page'].request.safeParse((sent[0] as { payload: unknown }).payload).success).toBe(true);
  });

  it('does not leave a failed send as an unhandled rejection: the popup reads the failure later', async () => {
    const reply = askFirstPage(() => Promise.reject(new Error('worker restarting')));
    await expect(reply).rejects.toThrow('worker restarting');
  });
});

describe('readPopupPage', () => {
  const page = { today: TODAY, groups: [], next: null, counts: { overdue: 0, upcoming: 0 } };
  it('gives the page when the answer is one', async () => {
    expect(await readPopupPage(Promise.resolve({ ok: true, data: page }))).toEqual(page);
  });

  it.each([
    ['a failed send', () => Promise.reject(new Error('gone')), { code: 'internal', message: /restarting/ }],
    ['no envelope', () => Promise.resolve('hello'), { code: 'internal', message: /did not answer/ }],
    ['an error from the worker, code kept', () => Promise.resolve({ ok: false, error: { code: 'invalid_request', message: 'groups: too big' } }), { code: 'invalid_request', message: /groups: too big/ }],
    ['a page of the wrong shape', () => Promise.resolve({ ok: true, data: { ...page, groups: 'all' } }), { code: 'internal', message: /unexpected/ }],
  ])('turns %s into a RelanceError', async (_label, reply, expected) => {
    const err = await readPopupPage(reply()).catch((e: unknown) => e as { code: string; message: string });
    expect(err).toMatchObject({ code: expected.code });
    expect((err as { message: string }).message).toMatch(expected.message);
  });
});
