import type { PopupPage } from '@/lib/background/popup-schemas';
import { RelanceError } from '@/lib/messaging/client';
import { COMMANDS, ReplySchema } from '@/lib/messaging/protocol';

/**
 * The answer to the early `popup.page` (first-page.ts), checked as send() checks every answer: the envelope, then
 * the command's response schema; a failure becomes the same RelanceError send() would have thrown.
 */
export async function readPopupPage(rawReply: Promise<unknown>): Promise<PopupPage> {
  let raw: unknown;
  try {
    raw = await rawReply;
  } catch {
    throw new RelanceError('internal', 'Relance is restarting. Try again in a moment.');
  }
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success) throw new RelanceError('internal', 'Relance did not answer.');
  if (!reply.data.ok) throw new RelanceError(reply.data.error.code, reply.data.error.message);
  const page = COMMANDS['popup.page'].response.safeParse(reply.data.data);
  if (!page.success) throw new RelanceError('internal', 'Relance answered something unexpected.');
  return page.data;
}
