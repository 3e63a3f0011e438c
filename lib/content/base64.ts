/**
 * Bytes → base64 for the message to the background (runtime messages carry JSON, not ArrayBuffers, in every
 * browser). Chunked so a 15 MB PDF never builds one giant argument list.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}
