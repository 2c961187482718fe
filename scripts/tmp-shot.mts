import { launchChromium } from './browser.ts';

const [url, out, ...steps] = process.argv.slice(2);
const browser = await launchChromium();
const page = await browser.newPage({
  viewport: { width: Number(process.env.W ?? 1600), height: Number(process.env.H ?? 1000) },
});
page.on('pageerror', (e) => console.error('page error:', e.message));
page.on('console', (m) => {
  if (m.type() === 'error') console.error('console:', m.text());
});
await page.goto(url!);
await page.waitForFunction(() => performance.getEntriesByName('ag:graph-drawn').length > 0, null, { timeout: 60000 });
for (const step of steps) {
  const [kind, a, b] = step.split('|');
  if (kind === 'click') await page.locator(a!).first().click();
  if (kind === 'select') await page.locator(a!).first().selectOption(b!);
  if (kind === 'check') await page.locator(a!).first().check();
  if (kind === 'wait') await page.waitForTimeout(Number(a));
  if (kind === 'eval') console.log(await page.evaluate(a!));
}
await page.waitForTimeout(800);
await page.screenshot({ path: out! });
console.log('wrote', out);
await browser.close();
