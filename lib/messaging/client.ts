import { browser } from 'wxt/browser';
import { COMMANDS, ReplySchema, type CommandName, type RelanceErrorShape, type RequestOf, type ResponseOf } from './protocol';

/** An error answered by the background, with its stable code. */
export class RelanceError extends Error {
  constructor(
    readonly code: RelanceErrorShape['code'],
    message: string,
  ) {
    super(message);
    this.name = 'RelanceError';
  }
}

/**
 * Ask the background to do something. The request is validated before it leaves, and the answer
 * when it comes back; a failure arrives as a RelanceError with a message fit for the user.
 */
export async function send<C extends CommandName>(command: C, payload: RequestOf<C>): Promise<ResponseOf<C>> {
  const spec = COMMANDS[command];
  const req = spec.request.safeParse(payload);
  if (!req.success) throw new RelanceError('invalid_request', req.error.issues[0]?.message ?? 'invalid request');
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage({ relance: 1, command, payload });
  } catch {
    throw new RelanceError('internal', 'Relance is restarting. Try again in a moment.');
  }
  const reply = ReplySchema.safeParse(raw);
  if (!reply.success) throw new RelanceError('internal', 'Relance did not answer.');
  if (!reply.data.ok) throw new RelanceError(reply.data.error.code, reply.data.error.message);
  const data = spec.response.safeParse(reply.data.data);
  if (!data.success) throw new RelanceError('internal', 'Relance answered something unexpected.');
  return data.data as ResponseOf<C>;
}
