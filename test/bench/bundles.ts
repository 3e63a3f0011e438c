import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchSection } from './index';
import { kb, table, verdict } from './report';

/**
 * Bundle sizes of the build (every file, and what each entrypoint really loads), the content scripts against their
 * budget, and the public Gmail libraries as anchors: @inboxsdk/core and gmail-js are fetched with `npm pack` at bench
 * time (never installed, never a dependency of the project) and their main files measured the same way.
 */

export const CONTENT_SCRIPT_BUDGET_GZIP_BYTES = 120 * 1024;
/** Pinned so the anchors do not move between runs. */
export const ANCHOR_PACKAGES = [
  // InboxSDK: the content-script bundle, plus the script it injects into the page's own world.
  { name: '@inboxsdk/core', version: '2.2.26', files: ['inboxsdk.js', 'pageWorld.js'], note: 'inboxsdk.js runs as the content script; pageWorld.js is injected into the page' },
  { name: 'gmail-js', version: '1.1.16', files: ['src/gmail.js'], note: 'plus jQuery, which it requires and does not ship' },
] as const;

export interface BundleFile {
  file: string;
  /** Which entrypoint the file belongs to (background, content-scripts/gmail, popup, options, shared chunk…). */
  entrypoint: string;
  rawBytes: number;
  gzipBytes: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const gzipSize = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length;

/** The entrypoint a built file belongs to, from WXT's output layout. */
export function entrypointOf(file: string): string {
  const f = file.split(sep).join('/');
  if (f === 'background.js') return 'background';
  const cs = /^content-scripts\/([^/.]+)\.(js|css)$/.exec(f);
  if (cs) return `content-scripts/${cs[1]}`;
  const page = /^(?:chunks|assets)\/([a-z-]+)-[\w-]{6,}\.(js|css)$/.exec(f);
  if (page?.[1] === 'popup' || page?.[1] === 'options') return page[1];
  if (f.startsWith('chunks/') || f.startsWith('assets/')) return 'shared';
  return f.replace(/\.(js|css)$/, '');
}

export function measureBundles(distDir: string): BundleFile[] {
  return walk(distDir)
    .filter((p) => /\.(js|css)$/.test(p))
    .map((p) => {
      const bytes = readFileSync(p);
      const file = relative(distDir, p).split(sep).join('/');
      return { file, entrypoint: entrypointOf(file), rawBytes: bytes.length, gzipBytes: gzipSize(bytes) };
    })
    .sort((a, b) => a.entrypoint.localeCompare(b.entrypoint) || a.file.localeCompare(b.file));
}

/**
 * What each entrypoint actually loads, shared chunks included: the content scripts' files from the manifest,
 * the background's worker, and every script and stylesheet an HTML page references.
 */
export function loadedFiles(distDir: string): Record<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[]; css?: string[] }[];
    web_accessible_resources?: { resources: string[] }[];
  };
  const out: Record<string, string[]> = {};
  if (manifest.background?.service_worker) out.background = [manifest.background.service_worker];
  for (const cs of manifest.content_scripts ?? []) {
    const files = [...(cs.js ?? []), ...(cs.css ?? [])];
    if (!files[0]) continue;
    const name = entrypointOf(files[0]);
    // A shadow-root UI loads its stylesheet at run time (not listed in the manifest): count it too.
    const css = `${name}.css`;
    out[name] = existsSync(join(distDir, css)) && !files.includes(css) ? [...files, css] : files;
  }
  // Scripts the content scripts import later (the sidebar panel): web-accessible for that reason only.
  for (const file of (manifest.web_accessible_resources ?? []).flatMap((w) => w.resources).filter((f) => f.endsWith('.js'))) out[entrypointOf(file)] = [file];
  for (const html of readdirSync(distDir).filter((f) => f.endsWith('.html'))) {
    const text = readFileSync(join(distDir, html), 'utf8');
    const refs = [...text.matchAll(/(?:src|href)=["']\/?([^"']+\.(?:js|css))["']/g)].map((m) => m[1]!);
    out[html.replace(/\.html$/, '')] = withImports(distDir, [...new Set(refs)]);
  }
  return out;
}

/**
 * The files plus every chunk they import, statically or by a dynamic import(): a page that loads React after its
 * first request (the popup) still loads it, and counts it.
 */
function withImports(distDir: string, files: string[]): string[] {
  const seen = new Set(files);
  const queue = files.filter((f) => f.endsWith('.js'));
  while (queue.length > 0) {
    const file = queue.shift()!;
    const path = join(distDir, file);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      const dep = join(dirname(file), m[1]!).split(sep).join('/');
      if (!seen.has(dep)) {
        seen.add(dep);
        queue.push(dep);
      }
    }
  }
  return [...seen];
}

export interface AnchorFile {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export type Anchor =
  | { package: string; version: string; available: true; files: AnchorFile[]; rawBytes: number; gzipBytes: number; note: string }
  | { package: string; version: string; available: false; reason: string };

/**
 * `npm pack` the anchor packages into a cache folder of the OS temp dir (a tarball already there is reused), and
 * extract them with tar. Anything failing (no registry, no tar) makes that anchor "unavailable", never the bench.
 */
export function measureAnchors(cacheDir = join(tmpdir(), 'relance-bench-anchors')): Anchor[] {
  mkdirSync(cacheDir, { recursive: true });
  return ANCHOR_PACKAGES.map((pkg): Anchor => {
    const base = { package: pkg.name, version: pkg.version };
    try {
      const tarball = join(cacheDir, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
      if (!existsSync(tarball)) {
        execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', cacheDir, '--silent'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
      }
      if (!existsSync(tarball)) return { ...base, available: false, reason: `npm pack did not write ${tarball}` };
      const dir = join(cacheDir, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}`);
      mkdirSync(dir, { recursive: true });
      execFileSync('tar', ['-xzf', tarball, '-C', dir], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
      const files = pkg.files.map((f) => {
        const bytes = readFileSync(join(dir, 'package', f));
        return { file: f, rawBytes: bytes.length, gzipBytes: gzipSize(bytes) };
      });
      return {
        ...base,
        available: true,
        files,
        rawBytes: files.reduce((t, f) => t + f.rawBytes, 0),
        gzipBytes: files.reduce((t, f) => t + f.gzipBytes, 0),
        note: pkg.note,
      };
    } catch (err) {
      const msg = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      return { ...base, available: false, reason: `anchor unavailable: ${msg}` };
    }
  });
}

export const bundles: BenchSection = {
  name: 'bundles',
  needsBuild: true,
  description: `Size of every built .js and .css file, raw and gzip -9, per entrypoint; the content scripts vs ${kb(CONTENT_SCRIPT_BUDGET_GZIP_BYTES)} gzip; @inboxsdk/core and gmail-js as anchors (npm pack).`,
  async run({ distDir, root }) {
    const files = measureBundles(distDir);
    const byEntrypoint: Record<string, { rawBytes: number; gzipBytes: number; files: number }> = {};
    for (const f of files) {
      const e = (byEntrypoint[f.entrypoint] ??= { rawBytes: 0, gzipBytes: 0, files: 0 });
      e.rawBytes += f.rawBytes;
      e.gzipBytes += f.gzipBytes;
      e.files += 1;
    }
    const sizeOf = new Map(files.map((f) => [f.file, f]));
    const loadedByEntrypoint = Object.fromEntries(
      Object.entries(loadedFiles(distDir)).map(([name, list]) => {
        const known = list.map((f) => sizeOf.get(f)).filter((f): f is BundleFile => f !== undefined);
        const js = known.filter((f) => f.file.endsWith('.js'));
        return [
          name,
          {
            rawBytes: known.reduce((t, f) => t + f.rawBytes, 0),
            gzipBytes: known.reduce((t, f) => t + f.gzipBytes, 0),
            jsGzipBytes: js.reduce((t, f) => t + f.gzipBytes, 0),
            files: list,
          },
        ];
      }),
    );
    const total = files.reduce((t, f) => ({ rawBytes: t.rawBytes + f.rawBytes, gzipBytes: t.gzipBytes + f.gzipBytes }), { rawBytes: 0, gzipBytes: 0 });

    // The budget counts what a webmail tab loads for us: the script and the stylesheet of its shadow root.
    const contentScripts = Object.fromEntries(
      Object.entries(loadedByEntrypoint)
        .filter(([name]) => name.startsWith('content-scripts/'))
        .map(([name, l]) => [name.replace('content-scripts/', ''), { rawBytes: l.rawBytes, gzipBytes: l.gzipBytes, jsGzipBytes: l.jsGzipBytes }]),
    );
    // The sidebar's panel (React and its cards) is a separate script the content script imports when the sidebar
    // opens: not loaded by a tab with the sidebar closed, loaded once by a tab that opens it. Both are judged.
    const panel = loadedByEntrypoint['sidebar-panel'] ?? { rawBytes: 0, gzipBytes: 0 };
    const withPanel = Object.fromEntries(Object.entries(contentScripts).map(([n, c]) => [n, { rawBytes: c.rawBytes + panel.rawBytes, gzipBytes: c.gzipBytes + panel.gzipBytes }]));
    const withinBudget = Object.fromEntries([
      ...Object.entries(contentScripts).map(([n, c]) => [`contentScript.${n}`, c.gzipBytes <= CONTENT_SCRIPT_BUDGET_GZIP_BYTES]),
      ...Object.entries(withPanel).map(([n, c]) => [`contentScriptWithPanel.${n}`, c.gzipBytes <= CONTENT_SCRIPT_BUDGET_GZIP_BYTES]),
    ]);
    const anchors = measureAnchors();

    const rows = [['file', 'entrypoint', 'raw', 'gzip'], ...files.map((f) => [f.file, f.entrypoint, kb(f.rawBytes), kb(f.gzipBytes)])];
    rows.push(['TOTAL', '', kb(total.rawBytes), kb(total.gzipBytes)]);
    const loadRows = [
      ['entrypoint loads (shared chunks included)', 'files', 'raw', 'gzip'],
      ...Object.entries(loadedByEntrypoint).map(([n, l]) => [n, String(l.files.length), kb(l.rawBytes), kb(l.gzipBytes)]),
    ];
    const sideRows = [
      ['content script, side by side', 'raw', 'gzip', `budget ${kb(CONTENT_SCRIPT_BUDGET_GZIP_BYTES)}`],
      ...Object.entries(contentScripts).map(([n, c]) => [`Relance ${n} (js + css), at page load`, kb(c.rawBytes), kb(c.gzipBytes), verdict(c.gzipBytes <= CONTENT_SCRIPT_BUDGET_GZIP_BYTES)]),
      ...Object.entries(withPanel).map(([n, c]) => [`Relance ${n} + sidebar panel, once opened`, kb(c.rawBytes), kb(c.gzipBytes), verdict(c.gzipBytes <= CONTENT_SCRIPT_BUDGET_GZIP_BYTES)]),
      ...anchors.flatMap((a) =>
        a.available
          ? [...a.files.map((f) => [`${a.package}@${a.version} ${f.file}`, kb(f.rawBytes), kb(f.gzipBytes), '']), [`${a.package} total`, kb(a.rawBytes), kb(a.gzipBytes), '']]
          : [[`${a.package}@${a.version}`, a.reason, '', '']],
      ),
    ];
    return {
      result: {
        distDir: relative(root, distDir) || '.',
        files,
        byEntrypoint,
        loadedByEntrypoint,
        total,
        contentScripts,
        contentScriptsWithPanel: withPanel,
        anchors,
        budgets: { contentScriptGzipBytes: CONTENT_SCRIPT_BUDGET_GZIP_BYTES },
        withinBudget,
      },
      table: `${table(rows)}\n\n${table(loadRows)}\n\n${table(sideRows)}`,
    };
  },
};
