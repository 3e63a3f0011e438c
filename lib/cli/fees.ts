import { computeLateFees, LateFeesInputError, type LateFees, type LateFeesPayment } from '../domain/law/fees';
import { currencyDigits } from '../domain/money';
import { isValidIsoDate, JURISDICTIONS, type IsoDate, type Jurisdiction } from '../domain/types';

/**
 * `npm run --silent cli -- fees --jurisdiction FR|EU|UK|US --amount 1200.00 --currency EUR --due 2025-03-01
 *   [--paid 2025-05-15 | --today 2025-05-15] [--contract-rate 12.5] [--consumer] [--payment 2025-04-01:300.00 ...]`
 *
 * Prints one JSON line: principal, currency, daysLate, interest, fixedCompensation, total, periods
 * [{from, to, days, annualRatePercent, base}], then outstanding, warnings, legalBasis. Amounts are decimal strings
 * with the currency's minor digits. Without --paid or --today, the end date is today's local date: the only place
 * the wall clock is read. Bad flags: a message naming the flag on stderr, exit code 2.
 */

const USAGE =
  'usage: fees --jurisdiction FR|EU|UK|US --amount 1200.00 --currency EUR --due YYYY-MM-DD ' +
  '[--paid YYYY-MM-DD | --today YYYY-MM-DD] [--contract-rate 12.5] [--consumer] [--payment YYYY-MM-DD:AMOUNT ...]';

const VALUE_FLAGS = ['jurisdiction', 'amount', 'currency', 'due', 'paid', 'today', 'contract-rate', 'payment'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

class FlagError extends Error {}

interface ParsedFlags {
  values: Partial<Record<ValueFlag, string>>;
  payments: string[];
  consumer: boolean;
}

function parseFlags(args: string[]): ParsedFlags {
  const out: ParsedFlags = { values: {}, payments: [], consumer: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new FlagError(`unexpected argument "${arg}"`);
    const name = m[1] ?? '';
    if (name === 'consumer') {
      if (m[2] !== undefined) throw new FlagError('--consumer takes no value');
      out.consumer = true;
      continue;
    }
    if (!(VALUE_FLAGS as readonly string[]).includes(name)) throw new FlagError(`unknown flag --${name}`);
    const flag = name as ValueFlag;
    let value = m[2];
    if (value === undefined) {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new FlagError(`--${flag} needs a value`);
      i++;
    }
    if (flag === 'payment') out.payments.push(value);
    else if (out.values[flag] !== undefined) throw new FlagError(`--${flag} given twice`);
    else out.values[flag] = value;
  }
  return out;
}

/** "1200.00" -> 120000 for 2 digits; null unless a plain non-negative decimal with at most `digits` decimals. */
export function decimalToMinor(s: string, digits: number): number | null {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > digits) return null;
  const minor = Number(BigInt((m[1] ?? '0') + frac.padEnd(digits, '0')));
  return Number.isSafeInteger(minor) ? minor : null;
}

export function minorToDecimal(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor));
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

function requireDate(flag: string, value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isValidIsoDate(value)) throw new FlagError(`--${flag} "${value}" is not a valid date YYYY-MM-DD`);
  return value;
}

function localToday(): IsoDate {
  const now = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function feesToJson(fees: LateFees): Record<string, unknown> {
  const digits = currencyDigits(fees.currency);
  const money = (minor: number): string => minorToDecimal(minor, digits);
  return {
    principal: money(fees.principalMinor),
    currency: fees.currency,
    daysLate: fees.daysLate,
    interest: money(fees.interestMinor),
    fixedCompensation: money(fees.fixedCompensationMinor),
    total: money(fees.totalMinor),
    periods: fees.periods.map((p) => ({
      from: p.from,
      to: p.to,
      days: p.days,
      annualRatePercent: p.annualRatePercent,
      base: money(p.baseMinor),
      interestExactMinor: p.interestExact,
      rateBasis: p.rateBasis,
    })),
    outstanding: money(fees.outstandingMinor),
    warnings: fees.warnings,
    legalBasis: fees.legalBasis,
  };
}

function buildInput(flags: ParsedFlags): Parameters<typeof computeLateFees>[0] {
  const v = flags.values;
  const jurisdiction = v.jurisdiction?.toUpperCase();
  if (jurisdiction === undefined) throw new FlagError('--jurisdiction is required (FR, EU, UK or US)');
  if (!(JURISDICTIONS as readonly string[]).includes(jurisdiction)) {
    throw new FlagError(`--jurisdiction "${v.jurisdiction}" is not one of ${JURISDICTIONS.join(', ')}`);
  }
  if (v.currency === undefined) throw new FlagError('--currency is required (a 3-letter ISO code such as EUR)');
  const currency = v.currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new FlagError(`--currency "${v.currency}" is not a 3-letter ISO code`);
  const digits = currencyDigits(currency);
  if (v.amount === undefined) throw new FlagError('--amount is required (a decimal such as 1200.00)');
  const principalMinor = decimalToMinor(v.amount, digits);
  if (principalMinor === null) {
    throw new FlagError(`--amount "${v.amount}" is not a decimal amount with at most ${digits} decimals (e.g. 1200.00)`);
  }
  const dueDate = requireDate('due', v.due);
  if (dueDate === undefined) throw new FlagError('--due is required (YYYY-MM-DD)');
  const paidDate = requireDate('paid', v.paid);
  const today = requireDate('today', v.today);
  if (paidDate !== undefined && today !== undefined) throw new FlagError('--paid and --today cannot both be given');
  let contractRatePercent: number | undefined;
  if (v['contract-rate'] !== undefined) {
    const raw = v['contract-rate'].replace(/%$/, '');
    contractRatePercent = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!(contractRatePercent <= 1000)) {
      throw new FlagError(`--contract-rate "${v['contract-rate']}" is not an annual rate in percent between 0 and 1000`);
    }
  }
  const payments: LateFeesPayment[] = flags.payments.map((p) => {
    const m = /^(\d{4}-\d{2}-\d{2}):(.+)$/.exec(p);
    const amountMinor = m ? decimalToMinor(m[2] ?? '', digits) : null;
    if (!m || !isValidIsoDate(m[1] ?? '') || amountMinor === null || amountMinor <= 0) {
      throw new FlagError(`--payment "${p}" is not DATE:AMOUNT (e.g. 2025-04-01:300.00)`);
    }
    return { date: m[1] ?? '', amountMinor };
  });
  return {
    jurisdiction: jurisdiction as Jurisdiction,
    principalMinor,
    currency,
    dueDate,
    ...(paidDate !== undefined ? { paidDate } : { today: today ?? localToday() }),
    ...(contractRatePercent !== undefined ? { contractRatePercent } : {}),
    ...(flags.consumer ? { consumer: true } : {}),
    ...(payments.length ? { payments } : {}),
  };
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const fees = computeLateFees(buildInput(parseFlags(args)));
    process.stdout.write(`${JSON.stringify(feesToJson(fees))}\n`);
    return 0;
  } catch (err) {
    if (err instanceof FlagError || err instanceof LateFeesInputError) {
      process.stderr.write(`relance fees: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}
