import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { run as runExtract } from '../../lib/cli/extract';
import { fuzz, loadCorpus, mutate, rng } from './mutate';

/**
 * `npm run fuzz [-- --runs N --seed S]`: thousands of mutated corpus records through the extraction path
 * (test/fuzz/mutate.ts), then one batch through the extract CLI's own run() to check that every line is answered or
 * reported. Corpus: test/fixtures/shadow/*.jsonl, plus ../shared/eval/dev when present (never needed).
 * Prints the counts as JSON; exits 1 on any crash or unanswered line.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) ? v : fallback;
}

function corpusFiles(): string[] {
  const dirs = [path.join(ROOT, 'test/fixtures/shadow'), path.resolve(ROOT, '../shared/eval/dev')];
  return dirs.filter((d) => existsSync(d)).flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.jsonl') && f !== 'terms.jsonl').map((f) => path.join(d, f)));
}

/** The CLI itself on a file of mutated lines, its output captured: every line must be answered or reported. */
async function cliBatch(seed: number, lines: number): Promise<{ lines: number; answered: number; reportedLines: number; exit: number }> {
  const corpus = loadCorpus(corpusFiles().filter((f) => f.includes(path.join('test', 'fixtures', 'shadow'))));
  const r = rng(seed);
  const input = Array.from({ length: lines }, () => {
    const m = mutate(r, corpus[Math.floor(r() * corpus.length)]!);
    // One line per record: a mutation that adds a newline would split it in two.
    return m.line.replace(/[\r\n]+/g, ' ').trim() || '{}';
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'relance-fuzz-'));
  const file = path.join(dir, 'mutants.jsonl');
  writeFileSync(file, `${input.join('\n')}\n`);
  const out: string[] = [];
  const err: string[] = [];
  const [stdoutWrite, stderrWrite] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  let exit: number;
  try {
    exit = await runExtract([file]);
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
    rmSync(dir, { recursive: true, force: true });
  }
  const answered = out.join('').split('\n').filter(Boolean).length;
  const reported = new Set(err.join('').split('\n').map((l) => /line (\d+):/.exec(l)?.[1]).filter(Boolean));
  return { lines: input.length, answered, reportedLines: reported.size, exit };
}

async function main(): Promise<number> {
  const runs = arg('runs', 5000);
  const seed = arg('seed', Date.now() % 1_000_000);
  const files = corpusFiles();
  const corpus = loadCorpus(files);
  const started = performance.now();
  const summary = await fuzz(corpus, runs, seed);
  const cli = await cliBatch(seed, Math.min(500, runs));
  const seconds = (performance.now() - started) / 1000;
  // Lines the CLI both answered and warned about are counted once in `answered`.
  const unanswered = cli.lines - cli.answered - Math.max(0, cli.reportedLines - (cli.answered + cli.reportedLines - cli.lines));
  const result = { ...summary, corpusFiles: files.map((f) => path.relative(ROOT, f)), corpusRecords: corpus.length, seconds: Number(seconds.toFixed(1)), cli };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  const ok = summary.crashed === 0 && cli.answered + cli.reportedLines >= cli.lines && (cli.exit === 0 || cli.exit === 1);
  if (!ok) process.stderr.write(`fuzz: FAILED (seed ${seed}): ${summary.crashed} crashes, ${Math.max(0, unanswered)} CLI lines neither answered nor reported\n`);
  return ok ? 0 : 1;
}

process.exitCode = await main();
