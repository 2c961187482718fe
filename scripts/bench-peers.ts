// The explorer side by side with its peers (issue 12), in the same Chromium
// run, on the same graph files and in a graph area of the same size:
//   - the built app, through ?graph= (its own figures: first frame, first picture);
//   - naive Cytoscape, fcose quality 'default' and 'draft', on the main thread;
//   - sigma.js 3 with graphology's ForceAtlas2 in a worker, the engine of Gephi
//     Lite, laid out then drawn, and drawing live from the first iteration.
// The peers run on scripts/bench/peers.html (peers-entry.ts says what each
// run times). Every side gets a fresh browser context for each graph, so runs
// share no state and a run stuck on the main thread can be stopped by closing
// its context.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { STOP_RULE } from './bench/fa2-stop-rule.ts';
import { PEERS, type PeerName, type PeerRun } from './bench/peers-api.ts';
import { median, ms, printTable } from './bench-table.ts';

/** 'shipped', and the generated graphs (generateGraph(N, 1)) that scripts/bench.ts writes into dist/. */
export const SIDE_BY_SIDE_GRAPHS = ['shipped', '1000', '5000', '20000'];
/** The window of the app-level figures; the peers get a container the size of the app's graph canvas in it. */
export const APP_WINDOW = { width: 1280, height: 720 };
const RUNS = 3;
/**
 * A run longer than this is not repeated, to keep the bench near 15 minutes; the cell says "1 run". The app's
 * figures are the subject, repeated unless hopeless; a peer's, the reference, once when they are slow.
 */
const APP_SINGLE_RUN_ABOVE_MS = 60_000;
const PEER_SINGLE_RUN_ABOVE_MS = 20_000;
/**
 * A peer's run is stopped (its browser context closed) after this. 90 s, not the layout table's 60 s:
 * sigma's ForceAtlas2 on 20,000 actors takes 40 to 55 s on this machine and should be measured, not stopped.
 */
const PEER_TIMEOUT_MS = 90_000;
/** 300 s: at 20,000 actors the app takes minutes to draw on this machine; a figure beats "not within". */
const APP_TIMEOUT_MS = 300_000;
/** The graph area the issue measured, for the peers if the app gives none (it does not build, or refuses). */
const ISSUE_AREA = { width: 620, height: 633 };

interface Area {
  width: number;
  height: number;
}

interface Measured {
  ms: number;
  longestTaskMs: number;
  longTaskTotalMs: number;
  /** performance.memory.usedJSHeapSize after the run, after a forced garbage collection. */
  heapBytes: number;
}

interface AppRun extends Measured {
  /** ag:first-frame, when the app sets it. */
  firstFrameMs: number | null;
  renderer: string;
  rendererMarked: boolean;
  area: Area;
  phases: string[];
}

interface PeerMeasured extends Measured {
  detail: string;
}

/** Runs, or why there is no figure: a short cell for the table and a note saying more. */
type Outcome<Run> = { ok: true; runs: Run[] } | { ok: false; cell: string; note: string };

/**
 * Waits until the app has drawn the graph it was asked to open ('ag:graph-drawn'), or has refused the file.
 * A ?graph= file the app refuses is listed as a problem and the shipped graph is drawn instead, so the mark
 * alone would time the wrong graph. Returns the mark's time from navigation start, or what went wrong.
 */
export async function waitForGraphDrawn(page: Page, timeoutMs: number): Promise<number | string> {
  try {
    const handle = await page.waitForFunction(
      () => {
        const problems = document.querySelector('ag-app')?.shadowRoot?.querySelector('ag-problem-list')?.shadowRoot;
        const errors = problems?.querySelector('section.errors');
        if (errors)
          return `refused: ${(errors.querySelector('li') ?? errors).textContent?.replace(/\s+/g, ' ').trim()}`;
        return performance.getEntriesByName('ag:graph-drawn')[0]?.startTime ?? false;
      },
      null,
      { timeout: timeoutMs },
    );
    return (await handle.jsonValue()) as number | string;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError')
      return `no ag:graph-drawn mark within ${timeoutMs / 1000} s`;
    return `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

/** Installed before the app's own scripts (page.addInitScript): every main-thread task over 50 ms. */
function observeLongTasks(): void {
  const tasks: { startTime: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ startTime: entry.startTime, duration: entry.duration });
  });
  observer.observe({ type: 'longtask', buffered: true });
  Object.assign(window, { agLongTasks: { tasks, observer } });
}

/** The JS heap in use after a forced garbage collection (Chromium only; precise with --enable-precise-memory-info). */
async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const session = await context.newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  await session.detach();
  return page.evaluate(
    () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN,
  );
}

/** One navigation of the built app, in a new context: from navigation start to the graph drawn. */
async function appRun(browser: Browser, url: string): Promise<AppRun | string> {
  const context = await browser.newContext({ viewport: APP_WINDOW });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.addInitScript(observeLongTasks);
    await page.goto(url);
    const drawn = await waitForGraphDrawn(page, APP_TIMEOUT_MS);
    if (typeof drawn === 'string') return drawn;
    const seen = await page.evaluate((drawnAt) => {
      const { tasks, observer } = (
        window as unknown as {
          agLongTasks: { tasks: { startTime: number; duration: number }[]; observer: PerformanceObserver };
        }
      ).agLongTasks;
      const all = [...tasks, ...observer.takeRecords()];
      const during = all.filter((task) => task.startTime < drawnAt);
      const canvas = document
        .querySelector('ag-app')
        ?.shadowRoot?.querySelector('ag-graph-view')
        ?.shadowRoot?.querySelector('#cy')
        ?.getBoundingClientRect();
      const renderer = performance.getEntriesByName('ag:renderer')[0] as PerformanceMark | undefined;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        firstFrameMs: performance.getEntriesByName('ag:first-frame')[0]?.startTime ?? null,
        renderer: typeof renderer?.detail === 'string' ? renderer.detail : 'canvas',
        rendererMarked: renderer !== undefined,
        area: { width: Math.round(canvas?.width ?? 0), height: Math.round(canvas?.height ?? 0) },
        longestTaskMs: Math.max(0, ...during.map((task) => task.duration)),
        longTaskTotalMs: during.reduce((sum, task) => sum + task.duration, 0),
        phases: [
          `DOMContentLoaded at ${Math.round(navigation?.domContentLoadedEventEnd ?? NaN)} ms`,
          ...performance
            .getEntriesByType('measure')
            .filter((entry) => entry.name.startsWith('ag:'))
            .map(
              (entry) =>
                `${entry.name.slice(3)} ${Math.round(entry.duration)} ms (from ${Math.round(entry.startTime)} ms)`,
            ),
        ],
      };
    }, drawn);
    return { ms: drawn, ...seen, heapBytes: await heapAfterGc(context, page) };
  } finally {
    await context.close();
  }
}

async function appFigures(browser: Browser, url: string): Promise<Outcome<AppRun>> {
  const runs: AppRun[] = [];
  for (let run = 0; run < RUNS; run++) {
    const result = await appRun(browser, url);
    if (typeof result === 'string') {
      const cell = result.startsWith('refused') ? 'refused' : result.startsWith('no ') ? 'no mark' : 'failed';
      return { ok: false, cell, note: result };
    }
    runs.push(result);
    if (result.ms > APP_SINGLE_RUN_ABOVE_MS) break;
  }
  return { ok: true, runs };
}

/** Resolves with the work's value, or with null after timeoutMs (the work is left to fail on its own). */
async function within<T>(work: Promise<T>, timeoutMs: number): Promise<T | null> {
  work.catch(() => {});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A peer's runs on one graph, on a fresh peers page; a run past PEER_TIMEOUT_MS closes the page's context. */
async function peerFigures(
  browser: Browser,
  origin: string,
  graph: string,
  peer: PeerName,
  area: Area,
): Promise<Outcome<PeerMeasured> & { size: { actors: number; relations: number } | null }> {
  // The preview server sends the app's Content-Security-Policy with every page; the peers are not
  // built for it (the FA2 supervisor starts its worker from a blob: URL, Cytoscape injects a <style>).
  const context = await browser.newContext({ viewport: APP_WINDOW, bypassCSP: true });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${origin}/bench/peers.html`);
    await page.waitForFunction(() => document.title === 'Peers bench: ready', null, { timeout: 20_000 });
    await page.evaluate(({ width, height }) => window.agPeers.setArea(width, height), area);
    const size = await page.evaluate((name) => window.agPeers.load(name), graph);
    const runs: PeerMeasured[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result: PeerRun | null = await within(
        page.evaluate((name) => window.agPeers.run(name), peer),
        PEER_TIMEOUT_MS,
      );
      if (result === null)
        return {
          ok: false,
          cell: `> ${ms(PEER_TIMEOUT_MS)} (stopped)`,
          note: `stopped after ${ms(PEER_TIMEOUT_MS)} (its page was closed)`,
          size,
        };
      runs.push({ ...result, heapBytes: await heapAfterGc(context, page) });
      if (result.ms > PEER_SINGLE_RUN_ABOVE_MS) break;
    }
    return { ok: true, runs, size };
  } finally {
    await context.close();
  }
}

const graphLabel = (graph: string): string =>
  graph === 'shipped' ? 'shipped (kadhimi-2021)' : `generated, ${Number(graph).toLocaleString('en')} actors`;
const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

function medianOf<Run extends Measured>(outcome: Outcome<Run>, pick: (run: Run) => number): number | null {
  return outcome.ok ? median(outcome.runs.map(pick)) : null;
}

function timeCell(outcome: Outcome<Measured>): string {
  if (!outcome.ok) return outcome.cell;
  const runs = outcome.runs.length;
  const time = ms(median(outcome.runs.map((run) => run.ms)));
  return runs === RUNS ? time : `${time} (${runs} run${runs === 1 ? '' : 's'})`;
}

const ratio = (numerator: number | null, denominator: number | null): string =>
  numerator === null || denominator === null || denominator <= 0 ? '-' : (numerator / denominator).toFixed(2);

/** Measures and prints the side-by-side table, the peers' own figures and what they mean. */
export async function printSideBySide(browser: Browser, origin: string, appBuilt: boolean): Promise<void> {
  console.log(
    `\nSide by side with the peers (same Chromium, same graph files; app window ${APP_WINDOW.width} x ` +
      `${APP_WINDOW.height}; median of ${RUNS} runs unless said):`,
  );
  let area: Area | null = null;
  const rows: string[][] = [];
  const detailRows: string[][] = [];
  const notes: string[] = [];
  const appRenderers = new Set<string>();
  /** Why a peer is skipped from a graph on. */
  const skips = new Map<PeerName, { from: string; reason: string }>();
  const iterations: string[] = [];

  for (const [index, graph] of SIDE_BY_SIDE_GRAPHS.entries()) {
    const url = graph === 'shipped' ? `${origin}/` : `${origin}/?graph=/generated-${graph}.json`;
    const app: Outcome<AppRun> = appBuilt
      ? await appFigures(browser, url)
      : { ok: false, cell: 'not built', note: 'the app does not build' };
    if (!app.ok) notes.push(`${graphLabel(graph)}: the app: ${app.note}`);
    else {
      for (const run of app.runs)
        appRenderers.add(`${run.renderer}${run.rendererMarked ? '' : ' (no ag:renderer mark)'}`);
      const shown = app.runs[0]?.area;
      if (shown && area === null) {
        area = shown;
        console.log(
          `Graph area: ${area.width} x ${area.height} px, the app's graph canvas; every peer draws into that.`,
        );
      } else if (shown && area && (shown.width !== area.width || shown.height !== area.height)) {
        notes.push(`${graphLabel(graph)}: the app's graph canvas was ${shown.width} x ${shown.height} px here.`);
      }
      const phases = app.runs.at(-1)?.phases ?? [];
      if (phases.length > 0)
        notes.push(`${graphLabel(graph)}, the app's phases of the first draw (last run): ${phases.join(', ')}`);
    }
    if (area === null) {
      area = ISSUE_AREA;
      console.log(`Graph area: ${area.width} x ${area.height} px, the issue's (the app gave none).`);
    }

    const peers = new Map<PeerName, Outcome<PeerMeasured>>();
    let size: { actors: number; relations: number } | null = null;
    for (const peer of PEERS) {
      const skip = skips.get(peer);
      if (skip) {
        const note = skip.from === graph ? skip.reason : `skipped, as from ${graphLabel(skip.from)}`;
        peers.set(peer, { ok: false, cell: 'skipped', note });
        continue;
      }
      const outcome = await peerFigures(browser, origin, graph, peer, area);
      size ??= outcome.size;
      peers.set(peer, outcome);
      const next = SIDE_BY_SIDE_GRAPHS[index + 1];
      if (!outcome.ok && next) {
        skips.set(peer, {
          from: next,
          reason: `skipped: stopped after ${ms(PEER_TIMEOUT_MS)} at ${graphLabel(graph)}`,
        });
      } else if (outcome.ok && next && graph !== 'shipped') {
        // Skipped at the next size only when even linear growth would pass the limit: no peer grows slower
        // than the actors, so no guess is needed about how much faster it grows (guesses fail both ways here:
        // fcose draft took 2.9 s on 1,000 actors, 18 s on 5,000 and, once, 376 s on 20,000). Anything else is
        // measured. The shipped graph is too small to predict from: fixed costs outweigh the layout there.
        const time = median(outcome.runs.map((run) => run.ms));
        const predicted = time * (Number(next) / Number(graph));
        if (predicted > PEER_TIMEOUT_MS)
          skips.set(peer, {
            from: next,
            reason:
              `skipped: ${ms(time)} at ${graphLabel(graph)}; even growing only as fast as the actors, ` +
              `${graphLabel(next)} would take ${ms(predicted)} or more, over the ${ms(PEER_TIMEOUT_MS)} limit`,
          });
      }
      if (peer === 'sigma, layout then draw' && outcome.ok)
        iterations.push(`${graphLabel(graph)}: ${outcome.runs.map((run) => run.detail).join('; ')}`);
    }

    const peerOf = (peer: PeerName): Outcome<PeerMeasured> =>
      peers.get(peer) ?? { ok: false, cell: 'skipped', note: 'not run' };
    const appPicture = medianOf(app, (run) => run.ms);
    const firstFrames = app.ok ? app.runs.flatMap((run) => (run.firstFrameMs === null ? [] : [run.firstFrameMs])) : [];
    const sigma = peerOf('sigma, layout then draw');
    const appHeap = medianOf(app, (run) => run.heapBytes);
    const sigmaHeap = medianOf(sigma, (run) => run.heapBytes);
    rows.push([
      graphLabel(graph),
      size ? `${size.actors}/${size.relations}` : '?',
      firstFrames.length > 0 ? ms(median(firstFrames)) : '-',
      timeCell(app),
      timeCell(peerOf('naive Cytoscape, fcose default')),
      timeCell(peerOf('naive Cytoscape, fcose draft')),
      timeCell(sigma),
      timeCell(peerOf('sigma, first live frame')),
      ratio(
        appPicture,
        medianOf(sigma, (run) => run.ms),
      ),
      ratio(
        appPicture,
        medianOf(peerOf('naive Cytoscape, fcose draft'), (run) => run.ms),
      ),
      app.ok ? ms(median(app.runs.map((run) => run.longestTaskMs))) : '-',
      app.ok ? ms(median(app.runs.map((run) => run.longTaskTotalMs))) : '-',
      `${appHeap === null ? '-' : megabytes(appHeap)} / ${sigmaHeap === null ? '-' : megabytes(sigmaHeap)}`,
    ]);
    const sides: [string, Outcome<Measured>][] = [['app, first picture', app], ...peers.entries()];
    for (const [side, outcome] of sides) {
      detailRows.push([
        side === 'app, first picture' ? graphLabel(graph) : '',
        side,
        timeCell(outcome),
        outcome.ok ? ms(median(outcome.runs.map((run) => run.longestTaskMs))) : '',
        outcome.ok ? ms(median(outcome.runs.map((run) => run.longTaskTotalMs))) : '',
        outcome.ok ? megabytes(median(outcome.runs.map((run) => run.heapBytes))) : '',
      ]);
      if (!outcome.ok && side !== 'app, first picture') notes.push(`${graphLabel(graph)}: ${side}: ${outcome.note}`);
    }
  }

  printTable(
    [
      'graph',
      'actors/relations',
      'app first frame',
      'app first picture',
      'naive Cytoscape default',
      'naive Cytoscape draft',
      'sigma layout then draw',
      'sigma first live frame',
      'app ÷ sigma layout-then-draw',
      'app ÷ naive draft',
      'app longest task',
      'app long-task total',
      'heap app/sigma',
    ],
    rows,
  );
  console.log(
    'app first frame: navigation start to the mark ag:first-frame (something useful on screen; - when the app ' +
      'sets none). app first picture: navigation start to ag:graph-drawn (fetched, checked, laid out, drawn).',
  );
  console.log(
    'naive Cytoscape: cytoscape({ container, elements, style, layout: fcose }) on the main thread, plain ' +
      'stylesheet (labels, arrows), from the file text in memory (JSON.parse included) to the first frame drawn.',
  );
  console.log(
    `sigma layout then draw: parse, graphology graph (seeded start), ForceAtlas2 in a worker ${STOP_RULE}, ` +
      'then new Sigma() and its first frame. sigma first live frame: the FA2 worker supervisor (Gephi Lite) ' +
      'started, time until sigma has drawn the first iteration.',
  );
  console.log(
    'Ratios: the app first picture divided by the peer (above 1: the app is slower). Long tasks: main-thread ' +
      'tasks over 50 ms (PerformanceObserver "longtask"), during the run. Heap: performance.memory.usedJSHeapSize ' +
      '(Chromium only, --enable-precise-memory-info) after drawing and a forced garbage collection; the peers ' +
      "page also holds the file's text.",
  );
  printTable(['graph', 'side', 'time', 'longest task', 'long-task total', 'heap'], detailRows);
  console.log(
    `Renderers: app ${[...appRenderers].join(', ') || '-'} (Cytoscape); naive Cytoscape canvas 2D; sigma WebGL ` +
      `(${await webglRenderer(browser, origin)}). Chromium runs with --disable-gpu: canvas 2D is rasterised ` +
      'in software, WebGL by SwiftShader.',
  );
  for (const line of iterations) console.log(`- FA2 (sigma, layout then draw), ${line}`);
  for (const note of notes) console.log(`- ${note}`);
}

/** UNMASKED_RENDERER_WEBGL, as a page of this browser sees it. */
async function webglRenderer(browser: Browser, origin: string): Promise<string> {
  const context = await browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/bench/peers.html`);
    await page.waitForFunction(() => document.title === 'Peers bench: ready', null, { timeout: 20_000 });
    return await page.evaluate(() => window.agPeers.webglRenderer());
  } finally {
    await context.close();
  }
}
