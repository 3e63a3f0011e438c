import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { understanding } from './understanding';

/**
 * `npm run bench`: prints one JSON object on stdout (machine-readable, for the record) and a readable
 * table on stderr. Each measurement is a section in SECTIONS; later issues add their own (timings of
 * detection, of the sidebar mount…) by appending to the registry.
 *
 * Usage: node --import tsx test/bench/index.ts [--only bundles,other] [--dist .output/chrome-mv3]
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchContext {
  root: string;
  distDir: string;
}

export interface BenchSection {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<{ result: unknown; table: string }>;
}

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
      return { file, entrypoint: entrypointOf(file), rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
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
  for (const html of readdirSync(distDir).filter((f) => f.endsWith('.html'))) {
    const text = readFileSync(join(distDir, html), 'utf8');
    const refs = [...text.matchAll(/(?:src|href)=["']\/?([^"']+\.(?:js|css))["']/g)].map((m) => m[1]!);
    out[html.replace(/\.html$/, '')] = [...new Set(refs)];
  }
  return out;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

const bundles: BenchSection = {
  name: 'bundles',
  description: 'Size of every built .js and .css file in the Chrome MV3 build, raw and gzip -9, with totals per entrypoint.',
  async run({ distDir }) {
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
        return [name, { rawBytes: known.reduce((t, f) => t + f.rawBytes, 0), gzipBytes: known.reduce((t, f) => t + f.gzipBytes, 0), files: list }];
      }),
    );
    const total = files.reduce((t, f) => ({ rawBytes: t.rawBytes + f.rawBytes, gzipBytes: t.gzipBytes + f.gzipBytes }), { rawBytes: 0, gzipBytes: 0 });
    const rows = [['file', 'entrypoint', 'raw', 'gzip'], ...files.map((f) => [f.file, f.entrypoint, kb(f.rawBytes), kb(f.gzipBytes)])];
    rows.push(['TOTAL', '', kb(total.rawBytes), kb(total.gzipBytes)]);
    const loadRows = [
      ['entrypoint loads (shared chunks included)', 'files', 'raw', 'gzip'],
      ...Object.entries(loadedByEntrypoint).map(([n, l]) => [n, String(l.files.length), kb(l.rawBytes), kb(l.gzipBytes)]),
    ];
    return {
      result: { distDir: relative(ROOT, distDir), files, byEntrypoint, loadedByEntrypoint, total },
      table: `${table(rows)}\n\n${table(loadRows)}`,
    };
  },
};

/** The registry: append a section here to measure something new. */
export const SECTIONS: BenchSection[] = [bundles, understanding];

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const distDir = resolve(ROOT, argValue('--dist') ?? '.output/chrome-mv3');
  if (!existsSync(join(distDir, 'manifest.json')) && (argValue('--only')?.split(',').includes('bundles') ?? true)) {
    console.error(`No build at ${distDir}: run \`npx wxt build\` first (npm run bench does it).`);
    process.exitCode = 1;
    return;
  }
  const only = argValue('--only')?.split(',');
  const chosen = SECTIONS.filter((s) => !only || only.includes(s.name));
  const out: Record<string, unknown> = { generatedAt: new Date().toISOString(), node: process.version, sections: {} };
  for (const section of chosen) {
    const { result, table: text } = await section.run({ root: ROOT, distDir });
    (out.sections as Record<string, unknown>)[section.name] = result;
    console.error(`\n== ${section.name}: ${section.description}\n${text}\n`);
  }
  console.log(JSON.stringify(out, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  });
}
