import { diffDaysIso } from './dates';
import { DEFAULT_PLANS } from './ladder/plans';
import {
  asOf,
  chronological,
  eventCovers,
  eventInvoiceIds,
  outstandingOf,
  replyIntent,
  type FollowupEvent,
  type FollowupInvoice,
} from './ladder/history';
import type { IsoDate } from './types';

/**
 * A client's payment-risk profile (DOMAIN.md §4), reproducible by hand:
 *
 * 1. Each "trade report" is an invoice that is paid (days late d = paid date − due date, negative when early) or
 *    open and past due (d = today − due date). Open invoices not yet due, cancelled ones and paid ones without a
 *    payment date are not rated. Fewer than 3 trade reports: "not rated yet" (score null), as PAYDEX does.
 * 2. d maps to 1..100 through the PAYDEX anchors, linear between them (PAYDEX_ANCHORS). "Takes the discount" (90)
 *    is placed at 20 days early, the usual "2/10 net 30" discount; "under 20 beyond 120" ends at 1 for 180 days.
 * 3. The invoices' scores are averaged weighted by amount, as D&B weights each experience by its dollar amount.
 *    Amounts in different currencies are not converted: each invoice weighs its amount divided by the mean amount
 *    of the rated invoices in its currency (with a single currency this is exactly amount weighting).
 * 4. Warning signs (client replies and flags the user sets) subtract points, each sign capped, all together at
 *    most SIGN_CAP. Score = round(base − penalty) clamped to 1..100. Bands: 80–100 low, 50–79 medium, < 50 high.
 * The factors always add up: 80 + Σ factor effects = score (before rounding and clamping).
 */

export type RiskBand = 'low' | 'medium' | 'high' | 'unrated';

/** What the user knows about the client beyond the mail (DOMAIN.md §1). */
export interface ClientFlags {
  depositRefused?: boolean;
  contractRefused?: boolean;
  otherCompany?: boolean;
  financialTrouble?: boolean;
  keepsPushingDeadlines?: boolean;
}

export type WarningSignId =
  | 'deposit_refused'
  | 'contract_refused'
  | 'other_company'
  | 'financial_difficulty'
  | 'delay_request'
  | 'lost_invoice'
  | 'dispute'
  | 'silence';

export interface WarningSign {
  sign: WarningSignId;
  label: string;
  /** Replies showing the sign (0 when only the user's flag says so). */
  count: number;
  lastDate: IsoDate | null;
  source: 'replies' | 'flag' | 'both' | 'history';
  points: number;
}

export interface RiskFactor {
  label: string;
  /** Points added to (or, negative, taken from) the on-time score 80. */
  effect: number;
  detail: string;
}

export type RecommendationId =
  | 'ask_deposit'
  | 'shorten_terms'
  | 'payment_schedule'
  | 'stop_work'
  | 'sign_contract'
  | 'verify_company';

export interface Recommendation {
  action: RecommendationId;
  reason: string;
  /** For ask_deposit: the share of the job to ask upfront, in percent. */
  depositPercent?: number;
}

export interface RatedInvoice {
  number: string;
  daysLate: number;
  score: number;
  weight: number;
  state: 'paid' | 'overdue';
}

export interface RiskProfile {
  score: number | null;
  band: RiskBand;
  /** Mean days late over the rated invoices, early payments counting as 0. */
  averageDaysLate: number | null;
  /** Amount-weighted mean of days beyond terms (negative = early), the PAYDEX input. */
  weightedDaysLate: number | null;
  paydexBase: number | null;
  rated: RatedInvoice[];
  /** Outstanding amounts, minor units per currency. */
  openByCurrency: Record<string, number>;
  overdueByCurrency: Record<string, number>;
  /** Mean number of reminders sent before each paid invoice was paid. */
  remindersToGetPaid: number | null;
  warningSigns: WarningSign[];
  factors: RiskFactor[];
  recommendations: Recommendation[];
}

export interface RiskInput {
  invoices: readonly FollowupInvoice[];
  events: readonly FollowupEvent[];
  flags?: ClientFlags;
  today: IsoDate;
}

/** Days beyond terms -> PAYDEX score, linear between anchors. */
export const PAYDEX_ANCHORS: ReadonlyArray<readonly [days: number, score: number]> = [
  [-30, 100],
  [-20, 90],
  [0, 80],
  [15, 70],
  [22, 60],
  [30, 50],
  [60, 40],
  [90, 30],
  [120, 20],
  [180, 1],
];
export const MIN_TRADE_REPORTS = 3;
export const SIGN_CAP = 30;
const ON_TIME_SCORE = 80;

export function paydexForDays(days: number): number {
  const first = PAYDEX_ANCHORS[0]!;
  const last = PAYDEX_ANCHORS[PAYDEX_ANCHORS.length - 1]!;
  if (days <= first[0]) return first[1];
  if (days >= last[0]) return last[1];
  for (let i = 1; i < PAYDEX_ANCHORS.length; i++) {
    const [d1, s1] = PAYDEX_ANCHORS[i]!;
    const [d0, s0] = PAYDEX_ANCHORS[i - 1]!;
    if (days <= d1) return s0 + ((s1 - s0) * (days - d0)) / (d1 - d0);
  }
  return last[1];
}

export function bandForScore(score: number | null): RiskBand {
  if (score === null) return 'unrated';
  return score >= 80 ? 'low' : score >= 50 ? 'medium' : 'high';
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Points per warning sign: `first` for one occurrence, `repeat` for each further one, at most `max`. A flag the
 * user sets counts as `flag` points (kept when higher than what the replies give). Repeated requests for more
 * time weigh more than one: pushing deadlines back again and again is the articles' clearest sign.
 */
const SIGN_RULES: Record<WarningSignId, { label: string; intent?: string; flag?: keyof ClientFlags; first: number; repeat: number; max: number; flagPoints: number }> = {
  deposit_refused: { label: 'Refused to pay a deposit', flag: 'depositRefused', first: 0, repeat: 0, max: 10, flagPoints: 10 },
  contract_refused: { label: 'Refused to sign a contract or quote', flag: 'contractRefused', first: 0, repeat: 0, max: 10, flagPoints: 10 },
  other_company: { label: 'Asked to invoice another company', intent: 'other_company', flag: 'otherCompany', first: 10, repeat: 0, max: 10, flagPoints: 10 },
  financial_difficulty: { label: 'Talks of financial difficulties', intent: 'financial_difficulty', flag: 'financialTrouble', first: 15, repeat: 5, max: 20, flagPoints: 15 },
  delay_request: { label: 'Asks for more time', intent: 'delay_request', flag: 'keepsPushingDeadlines', first: 4, repeat: 6, max: 16, flagPoints: 10 },
  lost_invoice: { label: '"Lost invoice" and similar excuses', intent: 'lost_invoice', first: 5, repeat: 5, max: 10, flagPoints: 0 },
  dispute: { label: 'Disputed an invoice', intent: 'dispute', first: 5, repeat: 5, max: 10, flagPoints: 0 },
  silence: { label: 'No answer to reminders', first: 5, repeat: 0, max: 5, flagPoints: 0 },
};

function signPoints(id: WarningSignId, count: number): number {
  const r = SIGN_RULES[id];
  if (count <= 0) return 0;
  return Math.min(r.max, r.first + r.repeat * (count - 1));
}

type DatedEvent = FollowupEvent & { date: IsoDate };

/** Whether the event concerns one of `invoices` (ids: the same invoices' ids), without a scan per named event. */
function coversAny(ev: DatedEvent, invoices: readonly FollowupInvoice[], ids: ReadonlySet<string>): boolean {
  const named = eventInvoiceIds(ev);
  return named ? named.some((id) => ids.has(id)) : invoices.some((i) => eventCovers(ev, i));
}

/** `events` is the client's history in order (chronological), read once by scoreClient. */
function warningSigns(input: RiskInput, events: readonly DatedEvent[]): WarningSign[] {
  const flags = input.flags ?? {};
  const out: WarningSign[] = [];
  const repliesByIntent = new Map<string, DatedEvent[]>();
  for (const e of events) {
    const intent = replyIntent(e);
    if (intent === null) continue;
    const list = repliesByIntent.get(intent);
    if (list) list.push(e);
    else repliesByIntent.set(intent, [e]);
  }
  for (const id of Object.keys(SIGN_RULES) as WarningSignId[]) {
    const rule = SIGN_RULES[id];
    if (id === 'silence') continue;
    const replies = rule.intent ? (repliesByIntent.get(rule.intent) ?? []) : [];
    const flagged = rule.flag ? flags[rule.flag] === true : false;
    const fromReplies = signPoints(id, replies.length);
    const points = Math.max(fromReplies, flagged ? rule.flagPoints : 0);
    if (points === 0) continue;
    out.push({
      sign: id,
      label: rule.label,
      count: replies.length,
      lastDate: replies[replies.length - 1]?.date ?? null,
      source: replies.length > 0 && flagged ? 'both' : flagged ? 'flag' : 'replies',
      points,
    });
  }
  // Silence: two or more reminders about an invoice still overdue, and no reply at all since the first of them.
  const overdue = input.invoices.filter((i) => i.status === 'open' && outstandingOf(i) > 0 && i.dueDate < input.today);
  const overdueIds = new Set(overdue.map((i) => i.id));
  const sent = events.filter((e) => e.type === 'reminder-sent' && coversAny(e, overdue, overdueIds));
  const firstSent = sent[0];
  if (sent.length >= 2 && firstSent && !events.some((e) => e.type === 'reply-received' && e.date >= firstSent.date)) {
    out.push({
      sign: 'silence',
      label: SIGN_RULES.silence.label,
      count: sent.length,
      lastDate: sent[sent.length - 1]?.date ?? null,
      source: 'history',
      points: signPoints('silence', 1),
    });
  }
  return out;
}

function rateInvoices(invoices: readonly FollowupInvoice[], today: IsoDate): RatedInvoice[] {
  const reports: Array<{ inv: FollowupInvoice; daysLate: number; state: 'paid' | 'overdue' }> = [];
  for (const inv of invoices) {
    if (inv.amountMinor <= 0) continue;
    if (inv.status === 'paid' && inv.paidDate) reports.push({ inv, daysLate: diffDaysIso(inv.dueDate, inv.paidDate), state: 'paid' });
    else if (inv.status === 'open' && outstandingOf(inv) > 0 && inv.dueDate < today) {
      reports.push({ inv, daysLate: diffDaysIso(inv.dueDate, today), state: 'overdue' });
    }
  }
  const meanByCurrency = new Map<string, number>();
  for (const cur of new Set(reports.map((r) => r.inv.currency))) {
    const amounts = reports.filter((r) => r.inv.currency === cur).map((r) => r.inv.amountMinor);
    meanByCurrency.set(cur, amounts.reduce((a, b) => a + b, 0) / amounts.length);
  }
  return reports.map((r) => ({
    number: r.inv.number,
    daysLate: r.daysLate,
    score: paydexForDays(r.daysLate),
    weight: r.inv.amountMinor / (meanByCurrency.get(r.inv.currency) ?? r.inv.amountMinor),
    state: r.state,
  }));
}

function sumByCurrency(invoices: readonly FollowupInvoice[], keep: (i: FollowupInvoice) => boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const inv of invoices) {
    const owed = outstandingOf(inv);
    if (owed > 0 && keep(inv)) out[inv.currency] = (out[inv.currency] ?? 0) + owed;
  }
  return out;
}

function remindersToGetPaid(input: RiskInput, events: readonly DatedEvent[]): number | null {
  const paid = input.invoices.filter((i) => i.status === 'paid');
  if (paid.length === 0) return null;
  // Reminders naming invoices are indexed by id (an id listed twice still counts once), so each paid invoice reads
  // its own and the client-wide ones rather than the whole history.
  const named = new Map<string, IsoDate[]>();
  const clientWide: DatedEvent[] = [];
  for (const e of events) {
    if (e.type !== 'reminder-sent') continue;
    const ids = eventInvoiceIds(e);
    if (!ids) {
      clientWide.push(e);
      continue;
    }
    for (const id of new Set(ids)) {
      const dates = named.get(id);
      if (dates) dates.push(e.date);
      else named.set(id, [e.date]);
    }
  }
  const counts = paid.map((inv) => {
    const before = (d: IsoDate): boolean => !inv.paidDate || d <= inv.paidDate;
    const own = (named.get(inv.id) ?? []).filter(before).length;
    return own + clientWide.filter((e) => eventCovers(e, inv) && before(e.date)).length;
  });
  return round1(counts.reduce((a, b) => a + b, 0) / counts.length);
}

const standardOffset = (stage: string, fallback: number): number =>
  DEFAULT_PLANS[0]?.steps.find((s) => s.stage === stage)?.offsetDays ?? fallback;

function recommend(input: RiskInput, profile: Omit<RiskProfile, 'recommendations'>): Recommendation[] {
  const out: Recommendation[] = [];
  const has = (id: WarningSignId): WarningSign | undefined => profile.warningSigns.find((s) => s.sign === id);
  const penalty = profile.warningSigns.reduce((a, s) => a + s.points, 0);
  if (profile.band === 'high') {
    out.push({ action: 'ask_deposit', depositPercent: 50, reason: `high payment risk (score ${profile.score}): ask 50 % upfront, or full payment, before new work` });
  } else if (has('deposit_refused')) {
    out.push({ action: 'ask_deposit', depositPercent: 50, reason: 'refused a deposit before: make a 30–50 % deposit a condition of the next job, or decline it' });
  } else if (penalty >= 10) {
    out.push({ action: 'ask_deposit', depositPercent: 30, reason: `warning signs (${penalty} points): ask a 30 % deposit before new work` });
  }
  if (profile.band === 'high' || (profile.averageDaysLate !== null && profile.averageDaysLate >= 15)) {
    out.push({ action: 'shorten_terms', reason: `pays ${profile.averageDaysLate ?? '?'} days late on average: invoice with shorter terms (on receipt or 15 days)` });
  }
  const trouble = has('financial_difficulty');
  const delays = has('delay_request');
  if (trouble || (delays && (delays.count >= 2 || delays.source !== 'replies'))) {
    out.push({ action: 'payment_schedule', reason: trouble ? 'speaks of financial difficulties: propose installments for the open balance' : 'keeps asking for more time: propose a written installment plan with fixed dates' });
  } else {
    for (const [cur, open] of Object.entries(profile.openByCurrency)) {
      // "Typical" = the median invoice of that currency, which a few large open ones do not drag up.
      const amounts = input.invoices.filter((i) => i.currency === cur && i.amountMinor > 0).map((i) => i.amountMinor).sort((a, b) => a - b);
      const median = amounts[Math.floor((amounts.length - 1) / 2)] ?? 0;
      const openCount = input.invoices.filter((i) => i.currency === cur && outstandingOf(i) > 0).length;
      if (openCount >= 2 && median > 0 && open >= 3 * median) {
        out.push({ action: 'payment_schedule', reason: `${openCount} invoices open in ${cur}, three times a typical invoice: bill long jobs in milestones` });
        break;
      }
    }
  }
  const noticeDays = standardOffset('formal_notice', 15);
  const stopDays = standardOffset('stop_work', 30);
  const late = input.invoices.filter((i) => outstandingOf(i) > 0).map((i) => diffDaysIso(i.dueDate, input.today));
  const pastNotice = late.filter((d) => d >= noticeDays).length;
  if (pastNotice >= 2 || late.some((d) => d >= stopDays)) {
    out.push({ action: 'stop_work', reason: pastNotice >= 2 ? `${pastNotice} invoices are ${noticeDays}+ days overdue: suspend work until the account is settled` : `an invoice is ${stopDays}+ days overdue: suspend work until it is paid` });
  }
  if (has('contract_refused')) out.push({ action: 'sign_contract', reason: 'refused to sign a contract or quote: no further work without a signed one' });
  if (has('other_company')) out.push({ action: 'verify_company', reason: 'asked to invoice another company: check that company (registry, solvency) before agreeing' });
  return out;
}

export function scoreClient(raw: RiskInput): RiskProfile {
  const input: RiskInput = { ...raw, ...asOf(raw.invoices, raw.events, raw.today) };
  const rated = rateInvoices(input.invoices, input.today);
  const events = chronological(input.events);
  const signs = warningSigns(input, events);
  const factors: RiskFactor[] = [];
  const totalWeight = rated.reduce((a, r) => a + r.weight, 0);
  const isRated = rated.length >= MIN_TRADE_REPORTS && totalWeight > 0;
  const weightedDaysLate = totalWeight > 0 ? round1(rated.reduce((a, r) => a + r.weight * r.daysLate, 0) / totalWeight) : null;
  const averageDaysLate = rated.length > 0 ? round1(rated.reduce((a, r) => a + Math.max(0, r.daysLate), 0) / rated.length) : null;
  let paydexBase: number | null = null;
  if (isRated) {
    paydexBase = round1(rated.reduce((a, r) => a + r.weight * r.score, 0) / totalWeight);
    const paid = rated.filter((r) => r.state === 'paid').length;
    factors.push({
      label: 'Payment history',
      effect: round1(paydexBase - ON_TIME_SCORE),
      detail:
        `PAYDEX-style ${paydexBase} from ${rated.length} invoices (${paid} paid, ${rated.length - paid} overdue): ` +
        `amount-weighted ${weightedDaysLate} days beyond terms; paying on time scores 80`,
    });
  } else {
    factors.push({
      label: 'Not rated yet',
      effect: 0,
      detail: `${rated.length} of the ${MIN_TRADE_REPORTS} paid or overdue invoices a rating needs`,
    });
  }
  let penalty = 0;
  for (const s of signs) {
    penalty += s.points;
    const seen = s.source === 'flag' ? 'flagged by you' : s.source === 'history' ? `${s.count} reminders without a reply` : `${s.count} ${s.count === 1 ? 'reply' : 'replies'}, last on ${s.lastDate}${s.source === 'both' ? ', also flagged by you' : ''}`;
    factors.push({ label: s.label, effect: -s.points, detail: seen });
  }
  if (penalty > SIGN_CAP) {
    factors.push({ label: 'Warning-sign cap', effect: penalty - SIGN_CAP, detail: `warning signs take at most ${SIGN_CAP} points together` });
    penalty = SIGN_CAP;
  }
  const score = paydexBase === null ? null : Math.min(100, Math.max(1, Math.round(paydexBase - penalty)));
  const profile: Omit<RiskProfile, 'recommendations'> = {
    score,
    band: bandForScore(score),
    averageDaysLate,
    weightedDaysLate,
    paydexBase,
    rated: rated.map((r) => ({ ...r, score: round1(r.score), weight: round1(r.weight * 1000) / 1000 })),
    openByCurrency: sumByCurrency(input.invoices, () => true),
    overdueByCurrency: sumByCurrency(input.invoices, (i) => i.dueDate < input.today),
    remindersToGetPaid: remindersToGetPaid(input, events),
    warningSigns: signs,
    factors,
  };
  return { ...profile, recommendations: recommend(input, profile) };
}
