/**
 * The path and fragment of an absolute URL (the page's own `location.href`), read as text. The adapters look at the
 * URL on every batch of page changes, starting at load, and the first `new URL` in a content script's world cost
 * 2–3 ms there (CPU profile of the page bench: more than the adapter's whole first scan). For an absolute http(s)
 * URL the answer is URL's (test/adapters/url-parts.test.ts); anything else gives an empty path.
 */
export function pathAndHash(url: string): { pathname: string; hash: string } {
  const hashAt = url.indexOf('#');
  // URL gives '' for an empty fragment ("…/#").
  const hash = hashAt >= 0 && hashAt < url.length - 1 ? url.slice(hashAt) : '';
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const queryAt = beforeHash.indexOf('?');
  const noQuery = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const scheme = /^https?:\/\//i.exec(noQuery);
  if (!scheme) return { pathname: '', hash };
  const slash = noQuery.indexOf('/', scheme[0].length);
  return { pathname: slash >= 0 ? noQuery.slice(slash) : '/', hash };
}
