import { addDaysIso, diffDaysIso, weekdayIso } from '../domain/dates';
import { outstandingMinor, type Client, type Invoice, type InvoiceEvent } from '../domain/invoice';
import { nextStep } from '../domain/ladder';
import { chronological, eventCovers, payloadDate, replyIntent } from '../domain/ladder/history';
import type { Stage } from '../domain/reminders/stage';
import type { Settings } from '../domain/settings';
import type { IsoDate } from '../domain/types';

/**
 * When to tell the user something without being asked (browser notifications). Pure: the background gathers the
 * data, calls this on every check (hourly alarm, midnight, startup), stores `state` and shows `notify`.
 *
 * What is worth a notification (a "fact", each with a stable key so it is announced once):
 * - became_overdue: an open invoice whose due date passed in the last BECAME_OVERDUE_DAYS days (older ones were
 *   overdue before Relance knew them, e.g. imported: the reminder step says what to do about them);
 * - step_due: the client's next reminder step (lib/domain/ladder nextStep) has fallen due; keyed by the anchor
 *   invoice and the step, so each step is announced once, also after a catch-up;
 * - promise_broken: the latest promise covering an open invoice named a date that has passed (in the last
 *   PROMISE_WINDOW_DAYS days) and the invoice is still not paid.
 * Snoozed invoices (snoozedUntil after today) give no fact at all; paused ones no step (the ladder says 'paused').
 *
 * When: never before QUIET_UNTIL_HOUR local time, never on Saturday or Sunday unless settings.notifications.weekends
 * (facts wait for the next allowed check: nothing is lost), and with digest 'daily' at most one notification per
 * day, combining everything new. A fact already announced is not announced again while it holds; one that stops
 * holding (paid, snoozed) is forgotten, so it can be announced again if it comes back.
 */

export type NotificationKind = 'became_overdue' | 'step_due' | 'promise_broken';

export interface NotificationItem {
  kind: NotificationKind;
  invoiceIds: string[];
  title: string;
  message: string;
}

export interface NotifyState {
  /** Keys of the facts already announced. */
  notified: string[];
}

/** Message lookup in the shape of browser.i18n.getMessage (empty string when unknown). */
export type Translate = (key: string, substitutions?: string[]) => string;

export interface NotifyInput {
  invoices: readonly Invoice[];
  events: readonly InvoiceEvent[];
  clients?: readonly Client[];
  settings: Settings;
  today: IsoDate;
  now: Date;
  /** ISO instant of the last notification shown in 'daily' mode, or null. */
  lastDigestAt: string | null;
  lastState: NotifyState | null;
  t?: Translate;
}

export interface NotifyDecision {
  notify: NotificationItem[];
  /** True when `notify` is the day's digest (one combined notification). */
  digest: boolean;
  /** What to store for the next check. */
  state: NotifyState;
  /** New value of lastDigestAt (unchanged when no digest went out). */
  lastDigestAt: string | null;
}

export const BECAME_OVERDUE_DAYS = 7;
export const PROMISE_WINDOW_DAYS = 14;
export const QUIET_UNTIL_HOUR = 8;

interface Fact {
  key: string;
  kind: NotificationKind;
  invoiceIds: string[];
  line: string;
}

/** English fallbacks, used when a key has no translation (tests, or the fake browser). */
const FALLBACK: Record<string, string> = {
  notifyOverdueTitle: 'Now overdue: $1 invoice(s)',
  notifyStepTitle: 'Reminder due for $1 client(s)',
  notifyPromiseTitle: 'Promised payment not received: $1 invoice(s)',
  notifyDigestTitle: 'Relance: $1 thing(s) to look at',
  notifyOverdueLine: '$1 ($2) is overdue since $3',
  notifyStepLine: '$1: $2 due ($3)',
  notifyPromiseLine: '$1 ($2) was promised for $3',
  stagePreDue: 'courtesy reminder before the due date',
  stageFirst: 'first reminder',
  stageSecond: 'second reminder',
  stageFormalNotice: 'formal notice',
  stageStopWork: 'notice to stop work',
  stageHandover: 'handover to collection',
};

export const NOTIFY_MESSAGE_KEYS = Object.keys(FALLBACK);

const STAGE_KEYS: Record<Stage, string> = {
  pre_due: 'stagePreDue',
  first: 'stageFirst',
  second: 'stageSecond',
  formal_notice: 'stageFormalNotice',
  stop_work: 'stageStopWork',
  handover: 'stageHandover',
};

function translator(t: Translate | undefined): Translate {
  return (key, subs = []) => {
    const found = t?.(key, subs);
    if (found) return found;
    return (FALLBACK[key] ?? key).replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}

const isSnoozed = (inv: Invoice, today: IsoDate): boolean => Boolean(inv.snoozedUntil && inv.snoozedUntil > today);

function clientLabel(inv: Invoice): string {
  return inv.clientName || inv.clientEmail;
}

/** Every fact that holds today. */
export function currentFacts(input: Omit<NotifyInput, 'lastDigestAt' | 'lastState' | 'now'>, t: Translate): Fact[] {
  const { today, settings } = input;
  const live = input.invoices.filter((i) => i.review === 'confirmed');
  const owed = live.filter((i) => i.status === 'open' && outstandingMinor(i) > 0 && !isSnoozed(i, today));
  const facts: Fact[] = [];

  for (const inv of owed) {
    const late = diffDaysIso(inv.dueDate, today);
    if (late >= 1 && late <= BECAME_OVERDUE_DAYS) {
      facts.push({ key: `overdue:${inv.id}`, kind: 'became_overdue', invoiceIds: [inv.id], line: t('notifyOverdueLine', [inv.number, clientLabel(inv), inv.dueDate]) });
    }
  }

  const byClient = new Map<string, Invoice[]>();
  for (const inv of live) byClient.set(inv.clientKey, [...(byClient.get(inv.clientKey) ?? []), inv]);
  const clients = new Map((input.clients ?? []).map((c) => [c.key, c]));
  const eventsByClient = new Map<string, InvoiceEvent[]>();
  for (const ev of input.events) eventsByClient.set(ev.clientKey, [...(eventsByClient.get(ev.clientKey) ?? []), ev]);

  for (const [clientKey, invoices] of byClient) {
    if (!invoices.some((i) => owed.includes(i))) continue;
    const client = clients.get(clientKey);
    const first = invoices[0]!;
    const events = eventsByClient.get(clientKey) ?? [];
    const step = nextStep({
      invoices,
      events,
      client: {
        key: clientKey,
        email: first.clientEmail,
        name: client?.name || first.clientName,
        b2b: client?.b2b ?? true,
        paused: client?.paused ?? false,
        language: client?.language ?? null,
        jurisdiction: client?.jurisdiction ?? null,
      },
      settings: {
        jurisdiction: settings.defaultJurisdiction,
        language: settings.defaultLanguage,
        identity: settings.identity,
        payment: settings.payment,
      },
      today,
      drafter: null,
    });
    if (step.stage !== 'none' && step.stage !== 'paused' && step.dueOn && step.dueOn <= today) {
      const covered = step.invoices.map((n) => invoices.find((i) => i.number === n && owed.includes(i))).filter((i): i is Invoice => i !== undefined);
      const anchor = covered[0];
      if (anchor) {
        facts.push({
          key: `step:${anchor.id}:${step.stage}`,
          kind: 'step_due',
          invoiceIds: covered.map((i) => i.id),
          line: t('notifyStepLine', [clientLabel(anchor), t(STAGE_KEYS[step.stage]), covered.map((i) => i.number).join(', ')]),
        });
      }
    }

    // The latest promise covering each invoice decides; a promise broken long ago is old news.
    for (const inv of invoices.filter((i) => owed.includes(i))) {
      const promise = chronological(events)
        .filter((e) => replyIntent(e) === 'promise' && eventCovers(e, inv))
        .pop();
      const promised = promise ? payloadDate(promise, 'promisedDate') : null;
      if (!promised || promised >= today || promised < addDaysIso(today, -PROMISE_WINDOW_DAYS)) continue;
      facts.push({
        key: `promise:${inv.id}:${promised}`,
        kind: 'promise_broken',
        invoiceIds: [inv.id],
        line: t('notifyPromiseLine', [inv.number, clientLabel(inv), promised]),
      });
    }
  }
  return facts;
}

const TITLE_KEYS: Record<NotificationKind, string> = {
  became_overdue: 'notifyOverdueTitle',
  step_due: 'notifyStepTitle',
  promise_broken: 'notifyPromiseTitle',
};
/** Most pressing first: what the user should act on today. */
const KIND_ORDER: NotificationKind[] = ['promise_broken', 'step_due', 'became_overdue'];
const MAX_LINES = 6;

function itemFor(kind: NotificationKind, facts: Fact[], t: Translate): NotificationItem {
  const lines = facts.map((f) => f.line);
  return {
    kind,
    invoiceIds: [...new Set(facts.flatMap((f) => f.invoiceIds))],
    title: t(TITLE_KEYS[kind], [String(facts.length)]),
    message: lines.slice(0, MAX_LINES).join('\n') + (lines.length > MAX_LINES ? '\n…' : ''),
  };
}

function localDay(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function decideNotifications(input: NotifyInput): NotifyDecision {
  const prev = input.lastState?.notified ?? [];
  const hold: NotifyDecision = { notify: [], digest: false, state: { notified: prev }, lastDigestAt: input.lastDigestAt };
  const prefs = input.settings.notifications;
  if (!prefs.enabled) return hold;
  const weekday = weekdayIso(input.today);
  if (!prefs.weekends && (weekday === 0 || weekday === 6)) return hold;
  if (input.now.getHours() < QUIET_UNTIL_HOUR) return hold;
  if (prefs.digest === 'daily' && localDay(input.lastDigestAt) === input.today) return hold;

  const t = translator(input.t);
  const facts = currentFacts(input, t);
  const known = new Set(prev);
  const fresh = facts.filter((f) => !known.has(f.key));
  // Every fact that holds is now announced (before, or below); what no longer holds is forgotten.
  const state: NotifyState = { notified: facts.map((f) => f.key) };
  if (fresh.length === 0) return { ...hold, state };

  const groups = KIND_ORDER.map((kind) => ({ kind, facts: fresh.filter((f) => f.kind === kind) })).filter((g) => g.facts.length > 0);
  if (prefs.digest === 'immediate') return { notify: groups.map((g) => itemFor(g.kind, g.facts, t)), digest: false, state, lastDigestAt: input.lastDigestAt };

  const ordered = groups.flatMap((g) => g.facts);
  const combined = itemFor(groups[0]!.kind, ordered, t);
  return {
    notify: [{ ...combined, title: t('notifyDigestTitle', [String(ordered.length)]) }],
    digest: true,
    state,
    lastDigestAt: input.now.toISOString(),
  };
}
