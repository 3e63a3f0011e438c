import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST_DIR, GMAIL_ORIGIN, OUTLOOK_ORIGINS, assertBuilt } from './harness';

/**
 * The built manifest asks for nothing more than Relance uses: no <all_urls>, no host access beyond the
 * webmails, only the expected permissions, and no code from anywhere but the package.
 */
const EXPECTED_PERMISSIONS = ['alarms', 'notifications', 'offscreen', 'storage'];
const WEBMAIL_MATCHES = [GMAIL_ORIGIN, ...OUTLOOK_ORIGINS].map((o) => `${o}/*`).sort();

interface Manifest {
  manifest_version: number;
  name: string;
  description: string;
  default_locale?: string;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; css?: string[] }[];
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
  content_security_policy?: Record<string, string>;
  externally_connectable?: unknown;
  action?: { default_popup?: string };
  options_ui?: { page: string };
  options_page?: string;
  icons?: Record<string, string>;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('the built Chrome manifest', () => {
  let m: Manifest;
  let raw: string;
  beforeAll(() => {
    assertBuilt();
    raw = readFileSync(join(DIST_DIR, 'manifest.json'), 'utf8');
    m = JSON.parse(raw) as Manifest;
  });

  it('is Manifest V3 with a localised name and description and an icon set', () => {
    expect(m.manifest_version).toBe(3);
    const messages = JSON.parse(readFileSync(join(DIST_DIR, '_locales', m.default_locale ?? 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    const resolveMsg = (s: string) => s.replace(/^__MSG_(\w+)__$/, (_, k: string) => messages[k]?.message ?? s);
    expect(resolveMsg(m.name)).toMatch(/Relance/);
    expect(resolveMsg(m.description).length).toBeGreaterThan(20);
    expect(existsSync(join(DIST_DIR, '_locales', 'fr', 'messages.json'))).toBe(true);
    const icons = Object.values(m.icons ?? {});
    expect(icons.length).toBeGreaterThanOrEqual(3);
    for (const icon of icons) expect(existsSync(join(DIST_DIR, icon)), icon).toBe(true);
  });

  it('never asks for <all_urls> or any wildcard host', () => {
    expect(raw).not.toContain('<all_urls>');
    expect(raw).not.toMatch(/"(\*|https?):\/\/\*\/\*"/);
  });

  it('asks only for the expected permissions, and for no host beyond the webmails', () => {
    expect([...(m.permissions ?? [])].sort()).toEqual(EXPECTED_PERMISSIONS);
    expect(m.optional_permissions ?? []).toEqual([]);
    for (const host of [...(m.host_permissions ?? []), ...(m.optional_host_permissions ?? [])]) expect(WEBMAIL_MATCHES).toContain(host);
    expect(m.externally_connectable).toBeUndefined();
  });

  it('runs content scripts on the webmail hosts only: Gmail and the four Outlook hosts', () => {
    const scripts = m.content_scripts ?? [];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    const matches = [...new Set(scripts.flatMap((c) => c.matches))].sort();
    expect(matches).toEqual(WEBMAIL_MATCHES);
    for (const file of scripts.flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])])) expect(existsSync(join(DIST_DIR, file)), file).toBe(true);
  });

  it('exposes web-accessible resources to the webmails only', () => {
    for (const w of m.web_accessible_resources ?? []) for (const match of w.matches) expect(WEBMAIL_MATCHES).toContain(match);
  });

  it('declares the popup and the options page, and they exist', () => {
    expect(m.action?.default_popup).toBe('popup.html');
    const options = m.options_ui?.page ?? m.options_page;
    expect(options).toBe('options.html');
    expect(existsSync(join(DIST_DIR, 'popup.html'))).toBe(true);
    expect(existsSync(join(DIST_DIR, 'options.html'))).toBe(true);
  });

  it('loads no remote code: no remote script or style in the pages, no relaxed content security policy', () => {
    for (const policy of Object.values(m.content_security_policy ?? {})) {
      expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
    }
    for (const file of walk(DIST_DIR).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      expect(html, file).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
      expect(html, file).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
    }
    for (const file of walk(DIST_DIR).filter((f) => f.endsWith('.js'))) {
      // Dynamic imports of URLs and importScripts of remote files are the ways code comes from elsewhere.
      const js = readFileSync(file, 'utf8');
      expect(js, file).not.toMatch(/importScripts\(\s*["'`]https?:/);
      expect(js, file).not.toMatch(/import\(\s*["'`]https?:/);
    }
  });
});
