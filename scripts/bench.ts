// npm run bench: builds the app and the bench page (scripts/bench/), serves
// them with `vite preview`, and measures in Debian's Chromium:
//   - parseGraph (JSON, schema and meaning checks) on the shipped graph and on
//     generated graphs of 1,000 and 5,000 actors;
//   - the layout worker with each fcose variant compared, and the overlapping
//     node boxes each leaves;
//   - app-level figures (see APP_FIGURES);
//   - the app side by side with its peers, naive Cytoscape and sigma.js with
//     ForceAtlas2 (Gephi Lite's engine), on the shipped graph and generated
//     graphs of 1,000, 5,000 and 20,000 actors (scripts/bench-peers.ts).
// Prints the machine, its load at the start and the end, and the tables.
// Takes about 15 minutes. BENCH_PORT serves on another port than 4317.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Page } from 'playwright-core';
import { printSideBySide, SIDE_BY_SIDE_GRAPHS, waitForGraphDrawn } from './bench-peers.ts';
import { median, ms, printTable } from './bench-table.ts';
import { launchChromium } from './browser.ts';
import { generateGraph } from './generate-graph.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4317);
const ORIGIN = `http://127.0.0.1:${PORT}`;
// 250 actors: the largest graph laid out at fcose quality 'default' (DRAFT_ABOVE_NODES).
const GRAPHS = ['shipped', '250', '1000', '5000'];
/** A run longer than this is stopped (the worker is terminated) and reported as such. */
const RUN_TIMEOUT_MS = 60_000;
/** Runs shorter than this are repeated to give a median of 3. */
const REPEAT_BELOW_MS = 5_000;
/**
 * Variants stopped at RUN_TIMEOUT_MS on 5,000 actors in every run so far (README, "Speed"): skipped there
 * since the bench also compares the app with its peers, to keep the whole run near 15 minutes.
 */
const STOPPED_AT_5000 = new Set(['default, fast CoSE settings']);
/** The generated graphs written into dist/ as generated-N.json, for the app's ?graph= and the peers page. */
const GENERATED = SIDE_BY_SIDE_GRAPHS.filter((graph) => graph !== 'shipped').map(Number);

type LayoutResult =
  | {
      ok: true;
      totalMs: number;
      buildMs: number;
      layoutMs: number;
      overlapMs: number;
      overlaps: number;
      coldWorker: boolean;
    }
  | { ok: false; timedOut: true };

interface BenchApi {
  variants: string[];
  prepare(name: string): { actors: number; relations: number; megabytes: number };
  parse(name: string): { ms: number; problems: number };
  layout(name: string, variant: string, timeoutMs: number, cold?: boolean): Promise<LayoutResult>;
  paths(name: string): {
    medianMs: number;
    maxMs: number;
    pairs: number;
    withPaths: number;
    stoppedEarly: number;
    paths: number;
  };
  centrality(name: string): Promise<{
    measuresMs: number;
    communitiesMs: number;
    communities: number;
    sampled: number | null;
    workerColdMs: number;
    workerMs: number;
  }>;
  timeline(name: string): { timelineMs: number; binsMs: number; bins: number; dated: number };
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
}

async function waitForServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs / 1000} s`);
}

// ---------------------------------------------------------------------------
// App-level figures, measured in the built explorer through its UI. The app
// sets performance marks: 'ag:graph-drawn' when a loaded graph is laid out and
// drawn, 'ag:filter-drawn' after a filter change is drawn. Generated graphs are
// written into dist/ and opened with ?graph= (same origin).

interface AppFigure {
  name: string;
  /** Names the figure for a ratio printed after them all. */
  id?: string;
  measure(page: Page): Promise<number[] | string>;
}

/** Navigates and returns the time from navigation start to the graph drawn, or why it was not (a refused file). */
async function navigationToDrawn(page: Page, url: string): Promise<number | string> {
  await page.goto(url);
  return waitForGraphDrawn(page, 120_000);
}

/**
 * Ticks or unticks a filter checkbox (by the start of its label) and times it
 * until the graph is redrawn ('ag:filter-drawn'), or, with `until` set to
 * 'ag:view-applied', until the new styles are computed, before the frame is drawn.
 */
function filterChangeToDrawn(page: Page, label: string, until = 'ag:filter-drawn'): Promise<number> {
  return page.evaluate(
    async ({ labelStart, markName }) => {
      const panel = document.querySelector('ag-app')?.shadowRoot?.querySelector('ag-filter-panel')?.shadowRoot;
      const row = [...(panel?.querySelectorAll('label') ?? [])].find((l) =>
        l.querySelector('span')?.textContent?.trim().startsWith(labelStart),
      );
      const checkbox = row?.querySelector('input');
      if (!checkbox) throw new Error(`no filter ${labelStart}`);
      const before = performance.getEntriesByName(markName).length;
      const drawnBefore = performance.getEntriesByName('ag:filter-drawn').length;
      const started = performance.now();
      checkbox.click();
      while (performance.getEntriesByName(markName).length === before)
        await new Promise((resolve) => setTimeout(resolve, 1));
      const mark = performance.getEntriesByName(markName)[before];
      // Let the change finish drawing before the next one starts.
      while (performance.getEntriesByName('ag:filter-drawn').length === drawnBefore)
        await new Promise((resolve) => setTimeout(resolve, 1));
      return (mark?.startTime ?? NaN) - started;
    },
    { labelStart: label, markName: until },
  );
}

/**
 * Moves a one-month date window through 2020 as the time bar's brush and play
 * button do (one 'date-window' change each, as a live change), timing each
 * step until the graph is redrawn.
 */
function windowStepsToDrawn(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const app = document.querySelector('ag-app') as HTMLElement & { dispatch(action: unknown): void };
    const times: number[] = [];
    for (let month = 1; month <= 6; month++) {
      const from = `2020-${String(month).padStart(2, '0')}-01`;
      const to = `2020-${String(month).padStart(2, '0')}-28`;
      const before = performance.getEntriesByName('ag:filter-drawn').length;
      const started = performance.now();
      app.dispatch({ type: 'change-filter', change: { kind: 'date-window', from, to } });
      while (performance.getEntriesByName('ag:filter-drawn').length === before)
        await new Promise((resolve) => setTimeout(resolve, 1));
      // The frame after the styles: the picture is on screen.
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      times.push(performance.now() - started);
    }
    return times;
  });
}

/** Exports a PNG or an SVG through the app and returns the time and the image size. */
function exportSnapshot(
  page: Page,
  format: 'png' | 'svg',
): Promise<{ ms: number; width: number; height: number; bytes: number }> {
  return page.evaluate(async (format) => {
    const app = document.querySelector('ag-app') as HTMLElement & {
      exportSnapshot(format: 'png' | 'svg'): Promise<{ width: number; height: number; blob: Blob } | null>;
    };
    const started = performance.now();
    const result = await app.exportSnapshot(format);
    if (!result) throw new Error('no export');
    return { ms: performance.now() - started, width: result.width, height: result.height, bytes: result.blob.size };
  }, format);
}

const exportNotes: string[] = [];

async function exportFigure(
  page: Page,
  url: string,
  scope: 'screen' | 'shown' | 'whole',
  label: string,
  format: 'png' | 'svg' = 'png',
): Promise<number[] | string> {
  const drawn = await navigationToDrawn(page, url);
  if (typeof drawn === 'string') return drawn;
  await page.selectOption('#export-scope', scope);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const result = await exportSnapshot(page, format);
    times.push(result.ms);
    if (i === 0)
      exportNotes.push(
        `exported ${format.toUpperCase()}, ${label}: ${result.width} x ${result.height} px, ` +
          `${(result.bytes / 1024).toFixed(0)} kB`,
      );
  }
  return times;
}

// Navigation to drawn (the first picture) and its phases are in the side-by-side table (bench-peers.ts),
// measured there in a fresh context per run: they are no longer measured here a second time.
const APP_FIGURES: AppFigure[] = [
  {
    name: 'shipped graph: filter change to drawn (untick "Event", tick it again)',
    async measure(page) {
      const drawn = await navigationToDrawn(page, `${ORIGIN}/`);
      if (typeof drawn === 'string') return drawn;
      const times: number[] = [];
      for (let i = 0; i < 3; i++)
        times.push(await filterChangeToDrawn(page, 'Event'), await filterChangeToDrawn(page, 'Event'));
      return times;
    },
  },
  {
    name: 'shipped graph: PNG export, on screen (report size, 2x)',
    measure: (page) => exportFigure(page, `${ORIGIN}/`, 'screen', 'shipped, on screen'),
  },
  {
    name: 'shipped graph: PNG export, everything shown (report size, 2x)',
    measure: (page) => exportFigure(page, `${ORIGIN}/`, 'shown', 'shipped, everything shown'),
  },
  {
    name: 'shipped graph: SVG export, everything shown',
    measure: (page) => exportFigure(page, `${ORIGIN}/`, 'shown', 'shipped, everything shown', 'svg'),
  },
  ...[1000, 5000].flatMap((actors): AppFigure[] => [
    {
      name: `${actors.toLocaleString('en')} actors: filter change to drawn (untick "Person", tick it again)`,
      id: `filter-drawn-${actors}`,
      async measure(page) {
        const drawn = await navigationToDrawn(page, `${ORIGIN}/?graph=/generated-${actors}.json`);
        if (typeof drawn === 'string') return drawn;
        // Long tasks during the six changes, and the filter's own cost (ag:filter: the visible part computed).
        await page.evaluate(() => {
          const tasks: number[] = [];
          (window as unknown as { agTasks: number[] }).agTasks = tasks;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) tasks.push(entry.duration);
          }).observe({ type: 'longtask' });
        });
        const filtersBefore = await page.evaluate(() => performance.getEntriesByName('ag:filter').length);
        const times: number[] = [];
        for (let i = 0; i < 3; i++)
          times.push(await filterChangeToDrawn(page, 'Person'), await filterChangeToDrawn(page, 'Person'));
        const { filterMs, tasks } = await page.evaluate(
          (before) => ({
            filterMs: performance
              .getEntriesByName('ag:filter')
              .slice(before)
              .map((entry) => entry.duration),
            tasks: (window as unknown as { agTasks: number[] }).agTasks,
          }),
          filtersBefore,
        );
        exportNotes.push(
          `${actors} actors, filter change: the filter itself (visible part computed) ${ms(median(filterMs))} ` +
            `(median of ${filterMs.length}); during the 6 changes ${tasks.length} long tasks, the longest ` +
            `${ms(Math.max(0, ...tasks))}, in all ${ms(tasks.reduce((sum, task) => sum + task, 0))}`,
        );
        return times;
      },
    },
    {
      name: `${actors.toLocaleString('en')} actors: filter change to styles applied, before the frame is drawn`,
      id: `filter-styles-${actors}`,
      async measure(page) {
        const drawn = await navigationToDrawn(page, `${ORIGIN}/?graph=/generated-${actors}.json`);
        if (typeof drawn === 'string') return drawn;
        const times: number[] = [];
        for (let i = 0; i < 3; i++)
          times.push(
            await filterChangeToDrawn(page, 'Person', 'ag:view-applied'),
            await filterChangeToDrawn(page, 'Person', 'ag:view-applied'),
          );
        return times;
      },
    },
    {
      name: `${actors.toLocaleString('en')} actors: date window moved by a month (time bar brush or play) to drawn`,
      async measure(page) {
        const drawn = await navigationToDrawn(page, `${ORIGIN}/?graph=/generated-${actors}.json`);
        if (typeof drawn === 'string') return drawn;
        return windowStepsToDrawn(page);
      },
    },
    {
      name: `${actors.toLocaleString('en')} actors: PNG export, everything shown (report size, 2x)`,
      measure: (page) =>
        exportFigure(page, `${ORIGIN}/?graph=/generated-${actors}.json`, 'shown', `${actors} actors, everything`),
    },
  ]),
];

// ---------------------------------------------------------------------------

const loadAverage = (): string =>
  os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadAverage();
  console.log('Building the app and the bench page ...');
  let appBuilt = true;
  try {
    run('npx', ['vite', 'build', '--logLevel', 'warn']);
  } catch {
    appBuilt = false;
    console.log('  the app does not build; app-level figures are skipped');
  }
  run('npx', ['vite', 'build', '--config', 'scripts/bench/vite.bench.config.ts']);
  for (const actors of GENERATED)
    writeFileSync(`dist/generated-${actors}.json`, JSON.stringify(generateGraph(actors, 1), null, 1));

  let server: ChildProcess | null = null;
  const stopServer = () => {
    if (server && server.exitCode === null) server.kill('SIGTERM');
  };
  process.once('SIGINT', () => {
    stopServer();
    process.exit(130);
  });
  const browser = await (async () => {
    server = spawn(
      './node_modules/.bin/vite',
      ['preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    await waitForServer(`${ORIGIN}/bench/bench.html`, 20_000);
    // Without it performance.memory reports a cached, rounded figure (10 MB steps, refreshed every 20 minutes).
    return launchChromium(['--enable-precise-memory-info']);
  })().catch((error: unknown) => {
    stopServer();
    throw error;
  });

  try {
    const cpus = os.cpus();
    console.log(
      `Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ` +
        `${(os.totalmem() / 2 ** 30).toFixed(1)} GB, ` +
        `Node ${process.version}, Chromium ${browser.version()}`,
    );
    console.log(`Load average at the start (1, 5, 15 minutes): ${loadAtStart}`);
    console.log(
      'Node boxes are estimated from label length ' +
        '(scripts/bench/boxes.ts: 6.8 px a character, wrapped at 160 px, 32 px shape).',
    );

    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${ORIGIN}/bench/bench.html`);
    await page.waitForFunction(() => document.title === 'Layout bench: ready', null, { timeout: 20_000 });
    const variants = await page.evaluate(() => (window as unknown as { agBench: BenchApi }).agBench.variants);

    const rows: string[][] = [];
    const notes: string[] = [];
    const slowAt1000 = new Set<string>();
    for (const graph of GRAPHS) {
      const size = await page.evaluate(
        (name) => (window as unknown as { agBench: BenchApi }).agBench.prepare(name),
        graph,
      );
      const parseTimes: number[] = [];
      for (let i = 0; i < 3; i++) {
        parseTimes.push(
          (await page.evaluate((name) => (window as unknown as { agBench: BenchApi }).agBench.parse(name), graph)).ms,
        );
      }
      const label =
        graph === 'shipped' ? 'shipped (kadhimi-2021)' : `generated, ${Number(graph).toLocaleString('en')} actors`;
      const first = [
        label,
        `${size.actors}/${size.relations}`,
        `${size.megabytes.toFixed(1)} MB`,
        ms(median(parseTimes)),
      ];
      let firstRow = true;
      for (const variant of variants) {
        const lead = firstRow ? first : ['', '', '', ''];
        firstRow = false;
        if (graph === '5000' && STOPPED_AT_5000.has(variant)) {
          rows.push([...lead, variant, 'skipped', '', '', '', '', '']);
          notes.push(`"${variant}" skipped at 5,000 actors: stopped at ${ms(RUN_TIMEOUT_MS)} in every earlier run.`);
          continue;
        }
        if (graph === '5000' && slowAt1000.has(variant)) {
          rows.push([...lead, variant, 'skipped', '', '', '', '', '']);
          notes.push(
            `"${variant}" skipped at 5,000 actors: over ${ms(REPEAT_BELOW_MS)} at 1,000, ` +
              'and it grows at least quadratically (well over 60 s).',
          );
          continue;
        }
        const results: LayoutResult[] = [];
        const runOnce = (cold = false) =>
          page.evaluate(
            ({ name, variant, timeout, cold }) =>
              (window as unknown as { agBench: BenchApi }).agBench.layout(name, variant, timeout, cold),
            { name: graph, variant, timeout: RUN_TIMEOUT_MS, cold },
          );
        results.push(await runOnce());
        const firstResult = results[0];
        if (firstResult?.ok && firstResult.totalMs < REPEAT_BELOW_MS) results.push(await runOnce(), await runOnce());
        const done = results.filter((result): result is Extract<LayoutResult, { ok: true }> => result.ok);
        if (done.length === 0) {
          rows.push([...lead, variant, `> ${ms(RUN_TIMEOUT_MS)}`, 'stopped', '', '', '', '1']);
          notes.push(
            `"${variant}" at ${graph} actors was stopped after ${ms(RUN_TIMEOUT_MS)} ` +
              '(abort: the worker is terminated).',
          );
          continue;
        }
        const total = median(done.map((result) => result.totalMs));
        if (graph === '1000' && total > REPEAT_BELOW_MS) slowAt1000.add(variant);
        rows.push([
          ...lead,
          variant,
          ms(total),
          ms(median(done.map((result) => result.layoutMs))),
          ms(median(done.map((result) => result.buildMs))),
          ms(median(done.map((result) => result.overlapMs))),
          `${median(done.map((result) => result.overlaps))}`,
          `${done.length}`,
        ]);
        if (variant === 'chosen' && graph === 'shipped') {
          const cold = await runOnce(true);
          if (cold.ok)
            notes.push(
              `Worker start: the chosen layout of the shipped graph takes ${ms(cold.totalMs)} in a new worker, ` +
                `${ms(total)} in the warm one kept between runs.`,
            );
        }
      }
    }
    printTable(
      [
        'graph',
        'actors/relations',
        'file',
        'parse+validate',
        'layout variant',
        'layout total',
        'fcose',
        'prepare+build',
        'overlap removal',
        'overlaps',
        'runs',
      ],
      rows,
    );
    console.log(
      'layout total: round trip seen by the page (median); ' +
        'fcose, prepare+build (graph preparation and headless Cytoscape)',
    );
    console.log('and overlap removal: inside the worker. overlaps: pairs of node boxes that overlap after the layout.');
    for (const note of notes) console.log(`- ${note}`);

    await printAnalysis(page);

    console.log('\nApp-level figures (built app, window 1280 x 720):');
    const figureMedians = new Map<string, number>();
    for (const figure of APP_FIGURES) {
      const appPage = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      appPage.on('pageerror', (error) => console.error('page error:', error.message));
      const result = appBuilt ? await figure.measure(appPage) : 'not available (the app does not build)';
      await appPage.close();
      const figureText =
        typeof result === 'string'
          ? result
          : `${ms(median(result))}${result.length > 1 ? ` (median of ${result.length})` : ''}`;
      console.log(`  ${figure.name}: ${figureText}`);
      if (figure.id && typeof result !== 'string') figureMedians.set(figure.id, median(result));
    }
    for (const actors of [1000, 5000]) {
      const styles = figureMedians.get(`filter-styles-${actors}`);
      const drawn = figureMedians.get(`filter-drawn-${actors}`);
      if (styles !== undefined && drawn !== undefined && drawn > 0)
        console.log(
          `  ${actors.toLocaleString('en')} actors: filter change, styles applied ÷ drawn: ` +
            `${(styles / drawn).toFixed(2)} (the rest of "drawn" is Cytoscape drawing the frame)`,
        );
    }
    for (const note of exportNotes) console.log(`  ${note}`);

    await printSideBySide(browser, ORIGIN, appBuilt);
    console.log(`\nBench took ${Math.round((Date.now() - started) / 1000)} s.`);
    console.log(`Load average at the end (1, 5, 15 minutes): ${loadAverage()}`);
  } finally {
    await browser.close();
    stopServer();
    rmSync('dist/bench', { recursive: true, force: true });
    for (const actors of GENERATED) rmSync(`dist/generated-${actors}.json`, { force: true });
  }
}

/** Path search, centrality and the time bar's histogram at each size, in the bench page. */
async function printAnalysis(page: Page): Promise<void> {
  const rows: string[][] = [];
  for (const graph of ['shipped', '1000', '5000']) {
    const paths = await page.evaluate(
      (name) => (window as unknown as { agBench: BenchApi }).agBench.paths(name),
      graph,
    );
    const measures = await page.evaluate(
      (name) => (window as unknown as { agBench: BenchApi }).agBench.centrality(name),
      graph,
    );
    const time = await page.evaluate(
      (name) => (window as unknown as { agBench: BenchApi }).agBench.timeline(name),
      graph,
    );
    rows.push([
      graph === 'shipped' ? 'shipped' : `${Number(graph).toLocaleString('en')} actors`,
      `${ms(paths.medianMs)} (max ${ms(paths.maxMs)})`,
      `${paths.withPaths}/${paths.pairs} pairs, ${paths.paths} paths, ${paths.stoppedEarly} cut short`,
      `${ms(measures.measuresMs)}${measures.sampled === null ? '' : ` (sampled ${measures.sampled})`}`,
      `${ms(measures.communitiesMs)} (${measures.communities})`,
      `${ms(measures.workerMs)} (cold ${ms(measures.workerColdMs)})`,
      `${ms(time.timelineMs)} + ${ms(time.binsMs)} (${time.dated} dated, ${time.bins} bars)`,
    ]);
  }
  printTable(
    [
      'graph',
      'k shortest paths',
      'paths found',
      'centrality, main thread',
      'Louvain (communities)',
      'both, worker round trip',
      'time bar: spans + bars',
    ],
    rows,
  );
  console.log(
    'Paths: 20 fixed pairs of actors, k 5, at most 6 steps, either direction, everything shown; median (slowest).',
  );
  console.log(
    'Centrality: degree, in and out, betweenness (Brandes), eigenvector and PageRank over everything shown; ' +
      'the app runs it with Louvain in a worker (warm worker, median of 3). Time bar: computed once per graph, ' +
      'then the bars of the fitted view; a filter change or brush recomputes neither.',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
