/**
 * A check of a PDF's embedded files BEFORE pdf.js decompresses one. pdf.js inflates an attachment whole
 * (getAttachmentContent has no size limit, and its file-spec data carries no size), so a 100 KB attachment that
 * inflates to gigabytes (a "zip bomb") would be decompressed in full, synchronously, before any size check or
 * timeout could act. Streams are never inside object streams (PDF 1.7 §7.5.7), so every EmbeddedFile stream
 * dictionary is visible in the raw bytes: each is checked here, by its declared size (/Params /Size, /DL), and by
 * inflating its Flate data ourselves with a running count that stops past the limit.
 */

export type EmbeddedGuardResult = { ok: true } | { ok: false; message: string };

/** Inflates at most `limit + 1` bytes of zlib data; the count reached, or null when the data is not valid zlib. */
async function boundedInflatedSize(data: Uint8Array, limit: number): Promise<number | null> {
  if (typeof DecompressionStream !== 'function') return null;
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > limit) return total;
    }
  } catch {
    // A stream that ends early still tells us its size so far; garbage is not something we can vouch for.
    return total > limit ? total : null;
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}

const int = (re: RegExp, s: string): number | null => {
  const m = re.exec(s);
  return m?.[1] !== undefined ? Number(m[1]) : null;
};

/**
 * Whether every embedded file of `bytes` decodes to at most `limit` bytes. Anything that cannot be vouched for
 * (a filter other than one FlateDecode, an encrypted stream, a length we cannot find) counts as over the limit:
 * invoice XML (Factur-X, ZUGFeRD) is PDF/A-3, never encrypted and plainly Flate-compressed.
 */
export async function checkEmbeddedFileSizes(bytes: Uint8Array, limit: number): Promise<EmbeddedGuardResult> {
  const text = new TextDecoder('latin1').decode(bytes);
  const marker = /\/Type\s*\/EmbeddedFile(?![A-Za-z])/g;
  const refused = (why: string): EmbeddedGuardResult => ({ ok: false, message: `embedded files not read: ${why}` });
  for (let m = marker.exec(text); m; m = marker.exec(text)) {
    const objStart = text.lastIndexOf(' obj', m.index);
    const streamAt = text.indexOf('stream', m.index);
    const endObjAt = text.indexOf('endobj', m.index);
    if (objStart < 0 || streamAt < 0 || (endObjAt >= 0 && endObjAt < streamAt)) continue; // not a stream: nothing to inflate
    const dict = text.slice(objStart, streamAt);
    const declared = Math.max(int(/\/Params\s*<<[\s\S]*?\/Size\s+(\d+)/, dict) ?? 0, int(/\/DL\s+(\d+)/, dict) ?? 0);
    if (declared > limit) return refused(`one declares ${declared} bytes (limit ${limit})`);

    let length = int(/\/Length\s+(\d+)(?!\s+\d+\s+R)/, dict);
    const ref = /\/Length\s+(\d+)\s+(\d+)\s+R/.exec(dict);
    if (length === null && ref) length = int(new RegExp(`(?:^|\\s)${ref[1]}\\s+${ref[2]}\\s+obj\\s*(\\d+)\\s*endobj`), text);
    if (length === null) return refused('an attachment has no readable length');
    const dataStart = streamAt + 6 + (text.startsWith('\r\n', streamAt + 6) ? 2 : text[streamAt + 6] === '\n' ? 1 : 0);
    const data = bytes.subarray(dataStart, Math.min(bytes.byteLength, dataStart + length));

    const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)?.[1]?.replace(/[[\]\s]+/g, ' ').trim() ?? '';
    if (filter === '') {
      if (data.byteLength > limit) return refused(`one is ${data.byteLength} bytes (limit ${limit})`);
      continue;
    }
    if (filter !== '/FlateDecode' && filter !== '/Fl') return refused(`an attachment uses the filter ${filter.slice(0, 60)}`);
    const size = await boundedInflatedSize(data, limit);
    if (size === null) return refused('an attachment is not valid compressed data');
    if (size > limit) return refused(`one inflates to more than ${limit} bytes`);
  }
  return { ok: true };
}
