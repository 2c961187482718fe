// Screenshot of the running explorer, for looking at the UI and for the README:
//   npm run screenshot -- URL OUT.png [--click-actor ID] [--width 1600 --height 1000]
import { launchChromium } from './browser.ts';

const [url = 'http://127.0.0.1:5173/', out = 'docs/screenshot.png', ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: { width: Number(option('--width') ?? 1600), height: Number(option('--height') ?? 1000) },
  });
  page.on('console', (message) => {
    if (message.type() === 'error') console.error('page:', message.text());
  });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('ag:graph-drawn').length > 0, null, {
    timeout: 30_000,
  });
  await page.waitForTimeout(400);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
