import { join } from 'node:path';
import { readWebmailFixture } from '../fixtures/webmail/read-fixture';

/**
 * Loads a webmail fixture into happy-dom's document and runs its emulation script (happy-dom does not execute
 * scripts written by document.write): the fixtures' scripts stand for the webmail's own behaviour (Gmail's
 * autosave, Roosterjs's paste handling, the compose disappearing on send).
 */
export function loadFixture(name: string, options: { runScripts?: boolean; mutate?: (doc: Document) => void } = {}): Document {
  const html = readWebmailFixture(join(import.meta.dirname, '../fixtures/webmail', name));
  document.open();
  document.write(html);
  document.close();
  options.mutate?.(document);
  if (options.runScripts !== false) {
    for (const script of Array.from(document.querySelectorAll('script[data-fixture]'))) {
      new Function(script.textContent ?? '')();
    }
  }
  return document;
}

export function fixtureText(name: string): string {
  return readWebmailFixture(join(import.meta.dirname, '../fixtures/webmail', name));
}

/** Lets the fixture's delayed renders (30 ms) and the adapters' batching (120–200 ms) run. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
