import { describe, expect, it } from 'vitest';
import { pathAndHash } from '@/lib/webmail/url-parts';

/** The adapters read the page's URL as text (lib/webmail/url-parts.ts): the same path and fragment URL gives. */
describe('pathAndHash', () => {
  it.each([
    'https://mail.google.com/mail/u/0/#inbox',
    'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWdbcdefghijklmnop',
    'https://mail.google.com/mail/u/1/?ui=2#sent/FMfcgzQXJWdbcdefghijklmnop',
    'https://mail.google.com/mail/u/0/#label/Clients%2FActifs/FMfcgzQXJWdbcdefghijklmnop',
    'https://mail.google.com/mail/u/0/#',
    'https://mail.google.com/mail/u/0/',
    'https://mail.google.com',
    'https://outlook.live.com/mail/0/sentitems/id/AQQkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAQAKa%2FvB7oM0ZIrEs8Rx8hqC0%3D',
    'https://outlook.office.com/mail/inbox/id/AAQkAGI2?nlp=0#x',
    'https://outlook.office365.com/mail/deeplink/read/AAMk%3D%3D',
    'HTTPS://Outlook.Live.com/mail/SentItems/',
  ])('%s', (url) => {
    const u = new URL(url);
    expect(pathAndHash(url)).toEqual({ pathname: u.pathname, hash: u.hash });
  });

  it.each(['', 'not a url', 'about:blank', 'mailto:a@b.example#x'])('%j: no path, never a throw', (url) => {
    expect(pathAndHash(url).pathname).toBe('');
  });
});
