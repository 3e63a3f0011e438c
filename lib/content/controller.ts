import type { MailSeenResponse } from '@/lib/messaging/protocol';
import type { ThreadView, WebmailAdapter } from '@/lib/webmail/adapter';
import type { EmailSnapshot, SnapshotAttachment } from '@/lib/webmail/snapshot';
import { isPdfAttachment } from '@/lib/domain/attachment';
import { bytesToBase64 } from './base64';
import type { Ask } from '@/lib/messaging/content-client';
import { splitBurst } from '@/lib/messaging/limits';

/**
 * The content script's logic that is not UI: tells the background what the user sends and reads, and tells the
 * sidebar whether the page is readable. Event-driven only (the adapter's observers): no timer runs while the page
 * is idle. Nothing here throws into the page; a failed report is forgotten so the next look at the message retries.
 * The mails queued within one debounce window (a thread rendering, a send) go in one `mail.seenMany` request, in
 * report order (sent mail first), so the background decides them as if they came one after the other.
 */

export interface PageState {
  webmail: WebmailAdapter['name'];
  /** False: a layout the adapter does not know; the sidebar shows the degraded notice and keeps manual entry. */
  recognised: boolean;
}

export interface ControllerDeps {
  adapter: WebmailAdapter;
  ask: Ask;
  signal: AbortSignal;
  onPageState: (state: PageState) => void;
  /** Called (at most once per batch of reports) when the background wrote something the sidebar shows. */
  onDataChanged: () => void;
  /** A sent mail became a tracked or detected invoice: the sidebar can show that client with no thread open. */
  onInvoiceSent?: (client: { email: string; name: string }) => void;
  /** Debounce of the report queue; mutations arrive in bursts while a thread renders. */
  debounceMs?: number;
  /**
   * Runs each start step (watch sends, watch the thread, first page check), each in its own task in the page so
   * none of them lands in the page's load task. Default: all at once, now.
   */
  runStep?: (step: () => void) => void;
}

/** Outcomes after which the sidebar's data is stale. */
const CHANGING_OUTCOMES: ReadonlySet<MailSeenResponse['outcome']> = new Set(['detected', 'tracked', 'reply-recorded', 'reminder-sent', 'linked']);
const MAX_PDFS_PER_MAIL = 5;

export const isPdf = (att: SnapshotAttachment): boolean => isPdfAttachment(att);

/** The key that says "this message was already reported in this page session". */
export function reportKey(snap: EmailSnapshot): string | null {
  return snap.messageId ? `${snap.webmail}:${snap.messageId}` : null;
}

/**
 * Sent mail first, then the rest oldest first: a reply can only be matched to an invoice the background already
 * knows, and webmails list threads in either order (Outlook shows the newest message on top).
 */
export function inReportOrder(messages: readonly EmailSnapshot[]): EmailSnapshot[] {
  const time = (m: EmailSnapshot) => (m.date ? Date.parse(m.date) : Number.NaN);
  return messages
    .map((m, i) => ({ m, i }))
    .sort((a, b) => {
      if (a.m.direction !== b.m.direction) return a.m.direction === 'sent' ? -1 : 1;
      const ta = time(a.m);
      const tb = time(b.m);
      if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta - tb;
      return a.i - b.i;
    })
    .map((x) => x.m);
}

export interface Controller {
  /** Resolves when every queued report has been answered (tests, and the sidebar after a send). */
  idle(): Promise<void>;
}

export function startController(deps: ControllerDeps): Controller {
  const { adapter, ask, signal } = deps;
  const debounceMs = deps.debounceMs ?? 150;
  const reported = new Set<string>();
  const diagnosed = new Set<string>();
  const queue: EmailSnapshot[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  let lastRecognised: boolean | null = null;

  const guard = (fn: () => void) => {
    try {
      fn();
    } catch {
      // A webmail quirk must never surface in the page.
    }
  };

  function checkPage(): void {
    let recognised = false;
    try {
      recognised = adapter.recognised();
    } catch {
      recognised = false;
    }
    if (recognised !== lastRecognised) {
      lastRecognised = recognised;
      guard(() => deps.onPageState({ webmail: adapter.name, recognised }));
    }
    if (!recognised) reportDiagnostic();
  }

  function reportDiagnostic(): void {
    let diagnostic: ReturnType<WebmailAdapter['diagnose']> = null;
    try {
      diagnostic = adapter.diagnose();
    } catch {
      return;
    }
    // Once per view kind per page load: the options page needs one example, not one per mutation.
    if (!diagnostic || diagnosed.has(diagnostic.view)) return;
    diagnosed.add(diagnostic.view);
    ask('diagnostic.report', { diagnostic }).catch(() => undefined);
  }

  async function attachmentsOf(snap: EmailSnapshot): Promise<Array<{ filename: string; base64: string }>> {
    if (snap.direction !== 'sent') return [];
    const pdfs = snap.attachments.filter((a) => isPdf(a) && a.downloadUrl).slice(0, MAX_PDFS_PER_MAIL);
    const out: Array<{ filename: string; base64: string }> = [];
    for (const att of pdfs) {
      const bytes = await adapter.fetchAttachment(att).catch(() => null);
      // No bytes: the background reports the file as not read and falls back to the body.
      if (bytes && bytes.byteLength > 0) out.push({ filename: att.filename, base64: bytesToBase64(bytes) });
    }
    return out;
  }

  /** What follows an answer: PDFs sent when asked for, the sidebar told of a sent invoice. True if data changed. */
  async function settle(snap: EmailSnapshot, first: MailSeenResponse): Promise<boolean> {
    let res = first;
    // Only this mail goes again, alone and with its PDFs: the background reads them only for a new sent mail.
    if (res.outcome === 'needs-attachments') res = await ask('mail.seen', { snapshot: snap, attachments: await attachmentsOf(snap) });
    const to = snap.to[0];
    if (snap.via === 'send' && (res.outcome === 'detected' || res.outcome === 'tracked') && to && deps.onInvoiceSent) {
      const notify = deps.onInvoiceSent;
      guard(() => notify({ email: to.email.toLowerCase(), name: to.name ?? '' }));
    }
    return CHANGING_OUTCOMES.has(res.outcome);
  }

  /** A failed report is forgotten, so the next look at the message retries it. */
  function forget(snap: EmailSnapshot): void {
    const key = reportKey(snap);
    if (key) reported.delete(key);
  }

  /**
   * One request for the mails of a burst (within the protocol's bounds, lib/messaging/limits.ts): the messaging
   * cost is paid per burst, not per mail. The answers come in order; each mail is then settled on its own.
   */
  async function reportBurst(snaps: EmailSnapshot[]): Promise<boolean> {
    let results: MailSeenResponse[];
    try {
      ({ results } = await ask('mail.seenMany', { snapshots: snaps }));
    } catch {
      snaps.forEach(forget);
      return false;
    }
    let changed = false;
    const deferred: EmailSnapshot[] = [];
    for (const [i, snap] of snaps.entries()) {
      const first = results[i];
      // Left undecided after a mail whose PDFs were asked for: sent again once that mail is settled (below).
      if (first?.outcome === 'deferred') {
        deferred.push(snap);
        continue;
      }
      try {
        if (!first) throw new Error('no answer for this mail');
        if (await settle(snap, first)) changed = true;
      } catch {
        forget(snap);
      }
    }
    if (deferred.length > 0 && !signal.aborted && (await reportBurst(deferred))) changed = true;
    return changed;
  }

  async function drain(): Promise<void> {
    let changed = false;
    while (queue.length > 0 && !signal.aborted) {
      // Everything queued since the last drain is one burst (mutations arrive together while a thread renders).
      const burst = queue.splice(0, queue.length);
      for (const request of splitBurst(burst)) {
        if (signal.aborted) break;
        if (await reportBurst(request)) changed = true;
      }
    }
    if (changed && !signal.aborted) guard(deps.onDataChanged);
  }

  function schedule(): void {
    if (timer !== null || signal.aborted) return;
    timer = setTimeout(() => {
      timer = null;
      running = running.then(drain, drain);
    }, debounceMs);
  }

  function enqueue(snap: EmailSnapshot): void {
    const key = reportKey(snap);
    if (key) {
      if (reported.has(key)) return;
      reported.add(key);
    }
    queue.push(snap);
    schedule();
  }

  signal.addEventListener('abort', () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    queue.length = 0;
  });

  const runStep = deps.runStep ?? ((step: () => void) => step());
  const steps = [
    // Sends first: the one event that cannot be read again later.
    () => adapter.observeSends(enqueue, signal),
    () => adapter.observe(checkPage, signal),
    () => adapter.observeMessages((thread: ThreadView) => inReportOrder(thread.messages).forEach(enqueue), signal),
    checkPage,
  ];
  for (const step of steps) runStep(() => signal.aborted || guard(step));

  return {
    async idle() {
      while (timer !== null || queue.length > 0) {
        await new Promise((r) => setTimeout(r, debounceMs));
        await running;
      }
      await running;
    },
  };
}
