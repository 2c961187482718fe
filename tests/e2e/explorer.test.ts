// End-to-end stories of an analyst using the explorer on the shipped graph,
// in real Chromium: real clicks on the Cytoscape canvas, real keyboard input.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/styles/page.css';
import type { AgApp, SnapshotResult } from '../../src/components/ag-app.ts';
import '../../src/main.ts';
import shippedGraphText from '../../graph/kadhimi-2021.json?raw';

const shipped = JSON.parse(shippedGraphText) as {
  actors: { id: string; label: string }[];
  relations: { id: string; type: string; from: string; to: string }[];
};

let app: AgApp | null = null;

async function openExplorer(hash = ''): Promise<AgApp> {
  history.replaceState(null, '', location.pathname + location.search + hash);
  app = document.createElement('ag-app');
  document.body.append(app);
  await app.graphDrawn;
  return app;
}

afterEach(() => {
  app?.remove();
  app = null;
  history.replaceState(null, '', location.pathname + location.search);
});

/** Finds an element through nested shadow roots: deep(app, 'ag-filter-panel', 'input'). */
function deep<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let current: Element | null = root;
  for (const selector of selectors) {
    current = (current?.shadowRoot ?? current)?.querySelector(selector) ?? null;
    if (!current) throw new Error(`no ${selectors.join(' > ')}`);
  }
  return current as T;
}
const part = (host: AgApp, tag: string) => deep(host, tag);
const text = (element: Element) => (element.shadowRoot ?? element).textContent?.replace(/\s+/g, ' ') ?? '';
const statusLine = (host: AgApp) => text(deep(host, '.status'));
const buttonNamed = (root: Element, name: string) => {
  const button = [...(root.shadowRoot ?? root).querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!button) throw new Error(`no button "${name}"`);
  return button;
};

/** A checkbox of the filter panel, found by the label the analyst reads. */
function filterCheckbox(host: AgApp, label: string): HTMLInputElement {
  const rows = [...(part(host, 'ag-filter-panel').shadowRoot?.querySelectorAll('label') ?? [])];
  const row = rows.find((r) => r.querySelector('span')?.textContent?.trim().startsWith(label));
  const input = row?.querySelector('input');
  if (!input) throw new Error(`no filter "${label}"`);
  return input;
}

async function settle(host: AgApp): Promise<void> {
  await host.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

/** Whether an actor or relation is drawn at the centre of the graph area (after the 250 ms centring animation). */
async function isCentred(host: AgApp, elementId: string): Promise<boolean> {
  await new Promise((resolve) => setTimeout(resolve, 400));
  const graphView = part(host, 'ag-graph-view') as HTMLElement & {
    renderedPositionOf(id: string): Promise<{ x: number; y: number } | null>;
  };
  const position = await graphView.renderedPositionOf(elementId);
  const box = graphView.getBoundingClientRect();
  return position !== null && Math.abs(position.x - box.width / 2) < 3 && Math.abs(position.y - box.height / 2) < 3;
}

async function clickOnGraph(host: AgApp, elementId: string, double = false): Promise<void> {
  const graphView = part(host, 'ag-graph-view') as HTMLElement & {
    renderedPositionOf(id: string): Promise<{ x: number; y: number } | null>;
  };
  const position = await graphView.renderedPositionOf(elementId);
  if (!position) throw new Error(`${elementId} is not drawn`);
  const canvasHost = deep(host, 'ag-graph-view', '#cy');
  if (double) await userEvent.dblClick(canvasHost, { position });
  else await userEvent.click(canvasHost, { position });
  await settle(host);
}

describe('the explorer on the shipped graph', () => {
  it('draws every actor and relation inside the graph area', async () => {
    const host = await openExplorer();
    expect(statusLine(host)).toContain(
      `showing ${shipped.actors.length} of ${shipped.actors.length} actors, ${shipped.relations.length} of ${shipped.relations.length} relations`,
    );
    const graphView = part(host, 'ag-graph-view') as HTMLElement & {
      renderedPositionOf(id: string): Promise<{ x: number; y: number } | null>;
    };
    const box = graphView.getBoundingClientRect();
    for (const actor of shipped.actors) {
      const position = await graphView.renderedPositionOf(actor.id);
      expect(position, actor.id).not.toBeNull();
      expect(position!.x, actor.id).toBeGreaterThan(0);
      expect(position!.x, actor.id).toBeLessThan(box.width);
      expect(position!.y, actor.id).toBeGreaterThan(0);
      expect(position!.y, actor.id).toBeLessThan(box.height);
    }
  });

  it('clicking Qaani in the graph shows the quote about meeting Kadhimi, with its source and grade', async () => {
    const host = await openExplorer();
    await clickOnGraph(host, 'qaani');
    const panel = text(part(host, 'ag-evidence-panel'));
    expect(panel).toContain('Esmail Qaani');
    expect(panel).toContain('flew to Baghdad on Sunday afternoon and met Kadhimi');
    expect(panel).toContain('Who Tried to Kill Iraqi Prime Minister Al-Kadhimi?');
    expect(panel).toMatch(/D\d: not usually reliable, /);
    expect(location.hash).toBe('#actor=qaani');
    // An empty corner of the graph: clicking the background clears the selection.
    await userEvent.click(deep(host, 'ag-graph-view', '#cy'), { position: { x: 4, y: 4 } });
    await settle(host);
    expect(location.hash).toBe('');
    expect(text(part(host, 'ag-evidence-panel'))).toContain('Click an actor or a relation');
  });

  it('labels are readable at the default zoom and no two actors’ labels overlap', async () => {
    const host = await openExplorer();
    const graphView = part(host, 'ag-graph-view') as HTMLElement & {
      renderedNodeBoxes(): Promise<{
        zoom: number;
        boxes: { id: string; x1: number; y1: number; x2: number; y2: number }[];
      }>;
    };
    const { zoom, boxes } = await graphView.renderedNodeBoxes();
    // 12 px labels drawn at this zoom: at least 9 px on screen.
    expect(12 * zoom).toBeGreaterThanOrEqual(9);
    expect(boxes).toHaveLength(shipped.actors.length);
    const overlapping: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlapping.push(`${a.id} / ${b.id}`);
      }
    }
    expect(overlapping).toEqual([]);
  });

  it('hovering an actor shows a tooltip with its name, kind and number of relations', async () => {
    const host = await openExplorer();
    const graphView = part(host, 'ag-graph-view') as HTMLElement & {
      renderedPositionOf(id: string): Promise<{ x: number; y: number } | null>;
    };
    const position = await graphView.renderedPositionOf('khazali');
    // Start from outside the graph, so that moving onto the node is a real "mouse over".
    await userEvent.hover(deep(host, 'h1'));
    await userEvent.hover(deep(host, 'ag-graph-view', '#cy'), { position: position! });
    await expect.poll(() => deep(host, 'ag-graph-view').shadowRoot?.querySelector('[role=tooltip]')).toBeTruthy();
    const relationCount = shipped.relations.filter((r) => r.from === 'khazali' || r.to === 'khazali').length;
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered line break is what the analyst reads
    expect(deep(host, 'ag-graph-view', '[role=tooltip]').innerText).toBe(
      `Qais al-Khazali\nPerson · ${relationCount} relations`,
    );
  });

  it('clicking a relation name in the panel selects that relation; Escape clears the selection', async () => {
    const host = await openExplorer('#actor=qaani');
    await settle(host);
    const panel = part(host, 'ag-evidence-panel');
    const showRelation = [...(panel.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
      b.getAttribute('aria-label')?.startsWith('show relation: Esmail Qaani met Mustafa al-Kadhimi'),
    );
    expect(showRelation).toBeDefined();
    await userEvent.click(showRelation!);
    await settle(host);
    expect(location.hash).toBe('#relation=qaani-met-kadhimi');
    expect(text(panel)).toContain('Relation “met”');
    expect(await isCentred(host, 'qaani-met-kadhimi')).toBe(true);
    await userEvent.keyboard('{Escape}');
    await settle(host);
    expect(location.hash).toBe('');
    expect(text(panel)).toContain('Click an actor or a relation');
  });

  it('each kind of filter changes the visible counts, filters combine, and Reset restores all', async () => {
    const host = await openExplorer();
    const total = (type: string) => shipped.relations.filter((r) => r.type === type).length;
    const all = shipped.relations.length;

    await userEvent.click(filterCheckbox(host, 'denied'));
    await settle(host);
    expect(statusLine(host)).toContain(`${all - total('denied')} of ${all} relations`);

    await userEvent.click(filterCheckbox(host, 'Event'));
    await settle(host);
    const afterKinds = Number(/(\d+) of \d+ relations/.exec(statusLine(host))?.[1]);
    expect(afterKinds).toBeLessThan(all - total('denied'));
    expect(statusLine(host)).toContain(`showing ${shipped.actors.length - 3} of ${shipped.actors.length} actors`);

    await userEvent.click(buttonNamed(part(host, 'ag-filter-panel'), 'Reset filters'));
    await settle(host);
    expect(statusLine(host)).toContain(
      `showing ${shipped.actors.length} of ${shipped.actors.length} actors, ${all} of ${all} relations`,
    );

    await userEvent.click(filterCheckbox(host, 'International South Connect'));
    await settle(host);
    const globalResearchOnly = Number(/(\d+) of \d+ relations/.exec(statusLine(host))?.[1]);
    expect(globalResearchOnly).toBeLessThan(all);

    await userEvent.selectOptions(deep(host, 'ag-filter-panel', '#credibility'), '2');
    await settle(host);
    expect(Number(/(\d+) of \d+ relations/.exec(statusLine(host))?.[1])).toBeLessThan(globalResearchOnly);

    await userEvent.click(buttonNamed(part(host, 'ag-filter-panel'), 'Reset filters'));
    await userEvent.selectOptions(deep(host, 'ag-filter-panel', '#reliability'), 'D');
    await settle(host);
    expect(Number(/(\d+) of \d+ relations/.exec(statusLine(host))?.[1])).toBeLessThan(all);

    await userEvent.click(buttonNamed(part(host, 'ag-filter-panel'), 'Reset filters'));
    await userEvent.fill(deep(host, 'ag-filter-panel', '#date-from'), '2021-11-07');
    await userEvent.fill(deep(host, 'ag-filter-panel', '#date-to'), '2021-11-07');
    await userEvent.click(filterCheckbox(host, 'keep undated relations'));
    await userEvent.click(filterCheckbox(host, 'hide actors with no visible relation'));
    await settle(host);
    expect(statusLine(host)).toMatch(/showing \d+ of \d+ actors, 9 of \d+ relations/);
    expect(Number(/showing (\d+) of/.exec(statusLine(host))?.[1])).toBeLessThan(shipped.actors.length);
  });

  it('search finds an actor by alias as you type, and Enter selects it', async () => {
    const host = await openExplorer();
    const input = deep<HTMLInputElement>(host, 'ag-search-box', 'input');
    await userEvent.click(input);
    await userEvent.keyboard('hashd');
    await settle(host);
    const options = [...(part(host, 'ag-search-box').shadowRoot?.querySelectorAll('[role=option]') ?? [])].map((o) =>
      o.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(options[0]).toMatch(/^Popular Mobilization Forces \(as “Hashd/);
    await userEvent.keyboard('{Enter}');
    await settle(host);
    expect(location.hash).toBe('#actor=pmf');
    expect(text(part(host, 'ag-evidence-panel'))).toContain('Popular Mobilization Forces');
    expect(await isCentred(host, 'pmf')).toBe(true);
  });

  it('double-clicking an actor focuses its neighbourhood and the focus can be cleared', async () => {
    const host = await openExplorer();
    await clickOnGraph(host, 'qaani', true);
    expect(location.hash).toContain('focus=qaani%3A1');
    const direct = new Set(
      shipped.relations.flatMap((r) => (r.from === 'qaani' ? [r.to] : r.to === 'qaani' ? [r.from] : [])),
    );
    const links = shipped.relations.filter(
      (r) => (r.from === 'qaani' || direct.has(r.from)) && (r.to === 'qaani' || direct.has(r.to)),
    ).length;
    expect(text(deep(host, '.focus-bar'))).toContain(
      `Focus: direct links of Esmail Qaani (${direct.size + 1} actors, ${links} relations; the rest dimmed)`,
    );
    // Two steps reach further; "Clear focus" ends it.
    const panel = part(host, 'ag-evidence-panel');
    await userEvent.click(buttonNamed(panel, 'Focus: two steps'));
    await settle(host);
    expect(location.hash).toContain('focus=qaani%3A2');
    expect(Number(/\((\d+) actors/.exec(text(deep(host, '.focus-bar')))?.[1])).toBeGreaterThan(direct.size + 1);
    await userEvent.click(buttonNamed(host, 'Clear focus'));
    await settle(host);
    expect(location.hash).not.toContain('focus=');
  });

  it('a keyboard user can reach the table, sort it and open a relation without a mouse', async () => {
    const host = await openExplorer();
    const toggle = buttonNamed(host, 'Show table');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    await settle(host);
    const table = part(host, 'ag-relation-table');
    const firstHeader = table.shadowRoot!.querySelector<HTMLButtonElement>('th button')!;
    firstHeader.focus();
    await userEvent.keyboard('{Enter}');
    await settle(host);
    expect(table.shadowRoot?.querySelector('th[aria-sort=descending]')?.textContent).toContain('From');
    // Tab from the last header into the first row: its "From" actor, then its relation.
    table.shadowRoot!.querySelectorAll<HTMLButtonElement>('th button')[4]!.focus();
    await userEvent.tab();
    await userEvent.tab();
    const focused = table.shadowRoot!.activeElement as HTMLButtonElement;
    expect(focused.getAttribute('aria-label')).toMatch(/: show the evidence$/);
    await userEvent.keyboard('{Enter}');
    await settle(host);
    expect(location.hash).toMatch(/^#relation=.+&view=table$/);
  });

  it('the table lists exactly the visible relations and sorts by a column', async () => {
    const host = await openExplorer('#hideTypes=denied');
    await userEvent.click(
      [...host.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Show table')!,
    );
    await settle(host);
    const table = part(host, 'ag-relation-table');
    const rows = () => [...(table.shadowRoot?.querySelectorAll('tbody tr') ?? [])];
    const visibleCount = shipped.relations.filter((r) => r.type !== 'denied').length;
    expect(rows()).toHaveLength(visibleCount);
    expect(rows().some((row) => row.textContent?.includes('denied'))).toBe(false);
    const dateHeader = [...(table.shadowRoot?.querySelectorAll('th button') ?? [])].find((b) =>
      b.textContent?.startsWith('Date'),
    )!;
    await userEvent.click(dateHeader);
    await settle(host);
    expect(rows()[0]?.querySelectorAll('td')[3]?.textContent).toBe('2003');
    expect(table.shadowRoot?.querySelector('th[aria-sort=ascending]')?.textContent).toContain('Date');
  });

  it('exports a PNG at 2x scale with real pixels, also with filters applied', async () => {
    const host = await openExplorer('#hideKinds=event');
    const exported = new Promise<SnapshotResult>((resolve) =>
      host.addEventListener('ag-exported', (e) => resolve((e as CustomEvent<SnapshotResult>).detail), { once: true }),
    );
    await userEvent.click(
      [...host.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Export PNG')!,
    );
    const result = await exported;
    expect(result.fileName).toMatch(/^kadhimi-2021_view_\d{4}-\d{2}-\d{2}\.png$/);
    const graphBox = part(host, 'ag-graph-view').getBoundingClientRect();
    // The current view at 2x, plus the title, legend and sources drawn around it.
    expect(result.width).toBeGreaterThanOrEqual(Math.floor(graphBox.width * 2));
    expect(result.height).toBeGreaterThan(Math.floor(graphBox.height * 2));
    const bitmap = await createImageBitmap(result.blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let coloured = 0;
    for (let i = 0; i < pixels.length; i += 4)
      if (pixels[i]! < 200 || pixels[i + 1]! < 200 || pixels[i + 2]! < 200) coloured++;
    expect(coloured / (pixels.length / 4)).toBeGreaterThan(0.005);
    expect(pixels[3]).toBe(255); // white, opaque background
  });

  it('the whole-graph export fits the whole graph and stays under the canvas limit', async () => {
    const host = await openExplorer();
    const select = deep<HTMLSelectElement>(host, '#export-scope');
    await userEvent.selectOptions(select, 'whole');
    const result = await host.exportSnapshot();
    expect(result?.fileName).toMatch(/^kadhimi-2021_whole-graph_/);
    expect(Math.max(result!.width, result!.height)).toBeLessThan(16_384);
  });
});

describe('opening other graph files', () => {
  it('a broken file lists every error with line:column and keeps the graph on screen', async () => {
    const host = await openExplorer();
    const broken = '{\n  "title": "Broken",\n  "updated": "2026-11-28"\n  "actors": []\n}\n';
    await userEvent.upload(
      deep(host, 'input[type=file]'),
      new File([broken], 'broken.json', { type: 'application/json' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    await settle(host);
    const problems = text(part(host, 'ag-problem-list'));
    expect(problems).toContain('broken.json could not be opened');
    expect(problems).toContain('broken.json:4:3 invalid JSON: expected "," between items');
    expect(statusLine(host)).toContain(`showing ${shipped.actors.length} of ${shipped.actors.length} actors`);
    expect(deep(host, 'h1').textContent).toContain('Drone attack');
  });

  it('a file dropped on the explorer is opened', async () => {
    const host = await openExplorer();
    const minimal = await (await fetch('/tests/fixtures/minimal.json')).text();
    const transfer = new DataTransfer();
    transfer.items.add(new File([minimal], 'dropped.json', { type: 'application/json' }));
    host.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await settle(host);
    expect(text(host)).toContain('Drop a graph file');
    host.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await host.graphDrawn;
    expect(statusLine(host)).toBe('dropped.json · showing 2 of 2 actors, 1 of 1 relations');
  });

  it('a file with only warnings opens, and its warnings are listed', async () => {
    const host = await openExplorer();
    const withWarnings = await (await fetch('/tests/fixtures/broken/warnings-only.json')).text();
    expect(host.openText(withWarnings, 'warnings-only.json', { keepView: false })).toBe(true);
    await host.graphDrawn;
    const problems = text(part(host, 'ag-problem-list'));
    expect(problems).toContain('warnings-only.json opened with 3 warnings');
    expect(problems).toContain('warnings-only.json:19:5 actors[2]: warning: "Esmail Qaani" takes part in no relation');
    expect(statusLine(host)).toBe('warnings-only.json · showing 3 of 3 actors, 4 of 4 relations');
  });

  it('a schema error is reported by path and the previous graph stays', async () => {
    const host = await openExplorer();
    const graph = JSON.parse(shippedGraphText) as { relations: { to: string }[] };
    graph.relations[0]!.to = 'khazaly';
    expect(host.openText(JSON.stringify(graph, null, 2), 'typo.json', { keepView: false })).toBe(false);
    await settle(host);
    expect(text(part(host, 'ag-problem-list'))).toMatch(
      /typo\.json:\d+:\d+ relations\[0\]\.to: no actor "khazaly" \(did you mean "khazali"\?\)/,
    );
    expect(statusLine(host)).toContain('kadhimi-2021.json');
  });

  it('a label with HTML in it shows as text and runs nothing; a javascript: URL is not a link', async () => {
    const host = await openExplorer();
    const evil = '<img src=x onerror="window.__attacked=true">';
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
        {
          id: 'a',
          label: evil,
          kind: 'person',
          evidence: [{ source: 's', quote: `quote ${evil}`, attributedTo: evil, credibility: 2 }],
        },
        {
          id: 'b',
          label: 'B',
          kind: 'person',
          evidence: [{ source: 's', quote: 'q', attributedTo: 'x', credibility: 2 }],
        },
      ],
      relations: [
        {
          id: 'r',
          type: 'met',
          from: 'a',
          to: 'b',
          evidence: [{ source: 's', quote: 'q', attributedTo: 'x', credibility: 2 }],
        },
      ],
    };
    expect(host.openText(JSON.stringify(graph), 'evil.json', { keepView: false })).toBe(true);
    await host.graphDrawn;
    await clickOnGraph(host, 'a');
    const panel = part(host, 'ag-evidence-panel');
    expect(panel.shadowRoot?.querySelector('h2')?.textContent).toBe(evil);
    expect(text(panel)).toContain(`quote ${evil}`);
    expect(deep(host, 'h1').textContent).toBe(`Evil ${evil}`);
    for (const root of [host.shadowRoot!, panel.shadowRoot!]) expect(root.querySelector('img')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as unknown as { __attacked?: boolean }).__attacked).toBeUndefined();
    expect(panel.shadowRoot?.querySelector('a')?.getAttribute('href')).toBe('https://example.org/');

    graph.sources[0]!.url = 'https://example.org/ok';
    const jsGraph = JSON.parse(JSON.stringify(graph)) as typeof graph;
    jsGraph.sources[0]!.url = 'javascript:alert(1)';
    expect(host.openText(JSON.stringify(jsGraph), 'js.json', { keepView: false })).toBe(false);
    await settle(host);
    expect(text(part(host, 'ag-problem-list'))).toContain('is not an http(s) link');
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
    expect(text(part(host, 'ag-problem-list'))).toContain('only graphs from this site');
    expect(await host.openUrl('/graph/no-such-graph.json')).toBe(false);
    await settle(host);
    expect(text(part(host, 'ag-problem-list'))).toMatch(
      /no-such-graph\.json:1:1 (the server answered 404|invalid JSON)/,
    );
    expect(statusLine(host)).toContain('kadhimi-2021.json');
  });
});

describe('the view in the URL', () => {
  it('a hash restores selection, filters and table view', async () => {
    const host = await openExplorer('#actor=qaani&hideTypes=denied&view=table');
    await settle(host);
    expect(text(part(host, 'ag-evidence-panel'))).toContain('Esmail Qaani');
    expect(filterCheckbox(host, 'denied').checked).toBe(false);
    const denied = shipped.relations.filter((r) => r.type === 'denied').length;
    expect(statusLine(host)).toContain(`${shipped.relations.length - denied} of ${shipped.relations.length} relations`);
    expect(part(host, 'ag-relation-table')).toBeTruthy();
  });

  it('a long evidence panel scrolls inside the window instead of pushing the graph off screen', async () => {
    const host = await openExplorer('#actor=kadhimi');
    await settle(host);
    const panel = part(host, 'ag-evidence-panel');
    expect(panel.scrollHeight).toBeGreaterThan(panel.clientHeight);
    expect(panel.getBoundingClientRect().bottom).toBeLessThanOrEqual(window.innerHeight + 1);
    expect(part(host, 'ag-graph-view').getBoundingClientRect().bottom).toBeLessThanOrEqual(window.innerHeight + 1);
  });

  it('Back undoes the last change', async () => {
    const host = await openExplorer();
    await userEvent.click(filterCheckbox(host, 'denied'));
    await settle(host);
    expect(location.hash).toBe('#hideTypes=denied');
    history.back();
    await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    await settle(host);
    expect(filterCheckbox(host, 'denied').checked).toBe(true);
    expect(statusLine(host)).toContain(`${shipped.relations.length} of ${shipped.relations.length} relations`);
  });
});
