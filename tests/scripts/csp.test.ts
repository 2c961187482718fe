// The built explorer under its Content-Security-Policy, as it is served by
// `vite preview` (header on every response, workers included): it draws the
// shipped graph, opens a file through the parse worker and exports a PNG
// and an SVG, with no policy violation and no error.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium } from '../../scripts/browser.ts';
import { CONTENT_SECURITY_POLICY } from '../../vite.config.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const VITE = join(ROOT, 'node_modules', '.bin', 'vite');
const PORT = 4391;
const ORIGIN = `http://127.0.0.1:${PORT}`;

let outDir = '';
let server: ChildProcess | null = null;
let browser: Browser | null = null;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'ag-csp-'));
  const build = spawnSync(VITE, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
  server = spawn(VITE, ['preview', '--outDir', outDir, '--port', String(PORT), '--strictPort'], { cwd: ROOT });
  await vi.waitFor(
    async () => {
      if (!(await fetch(ORIGIN)).ok) throw new Error('vite preview is not answering yet');
    },
    { timeout: 15_000, interval: 100 },
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('the explorer under its Content-Security-Policy', () => {
  it('the server sends the same policy as the page declares, and it forbids inline script and eval', async () => {
    const response = await fetch(ORIGIN);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(CONTENT_SECURITY_POLICY).toContain("img-src 'self' data: blob:");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });

  it('draws the graph, opens a file and exports a PNG and an SVG with no violation and no error', async () => {
    const page = await browser!.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('worker', (worker) => worker.on('console', (message) => errors.push(`worker: ${message.text()}`)));
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(ORIGIN);
    await page.waitForFunction(() => performance.getEntriesByName('ag:graph-drawn').length > 0, null, {
      timeout: 15_000,
    });
    const drawnNodes = () =>
      page.evaluate(async () => {
        const view = document.querySelector('ag-app')?.shadowRoot?.querySelector('ag-graph-view') as unknown as {
          canvasState(): Promise<{ nodes: { visible: boolean }[] }>;
        };
        return (await view.canvasState()).nodes.filter((node) => node.visible).length;
      });
    const shipped = JSON.parse(readFileSync(join(ROOT, 'graph', 'kadhimi-2021.json'), 'utf8')) as { actors: [] };
    expect(await drawnNodes()).toBe(shipped.actors.length);

    // A selection (the evidence panel colours each relation) and a hover (the tooltip is placed):
    // both set styles, which must go through the CSSOM, not an inline style attribute.
    const kadhimiOnPage = () =>
      page.evaluate(async () => {
        const view = document.querySelector('ag-app')?.shadowRoot?.querySelector('ag-graph-view') as unknown as {
          renderedPositionOf(id: string): Promise<{ x: number; y: number } | null>;
          getBoundingClientRect(): DOMRect;
        };
        const point = await view.renderedPositionOf('kadhimi');
        const box = view.getBoundingClientRect();
        return point ? { x: box.left + point.x, y: box.top + point.y } : null;
      });
    const tooltip = page.locator('ag-app ag-graph-view [role=tooltip]');
    // Onto the actor from outside the graph; again if the picture was still settling (a busy machine).
    let position: { x: number; y: number } | null = null;
    for (let attempt = 0; attempt < 5 && !(await tooltip.isVisible()); attempt++) {
      position = await kadhimiOnPage();
      expect(position).not.toBeNull();
      await page.mouse.move(5, 5);
      await page.mouse.move(position!.x, position!.y, { steps: 4 });
      await tooltip.waitFor({ timeout: 2_000 }).catch(() => undefined);
    }
    await tooltip.waitFor({ timeout: 1_000 });
    const placed = await tooltip.boundingBox();
    // At the pointer (offset by 12 px), not at the corner of the graph.
    expect(Math.abs((placed?.x ?? 0) - position!.x - 12)).toBeLessThan(4);
    // Selected from the search (after the hover: centring it moves the picture).
    await page.getByPlaceholder('Find an actor').fill('Iraq');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('actor='));

    // A date window on the time bar (its brush is placed by style), paths listed, actors sized by a measure.
    await page.evaluate(() => {
      location.hash = '#from=2021-10-01&to=2021-11-30&pathFrom=khazali&pathTo=qaani';
    });
    await page.locator('ag-app ag-paths-panel li.path').first().waitFor({ timeout: 10_000 });
    await page.locator('ag-app ag-time-bar .window').waitFor({ timeout: 10_000 });
    await page.locator('ag-app #tab-ranking').click();
    await page.locator('ag-app ag-ranking-panel select').selectOption('betweenness');
    await page.locator('ag-app ag-ranking-panel tbody tr').first().waitFor({ timeout: 10_000 });

    await page
      .locator('ag-app input[aria-label="Graph file to open"]')
      .setInputFiles(join(ROOT, 'tests', 'fixtures', 'minimal.json'));
    await page.waitForFunction(
      () => document.querySelector('ag-app')?.shadowRoot?.querySelector('.status')?.textContent?.includes('minimal'),
      null,
      { timeout: 10_000 },
    );
    await expect.poll(drawnNodes, { timeout: 10_000 }).toBe(2);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PNG' }).click();
    expect((await download).suggestedFilename()).toMatch(/^minimal_on-screen_\d{4}-\d{2}-\d{2}\.png$/);
    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export SVG' }).click();
    expect((await svgDownload).suggestedFilename()).toMatch(/^minimal_on-screen_\d{4}-\d{2}-\d{2}\.svg$/);

    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
