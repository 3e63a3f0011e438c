import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/lib/background/handlers';
import { freshStore, invoiceInput } from '../background/helpers';

/** The popup and options commands over a real (in-memory) store: popup.list, client.update, plans.get/update. */
function setup() {
  const { store } = freshStore(() => new Date('2025-06-15T10:00:00Z'));
  const writes: number[] = [];
  const h = createHandlers(store, { now: () => new Date('2025-06-15T10:00:00Z'), afterWrite: async () => void writes.push(1) });
  const ctx = { sender: 'extension' as const };
  return { h, ctx, writes };
}

describe('popup.list', () => {
  it('gives each client its next ladder step, and each paused invoice its pause', async () => {
    const { h, ctx } = setup();
    const late = await h['invoice.create']({ invoice: invoiceInput({ number: 'F-1', dueDate: '2025-06-05', issueDate: '2025-05-05' }) } as never, ctx);
    await h['invoice.create']({ invoice: invoiceInput({ number: 'G-1', clientEmail: 'ap@other.example', dueDate: '2025-07-30', issueDate: '2025-06-01' }) } as never, ctx);
    await h['invoice.snooze']({ id: late.id, until: '2025-06-20' }, ctx);
    const list = await h['popup.list']({}, ctx);
    expect(list.today).toBe('2025-06-15');
    expect(list.invoices.map((i) => i.number).sort()).toEqual(['F-1', 'G-1']);
    const acme = list.clients.find((c) => c.email === 'billing@acme.example')!;
    expect(acme.next?.stage).toBe('paused');
    const other = list.clients.find((c) => c.email === 'ap@other.example')!;
    expect(other.next).toMatchObject({ stage: 'pre_due', invoices: ['G-1'] });
    expect(other.next?.dueOn && other.next.dueOn < '2025-07-30').toBe(true);
    expect(list.invoicePauses).toEqual([{ invoiceId: late.id, kind: 'manual', until: '2025-06-19' }]);
  });

  it('follows the plan chosen for the client', async () => {
    const { h, ctx } = setup();
    await h['invoice.create']({ invoice: invoiceInput({ number: 'F-1', dueDate: '2025-06-20', issueDate: '2025-05-20' }) } as never, ctx);
    const before = (await h['popup.list']({}, ctx)).clients[0]!.next;
    await h['client.update']({ clientEmail: 'billing@acme.example', patch: { planId: 'firm-formal' } }, ctx);
    const after = (await h['popup.list']({}, ctx)).clients[0]!;
    expect(after.planId).toBe('firm-formal');
    // Standard: courtesy reminder 3 days before the due date; firm: 5 days before.
    expect([before?.stage, before?.dueOn]).toEqual(['pre_due', '2025-06-17']);
    expect([after.next?.stage, after.next?.dueOn]).toEqual(['pre_due', '2025-06-16']);
  });
});

describe('client.followup (the sidebar) follows the same plans as the popup', () => {
  it('uses the plan chosen for the client in the options', async () => {
    const { h, ctx } = setup();
    await h['invoice.create']({ invoice: invoiceInput({ number: 'F-1', dueDate: '2025-06-20', issueDate: '2025-05-20' }) } as never, ctx);
    const before = await h['client.followup']({ clientEmail: 'billing@acme.example' }, ctx);
    await h['client.update']({ clientEmail: 'billing@acme.example', patch: { planId: 'firm-formal' } }, ctx);
    const after = await h['client.followup']({ clientEmail: 'billing@acme.example' }, ctx);
    expect([before.next.stage, before.next.dueOn]).toEqual(['pre_due', '2025-06-17']);
    expect([after.next.stage, after.next.dueOn]).toEqual(['pre_due', '2025-06-16']);
  });
});

describe('client.update', () => {
  it.each([
    [{ jurisdiction: 'UK' as const }, { jurisdiction: 'UK' }],
    [{ b2b: false }, { b2b: false }],
    [{ language: 'en' as const }, { language: 'en' }],
    [{ jurisdiction: null, language: null }, { jurisdiction: null, language: null }],
  ])('%o is saved on the client', async (patch, expected) => {
    const { h, ctx, writes } = setup();
    await h['invoice.create']({ invoice: invoiceInput() } as never, ctx);
    const client = await h['client.update']({ clientEmail: 'billing@acme.example', patch }, ctx);
    expect(client).toMatchObject(expected);
    expect((await h['client.view']({ clientEmail: 'billing@acme.example' }, ctx)).client).toMatchObject(expected);
    expect(writes.length).toBeGreaterThan(1);
  });

  it.each([
    ['nobody@x.example', {}, /does not know this client/],
    ['billing@acme.example', { planId: 'no-such-plan' }, /no plan "no-such-plan"/],
  ])('refuses %s %o', async (email, patch, message) => {
    const { h, ctx } = setup();
    await h['invoice.create']({ invoice: invoiceInput() } as never, ctx);
    await expect(h['client.update']({ clientEmail: email, patch }, ctx)).rejects.toThrow(message);
  });
});

describe('plans', () => {
  const copy = {
    id: 'my-standard',
    name: 'Mine',
    formality: 'formal' as const,
    steps: [
      { stage: 'first' as const, offsetDays: 2, channel: 'email' as const },
      { stage: 'formal_notice' as const, offsetDays: 20, channel: 'letter' as const },
    ],
  };

  it('starts with the built-in plans only, then keeps a custom copy and the default choice', async () => {
    const { h, ctx } = setup();
    expect(await h['plans.get']({}, ctx)).toEqual({ defaultPlanId: null, plans: [], clientPlans: {} });
    await h['plans.update']({ plans: [copy], defaultPlanId: 'my-standard' }, ctx);
    expect(await h['plans.get']({}, ctx)).toEqual({ defaultPlanId: 'my-standard', plans: [copy], clientPlans: {} });
  });

  it.each([
    [{ plans: [{ ...copy, id: 'standard-formal' }] }, /built-in plan/],
    [{ plans: [copy, copy] }, /Two plans/],
    [{ defaultPlanId: 'ghost' }, /no plan "ghost"/],
  ])('refuses %o', async (req, message) => {
    const { h, ctx } = setup();
    await expect(h['plans.update'](req, ctx)).rejects.toThrow(message);
  });
});
