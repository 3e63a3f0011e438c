import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loads a webmail fixture into happy-dom's document and runs its emulation script (happy-dom does not execute
 * scripts written by document.write): the fixtures' scripts stand for the webmail's own behaviour (Gmail's
 * autosave, Roosterjs's paste handling, the compose disappearing on send).
 */
export function loadFixture(name: string, options: { runScripts?: boolean; mutate?: (doc: Document) => void } = {}): Document {
  const html = readFileSync(join(import.meta.dirname, '../fixtures/webmail', name), 'utf8');
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
  return readFileSync(join(import.meta.dirname, '../fixtures/webmail', name), 'utf8');
}

/** Lets the fixture's delayed renders (30 ms) and the adapters' batching (120–200 ms) run. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
