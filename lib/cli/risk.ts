import { readFileSync } from 'node:fs';
import { FollowupInputError, parseFollowupFile, type FollowupModel } from '../domain/followup-input';
import { formatMinor } from '../domain/money';
import { scoreClient, type RiskProfile } from '../domain/risk';
import { isValidIsoDate, type IsoDate } from '../domain/types';

/**
 * `npm run --silent cli -- risk FILE.json [--today YYYY-MM-DD]`: the client's payment-risk profile as one JSON
 * line (score, band, averageDaysLate, factors, recommendations, then the details). Amounts are decimal strings
 * per currency. FILE format: lib/domain/followup-input.ts. Bad arguments or FILE: message on stderr, exit 2.
 */

export class UsageError extends Error {}

export interface FollowupArgs {
  file: string;
  today: IsoDate;
}

/** The local calendar date: the only place the follow-up commands read the wall clock. */
function localToday(): IsoDate {
  const now = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function parseFollowupArgs(args: readonly string[]): FollowupArgs {
  let file: string | undefined;
  let today: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const m = /^--today(?:=(.*))?$/.exec(arg);
    if (m) {
      const value = m[1] ?? args[++i];
      if (value === undefined) throw new UsageError('--today needs a date YYYY-MM-DD');
      if (!isValidIsoDate(value)) throw new UsageError(`--today "${value}" is not a valid date YYYY-MM-DD`);
      today = value;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown flag ${arg}`);
    else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument "${arg}"`);
  }
  if (file === undefined) throw new UsageError('the FILE.json argument is required');
  return { file, today: today ?? localToday() };
}

export function loadFollowupFile(path: string): FollowupModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UsageError(`${path} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseFollowupFile(json);
}

export function amountsToJson(byCurrency: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(byCurrency).map(([cur, minor]) => [cur, formatMinor(minor, cur)]));
}

export function riskToJson(p: RiskProfile): Record<string, unknown> {
  return {
    score: p.score,
    band: p.band,
    averageDaysLate: p.averageDaysLate,
    factors: p.factors,
    recommendations: p.recommendations,
    weightedDaysLate: p.weightedDaysLate,
    paydexBase: p.paydexBase,
    rated: p.rated,
    openByCurrency: amountsToJson(p.openByCurrency),
    overdueByCurrency: amountsToJson(p.overdueByCurrency),
    remindersToGetPaid: p.remindersToGetPaid,
    warningSigns: p.warningSigns,
  };
}

/** Runs a follow-up command body with the shared argument, file and error handling. */
export async function runFollowup(name: string, args: string[], body: (model: FollowupModel, today: IsoDate) => unknown): Promise<number> {
  const usage = `usage: ${name} FILE.json [--today YYYY-MM-DD]`;
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  try {
    const { file, today } = parseFollowupArgs(args);
    const out = body(loadFollowupFile(file), today);
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError || err instanceof FollowupInputError) {
      process.stderr.write(`relance ${name}: ${err.message}\n${err instanceof UsageError ? `${usage}\n` : ''}`);
      return 2;
    }
    throw err;
  }
}

export async function run(args: string[]): Promise<number> {
  return runFollowup('risk', args, (m, today) => riskToJson(scoreClient({ invoices: m.invoices, events: m.events, flags: m.flags, today })));
}
