import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run eval [-- --split DIR] [--errors]`: runs the CLI on a split of the evaluation corpus and prints
 * the scorer's tables. Each CLI mode runs as a child process (as a user would run it), predictions go to a
 * temporary folder, and ../shared/eval/score.mjs scores them.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function usage(msg?: string): number {
  if (msg) process.stderr.write(`eval: ${msg}\n`);
  process.stderr.write('usage: npm run eval [-- --split DIR] [--errors]\n');
  return 2;
}

function runCli(args: string[]): { stdout: string; stderr: string; status: number } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'lib/cli/main.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status ?? 1 };
}

export async function main(argv: string[]): Promise<number> {
  let split = path.resolve(ROOT, '..', 'shared', 'eval', 'dev');
  let errors = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--errors') errors = true;
    else if (a === '--split') {
      const v = argv[++i];
      if (!v) return usage('--split needs a folder');
      split = path.resolve(v);
    } else return usage(`unknown argument "${a}"`);
  }
  const scorer = path.resolve(split, '..', 'score.mjs');
  const fallbackScorer = path.resolve(ROOT, '..', 'shared', 'eval', 'score.mjs');
  const scorePath = existsSync(scorer) ? scorer : fallbackScorer;
  if (!existsSync(split) || !existsSync(scorePath)) {
    process.stderr.write(
      `eval: the evaluation corpus is missing (looked for ${split} and ${scorePath}).\n` +
        'It lives in ../shared/eval next to the project; pass --split DIR to use another copy.\n',
    );
    return 2;
  }

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'relance-eval-'));
  try {
    const modes: Array<{ mode: string; cmd: string; inputs: string[] }> = [
      { mode: 'extract', cmd: 'extract', inputs: ['emails.jsonl', 'negatives.jsonl'] },
      { mode: 'replies', cmd: 'extract', inputs: ['replies.jsonl'] },
      { mode: 'due', cmd: 'due', inputs: ['terms.jsonl'] },
    ];
    let status = 0;
    for (const m of modes) {
      const present = m.inputs.filter((f) => existsSync(path.join(split, f)));
      if (present.length === 0) {
        process.stdout.write(`\n== ${m.mode}: no input files in ${split}, skipped\n`);
        continue;
      }
      const predFile = path.join(tmp, `pred-${m.mode}.jsonl`);
      const started = Date.now();
      let preds = '';
      for (const f of present) {
        const r = runCli([m.cmd, path.join(split, f)]);
        preds += r.stdout;
        const errs = r.stderr.split('\n').filter((l) => l.trim() && !/^Warning:/.test(l));
        if (r.status !== 0 || errs.length > 0) {
          process.stderr.write(`eval: ${m.cmd} ${f} exited ${r.status}\n${errs.slice(0, 10).join('\n')}\n`);
        }
      }
      writeFileSync(predFile, preds);
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      const gold = present.map((f) => path.join(split, f)).join(',');
      process.stdout.write(`\n== ${m.mode} (${present.join(' + ')}, ${preds.split('\n').filter(Boolean).length} predictions, ${secs}s)\n`);
      const s = spawnSync(process.execPath, [scorePath, m.mode, gold, predFile, ...(errors ? ['--errors'] : [])], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      process.stdout.write(s.stdout ?? '');
      if (s.stderr) process.stderr.write(s.stderr);
      if (s.status !== 0) status = 1;
    }
    return status;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}


main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
