import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDateFromToday } from './harness';

/**
 * Data and builds shared by the everyday and accessibility E2E tests: a backup file written by hand (the format of
 * README "Backup format"), and a French build of the extension.
 */

interface BackupInvoice {
  number: string;
  email: string;
  name: string;
  amountMinor: number;
  currency: string;
  /** Days from today; negative = overdue. */
  dueInDays: number;
  threadId?: string;
}

export const EVERYDAY_INVOICES: BackupInvoice[] = [
  { number: 'F-2026-101', email: 'compta@atelier-dupont.example', name: 'Atelier Dupont', amountMinor: 288_000, currency: 'EUR', dueInDays: -40, threadId: 'thread-f:1823456789012345678' },
  { number: 'F-2026-102', email: 'compta@atelier-dupont.example', name: 'Atelier Dupont', amountMinor: 45_050, currency: 'EUR', dueInDays: -9 },
  { number: 'INV-7', email: 'ap@northwind.example', name: 'Northwind Traders Ltd', amountMinor: 120_000, currency: 'GBP', dueInDays: -3 },
  { number: 'F-2026-140', email: 'compta@atelier-dupont.example', name: 'Atelier Dupont', amountMinor: 99_000, currency: 'EUR', dueInDays: 12 },
];

export function backupText(invoices: BackupInvoice[] = EVERYDAY_INVOICES): string {
  const at = new Date().toISOString();
  const clients = [...new Map(invoices.map((i) => [i.email, i])).values()].map((i) => ({
    key: i.email,
    email: i.email,
    name: i.name,
    jurisdiction: null,
    b2b: true,
    language: null,
    paused: false,
    createdAt: at,
    updatedAt: at,
  }));
  const rows = invoices.map((i, n) => ({
    id: `inv-${n + 1}`,
    clientKey: i.email,
    clientEmail: i.email,
    clientName: i.name,
    number: i.number,
    amountMinor: i.amountMinor,
    currency: i.currency,
    issueDate: isoDateFromToday(i.dueInDays - 30),
    dueDate: isoDateFromToday(i.dueInDays),
    status: 'open',
    review: 'confirmed',
    source: 'manual',
    webmail: i.threadId ? 'gmail' : null,
    threadId: i.threadId ?? null,
    createdAt: at,
    updatedAt: at,
  }));
  return JSON.stringify({ format: 'relance-backup', version: 1, exportedAt: at, settings: {}, clients, invoices: rows, events: [] }, null, 2);
}

/**
 * A copy of the build whose only locale is French. The Chromium of this machine ships only en-US resources, so
 * `--lang=fr` does not change chrome.i18n's language; without an `en` folder, the extension falls back to its
 * default locale, here set to fr: every screen then shows what a French browser would show.
 */
export function frenchBuild(distDir: string): { dir: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), 'relance-fr-'));
  const dir = join(root, 'chrome-mv3');
  cpSync(distDir, dir, { recursive: true });
  rmSync(join(dir, '_locales', 'en'), { recursive: true, force: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  manifest['default_locale'] = 'fr';
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
