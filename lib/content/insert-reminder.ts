import type { Correspondent, DraftContent, EditorHandle, WebmailAdapter } from '@/lib/webmail/adapter';
import type { Ask } from '@/lib/messaging/content-client';

/**
 * One click from the sidebar to a reminder in the webmail's editor: a reply in the invoice's thread when that
 * thread is the one open (the subject stays the webmail's "Re: …"), else a new message to the client. The draft is
 * inserted the way the editor registers typing (adapter.insertDraft), then recorded as `reminder-drafted` on every
 * invoice it covers, so sending it is later caught as "reminder sent".
 */

export interface ReminderTarget {
  /** The invoices the draft covers (one reminder for all of them). */
  invoiceIds: string[];
  /** Where the invoice was sent, to reply in that thread when it is open. */
  threadId: string | null;
  messageId: string | null;
  client: Correspondent;
  draft: DraftContent & { stage: string; language: string };
}

export type InsertOutcome =
  | { ok: true; kind: EditorHandle['kind']; method: string }
  | { ok: false; reason: 'no-editor' | 'not-inserted'; detail?: string };

function openThreadId(adapter: WebmailAdapter): string | null {
  try {
    return adapter.readOpenThread()?.threadId ?? null;
  } catch {
    return null;
  }
}

export async function insertReminder(adapter: WebmailAdapter, ask: Ask, target: ReminderTarget): Promise<InsertOutcome> {
  const inThread = target.threadId !== null && openThreadId(adapter) === target.threadId;
  let editor: EditorHandle | null = null;
  if (inThread) editor = await adapter.openReply({ threadId: target.threadId, messageId: target.messageId }).catch(() => null);
  // The thread is gone or not open (or the reply control missed): a new message to the client still works.
  if (!editor) editor = await adapter.openCompose(target.client).catch(() => null);
  if (!editor) return { ok: false, reason: 'no-editor' };
  const result = await adapter.insertDraft(editor, { html: target.draft.html, text: target.draft.text }).catch((e: unknown) => ({
    ok: false as const,
    method: 'range' as const,
    error: e instanceof Error ? e.message : 'insertion failed',
  }));
  if (!result.ok) return { ok: false, reason: 'not-inserted', ...(result.error ? { detail: result.error } : {}) };
  if (target.invoiceIds.length > 0) {
    // The draft is in the editor whatever happens here; a lost record only means "sent" is matched by content.
    await ask('event.record', {
      invoiceIds: target.invoiceIds,
      type: 'reminder-drafted',
      payload: { stage: target.draft.stage, language: target.draft.language, kind: editor.kind },
    }).catch(() => undefined);
  }
  return { ok: true, kind: editor.kind, method: result.method };
}
