/**
 * The ledger of mail Relance has handled (table `messages`, schema v2). A mail can be known under two keys: its
 * webmail id (`gmail:<id>`) and its fingerprint (`fp:<hash>`), the only key a mail has while it is being sent.
 */
export function messageKey(webmail: string, messageId: string): string {
  return `${webmail}:${messageId}`;
}

export function fingerprintKey(fingerprint: string): string {
  return `fp:${fingerprint}`;
}
