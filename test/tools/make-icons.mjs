// Renders the Relance icon set (public/icon/{16,32,48,128}.png) from one SVG with the headless Chromium.
// Usage: node test/tools/make-icons.mjs  (needs /usr/bin/chromium; the PNGs are committed, this is only to redo them)
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// A rounded blue tile with a white "R" and an amber dot: "Relance" plus "something is due".
// Small sizes get a heavier stroke so the letter survives 16 px.
const svg = (size) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2d6fe8"/><stop offset="1" stop-color="#1848a8"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="28" fill="url(#g)"/>
  <path d="M40 100 V28 H70 a21 21 0 0 1 0 42 H40 M66 70 L90 100" fill="none" stroke="#fff"
        stroke-width="${size <= 16 ? 18 : size <= 32 ? 15 : 13}" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="100" cy="30" r="${size <= 16 ? 20 : 17}" fill="#ffb020" stroke="#1848a8" stroke-width="5"/>
</svg>`;

const outDir = join(import.meta.dirname, '../../public/icon');
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const size of [16, 32, 48, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
    await page.locator('svg').screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
    console.log(`public/icon/${size}.png`);
  }
} finally {
  await browser.close();
}
