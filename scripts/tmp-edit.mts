import { readFileSync } from 'node:fs';
import { launchChromium } from './browser.ts';
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.error('page:', m.text()); });
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto('http://127.0.0.1:5173/');
await page.waitForFunction(() => performance.getEntriesByName('ag:graph-drawn').length > 0, null, { timeout: 30000 });
await page.getByRole('button', { name: 'Edit', exact: true }).click();
await page.waitForTimeout(800);
await page.screenshot({ path: '/tmp/edit-1.png' });
// attach the isc text by pasting
const text = readFileSync('/work/shared/sources/000_36bb2e97fec8cbad.txt', 'utf8');
const paste = page.locator('ag-source-reader textarea');
console.log('paste areas', await paste.count());
if (await paste.count()) {
  await paste.fill(text);
  await page.getByRole('button', { name: /Attach pasted text/ }).click();
  await page.waitForTimeout(1500);
}
await page.screenshot({ path: '/tmp/edit-2.png' });
// select kadhimi
await page.evaluate(() => {
  const app = document.querySelector('ag-app') as any;
  app.dispatch({ type: 'select', selection: { kind: 'actor', id: 'kadhimi' }, centre: true });
});
await page.waitForTimeout(800);
await page.screenshot({ path: '/tmp/edit-3.png' });
await page.getByRole('button', { name: 'New actor…' }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/edit-4.png' });
await browser.close();
