import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundles } from './bundles';
import { load } from './load';
import { page } from './page';
import { storage } from './storage';
import { understanding } from './understanding';

export { entrypointOf, loadedFiles, measureBundles, type BundleFile } from './bundles';

/**
 * `npm run bench`: prints one JSON object on stdout (machine-readable, for the record) and a readable
 * table on stderr. Each measurement is a section in SECTIONS; a section's result carries its `budgets` and
 * `withinBudget` flags, gathered at the top of the JSON. Benchmarks report figures: nothing here fails on a miss.
 *
 * Usage: node --import tsx test/bench/index.ts [--only bundles,page,storage,understanding,load] [--dist DIR] [--runs N]
 * (--dist defaults to RELANCE_DIST, then $RELANCE_OUT_DIR/chrome-mv3, then .output/chrome-mv3: so
 * `RELANCE_OUT_DIR=/tmp/x npm run bench` builds into /tmp/x and measures that build, leaving .output alone.)
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface BenchContext {
  root: string;
  distDir: string;
  /** Repetitions for the browser sections (medians are reported). */
  runs: number;
}

export interface BenchSection {
  name: string;
  description: string;
  /** Whether the section loads the built extension (then a build must exist). */
  needsBuild?: boolean;
  run(ctx: BenchContext): Promise<{ result: unknown; table: string }>;
}

/** The registry: append a section here to measure something new. */
export const SECTIONS: BenchSection[] = [bundles, page, storage, understanding, load];

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function budgetsOf(result: unknown): { budgets?: unknown; withinBudget?: Record<string, boolean | null> } {
  if (typeof result !== 'object' || result === null) return {};
  const r = result as { budgets?: unknown; withinBudget?: Record<string, boolean | null> };
  return { budgets: r.budgets, withinBudget: r.withinBudget };
}

async function main(): Promise<void> {
  // The build `npm run bench` just made: RELANCE_OUT_DIR (wxt.config.ts) moves it, --dist or RELANCE_DIST override.
  const built = process.env.RELANCE_OUT_DIR ? join(process.env.RELANCE_OUT_DIR, 'chrome-mv3') : '.output/chrome-mv3';
  const distDir = resolve(ROOT, argValue('--dist') ?? process.env.RELANCE_DIST ?? built);
  const runs = Math.max(1, Number(argValue('--runs') ?? 5) || 5);
  const only = argValue('--only')?.split(',');
  const unknown = only?.filter((n) => !SECTIONS.some((s) => s.name === n)) ?? [];
  if (unknown.length > 0) {
    console.error(`Unknown section(s): ${unknown.join(', ')}. Known: ${SECTIONS.map((s) => s.name).join(', ')}.`);
    process.exitCode = 2;
    return;
  }
  const chosen = SECTIONS.filter((s) => !only || only.includes(s.name));
  if (chosen.some((s) => s.needsBuild) && !existsSync(join(distDir, 'manifest.json'))) {
    console.error(`No build at ${distDir}: run \`npx wxt build\` first (npm run bench does it), or pass --dist.`);
    process.exitCode = 1;
    return;
  }
  const sections: Record<string, unknown> = {};
  const budgets: Record<string, unknown> = {};
  const withinBudget: Record<string, Record<string, boolean | null>> = {};
  const failed: Record<string, string> = {};
  for (const section of chosen) {
    const t0 = performance.now();
    try {
      const { result, table: text } = await section.run({ root: ROOT, distDir, runs });
      sections[section.name] = result;
      const b = budgetsOf(result);
      if (b.budgets) budgets[section.name] = b.budgets;
      if (b.withinBudget) withinBudget[section.name] = b.withinBudget;
      console.error(`\n== ${section.name}: ${section.description} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n${text}\n`);
    } catch (err) {
      // One section failing (no browser, say) must not hide the others' figures.
      failed[section.name] = err instanceof Error ? err.message : String(err);
      console.error(`\n== ${section.name}: FAILED\n${err instanceof Error ? err.stack : String(err)}\n`);
      process.exitCode = 1;
    }
  }
  const flags = Object.values(withinBudget).flatMap((w) => Object.values(w)).filter((v): v is boolean => typeof v === 'boolean');
  const misses = Object.entries(withinBudget).flatMap(([s, w]) => Object.entries(w).filter(([, v]) => v === false).map(([k]) => `${s}.${k}`));
  console.error(`== budgets: ${flags.length - misses.length}/${flags.length} within${misses.length > 0 ? `; over: ${misses.join(', ')}` : ''}`);
  const out = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    distDir,
    runs,
    sections,
    budgets,
    withinBudget: { ...withinBudget, all: misses.length === 0 && Object.keys(failed).length === 0 },
    ...(Object.keys(failed).length > 0 ? { failed } : {}),
  };
  console.log(JSON.stringify(out, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  });
}
