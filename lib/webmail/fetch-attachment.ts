import type { SnapshotAttachment } from './snapshot';

/**
 * Reading an attachment's bytes the way the webmail serves them to the signed-in user: a same-origin request with
 * the page's cookies, nothing else. A URL on any other origin is refused, so a crafted mail can never make Relance
 * send the user's cookies (or anything) to a third party.
 */
export const MAX_ATTACHMENT_BYTES = 15 * 1024 * 1024;
export const ATTACHMENT_TIMEOUT_MS = 10_000;

/** The URL resolved against the page, when it is http(s) on the page's own origin; else null. */
export function sameOriginUrl(raw: string | null | undefined, pageUrl: string): string | null {
  if (!raw) return null;
  try {
    const page = new URL(pageUrl);
    const url = new URL(raw, page);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin === page.origin ? url.href : null;
  } catch {
    return null;
  }
}

async function readCapped(body: ReadableStream<Uint8Array>, cap: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The attachment's bytes, or null: other origin, HTTP error, over the cap, timed out or failed in any way. */
export async function fetchSameOriginAttachment(
  att: SnapshotAttachment,
  pageUrl: string,
  fetchImpl: typeof fetch,
  limits: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<Uint8Array | null> {
  const url = sameOriginUrl(att.downloadUrl, pageUrl);
  if (!url) return null;
  const maxBytes = limits.maxBytes ?? MAX_ATTACHMENT_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs ?? ATTACHMENT_TIMEOUT_MS);
  try {
    const response = await fetchImpl(url, { credentials: 'include', signal: controller.signal, redirect: 'follow' });
    // A redirect to another origin (a sign-in page, a CDN) is not the attachment the page serves.
    if (!response.ok || (response.url && sameOriginUrl(response.url, pageUrl) === null)) return null;
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) return null;
    if (!response.body) {
      const buffer = new Uint8Array(await response.arrayBuffer());
      return buffer.byteLength > maxBytes ? null : buffer;
    }
    return await readCapped(response.body, maxBytes);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
