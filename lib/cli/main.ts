/**
 * Relance command line: `npm run --silent cli -- <command> ...`.
 * Each command lives in its own module, loaded only when asked for, so one command's
 * dependencies (pdf.js for `extract`) do not slow the others down.
 */
const COMMANDS: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  extract: () => import('./extract'),
  due: () => import('./due'),
  fees: () => import('./fees'),
  risk: () => import('./risk'),
  next: () => import('./next'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? COMMANDS[name] : undefined;
  if (!load) {
    process.stderr.write(
      `usage: npm run --silent cli -- <${Object.keys(COMMANDS).join('|')}> ...\n` +
        (name ? `relance: unknown command "${name}"\n` : ''),
    );
    return 2;
  }
  const mod = await load();
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`relance: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
