import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openOptions, readDb, type ExtensionSession, type StoredInvoice } from './harness';
import { createInvoice, hook, newInvoice, resetData } from './flows';

/**
 * Export and import on the options page. A bad file must change nothing and say what is wrong; a good one
 * replaces the data with exactly what was exported.
 */
describe('backup: export and import on the options page', () => {
  let s: ExtensionSession;
  let options: Page;
  let exported: string;

  const byId = (rows: StoredInvoice[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

  /** Choose a file in the import input and wait for the status line to say `expected` (it may say "Importing…" first). */
  async function importFile(name: string, text: string, expected: RegExp): Promise<void> {
    // A fresh page each time, so that two files refused for the same reason still show a new message.
    await options.reload();
    await options.locator(hook('import-file')).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const status = options.locator(hook('import-status'));
    await expect.poll(async () => ((await status.count()) ? await status.innerText() : ''), { timeout: 10_000 }).toMatch(expected);
  }

  beforeAll(async () => {
    s = await launchExtension();
    options = await openOptions(s.context, s.extensionId);
    // Importing replaces everything: accept the confirmation the page may ask for.
    options.on('dialog', (d) => void d.accept());
    await resetData(options);
    await createInvoice(options, newInvoice('EXP-1', { dueInDays: -5, amountMinor: 288_000 }));
    await createInvoice(options, newInvoice('EXP-2', { dueInDays: 20, email: 'ap@northwind.example', currency: 'GBP', amountMinor: 145_050 }));
    await createInvoice(options, newInvoice('EXP-3', { dueInDays: 3, email: 'ap@northwind.example' }));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('exports every invoice as a Relance backup file', async () => {
    await options.reload();
    const download = options.waitForEvent('download', { timeout: 15_000 });
    await options.locator(hook('export')).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.json$/);
    exported = await readFile(await file.path(), 'utf8');
    const backup = JSON.parse(exported) as { format: string; invoices: { number: string }[] };
    expect(backup.format).toBe('relance-backup');
    expect(backup.invoices.map((i) => i.number).sort()).toEqual(['EXP-1', 'EXP-2', 'EXP-3']);
  });

  const corrupt: [string, () => string, RegExp][] = [
    ['a file that is not JSON', () => '{"format": "relance-backup", "invoices": [', /JSON/i],
    ['an empty file', () => '', /JSON|empty/i],
    ['valid JSON that is not a backup', () => JSON.stringify({ hello: 'world' }), /relance|backup|format/i],
    [
      'a backup with a wrong field',
      () => {
        const b = JSON.parse(exported) as { invoices: Record<string, unknown>[] };
        b.invoices[1]!.dueDate = '31/12/2026';
        return JSON.stringify(b);
      },
      /dueDate/,
    ],
    [
      'a backup with an amount that is not a whole number of cents',
      () => {
        const b = JSON.parse(exported) as { invoices: Record<string, unknown>[] };
        b.invoices[0]!.amountMinor = 2880.5;
        return JSON.stringify(b);
      },
      /amountMinor/,
    ],
  ];

  it.each(corrupt)('refuses %s with a clear message and changes nothing', async (_label, makeText, message) => {
    const before = byId(await readDb(s.serviceWorker));
    expect(before).toHaveLength(3);
    await importFile('broken.json', makeText(), message);
    expect(byId(await readDb(s.serviceWorker))).toEqual(before);
  });

  it('imports the exported file back: the data is exactly what was exported', async () => {
    const original = byId((JSON.parse(exported) as { invoices: StoredInvoice[] }).invoices);
    await createInvoice(options, newInvoice('LATER-1', { dueInDays: 7 }));
    expect(await readDb(s.serviceWorker)).toHaveLength(4);
    await importFile('relance-backup.json', exported, /\b3\b/);
    expect(byId(await readDb(s.serviceWorker))).toEqual(original);
  });

  it('made no network request', () => {
    expect(s.blocked).toEqual([]);
    expect(s.extensionRequests.filter((r) => /^(https?|wss?):/.test(r.url))).toEqual([]);
  });
});
