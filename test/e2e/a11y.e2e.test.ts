import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { GMAIL_THREAD_URL, PROJECT_ROOT, launchExtension, openExtensionPage, openOptions, openPopup, serveWebmail, type ExtensionSession } from './harness';
import { hook, invoiceRow, openSidebar } from './flows';
import { backupText } from './everyday-data';

/**
 * axe-core (injected from node_modules, no network) on every screen of Relance, light and dark: no serious or
 * critical violation. The sidebar lives in an open shadow root, which axe walks.
 */

const AXE_SOURCE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  // Extension pages forbid inline scripts (CSP script-src 'self'), so addScriptTag fails there; evaluating the
  // source through the DevTools protocol is not subject to the page's CSP.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (scope) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(scope ? { include: [[scope]] } : document, { resultTypes: ['violations'] });
    return r.violations;
  }, include ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

describe.each(['light', 'dark'] as const)('accessibility (%s theme)', (scheme) => {
  let s: ExtensionSession;

  beforeAll(async () => {
    s = await launchExtension();
    await serveWebmail(s, { gmail: 'test/fixtures/webmail/gmail-2026-11-thread.html', files: { 'attid=': { status: 404 } } });
    const options = await openOptions(s.context, s.extensionId);
    await options.locator(hook('import-file')).setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: Buffer.from(backupText()) });
    await options.locator(hook('import-status')).filter({ hasText: /\b4\b/ }).waitFor({ timeout: 10_000 });
    await options.close();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('popup, with an inline form open', async () => {
    const popup = await openPopup(s.context, s.extensionId);
    await popup.emulateMedia({ colorScheme: scheme });
    await invoiceRow(popup, 'F-2026-101').waitFor();
    await invoiceRow(popup, 'F-2026-101').locator(hook('snooze')).click();
    expect(await seriousViolations(popup)).toEqual([]);
  });

  it('options, with the CSV mapping step shown', async () => {
    const options = await openOptions(s.context, s.extensionId);
    await options.emulateMedia({ colorScheme: scheme });
    await options.locator(hook('plans')).waitFor();
    await options.locator(hook('csv-file')).setInputFiles(join(PROJECT_ROOT, 'test/fixtures/csv/preset-invoice-ninja.csv'));
    await options.locator(hook('csv-mapping')).waitFor();
    await options.locator(hook('plan-preview')).first().click();
    await options.locator('.rl-preview').first().waitFor();
    expect(await seriousViolations(options)).toEqual([]);
  });

  it('first-run page', async () => {
    const welcome = await openExtensionPage(s.context, s.extensionId, 'welcome.html');
    await welcome.emulateMedia({ colorScheme: scheme });
    await welcome.locator(hook('welcome')).waitFor();
    if (process.env.RELANCE_SCREENSHOTS) await welcome.screenshot({ path: join(process.env.RELANCE_SCREENSHOTS, `welcome-${scheme}.png`), fullPage: true });
    expect(await seriousViolations(welcome)).toEqual([]);
  });

  it('sidebar open on a Gmail thread', async () => {
    const page = await s.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(GMAIL_THREAD_URL);
    const sidebar = await openSidebar(page);
    await invoiceRow(sidebar, 'F-2026-101').waitFor({ timeout: 15_000 });
    // Only Relance's own UI is ours to judge, not the fixture page around it.
    const host = await sidebar.evaluate((el) => {
      const root = el.getRootNode();
      return root instanceof ShadowRoot && root.host.id ? `#${root.host.id}` : root instanceof ShadowRoot ? root.host.tagName.toLowerCase() : null;
    });
    expect(host).not.toBeNull();
    expect(await seriousViolations(page, host!)).toEqual([]);
  });
});
