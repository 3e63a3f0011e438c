/**
 * Code that runs INSIDE the browser for the `load` bench (serialised with pageSource: self-contained functions).
 * LOAD_RUNNER runs in a webmail tab's content-script world (or an extension page) and sends through the real
 * `chrome.runtime.sendMessage`, so the background sees a real sender: a content script in a webmail tab.
 */

export interface RunnerOp {
  command: string;
  payload: unknown;
  /** mail.seenMany: the outcomes accepted for each of its mails, in order. */
  expect?: string[][];
  expectError?: string;
  /** The mails it carries (load-mix.ts mailsOf): the pacing unit. */
  mails: number;
}

export interface RunnerResult {
  /** Send → reply, per command (ms). */
  latencies: Record<string, number[]>;
  /** Scheduled slot → reply (ms): includes waiting for a free worker, so queueing is not hidden. */
  fromSchedule: number[];
  /** Requests (runtime messages) sent and answered. */
  sent: number;
  answered: number;
  /** Mails sent (snapshots in mail.seenMany requests) and mails that got exactly one answer of their own. */
  mailsSent: number;
  mailsAnswered: number;
  /** No reply, a rejected send, or no reply within the timeout. */
  lost: number;
  /** Replies with ok: false, and mail.seen outcomes other than expected (first few, for the report). */
  failures: string[];
  failureCount: number;
  outcomes: Record<string, number>;
  /** Epoch ms of the first send and the last reply. */
  firstSendAt: number;
  lastReplyAt: number;
  /** Every answered request: epoch ms of its reply and the mails it carried (the steady-state rate, load.ts). */
  replyAt: number[];
  replyMails: number[];
}

/**
 * Runs `conversations` with `workers` concurrent loops; ops within a conversation are sequential. The schedule is in
 * mails: an op carrying mails may start at startAt + (mails scheduled before it) * intervalMs (intervalMs 0: as fast
 * as replies come back); a request with no mail (sidebar.load, status.get) follows the step before it at once.
 */
export function LOAD_RUNNER(args: { conversations: RunnerOp[][]; workers: number; intervalMs: number; startAt: number; timeoutMs: number; transport: 'port' | 'sendMessage' }): Promise<RunnerResult> {
  type Reply = { ok: true; data: { outcome?: string; results?: { outcome?: string }[] } } | { ok: false; error: { code: string; message: string } };
  const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply | undefined>; connect(info: { name: string }): unknown } } }).chrome.runtime;
  const epoch = () => performance.timeOrigin + performance.now();
  const res: RunnerResult = { latencies: {}, fromSchedule: [], sent: 0, answered: 0, mailsSent: 0, mailsAnswered: 0, lost: 0, failures: [], failureCount: 0, outcomes: {}, firstSendAt: Infinity, lastReplyAt: 0, replyAt: [], replyMails: [] };
  const fail = (s: string) => {
    res.failureCount++;
    if (res.failures.length < 10) res.failures.push(s);
  };
  let nextConversation = 0;
  let slot = 0;
  const sleepUntil = (t: number) => new Promise<void>((ok) => setTimeout(ok, Math.max(0, t - epoch())));
  // The content script's transport (lib/messaging/port-wire.ts): one port per tab, requests told apart by id.
  // `sendMessage`: one runtime message per request, for the transport comparison.
  type Port = { postMessage(m: unknown): void; disconnect(): void; onMessage: { addListener(l: (m: { replies: { id: number; reply: Reply }[] }) => void): void }; onDisconnect: { addListener(l: () => void): void } };
  const waiting = new Map<number, (r: Reply | undefined) => void>();
  let lastId = 0;
  let port: Port | null = null;
  if (args.transport === 'port') {
    port = rt.connect({ name: 'relance' }) as Port;
    port.onMessage.addListener((m) => {
      for (const { id, reply } of m.replies) {
        waiting.get(id)?.(reply);
        waiting.delete(id);
      }
    });
    port.onDisconnect.addListener(() => {
      for (const done of waiting.values()) done(undefined);
      waiting.clear();
    });
  }
  const viaPort = (op: RunnerOp) =>
    new Promise<Reply | undefined>((ok) => {
      const id = ++lastId;
      waiting.set(id, ok);
      port!.postMessage({ relance: 1, id, command: op.command, payload: op.payload });
    });
  const send = (op: RunnerOp): Promise<Reply | undefined | 'timeout'> =>
    Promise.race([port ? viaPort(op) : rt.sendMessage({ relance: 1, command: op.command, payload: op.payload }), new Promise<'timeout'>((ok) => setTimeout(() => ok('timeout'), args.timeoutMs))]);
  const worker = async () => {
    for (;;) {
      const c = nextConversation++;
      const conv = args.conversations[c];
      if (!conv) return;
      for (const op of conv) {
        const scheduled = op.mails > 0 ? args.startAt + slot * args.intervalMs : epoch();
        slot += op.mails;
        if (scheduled > epoch()) await sleepUntil(scheduled);
        const t0 = epoch();
        res.firstSendAt = Math.min(res.firstSendAt, t0);
        res.sent++;
        res.mailsSent += op.mails;
        let reply: Reply | undefined | 'timeout';
        try {
          reply = await send(op);
        } catch (e) {
          res.lost++;
          fail(`${op.command}: send rejected (${e instanceof Error ? e.message : String(e)})`);
          continue;
        }
        const t1 = epoch();
        if (reply === 'timeout' || reply === undefined || reply === null) {
          res.lost++;
          fail(`${op.command}: ${reply === 'timeout' ? 'no answer in time' : 'empty answer'}`);
          continue;
        }
        res.answered++;
        res.lastReplyAt = Math.max(res.lastReplyAt, t1);
        res.replyAt.push(Math.round(t1));
        res.replyMails.push(op.mails);
        (res.latencies[op.command] ??= []).push(Math.round((t1 - t0) * 100) / 100);
        res.fromSchedule.push(Math.round((t1 - Math.max(scheduled, args.startAt)) * 100) / 100);
        if (!reply.ok && reply.error.code === op.expectError) continue;
        if (!reply.ok) {
          fail(`${op.command}: ${reply.error.code} ${reply.error.message}`);
          continue;
        }
        if (!op.expect) continue;
        // One answer per mail, in order: a missing or extra answer is a failure, each outcome must be one expected.
        const results = reply.data?.results ?? [];
        if (results.length !== op.mails) fail(`${op.command}: ${results.length} answers for ${op.mails} mails`);
        results.slice(0, op.mails).forEach((r, i) => {
          res.mailsAnswered++;
          const outcome = r?.outcome;
          res.outcomes[`mail:${String(outcome)}`] = (res.outcomes[`mail:${String(outcome)}`] ?? 0) + 1;
          const accepted = op.expect![i] ?? [];
          if (outcome === undefined || !accepted.includes(outcome)) fail(`${op.command} mail ${i}: outcome ${String(outcome)}, expected ${accepted.join('|')}`);
        });
      }
    }
  };
  return (async () => {
    await sleepUntil(args.startAt);
    await Promise.all(Array.from({ length: args.workers }, worker));
    port?.disconnect();
    return res;
  })();
}

/**
 * In an extension page (the popup): one `command` round trip every `everyMs` until `globalThis.__loadStop`.
 * Several probes may run at once in the same page (status.get often, popup.list now and then).
 */
export function POPUP_PROBE(args: { command: string; everyMs: number; max: number }): Promise<number[]> {
  type Reply = { ok: boolean };
  const g = globalThis as unknown as { __loadStop?: boolean; chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } };
  g.__loadStop = false;
  return (async () => {
    const times: number[] = [];
    while (!g.__loadStop && times.length < args.max) {
      const t0 = performance.now();
      const r = await g.chrome.runtime.sendMessage({ relance: 1, command: args.command, payload: {} });
      if (!r || !r.ok) throw new Error(`${args.command} failed during the load`);
      times.push(Math.round((performance.now() - t0) * 100) / 100);
      await new Promise((ok) => setTimeout(ok, args.everyMs));
    }
    return times;
  })();
}

export interface UiProbeState {
  longTasks: { at: number; duration: number }[];
  /** How late a 50 ms timer fired (ms), with when (epoch ms): the page's main thread busy with anything. */
  timerLag: { at: number; lag: number }[];
}

/** Init script of each webmail tab (main world): long tasks and timer lag, in epoch ms. */
export function UI_PROBE(): void {
  const state: UiProbeState = { longTasks: [], timerLag: [] };
  (globalThis as unknown as { __loadUi: UiProbeState }).__loadUi = state;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ at: performance.timeOrigin + e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: only the timer lag is reported.
  }
  let expected = performance.now() + 50;
  setInterval(() => {
    const now = performance.now();
    state.timerLag.push({ at: performance.timeOrigin + now, lag: Math.max(0, now - expected) });
    expected = now + 50;
  }, 50);
}
