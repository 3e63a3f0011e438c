import { allEvents } from '../db/events';
import type { RelanceDb } from '../db/schema';
import type { RelanceStore } from '../db/store';
import { localIsoDate } from '../domain/clock';
import { decideNotifications, type NotifyDecision, type NotifyState, type Translate } from './notify';

/**
 * Runs the notification decision against the database and shows what it says. The state (facts already
 * announced, last digest) lives in the `meta` table, so a restarted worker or browser does not announce twice.
 * `show` is browser.notifications.create in the background, a fake in tests.
 */

export const NOTIFY_META_KEY = 'notify.state';
export const NOTIFICATION_ID_PREFIX = 'relance-notify-';

interface StoredNotifyState extends NotifyState {
  lastDigestAt: string | null;
}

function readStored(value: unknown): StoredNotifyState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<StoredNotifyState>;
  if (!Array.isArray(v.notified) || !v.notified.every((k) => typeof k === 'string')) return null;
  return { notified: v.notified, lastDigestAt: typeof v.lastDigestAt === 'string' ? v.lastDigestAt : null };
}

export interface NotifierDeps {
  now(): Date;
  t?: Translate;
  show(id: string, title: string, message: string): Promise<unknown>;
}

export async function checkNotifications(db: RelanceDb, store: RelanceStore, deps: NotifierDeps): Promise<NotifyDecision> {
  const now = deps.now();
  const [invoices, events, clients, settings, meta] = await Promise.all([
    db.invoices.where('review').equals('confirmed').toArray(),
    allEvents(db),
    db.clients.toArray(),
    store.getSettings(),
    db.meta.get(NOTIFY_META_KEY),
  ]);
  const stored = readStored(meta?.value);
  const decision = decideNotifications({
    invoices,
    events,
    clients,
    settings,
    today: localIsoDate(now),
    now,
    lastDigestAt: stored?.lastDigestAt ?? null,
    lastState: stored,
    ...(deps.t ? { t: deps.t } : {}),
  });
  // Stored before showing: a notification lost to a crash is better than one shown twice.
  await db.meta.put({ key: NOTIFY_META_KEY, value: { notified: decision.state.notified, lastDigestAt: decision.lastDigestAt } });
  for (const [i, item] of decision.notify.entries()) {
    await deps.show(`${NOTIFICATION_ID_PREFIX}${item.kind}-${now.getTime()}-${i}`, item.title, item.message);
  }
  return decision;
}
