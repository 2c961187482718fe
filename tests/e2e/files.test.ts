// Opening graph files: by picker, drop and URL; broken, hostile and huge
// ones get a located report, the page stays responsive, and the graph on
// screen stays.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { generateGraph } from '../../scripts/generate-graph.ts';
import { GRAPH_LIMITS, MAX_GRAPH_FILE_BYTES } from '../../src/model/validate.ts';
import {
  canvas,
  clickOnGraph,
  deep,
  drawnIds,
  filterCheckbox,
  openExplorer,
  openText,
  part,
  settle,
  shipped,
  shippedText,
  statusLine,
  text,
} from './support.ts';

const shippedStatus = `kadhimi-2021.json · showing ${shipped.actors.length} of ${shipped.actors.length} actors`;
const problemText = (host: HTMLElement & { shadowRoot: ShadowRoot | null }) => text(deep(host, 'ag-problem-list'));
const minimalStatus = 'minimal.json · showing 2 of 2 actors, 1 of 1 relations';

/** A graph file with `count` actors as small as the format allows (about 55 bytes each). */
function fileWithActors(count: number): string {
  const actors = Array.from({ length: count }, (_, i) => `{"id":"a${i}","label":"A ${i}","kind":"k","evidence":[]}`);
  const lists = '"actorKinds":[],"relationTypes":[],"sources":[]';
  return `{"title":"Many","updated":"2026-11-28",${lists},"actors":[\n${actors.join(',\n')}\n],"relations":[]}`;
}

/** Serves `response` for one same-origin path, as a web server would, and everything else as usual. */
function serve(path: string, response: () => Response): void {
  const realFetch = window.fetch.bind(window);
  vi.spyOn(window, 'fetch').mockImplementation((input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    return url.pathname === path ? Promise.resolve(response()) : realFetch(input, init);
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('opening other graph files', () => {
  it('a broken file lists every error with line:column and keeps the graph on screen', async () => {
    const host = await openExplorer();
    const broken = '{\n  "title": "Broken",\n  "updated": "2026-11-28"\n  "actors": []\n}\n';
    await userEvent.upload(deep(host, 'input[type=file]'), new File([broken], 'broken.json'));
    await expect.poll(() => problemText(host)).toContain('broken.json could not be opened');
    expect(problemText(host)).toContain('broken.json:4:3 invalid JSON: expected "," between items');
    expect(statusLine(host)).toContain(shippedStatus);
    expect(deep(host, 'h1').textContent).toContain('Drone attack');
    expect((await drawnIds(host)).actors).toHaveLength(shipped.actors.length);
  });

  it('a file dropped on the explorer is opened and drawn', async () => {
    const host = await openExplorer();
    const minimal = await (await fetch('/tests/fixtures/minimal.json')).text();
    const transfer = new DataTransfer();
    transfer.items.add(new File([minimal], 'dropped.json', { type: 'application/json' }));
    host.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await settle(host);
    expect(text(host)).toContain('Drop a graph file');
    host.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await expect.poll(() => statusLine(host)).toBe('dropped.json · showing 2 of 2 actors, 1 of 1 relations');
    await host.graphDrawn;
    expect(await drawnIds(host)).toEqual({ actors: ['attack', 'khazali'], relations: ['khazali-denied-attack'] });
  });

  it('a file with only warnings opens, and its warnings are listed', async () => {
    const host = await openExplorer();
    const withWarnings = await (await fetch('/tests/fixtures/broken/warnings-only.json')).text();
    expect(await openText(host, withWarnings, 'warnings-only.json')).toBe(true);
    await host.graphDrawn;
    expect(problemText(host)).toContain('warnings-only.json opened with 3 warnings');
    expect(problemText(host)).toContain(
      'warnings-only.json:19:5 actors[2]: warning: "Esmail Qaani" takes part in no relation',
    );
    expect(statusLine(host)).toBe('warnings-only.json · showing 3 of 3 actors, 4 of 4 relations');
  });

  it('a schema error is reported by path and the previous graph stays', async () => {
    const host = await openExplorer();
    const graph = JSON.parse(shippedText) as { relations: { to: string }[] };
    graph.relations[0]!.to = 'khazaly';
    expect(await openText(host, JSON.stringify(graph, null, 2), 'typo.json')).toBe(false);
    await settle(host);
    expect(problemText(host)).toMatch(
      /typo\.json:\d+:\d+ relations\[0\]\.to: no actor "khazaly" \(did you mean "khazali"\?\)/,
    );
    expect(statusLine(host)).toContain('kadhimi-2021.json');
  });

  it('a label with HTML in it shows as text and runs nothing; a javascript: URL is not a link', async () => {
    const host = await openExplorer();
    const evil = '<img src=x onerror="window.__attacked=true">';
    const item = { source: 's', quote: 'q', attributedTo: 'x', credibility: 2 };
    const graph = {
      title: `Evil ${evil}`,
      updated: '2026-11-28',
      actorKinds: [{ id: 'person', label: 'Person' }],
      relationTypes: [{ id: 'met', label: 'met', definition: 'met', directed: false }],
      sources: [
        {
          id: 's',
          title: `Source ${evil}`,
          publisher: 'P',
          author: null,
          published: null,
          reliability: 'C',
          url: 'https://example.org/',
        },
      ],
      actors: [
        { id: 'a', label: evil, kind: 'person', evidence: [{ ...item, quote: `quote ${evil}`, attributedTo: evil }] },
        { id: 'b', label: 'B', kind: 'person', evidence: [item] },
      ],
      relations: [{ id: 'r', type: 'met', from: 'a', to: 'b', evidence: [item] }],
    };
    expect(await openText(host, JSON.stringify(graph), 'evil.json')).toBe(true);
    await host.graphDrawn;
    await clickOnGraph(host, 'a');
    const panel = part(host, 'ag-evidence-panel');
    expect(panel.shadowRoot?.querySelector('h2')?.textContent).toBe(evil);
    expect(text(panel)).toContain(`quote ${evil}`);
    expect(deep(host, 'h1').textContent).toBe(`Evil ${evil}`);
    for (const root of [host.shadowRoot!, panel.shadowRoot!]) expect(root.querySelector('img')).toBeNull();
    expect((window as unknown as { __attacked?: boolean }).__attacked).toBeUndefined();
    expect(panel.shadowRoot?.querySelector('a')?.getAttribute('href')).toBe('https://example.org/');

    const jsGraph = { ...graph, sources: [{ ...graph.sources[0]!, url: 'javascript:alert(1)' }] };
    expect(await openText(host, JSON.stringify(jsGraph), 'js.json')).toBe(false);
    await settle(host);
    expect(problemText(host)).toContain('is not an http(s) link');
  });

  it('a file nested thousands of levels deep gets a located message, and the graph stays', async () => {
    const host = await openExplorer();
    const deepFile = `{"title": ${'['.repeat(6000)}${']'.repeat(6000)}}`;
    await userEvent.upload(deep(host, 'input[type=file]'), new File([deepFile], 'deep.json'));
    await expect.poll(() => problemText(host), { timeout: 10_000 }).toContain('deep.json could not be opened');
    expect(problemText(host)).toMatch(/deep\.json:1:\d+ .*nested deeper than \d+ levels/);
    expect(statusLine(host)).toContain(shippedStatus);
  });

  it('a file over the actor limit gets one clear message, and the graph stays', async () => {
    const host = await openExplorer();
    // 100,000 actors with empty evidence: over the actor limit, and about 6 MB of JSON.
    const actors = Array.from(
      { length: 100_000 },
      (_, i) => `{"id":"a${i}","label":"A ${i}","kind":"k","evidence":[]}`,
    );
    const lists = '"actorKinds":[],"relationTypes":[],"sources":[]';
    const huge = `{"title":"Huge","updated":"2026-11-28",${lists},"actors":[${actors.join(',')}],"relations":[]}`;
    expect(await openText(host, huge, 'huge.json')).toBe(false);
    await settle(host);
    expect(problemText(host)).toMatch(
      /huge\.json:\d+:\d+ .*100,000 actors; the explorer opens at most 25,000: split the graph, or filter it/,
    );
    expect(statusLine(host)).toContain(shippedStatus);
  });

  it('a file over the actor limit, chosen by the analyst, is refused with its count; their graph stays', async () => {
    const host = await openExplorer();
    expect(await host.openUrl('/tests/fixtures/minimal.json')).toBe(true);
    await host.graphDrawn;
    const file = new File([fileWithActors(GRAPH_LIMITS.actors + 1)], 'many.json');
    expect(await host.openFile(file)).toBe(false);
    await settle(host);
    expect(problemText(host)).toContain('many.json could not be opened: 1 error The graph on screen is unchanged.');
    expect(problemText(host)).toMatch(
      /many\.json:1:97 actors: the file has 25,001 actors; the explorer opens at most 25,000: split the graph, or/,
    );
    expect(statusLine(host)).toBe(minimalStatus);
    expect(await drawnIds(host)).toEqual({ actors: ['attack', 'khazali'], relations: ['khazali-denied-attack'] });
  });

  it('a file over 128 MB is refused before it is read, with its size and the limit; the graph stays', async () => {
    const host = await openExplorer();
    expect(await host.openUrl('/tests/fixtures/minimal.json')).toBe(true);
    await host.graphDrawn;
    const file = new File([new Uint8Array(MAX_GRAPH_FILE_BYTES + 1)], 'huge.json');
    const read = vi.spyOn(file, 'arrayBuffer');
    expect(await host.openFile(file)).toBe(false);
    await settle(host);
    expect(read).not.toHaveBeenCalled();
    expect(problemText(host)).toContain(
      'huge.json:1:1 the file is 128.1 MB; the explorer opens files of at most 128 MB: split the graph, or filter',
    );
    expect(statusLine(host)).toBe(minimalStatus);
  });

  it('a big file is checked off the main thread: the analyst can filter while it is checked', async () => {
    const host = await openExplorer();
    // 5,000 actors (13 MB), with one unknown actor at the very end: checked in full, then refused.
    const big = generateGraph(5000, 1);
    big.relations[big.relations.length - 1]!.to = 'nobody-at-all';
    let checked = false;
    const opened = openText(host, JSON.stringify(big), 'big.json').finally(() => {
      checked = true;
    });
    await expect.poll(() => text(host), { interval: 5 }).toContain('Checking big.json');
    // A click handled, and its result on screen, while the worker is still checking.
    await userEvent.click(filterCheckbox(host, 'denied'));
    await settle(host);
    const filteredWhileChecking = !checked && location.hash === '#hideTypes=denied';
    expect(await opened).toBe(false);
    expect(filteredWhileChecking).toBe(true);
    expect(problemText(host)).toMatch(/big\.json:\d+:\d+ relations\[\d+\]\.to: no actor "nobody-at-all"/);
  });

  it('invalid UTF-8 is reported with its position, not read as replacement characters', async () => {
    const host = await openExplorer();
    const bytes = new Uint8Array([...new TextEncoder().encode('{\n  "title": "'), 0xff, 0xfe, 0x22, 0x7d]);
    expect(await host.openBytes(bytes.buffer, 'latin.json', { keepView: false })).toBe(false);
    await settle(host);
    expect(problemText(host)).toMatch(/latin\.json:2:\d+ .*UTF-8/);
  });
});

describe('the explorer in the page', () => {
  it('moved elsewhere in the page, it keeps the analyst’s file and its picture', async () => {
    const host = await openExplorer();
    expect(await host.openUrl('/tests/fixtures/minimal.json')).toBe(true);
    await host.graphDrawn;
    const before = (await canvas(host)).nodes.map((n) => [n.id, n.x, n.y]);
    const elsewhere = document.createElement('div');
    document.body.append(elsewhere);
    elsewhere.append(host);
    await host.graphDrawn;
    expect(statusLine(host)).toBe('minimal.json · showing 2 of 2 actors, 1 of 1 relations');
    expect((await canvas(host)).nodes.map((n) => [n.id, n.x, n.y])).toEqual(before);
    document.body.append(host);
    elsewhere.remove();
  });
});

describe('opening a graph by URL (?graph=)', () => {
  it('opens a same-origin graph file', async () => {
    const host = await openExplorer();
    expect(await host.openUrl('/tests/fixtures/minimal.json')).toBe(true);
    await host.graphDrawn;
    expect(statusLine(host)).toBe('minimal.json · showing 2 of 2 actors, 1 of 1 relations');
  });

  it('refuses another site and a missing file, keeping the graph on screen', async () => {
    const host = await openExplorer();
    expect(await host.openUrl('https://example.org/graph.json')).toBe(false);
    await settle(host);
    expect(problemText(host)).toContain('only graphs from this site');
    expect(await host.openUrl('/graph/no-such-graph.json')).toBe(false);
    await settle(host);
    expect(problemText(host)).toMatch(/no-such-graph\.json could not be opened: 1 error/);
    expect(problemText(host)).toMatch(/no-such-graph\.json:1:1 not found/);
    expect(statusLine(host)).toContain('kadhimi-2021.json');
  });

  it('a failed ?graph= names the file that failed, and the shipped graph is shown instead', async () => {
    const host = await openExplorer('', '?graph=/graph/missing.json');
    expect(problemText(host)).toContain('missing.json could not be opened');
    expect(problemText(host)).toContain('kadhimi-2021.json is shown instead.');
    expect(problemText(host)).not.toContain('kadhimi-2021.json could not be opened');
    expect(statusLine(host)).toContain(shippedStatus);
    expect((await canvas(host)).nodes).toHaveLength(shipped.actors.length);
  });

  it('a ?graph= over the actor limit is named on screen with its count, the limit and what to do', async () => {
    const body = fileWithActors(30_000);
    serve('/graph/many.json', () => new Response(body, { headers: { 'content-type': 'application/json' } }));
    const host = await openExplorer('', '?graph=/graph/many.json');
    await settle(host);
    expect(problemText(host)).toContain('many.json could not be opened: 1 error kadhimi-2021.json is shown instead.');
    expect(problemText(host)).toContain(
      'many.json:1:97 actors: the file has 30,000 actors; the explorer opens at most 25,000: ' +
        'split the graph, or filter it before export',
    );
    expect(problemText(host)).toContain('checking stopped early');
    expect(statusLine(host)).toContain(shippedStatus);
  });

  it('a ?graph= over 128 MB is refused by the size its server gives, before it is downloaded', async () => {
    const cancelled = vi.fn();
    // A body that never ends: reading it would never finish.
    const endless = () => new ReadableStream({ pull: () => new Promise(() => {}), cancel: cancelled });
    const length = String(200 * 1024 * 1024);
    serve('/graph/huge.json', () => new Response(endless(), { headers: { 'content-length': length } }));
    const host = await openExplorer('', '?graph=/graph/huge.json');
    await settle(host);
    expect(problemText(host)).toContain('huge.json could not be opened: 1 error kadhimi-2021.json is shown instead.');
    expect(problemText(host)).toContain(
      'huge.json:1:1 the file is 200.0 MB; the explorer opens files of at most 128 MB',
    );
    expect(cancelled).toHaveBeenCalled();
    expect(statusLine(host)).toContain(shippedStatus);
  });

  it('?graph= opens the named file before the shipped graph', async () => {
    const host = await openExplorer('', '?graph=/tests/fixtures/minimal.json');
    expect(statusLine(host)).toBe('minimal.json · showing 2 of 2 actors, 1 of 1 relations');
    expect((await canvas(host)).nodes.map((n) => n.id).sort()).toEqual(['attack', 'khazali']);
  });
});
